#pragma once

#include <QDialog>

class MappingEditor;

// A window around the mapping editor. Closing it with unsaved changes asks first (through MessageBox, so tests can
// answer).
class MappingEditorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit MappingEditorDialog(QWidget* parent = nullptr);

    MappingEditor* editor() const { return m_editor; }

public Q_SLOTS:
    void reject() override;

private Q_SLOTS:
    void onModifiedChanged(bool modified);

private:
    MappingEditor* m_editor = nullptr;
};
