#include "MappingEditorDialog.h"

#include "MappingEditor.h"
#include "MessageBox.h"
#include "models/HiresModel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

MappingEditorDialog::MappingEditorDialog(QWidget* parent)
    : QDialog(parent)
    , m_editor(new MappingEditor(this))
    , m_targetBar(new QWidget(this))
    , m_targetCombo(new QComboBox(m_targetBar))
{
    setObjectName(QStringLiteral("mappingEditorDialog"));
    setWindowTitle(tr("Field mapping[*] — Hirebridge"));
    setSizeGripEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* bar = new QHBoxLayout(m_targetBar);
    bar->setContentsMargins(12, 8, 12, 0);
    auto* label = new QLabel(tr("Map Ashby fields for:"), m_targetBar);
    m_targetCombo->setObjectName(QStringLiteral("mappingTargetCombo"));
    m_targetCombo->setAccessibleName(tr("HR system"));
    label->setBuddy(m_targetCombo);
    bar->addWidget(label);
    bar->addWidget(m_targetCombo);
    bar->addStretch(1);
    m_targetBar->setVisible(false); // only when there is a choice
    connect(m_targetCombo, &QComboBox::activated, this, &MappingEditorDialog::onTargetActivated);
    layout->addWidget(m_targetBar);
    layout->addWidget(m_editor);
    connect(m_editor, &MappingEditor::modifiedChanged, this, &MappingEditorDialog::onModifiedChanged);
    resize(1200, 800);
}

void MappingEditorDialog::reject()
{
    if (m_editor->isModified()) {
        const QMessageBox::StandardButton answer = MessageBox::question(this, tr("Unsaved mapping"),
            tr("The mapping has changes that are not saved. Close without saving them?"),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            return;
        }
    }
    QDialog::reject();
}

void MappingEditorDialog::onModifiedChanged(bool modified)
{
    setWindowModified(modified);
}

void MappingEditorDialog::setTargets(const QStringList& targets, const QString& current)
{
    m_targetCombo->clear();
    for (const auto& target : targets) {
        m_targetCombo->addItem(HiresModel::targetDisplayName(target), target);
    }
    m_current = current;
    m_targetCombo->setCurrentIndex(qMax(0, m_targetCombo->findData(current)));
    m_targetBar->setVisible(targets.size() > 1);
}

QString MappingEditorDialog::currentTarget() const
{
    return m_current;
}

void MappingEditorDialog::onTargetActivated(int index)
{
    const QString target = m_targetCombo->itemData(index).toString();
    if (target == m_current) {
        return;
    }
    if (m_editor->isModified()) {
        const QMessageBox::StandardButton answer = MessageBox::question(this, tr("Unsaved mapping"),
            tr("The %1 mapping has changes that are not saved. Switch without saving them?")
                .arg(HiresModel::targetDisplayName(m_current)),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard) {
            m_targetCombo->setCurrentIndex(m_targetCombo->findData(m_current));
            return;
        }
    }
    m_current = target;
    Q_EMIT targetRequested(target);
}
