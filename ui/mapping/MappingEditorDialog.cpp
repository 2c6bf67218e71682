#include "MappingEditorDialog.h"

#include "MappingEditor.h"
#include "MessageBox.h"

#include <QVBoxLayout>

MappingEditorDialog::MappingEditorDialog(QWidget* parent)
    : QDialog(parent)
    , m_editor(new MappingEditor(this))
{
    setObjectName(QStringLiteral("mappingEditorDialog"));
    setWindowTitle(tr("Field mapping[*] — Hirebridge"));
    setSizeGripEnabled(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
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
