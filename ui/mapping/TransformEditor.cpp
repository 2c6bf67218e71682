#include "TransformEditor.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QStackedWidget>

namespace {

QWidget* optionPage(QWidget* parent, const QString& label, QWidget* field)
{
    auto* page = new QWidget(parent);
    auto* layout = new QHBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    auto* caption = new QLabel(label, page);
    caption->setBuddy(field);
    layout->addWidget(caption);
    layout->addWidget(field, 1);
    return page;
}

} // namespace

TransformEditor::TransformEditor(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("transformEditor"));

    m_contextLabel = new QLabel(this);
    m_contextLabel->setObjectName(QStringLiteral("transformContext"));
    m_contextLabel->setTextFormat(Qt::PlainText);
    m_contextLabel->setWordWrap(false);
    m_contextLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_kindCombo = new QComboBox(this);
    m_kindCombo->setObjectName(QStringLiteral("transformKind"));
    m_kindCombo->setAccessibleName(tr("Transform"));
    const QList<QPair<Transform::Kind, QString>> kinds {
        {Transform::Kind::None, tr("Send as is")},
        {Transform::Kind::DateFormat, tr("Format a date")},
        {Transform::Kind::FirstName, tr("First name of a full name")},
        {Transform::Kind::LastName, tr("Surname of a full name")},
        {Transform::Kind::ListLookup, tr("Look up in the target's list")},
        {Transform::Kind::Constant, tr("Always send a fixed value")},
        {Transform::Kind::Number, tr("Number")},
        {Transform::Kind::Currency, tr("Part of a money amount")},
        {Transform::Kind::Join, tr("Join multiple values")},
    };
    for (const auto& [kind, label] : kinds) {
        m_kindCombo->addItem(label, int(kind));
    }

    m_dateFormat = new QComboBox(this);
    m_dateFormat->setObjectName(QStringLiteral("dateFormat"));
    m_dateFormat->setEditable(true);
    m_dateFormat->setInsertPolicy(QComboBox::NoInsert);
    m_dateFormat->addItems({QStringLiteral("yyyy-MM-dd"), QStringLiteral("dd/MM/yyyy"), QStringLiteral("MM/dd/yyyy"),
        QStringLiteral("dd.MM.yyyy")});
    m_dateFormat->setToolTip(tr("Qt date format: yyyy year, MM month, dd day"));

    m_listOutput = new QComboBox(this);
    m_listOutput->setObjectName(QStringLiteral("listOutput"));
    m_listOutput->addItem(tr("the item's name"), QStringLiteral("name"));
    m_listOutput->addItem(tr("the item's id"), QStringLiteral("id"));

    m_constant = new QLineEdit(this);
    m_constant->setObjectName(QStringLiteral("constantValue"));
    m_constant->setPlaceholderText(tr("Value sent for every hire"));
    m_constant->setClearButtonEnabled(true);

    m_decimals = new QSpinBox(this);
    m_decimals->setObjectName(QStringLiteral("decimals"));
    m_decimals->setRange(-1, 6);
    m_decimals->setSpecialValueText(tr("as sent"));
    m_decimals->setSuffix(tr(" decimals"));

    m_currencyPart = new QComboBox(this);
    m_currencyPart->setObjectName(QStringLiteral("currencyPart"));
    m_currencyPart->addItem(tr("the amount (95000)"), QStringLiteral("value"));
    m_currencyPart->addItem(tr("the currency code (EUR)"), QStringLiteral("code"));
    m_currencyPart->addItem(tr("amount and code (95000 EUR)"), QStringLiteral("text"));

    m_separator = new QLineEdit(this);
    m_separator->setObjectName(QStringLiteral("separator"));
    m_separator->setPlaceholderText(tr("Between values, e.g. “, ”"));
    m_separator->setMaximumWidth(160);

    m_default = new QLineEdit(this);
    m_default->setObjectName(QStringLiteral("defaultValue"));
    m_default->setPlaceholderText(tr("Nothing: leave the field out"));
    m_default->setClearButtonEnabled(true);
    m_default->setAccessibleName(tr("Value when Ashby has none"));

    // Narrow minimums: the rules pane shares 1024 pixels with two trees, so no combo may insist on its longest item.
    for (QComboBox* combo : {m_kindCombo, m_dateFormat, m_listOutput, m_currencyPart}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(combo == m_kindCombo ? 16 : 10);
    }

    m_optionsStack = new QStackedWidget(this);
    m_optionsStack->setObjectName(QStringLiteral("transformOptions"));
    m_hintPage = new QWidget(m_optionsStack);
    auto* hintLayout = new QHBoxLayout(m_hintPage);
    hintLayout->setContentsMargins(0, 0, 0, 0);
    m_kindHint = new QLabel(m_hintPage);
    m_kindHint->setObjectName(QStringLiteral("transformHint"));
    m_kindHint->setWordWrap(true);
    m_kindHint->setForegroundRole(QPalette::PlaceholderText);
    hintLayout->addWidget(m_kindHint);
    m_datePage = optionPage(m_optionsStack, tr("as"), m_dateFormat);
    m_listPage = optionPage(m_optionsStack, tr("send"), m_listOutput);
    m_constantPage = optionPage(m_optionsStack, tr("value"), m_constant);
    m_numberPage = optionPage(m_optionsStack, tr("round to"), m_decimals);
    m_currencyPage = optionPage(m_optionsStack, tr("send"), m_currencyPart);
    m_joinPage = optionPage(m_optionsStack, tr("separated by"), m_separator);
    for (QWidget* page :
        {m_hintPage, m_datePage, m_listPage, m_constantPage, m_numberPage, m_currencyPage, m_joinPage}) {
        m_optionsStack->addWidget(page);
    }

    auto* kindRow = new QHBoxLayout;
    kindRow->setSpacing(8);
    kindRow->addWidget(m_kindCombo);
    kindRow->addWidget(m_optionsStack, 1);

    auto* form = new QFormLayout;
    form->setContentsMargins(0, 0, 0, 0);
    form->setHorizontalSpacing(10);
    form->setVerticalSpacing(6);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* kindLabel = new QLabel(tr("&Transform:"), this);
    kindLabel->setBuddy(m_kindCombo);
    auto* defaultLabel = new QLabel(tr("When &empty:"), this);
    defaultLabel->setBuddy(m_default);
    form->addRow(kindLabel, kindRow);
    form->addRow(defaultLabel, m_default);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_contextLabel);
    layout->addLayout(form);

    connect(m_kindCombo, &QComboBox::activated, this, &TransformEditor::onKindActivated);
    connect(m_dateFormat, &QComboBox::currentTextChanged, this, &TransformEditor::onDateFormatChanged);
    connect(m_listOutput, &QComboBox::activated, this, &TransformEditor::onListOutputActivated);
    connect(m_constant, &QLineEdit::textEdited, this, &TransformEditor::onConstantEdited);
    connect(m_decimals, &QSpinBox::valueChanged, this, &TransformEditor::onDecimalsChanged);
    connect(m_currencyPart, &QComboBox::activated, this, &TransformEditor::onCurrencyPartActivated);
    connect(m_separator, &QLineEdit::textEdited, this, &TransformEditor::onSeparatorEdited);
    connect(m_default, &QLineEdit::textEdited, this, &TransformEditor::onDefaultEdited);

    showRule();
}

void TransformEditor::setRule(const std::optional<MappingRule>& rule, const QString& context, bool targetIsList)
{
    m_rule = rule;
    m_targetIsList = targetIsList;
    // Into a list field "as is" is looked up by label (the rules table says "look up in list"): the box says the same.
    m_kindCombo->setItemText(m_kindCombo->findData(int(Transform::Kind::None)),
        targetIsList ? tr("Look up in the list (default)") : tr("Send as is"));
    m_kindCombo->setItemText(m_kindCombo->findData(int(Transform::Kind::ListLookup)),
        targetIsList ? tr("Look up in the list, with options") : tr("Look up in the target's list"));
    m_contextLabel->setText(context);
    m_contextLabel->setToolTip(context);
    showRule();
}

void TransformEditor::showRule()
{
    m_updating = true;
    const bool enabled = m_rule.has_value();
    for (QWidget* widget : std::initializer_list<QWidget*> {m_kindCombo, m_optionsStack, m_default}) {
        widget->setEnabled(enabled);
    }
    if (!enabled) {
        m_contextLabel->setText(tr("Select a rule to choose how its value is sent."));
        m_kindCombo->setCurrentIndex(0);
        m_optionsStack->setCurrentWidget(m_hintPage);
        m_kindHint->clear();
        m_default->clear();
        m_updating = false;
        return;
    }
    const Transform& transform = m_rule->transform;
    m_kindCombo->setCurrentIndex(std::max(0, m_kindCombo->findData(int(transform.kind))));
    switch (transform.kind) {
    case Transform::Kind::None:
        m_kindHint->setText(m_targetIsList ? tr("The Ashby value is looked up in the target's list by its label.")
                                           : tr("The Ashby value is sent unchanged."));
        m_optionsStack->setCurrentWidget(m_hintPage);
        break;
    case Transform::Kind::FirstName:
        m_kindHint->setText(tr("Sends the first word: “Ana María López” → “Ana”."));
        m_optionsStack->setCurrentWidget(m_hintPage);
        break;
    case Transform::Kind::LastName:
        m_kindHint->setText(tr("Sends all but the first word: “Ana María López” → “María López”."));
        m_optionsStack->setCurrentWidget(m_hintPage);
        break;
    case Transform::Kind::DateFormat:
        if (m_dateFormat->currentText() != transform.format) {
            m_dateFormat->setCurrentText(transform.format.isEmpty() ? QStringLiteral("yyyy-MM-dd") : transform.format);
        }
        m_optionsStack->setCurrentWidget(m_datePage);
        break;
    case Transform::Kind::ListLookup:
        m_listOutput->setCurrentIndex(std::max(0, m_listOutput->findData(transform.listOutput)));
        m_optionsStack->setCurrentWidget(m_listPage);
        break;
    case Transform::Kind::Constant:
        if (m_constant->text() != transform.constant) {
            m_constant->setText(transform.constant);
        }
        m_optionsStack->setCurrentWidget(m_constantPage);
        break;
    case Transform::Kind::Number:
        m_decimals->setValue(transform.decimals);
        m_optionsStack->setCurrentWidget(m_numberPage);
        break;
    case Transform::Kind::Currency:
        m_currencyPart->setCurrentIndex(std::max(0, m_currencyPart->findData(transform.currencyPart)));
        m_optionsStack->setCurrentWidget(m_currencyPage);
        break;
    case Transform::Kind::Join:
        if (m_separator->text() != transform.separator) {
            m_separator->setText(transform.separator);
        }
        m_optionsStack->setCurrentWidget(m_joinPage);
        break;
    }
    const QString defaultText = m_rule->defaultValue.value_or(QString());
    if (m_default->text() != defaultText) {
        m_default->setText(defaultText);
    }
    m_updating = false;
}

void TransformEditor::emitEdit(const MappingRule& rule, bool typing)
{
    if (m_updating || !m_rule || rule == *m_rule) {
        return;
    }
    m_rule = rule;
    showRule();
    Q_EMIT ruleEdited(rule, typing);
}

void TransformEditor::onKindActivated(int index)
{
    if (!m_rule) {
        return;
    }
    MappingRule rule = *m_rule;
    const auto kind = Transform::Kind(m_kindCombo->itemData(index).toInt());
    if (kind == rule.transform.kind) {
        return;
    }
    // Options of the old kind are kept: switching back and forth loses nothing.
    rule.transform.kind = kind;
    if (kind == Transform::Kind::DateFormat && rule.transform.format.isEmpty()) {
        rule.transform.format = QStringLiteral("yyyy-MM-dd");
    }
    emitEdit(rule, false);
}

void TransformEditor::onDateFormatChanged(const QString& text)
{
    if (!m_rule || m_updating) {
        return;
    }
    MappingRule rule = *m_rule;
    rule.transform.format = text.trimmed();
    emitEdit(rule, true);
}

void TransformEditor::onListOutputActivated(int index)
{
    if (!m_rule) {
        return;
    }
    MappingRule rule = *m_rule;
    rule.transform.listOutput = m_listOutput->itemData(index).toString();
    emitEdit(rule, false);
}

void TransformEditor::onConstantEdited(const QString& text)
{
    if (!m_rule) {
        return;
    }
    MappingRule rule = *m_rule;
    rule.transform.constant = text;
    emitEdit(rule, true);
}

void TransformEditor::onDecimalsChanged(int value)
{
    if (!m_rule || m_updating) {
        return;
    }
    MappingRule rule = *m_rule;
    rule.transform.decimals = value;
    emitEdit(rule, true);
}

void TransformEditor::onCurrencyPartActivated(int index)
{
    if (!m_rule) {
        return;
    }
    MappingRule rule = *m_rule;
    rule.transform.currencyPart = m_currencyPart->itemData(index).toString();
    emitEdit(rule, false);
}

void TransformEditor::onSeparatorEdited(const QString& text)
{
    if (!m_rule) {
        return;
    }
    MappingRule rule = *m_rule;
    rule.transform.separator = text;
    emitEdit(rule, true);
}

void TransformEditor::onDefaultEdited(const QString& text)
{
    if (!m_rule) {
        return;
    }
    MappingRule rule = *m_rule;
    if (text.isEmpty()) {
        rule.defaultValue.reset();
    } else {
        rule.defaultValue = text;
    }
    emitEdit(rule, true);
}
