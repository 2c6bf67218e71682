// End-to-end: the main window on the demo sandbox, as `hirebridge --demo` opens it, driven by clicks.
#include "GuiTestSupport.h"
#include "app/AppController.h"
#include "app/DemoSandbox.h"
#include "ledger/Ledger.h"
#include "main/HireDetails.h"
#include "main/MainWindow.h"
#include "mapping/MappingEditor.h"
#include "mapping/MappingEditorDialog.h"
#include "models/HiresModel.h"
#include "secrets/InMemorySecretStore.h"
#include "settings/ProfileStore.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

namespace {

using GuiTest::screenshotDir;

QToolButton* toolButtonFor(QMainWindow* window, const char* actionName)
{
    auto* action = window->findChild<QAction*>(QString::fromLatin1(actionName));
    for (auto* bar : window->findChildren<QToolBar*>()) {
        if (auto* button = qobject_cast<QToolButton*>(bar->widgetForAction(action))) {
            return button;
        }
    }
    return nullptr;
}

} // namespace

class TestGuiDemoE2e : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void demo_opens_listsHiresThenPushesSelection()
    {
        MainWindow window(QStringList {QStringLiteral("bob")});
        QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(1280, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        InMemorySecretStore secrets;
        AppController controller(&window, &secrets);
        DemoSandbox sandbox;
        QSignalSpy ready(&sandbox, &DemoSandbox::ready);
        QSignalSpy failed(&sandbox, &DemoSandbox::failed);
        connect(&sandbox, &DemoSandbox::ready, &controller, &AppController::startDemo);
        sandbox.start();
        QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty() || !failed.isEmpty(), 15000);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));

        // The first sync starts by itself and lists the demo hires.
        QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() >= 25 && !window.isBusy(), 30000);
        const int rows = window.model()->rowCount();
        auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
        QVERIFY(view);
        QCOMPARE(view->model()->rowCount(), rows);
        QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/demo-synced.png")));

        // The field mapping opens from the toolbar; on first open it reads Bob's field list and keeps it.
        QToolButton* mapping = toolButtonFor(&window, "actionMapping");
        QVERIFY(mapping);
        QTest::mouseClick(mapping, Qt::LeftButton);
        MappingEditorDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = window.findChild<MappingEditorDialog*>()) && dialog->isVisible(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ProfileStore::cachedTargetCatalog(*controller.ledger(), QStringLiteral("bob")), 10000);
        const auto catalog = ProfileStore::cachedTargetCatalog(*controller.ledger(), QStringLiteral("bob"));
        QVERIFY(catalog->hasCustomFields());
        QCOMPARE(dialog->editor()->profile(), MappingProfile::defaultFor(QStringLiteral("bob")));
        QVERIFY(!dialog->editor()->isModified());
        QVERIFY(dialog->grab().save(screenshotDir() + QStringLiteral("/demo-mapping.png")));
        dialog->reject();
        QTRY_VERIFY(!window.findChild<MappingEditorDialog*>());

        // Select every row with the keyboard and press Push: each selected ready hire goes to Bob once.
        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QToolButton* push = toolButtonFor(&window, "actionPush");
        QVERIFY(push);
        QTest::mouseClick(push, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.isBusy(), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30000);
        // Selected rows go to every HR system where they are ready: Bob, BambooHR and Personio.
        const auto countIn = [&](const QString& target, PushState state) {
            int n = 0;
            for (int row = 0; row < window.model()->rowCount(); ++row) {
                n += window.model()->stateAt(row, target) == state ? 1 : 0;
            }
            return n;
        };
        const int pushed = countIn(QStringLiteral("bob"), PushState::Pushed);
        for (const auto& target : {QStringLiteral("bob"), QStringLiteral("bamboohr"), QStringLiteral("personio")}) {
            QCOMPARE(countIn(target, PushState::Exists), 1); // the internal hire
            QVERIFY(countIn(target, PushState::Failed) >= 1); // the candidate without an e-mail
            QCOMPARE(countIn(target, PushState::Ready) + countIn(target, PushState::Sending), 0);
        }
        QCOMPARE(countIn(QStringLiteral("bob"), PushState::Failed), 1);
        QCOMPARE(pushed, rows - 2);
        // The demo sets up Bob, BambooHR and Personio: every hire has a record per target.
        QCOMPARE(controller.ledger()->pushRecords(QStringLiteral("bob")).size(), rows);
        QCOMPARE(controller.ledger()->pushRecords().size(), rows * 3);
        QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/demo-pushed.png")));

        // The details pane's data for a pushed hire: its record, the payload as a push renders it, its audit history.
        QString pushedId;
        for (int row = 0; row < window.model()->rowCount() && pushedId.isEmpty(); ++row) {
            if (window.model()->stateAt(row, QStringLiteral("bob")) == PushState::Pushed) {
                pushedId = window.model()->applicationIdAt(row);
            }
        }
        const HireDetails details = controller.details(pushedId);
        QCOMPARE(details.hire.applicationId, pushedId);
        QCOMPARE(details.records.size(), 3);
        QCOMPARE(details.payload.value(QStringLiteral("schema")).toString(), QStringLiteral("hirebridge.hire/v1"));
        QVERIFY(!details.audit.isEmpty());

        // Skip from the Hires menu: the failed hire (no e-mail) is set aside.
        auto* view2 = window.findChild<QTableView*>(QStringLiteral("hiresView"));
        view2->clearSelection();
        for (int row = 0; row < view2->model()->rowCount(); ++row) {
            if (view2->model()->index(row, 0).data().toString().startsWith(QStringLiteral("Björn"))) {
                view2->selectRow(row);
            }
        }
        window.findChild<QAction*>(QStringLiteral("actionSkip"))->trigger();
        QTRY_COMPARE(window.model()->countInState(PushState::Skipped), 3); // one per HR system

        // The audit log leaves as CSV: one "send" line per hire sent.
        QTemporaryDir dir;
        const QString csvPath = dir.filePath(QStringLiteral("audit.csv"));
        QVERIFY(controller.exportAuditTo(csvPath));
        QFile csv(csvPath);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(csv.readAll()).count(QStringLiteral(",send,")) >= pushed);
    }
};

QTEST_MAIN(TestGuiDemoE2e)
#include "test_gui_demo_e2e.moc"
