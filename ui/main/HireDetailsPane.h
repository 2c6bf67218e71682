#pragma once

#include "HireDetails.h"

#include <QFrame>
#include <QStringList>

class QComboBox;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

// The dashboard's details pane: the current hire's data, its push record per target, the payload the mapping
// renders for it with the problems found, and the audit history. Read-only; MainWindow fills it from the details
// provider whenever the current row changes.
class HireDetailsPane : public QFrame
{
    Q_OBJECT
public:
    explicit HireDetailsPane(QWidget* parent = nullptr);

    // `targets` gives the order of the per-target rows; a target without a record shows as ready.
    void setDetails(const HireDetails& details, const QStringList& targets);
    void clear();
    QString applicationId() const { return m_applicationId; }

private:
    QLabel* addField(QFormLayout* form, const QString& label, const QString& objectName);
    void fitTargetsHeight();
    // Shows one HR system's payload and its problems.
    void showPayload(const QJsonObject& payload, const QStringList& issues);
    void onPayloadTargetChanged(int index);

    QString m_applicationId;
    QLabel* m_nameLabel = nullptr;
    QLabel* m_emailLabel = nullptr;
    QLabel* m_jobLabel = nullptr;
    QLabel* m_departmentLabel = nullptr;
    QLabel* m_locationLabel = nullptr;
    QLabel* m_startDateLabel = nullptr;
    QLabel* m_managerLabel = nullptr;
    QLabel* m_warningsLabel = nullptr;
    QTreeWidget* m_targetsTree = nullptr;
    QLabel* m_reasonsLabel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_issuesLabel = nullptr;
    QPlainTextEdit* m_payloadEdit = nullptr;
    QComboBox* m_payloadTarget = nullptr;
    HireDetails m_details; // what the payload selector switches between
    QTreeWidget* m_auditTree = nullptr;
};
