#include "GuiTestSupport.h"
#include "main/PostHireSystemsDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

namespace {

const QString Candidate = QStringLiteral("Zoë Ångström-Núñez");
const QString Job = QStringLiteral("Senior Backend Engineer, Payments Platform");

// Bob already has her, BambooHR refused her once, Personio has not been tried.
QList<PostHireTarget> sampleTargets()
{
    return {
        {QStringLiteral("bob"), QStringLiteral("Bob"), PushState::Pushed, QString(), false, QStringLiteral("3141592")},
        {QStringLiteral("bamboohr"), QStringLiteral("BambooHR"), PushState::Failed,
            QStringLiteral("HTTP 400: jobTitle “Senior Backend Engineer, Payments Platform” is not one of the list "
                           "values in BambooHR (closest: Senior Backend Engineer)"),
            false},
        {QStringLiteral("personio"), QStringLiteral("Personio"), PushState::Ready, QString(), false},
    };
}

template <typename T> T* child(QWidget* parent, const QString& name)
{
    auto* widget = parent->findChild<T*>(name);
    if (!widget) {
        qFatal("no child %s", qPrintable(name));
    }
    return widget;
}

QCheckBox* checkBox(QWidget* dialog, const char* target)
{
    return child<QCheckBox>(dialog, QStringLiteral("postHire_") + QLatin1String(target));
}

QString stateText(QWidget* dialog, const char* target)
{
    return child<QLabel>(dialog, QStringLiteral("postHireState_") + QLatin1String(target))->text();
}

// Every visible word-wrapped label has at least the height its text needs at its width: nothing is cut off.
void verifyNoClippedLabels(QWidget* root)
{
    const QList<QLabel*> labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (!label->isVisible() || !label->wordWrap() || label->text().isEmpty()) {
            continue;
        }
        const int needed = label->heightForWidth(label->width());
        QVERIFY2(label->height() >= needed,
            qPrintable(QStringLiteral("%1 is %2 px high but needs %3 px at %4 px wide")
                           .arg(label->objectName())
                           .arg(label->height())
                           .arg(needed)
                           .arg(label->width())));
    }
}

} // namespace

class TestPostHireSystemsDialog : public QObject
{
    Q_OBJECT
private:
    QString m_screenshotDir;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void opens_withOneCheckboxPerTarget_andStatesInWords();
    void doneTargets_areTickedAndDisabled();
    void pushButton_needsANewTick();
    void push_returnsOnlyTheNewTicks();
    void checkedTarget_isTickedOnOpen();
    void cancel_choosesNothing();
    void everythingDone_saysSo();
    void stateTexts_coverEveryState();
    void screenshots_lightAndDark_smallAndLarge();
};

void TestPostHireSystemsDialog::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestPostHireSystemsDialog::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestPostHireSystemsDialog::opens_withOneCheckboxPerTarget_andStatesInWords()
{
    PostHireSystemsDialog dialog(Candidate, Job, sampleTargets());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(dialog.windowTitle(), QStringLiteral("Add to post-hire systems — Zoë Ångström-Núñez"));
    QCOMPARE(child<QLabel>(&dialog, QStringLiteral("postHireCandidateLabel"))->text(), Candidate);
    QCOMPARE(child<QLabel>(&dialog, QStringLiteral("postHireJobLabel"))->text(), Job);
    QCOMPARE(dialog.findChildren<QCheckBox*>().size(), 3);
    QCOMPARE(checkBox(&dialog, "bob")->text(), QStringLiteral("Bob"));
    QCOMPARE(checkBox(&dialog, "bamboohr")->text(), QStringLiteral("BambooHR"));
    QCOMPARE(checkBox(&dialog, "personio")->text(), QStringLiteral("Personio"));
    QCOMPARE(stateText(&dialog, "bob"), QStringLiteral("Already pushed (id 3141592)"));
    QVERIFY(stateText(&dialog, "bamboohr").startsWith(QStringLiteral("Failed: HTTP 400: jobTitle")));
    QCOMPARE(stateText(&dialog, "personio"), QStringLiteral("Ready"));
}

void TestPostHireSystemsDialog::doneTargets_areTickedAndDisabled()
{
    QList<PostHireTarget> targets = sampleTargets();
    targets[2] = {QStringLiteral("personio"), QStringLiteral("Personio"), PushState::Exists,
        QStringLiteral("An employee with this e-mail exists"), false};
    PostHireSystemsDialog dialog(Candidate, Job, targets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    for (const char* target : {"bob", "personio"}) {
        QCheckBox* box = checkBox(&dialog, target);
        QVERIFY2(box->isChecked(), target);
        QVERIFY2(!box->isEnabled(), target);
        QTest::mouseClick(box, Qt::LeftButton); // a disabled box ignores the click
        QVERIFY2(box->isChecked(), target);
    }
    QCOMPARE(stateText(&dialog, "personio"), QStringLiteral("Already an employee"));
    QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("postHirePushButton"))->isEnabled());
}

void TestPostHireSystemsDialog::pushButton_needsANewTick()
{
    PostHireSystemsDialog dialog(Candidate, Job, sampleTargets());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* push = child<QPushButton>(&dialog, QStringLiteral("postHirePushButton"));
    auto* summary = child<QLabel>(&dialog, QStringLiteral("postHireSummaryLabel"));
    QVERIFY(!push->isEnabled()); // Bob is ticked, but it is done
    QCOMPARE(summary->text(), QStringLiteral("Tick a system to push to."));
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(dialog.isVisible());

    QTest::mouseClick(checkBox(&dialog, "personio"), Qt::LeftButton);
    QVERIFY(checkBox(&dialog, "personio")->isChecked());
    QVERIFY(push->isEnabled());
    QCOMPARE(summary->text(), QStringLiteral("Push now sends this person to Personio."));
    QTest::mouseClick(checkBox(&dialog, "personio"), Qt::LeftButton);
    QVERIFY(!push->isEnabled());
}

void TestPostHireSystemsDialog::push_returnsOnlyTheNewTicks()
{
    PostHireSystemsDialog dialog(Candidate, Job, sampleTargets());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QVERIFY(dialog.chosenTargets().isEmpty());
    QTest::mouseClick(checkBox(&dialog, "personio"), Qt::LeftButton);
    QTest::mouseClick(checkBox(&dialog, "bamboohr"), Qt::LeftButton); // retry the failed one
    QCOMPARE(child<QLabel>(&dialog, QStringLiteral("postHireSummaryLabel"))->text(),
        QStringLiteral("Push now sends this person to %1.")
            .arg(QLocale().createSeparatedList({QStringLiteral("BambooHR"), QStringLiteral("Personio")})));
    QTest::mouseClick(child<QPushButton>(&dialog, QStringLiteral("postHirePushButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.chosenTargets(), (QStringList {QStringLiteral("bamboohr"), QStringLiteral("personio")}));
}

void TestPostHireSystemsDialog::checkedTarget_isTickedOnOpen()
{
    QList<PostHireTarget> targets = sampleTargets();
    targets[2].checked = true;
    targets[0].checked = true; // ignored: already pushed, never chosen again
    PostHireSystemsDialog dialog(Candidate, QString(), targets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QVERIFY(!dialog.findChild<QLabel*>(QStringLiteral("postHireJobLabel"))); // no job title, no empty line
    QVERIFY(checkBox(&dialog, "personio")->isChecked());
    auto* push = child<QPushButton>(&dialog, QStringLiteral("postHirePushButton"));
    QVERIFY(push->isEnabled());
    QTest::keyClick(&dialog, Qt::Key_Return); // Push now is the default button
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosenTargets(), QStringList {QStringLiteral("personio")});
}

void TestPostHireSystemsDialog::cancel_choosesNothing()
{
    PostHireSystemsDialog dialog(Candidate, Job, sampleTargets());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QTest::mouseClick(checkBox(&dialog, "personio"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(&dialog, QStringLiteral("postHireCancelButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY(dialog.chosenTargets().isEmpty());
}

void TestPostHireSystemsDialog::everythingDone_saysSo()
{
    const QList<PostHireTarget> targets {
        {QStringLiteral("bob"), QStringLiteral("Bob"), PushState::Pushed, QString(), false},
        {QStringLiteral("personio"), QStringLiteral("Personio"), PushState::Sending, QString(), false},
    };
    PostHireSystemsDialog dialog(Candidate, Job, targets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(stateText(&dialog, "bob"), QStringLiteral("Already pushed"));
    QVERIFY(checkBox(&dialog, "personio")->isChecked());
    QVERIFY(!checkBox(&dialog, "personio")->isEnabled()); // under way: not sent a second time
    QVERIFY(!child<QPushButton>(&dialog, QStringLiteral("postHirePushButton"))->isEnabled());
    QCOMPARE(child<QLabel>(&dialog, QStringLiteral("postHireSummaryLabel"))->text(),
        QStringLiteral("Every system already has this person. Nothing is left to push."));

    PostHireSystemsDialog none(Candidate, Job, {});
    none.show();
    QVERIFY(QTest::qWaitForWindowExposed(&none));
    QVERIFY(child<QLabel>(&none, QStringLiteral("postHireNoTargets"))->isVisible());
    QVERIFY(!child<QPushButton>(&none, QStringLiteral("postHirePushButton"))->isEnabled());
}

void TestPostHireSystemsDialog::stateTexts_coverEveryState()
{
    const auto text = [](PushState state, const QString& reason, const QString& remoteId = {}) {
        return PostHireSystemsDialog::stateText(
            {QStringLiteral("bob"), QStringLiteral("Bob"), state, reason, false, remoteId});
    };
    QCOMPARE(text(PushState::Ready, {}), QStringLiteral("Ready"));
    QCOMPARE(text(PushState::Pushed, {}, QStringLiteral("42")), QStringLiteral("Already pushed (id 42)"));
    QCOMPARE(text(PushState::Exists, QStringLiteral("same e-mail")), QStringLiteral("Already an employee"));
    QCOMPARE(
        text(PushState::Failed, QStringLiteral("HTTP 500\n  try later")), QStringLiteral("Failed: HTTP 500 try later"));
    QCOMPARE(text(PushState::Skipped, {}), QStringLiteral("Skipped"));
    QCOMPARE(text(PushState::Sending, {}), QStringLiteral("Being sent now"));
    QVERIFY(PostHireSystemsDialog::isLocked(PushState::Pushed));
    QVERIFY(PostHireSystemsDialog::isLocked(PushState::Exists));
    QVERIFY(!PostHireSystemsDialog::isLocked(PushState::Failed));
    QVERIFY(!PostHireSystemsDialog::isLocked(PushState::Skipped));
}

void TestPostHireSystemsDialog::screenshots_lightAndDark_smallAndLarge()
{
    struct Shot
    {
        QString name;
        QSize size; // (0, 0): the dialog's minimum size
    };
    QList<PostHireTarget> targets = sampleTargets();
    targets.append({QStringLiteral("workday"), QStringLiteral("Workday"), PushState::Skipped,
        QStringLiteral("not used for contractors"), false});
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? GuiTest::darkPalette() : QApplication::style()->standardPalette());
        const QString palette = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (const Shot& shot :
            {Shot {QStringLiteral("small"), QSize(0, 0)}, Shot {QStringLiteral("large"), QSize(820, 560)}}) {
            PostHireSystemsDialog dialog(Candidate, Job, targets);
            dialog.resize(shot.size);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QTest::mouseClick(checkBox(&dialog, "personio"), Qt::LeftButton);
            QApplication::processEvents();
            verifyNoClippedLabels(&dialog);
            if (QTest::currentTestFailed()) {
                return;
            }
            const QString path
                = QDir(m_screenshotDir).filePath(QStringLiteral("post-hire-systems-%1-%2.png").arg(palette, shot.name));
            QVERIFY2(dialog.grab().save(path), qPrintable(path));
            qInfo().noquote() << "screenshot:" << path << dialog.size();
        }
    }

    // Opened as the main window would open it: its own size.
    PostHireSystemsDialog dialog(Candidate, Job, targets);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QApplication::processEvents();
    verifyNoClippedLabels(&dialog);
    const QString path = QDir(m_screenshotDir).filePath(QStringLiteral("post-hire-systems-dark-default.png"));
    QVERIFY2(dialog.grab().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path << dialog.size();
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("Hirebridge"));
    TestPostHireSystemsDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_posthiresystemsdialog.moc"
