#pragma once

#include <QDialog>
#include <QStringList>

class MappingEditor;
class QComboBox;
class QLabel;

// A window around the mapping editor. Closing it with unsaved changes asks first (through MessageBox, so tests can
// answer).
class MappingEditorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MappingEditorDialog(QWidget* parent = nullptr);

    MappingEditor* editor() const { return m_editor; }
    // The HR systems the admin can map (configured targets, "bob" first); with more than one a selector shows.
    void setTargets(const QStringList& targets, const QString& current);
    QString currentTarget() const;
    QComboBox* targetCombo() const { return m_targetCombo; }

Q_SIGNALS:
    // The admin picked another HR system (after agreeing to drop unsaved changes): load its mapping.
    void targetRequested(const QString& target);

public Q_SLOTS:
    void reject() override;

private Q_SLOTS:
    void onModifiedChanged(bool modified);
    void onTargetActivated(int index);

private:
    MappingEditor* m_editor = nullptr;
    QWidget* m_targetBar = nullptr;
    QComboBox* m_targetCombo = nullptr;
    QString m_current;
};
