#pragma once

#include "mapping/MappingProfile.h"

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QStackedWidget;

// Edits the transform and the default value of one rule. It never changes the rules itself: every edit is reported
// through ruleEdited() and the editor turns it into an undoable command, then calls setRule() with the result.
class TransformEditor : public QWidget
{
    Q_OBJECT
public:
    explicit TransformEditor(QWidget* parent = nullptr);

    // nullopt: no rule selected, the fields are disabled. `context` names the rule ("Candidate › Name → First name").
    // `targetIsList`: the target field takes entries of a named list, which the engine looks up even "as is".
    void setRule(const std::optional<MappingRule>& rule, const QString& context = {}, bool targetIsList = false);
    std::optional<MappingRule> rule() const { return m_rule; }

Q_SIGNALS:
    // `typing`: the change came from typing in a text field, so consecutive changes may merge into one undo step.
    void ruleEdited(const MappingRule& rule, bool typing);

private Q_SLOTS:
    void onKindActivated(int index);
    void onDateFormatChanged(const QString& text);
    void onListOutputActivated(int index);
    void onConstantEdited(const QString& text);
    void onDecimalsChanged(int value);
    void onCurrencyPartActivated(int index);
    void onSeparatorEdited(const QString& text);
    void onDefaultEdited(const QString& text);

private:
    void showRule();
    void emitEdit(const MappingRule& rule, bool typing);

    std::optional<MappingRule> m_rule;
    bool m_updating = false;
    bool m_targetIsList = false;
    QLabel* m_contextLabel = nullptr;
    QComboBox* m_kindCombo = nullptr;
    QStackedWidget* m_optionsStack = nullptr;
    QLabel* m_kindHint = nullptr;
    QComboBox* m_dateFormat = nullptr;
    QComboBox* m_listOutput = nullptr;
    QLineEdit* m_constant = nullptr;
    QSpinBox* m_decimals = nullptr;
    QComboBox* m_currencyPart = nullptr;
    QLineEdit* m_separator = nullptr;
    QLineEdit* m_default = nullptr;
    QWidget* m_hintPage = nullptr;
    QWidget* m_datePage = nullptr;
    QWidget* m_listPage = nullptr;
    QWidget* m_constantPage = nullptr;
    QWidget* m_numberPage = nullptr;
    QWidget* m_currencyPage = nullptr;
    QWidget* m_joinPage = nullptr;
};
