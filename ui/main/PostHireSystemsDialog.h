#pragma once

#include "ledger/PushState.h"

#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QCheckBox;
class QLabel;
class QPushButton;

// One HR system offered for one candidate, with its push record's state.
struct PostHireTarget
{
    QString target; // "bob", "bamboohr", "personio"
    QString displayName; // "Bob", "BambooHR", "Personio"
    PushState state = PushState::Ready;
    QString reason; // why failed / skipped / exists
    bool checked = false; // ticked when the dialog opens (ignored for targets that are already done)
    QString remoteId = {}; // the id in the target when pushed or already an employee; shown so HR can look it up
};

// "Add to post-hire systems" for one candidate, the way admins know it from Ashby: one checkbox per HR system with
// its state in words. Systems that already have the person (pushed, already an employee, or being sent right now)
// stay ticked and disabled, so nobody is sent twice; Push now needs at least one new tick.
class PostHireSystemsDialog : public QDialog
{
    Q_OBJECT
public:
    PostHireSystemsDialog(const QString& candidateName, const QString& jobTitle, const QList<PostHireTarget>& targets,
        QWidget* parent = nullptr);
    ~PostHireSystemsDialog() override;

    // The targets to push, in the order given: the new ticks when the dialog was accepted (never a target that is
    // already done); empty before that and after Cancel.
    QStringList chosenTargets() const { return m_chosen; }

    // The words shown for a state: "Ready", "Already pushed (id 42)", "Failed: <reason>", ...
    static QString stateText(const PostHireTarget& target);
    // Pushed, exists and sending are done or under way: never offered again.
    static bool isLocked(PushState state);

public Q_SLOTS:
    void accept() override;
    void done(int result) override;

protected:
    void changeEvent(QEvent* event) override;

private Q_SLOTS:
    void onCheckToggled();
    void onPushClicked();

private:
    struct Row
    {
        PostHireTarget target;
        QCheckBox* checkBox = nullptr;
        QLabel* stateLabel = nullptr;
    };

    QStringList tickedTargets() const;
    void updatePushState();
    void updateStateColors();

    QList<Row> m_rows;
    QStringList m_chosen;
    QLabel* m_summaryLabel = nullptr;
    QPushButton* m_pushButton = nullptr;
    QPushButton* m_cancelButton = nullptr;
};
