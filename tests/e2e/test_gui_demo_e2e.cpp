// End-to-end: the main window on the demo sandbox, as `hirebridge --demo` opens it, driven by clicks.
#include "GuiTestSupport.h"
#include "app/AppController.h"
#include "app/DemoSandbox.h"
#include "ledger/Ledger.h"
#include "main/HireDetails.h"
#include "main/MainWindow.h"
#include "main/ManagerMatchDialog.h"
#include "main/PostHireSystemsDialog.h"
#include "mapping/MappingEditor.h"
#include "mapping/MappingEditorDialog.h"
#include "models/HiresModel.h"
#include "secrets/InMemorySecretStore.h"
#include "settings/ProfileStore.h"

#include <QAbstractItemModelTester>
#include <QAbstractProxyModel>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

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

// A control request to the demo sandbox (faults, switches), answered before returning.
QJsonObject control(const QJsonObject& endpoints, const QString& path, const QJsonObject& body)
{
    QNetworkAccessManager nam;
    QNetworkRequest request(QUrl(endpoints.value(QStringLiteral("control")).toString() + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = nam.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    loop.exec();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    return answer;
}

template <typename T> T* openDialog()
{
    for (QWidget* w : QApplication::topLevelWidgets()) {
        if (auto* dialog = qobject_cast<T*>(w); dialog && dialog->isVisible()) {
            return dialog;
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
    // The daily routine with clicks: tick HR systems per hire, push and watch the progress, cancel a long push,
    // retry a failure, confirm a hiring manager, and add a hire to another HR system from its dialog.
    void demo_tickPushCancelRetryConfirmManager()
    {
        MainWindow window(QStringList {QStringLiteral("bob")});
        QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.resize(1280, 760);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        InMemorySecretStore secrets;
        AppController controller(&window, &secrets);
        QList<QUrl> opened;
        controller.setUrlOpener([&opened](const QUrl& url) {
            opened << url;
            return true;
        });
        DemoSandbox sandbox;
        QJsonObject endpoints;
        connect(&sandbox, &DemoSandbox::ready, &controller, [&](const QJsonObject& e) {
            endpoints = e;
            controller.startDemo(e);
        });
        sandbox.start();
        QTRY_VERIFY_WITH_TIMEOUT(window.model()->rowCount() >= 25 && !window.isBusy(), 30000);
        HiresModel* model = window.model();
        QCOMPARE(model->targets(),
            (QStringList {QStringLiteral("bob"), QStringLiteral("bamboohr"), QStringLiteral("personio")}));
        auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
        QVERIFY(view);
        auto* proxy = qobject_cast<QAbstractProxyModel*>(view->model());
        QVERIFY(proxy);
        const auto idAt = [&](int proxyRow) {
            return model->applicationIdAt(proxy->mapToSource(view->model()->index(proxyRow, 0)).row());
        };
        const auto proxyRowOf = [&](const QString& id) {
            return proxy->mapFromSource(model->index(model->rowForApplication(id), 0)).row();
        };
        const auto stateOf = [&](const QString& id, const QString& target) {
            return model->stateAt(model->rowForApplication(id), target);
        };

        // Hires that every system takes: an e-mail, a surname, not the internal hire.
        QList<QString> good;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            const QString name = view->model()->index(row, HiresModel::Candidate).data().toString();
            const QString tip = view->model()->index(row, HiresModel::Candidate).data(Qt::ToolTipRole).toString();
            if (name.contains(QLatin1Char(' ')) && !tip.contains(QStringLiteral("No e-mail"))
                && !tip.contains(QStringLiteral("ingrid"), Qt::CaseInsensitive)) {
                good << idAt(row);
            }
        }
        QVERIFY(good.size() >= 8);
        const QString a = good.at(0);
        const QString b = good.at(1);

        // 1. Tick with the keyboard in the HR systems' columns: BambooHR for two hires, Personio for one.
        const int bambooColumn = model->columnForTarget(QStringLiteral("bamboohr"));
        const int personioColumn = model->columnForTarget(QStringLiteral("personio"));
        const int bobColumn = model->columnForTarget(QStringLiteral("bob"));
        const QList<std::pair<QString, int>> ticks {{a, bambooColumn}, {b, bambooColumn}, {b, personioColumn}};
        for (const auto& [id, column] : ticks) {
            view->setCurrentIndex(view->model()->index(proxyRowOf(id), column));
            QTest::keyClick(view, Qt::Key_Space);
        }
        QCOMPARE(model->checkedCount(), 3);
        QTest::mouseClick(toolButtonFor(&window, "actionPush"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && model->checkedCount() == 0, 30000);
        QCOMPARE(stateOf(a, QStringLiteral("bamboohr")), std::optional<PushState>(PushState::Pushed));
        QCOMPARE(stateOf(b, QStringLiteral("bamboohr")), std::optional<PushState>(PushState::Pushed));
        QCOMPARE(stateOf(b, QStringLiteral("personio")), std::optional<PushState>(PushState::Pushed));
        QCOMPARE(stateOf(a, QStringLiteral("bob")), std::optional<PushState>(PushState::Ready)); // not ticked
        QCOMPARE(stateOf(a, QStringLiteral("personio")), std::optional<PushState>(PushState::Ready));
        // The documents went along, each tracked: the details pane lists them per HR system.
        const HireDetails detailsOfA = controller.details(a);
        QVERIFY(!detailsOfA.documents.isEmpty());
        for (const auto& document : detailsOfA.documents) {
            QCOMPARE(document.target, QStringLiteral("bamboohr"));
            QCOMPARE(document.state, QStringLiteral("uploaded"));
        }
        view->selectRow(proxyRowOf(a));
        window.findChild<QAction*>(QStringLiteral("actionDetails"))->setChecked(true);
        auto* targetsTree = window.findChild<QTreeWidget*>(QStringLiteral("detailsTargets"));
        QTRY_VERIFY(targetsTree && targetsTree->isVisible() && targetsTree->topLevelItemCount() == 3);
        QVERIFY2(targetsTree->topLevelItem(1)->text(3).contains(QStringLiteral("sent")),
            qPrintable(targetsTree->topLevelItem(1)->text(3)));
        QTRY_VERIFY(targetsTree->width() > 100); // laid out, not just shown
        // One payload per HR system, as each push would send it.
        QCOMPARE(detailsOfA.payloads.size(), 3);
        auto* payloadTarget = window.findChild<QComboBox*>(QStringLiteral("detailsPayloadTarget"));
        auto* payloadEdit = window.findChild<QPlainTextEdit*>(QStringLiteral("detailsPayload"));
        QVERIFY(payloadTarget && payloadEdit);
        QCOMPARE(payloadTarget->count(), 3);
        QVERIFY(payloadEdit->toPlainText().contains(QStringLiteral("hirebridge.hire/v1")));
        payloadTarget->setCurrentIndex(payloadTarget->findData(QStringLiteral("bamboohr")));
        QVERIFY(payloadEdit->toPlainText().contains(QStringLiteral("\"workEmail\"")));
        payloadTarget->setCurrentIndex(payloadTarget->findData(QStringLiteral("personio")));
        QVERIFY(payloadEdit->toPlainText().contains(QStringLiteral("\"employee\"")));
        QTest::qWait(100);
        QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/demo-details-documents.png")));
        window.findChild<QAction*>(QStringLiteral("actionDetails"))->setChecked(false);

        // 2. A long push (every hire, every system, slow servers): the progress moves, Cancel stops it cleanly.
        control(endpoints, QStringLiteral("/faults"), QJsonObject {{QStringLiteral("latencyMs"), 250}});
        view->setFocus();
        QTest::keyClick(view, Qt::Key_A, Qt::ControlModifier);
        QTest::mouseClick(toolButtonFor(&window, "actionPush"), Qt::LeftButton);
        auto* progress = window.findChild<QProgressBar*>(QStringLiteral("progressBar"));
        auto* cancel = window.findChild<QPushButton*>(QStringLiteral("cancelButton"));
        QTRY_VERIFY_WITH_TIMEOUT(window.isBusy() && progress->isVisible() && progress->value() > 0, 20000);
        QVERIFY(cancel->isVisible());
        QVERIFY(window.grab().save(screenshotDir() + QStringLiteral("/demo-push-progress.png")));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30000);
        control(endpoints, QStringLiteral("/faults/reset"), {});
        int ready = 0;
        for (int row = 0; row < model->rowCount(); ++row) {
            for (const auto& target : model->targets()) {
                ready += model->stateAt(row, target) == PushState::Ready ? 1 : 0;
                QVERIFY(model->stateAt(row, target) != PushState::Sending); // nothing left half-done
            }
        }
        QVERIFY2(ready > 0, "the cancelled push still sent everything");

        // 3. A failure, then Retry failed: Bob refuses the next hire with a 400; after the fix it goes through.
        QString failing;
        for (const auto& id : good) {
            if (stateOf(id, QStringLiteral("bob")) == PushState::Ready) {
                failing = id;
                break;
            }
        }
        QVERIFY(!failing.isEmpty());
        control(endpoints, QStringLiteral("/faults"), QJsonObject {{QStringLiteral("bobHireStatus"), 400}});
        view->clearSelection();
        view->setCurrentIndex(view->model()->index(proxyRowOf(failing), bobColumn));
        QTest::keyClick(view, Qt::Key_Space);
        QCOMPARE(model->checkedCount(), 1);
        QTest::mouseClick(toolButtonFor(&window, "actionPush"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            stateOf(failing, QStringLiteral("bob")), std::optional<PushState>(PushState::Failed), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 10000);
        control(endpoints, QStringLiteral("/faults/reset"), {});
        view->selectRow(proxyRowOf(failing));
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionRetryFailed"))->isEnabled());
        QTest::mouseClick(toolButtonFor(&window, "actionRetryFailed"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            stateOf(failing, QStringLiteral("bob")), std::optional<PushState>(PushState::Pushed), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 10000);

        // 4. Confirm a hiring manager: the dialog from the Hires menu, a search, a pick; the choice is remembered.
        int withManager = -1;
        for (int row = 0; row < view->model()->rowCount() && withManager < 0; ++row) {
            if (!view->model()->index(row, HiresModel::HiringManager).data().toString().isEmpty()) {
                withManager = row;
            }
        }
        QVERIFY(withManager >= 0);
        view->selectRow(withManager);
        auto* confirmAction = window.findChild<QAction*>(QStringLiteral("actionConfirmManager"));
        QVERIFY(confirmAction->isEnabled());
        confirmAction->trigger();
        ManagerMatchDialog* managerDialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((managerDialog = openDialog<ManagerMatchDialog>()) != nullptr, 10000);
        auto* search = managerDialog->findChild<QLineEdit*>(QStringLiteral("managerSearch"));
        QVERIFY(search && search->isEnabled());
        QTest::keyClicks(search, QStringLiteral("a"));
        auto* results = managerDialog->findChild<QAbstractItemView*>(QStringLiteral("managerSearchResults"));
        QVERIFY(results);
        QTRY_VERIFY(results->model()->rowCount() > 0);
        results->setCurrentIndex(results->model()->index(0, 0));
        auto* confirm = managerDialog->findChild<QPushButton*>(QStringLiteral("confirmManagerButton"));
        QTRY_VERIFY(confirm->isEnabled());
        QVERIFY(managerDialog->grab().save(screenshotDir() + QStringLiteral("/demo-confirm-manager.png")));
        QTest::mouseClick(confirm, Qt::LeftButton);
        QTRY_VERIFY(!openDialog<ManagerMatchDialog>());
        QCOMPARE(controller.ledgerForTests()->managerMatches().size(), 1);

        // 5. Add to post-hire systems: tick Personio in the hire's dialog and push from there. Systems the hire is
        //    in already are shown ticked and cannot be unticked.
        QString c;
        for (const auto& id : good) {
            if (stateOf(id, QStringLiteral("personio")) == PushState::Ready) {
                c = id;
                break;
            }
        }
        QVERIFY(!c.isEmpty());
        view->selectRow(proxyRowOf(c));
        window.findChild<QAction*>(QStringLiteral("actionPostHire"))->trigger();
        PostHireSystemsDialog* postHire = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((postHire = openDialog<PostHireSystemsDialog>()) != nullptr, 5000);
        for (const auto& target : model->targets()) {
            auto* box = postHire->findChild<QCheckBox*>(QStringLiteral("postHire_") + target);
            QVERIFY(box);
            const auto state = stateOf(c, target);
            const bool locked = state == PushState::Pushed || state == PushState::Exists;
            QCOMPARE(box->isEnabled(), !locked);
            if (locked) {
                QVERIFY(box->isChecked());
            }
        }
        auto* personioBox = postHire->findChild<QCheckBox*>(QStringLiteral("postHire_personio"));
        if (!personioBox->isChecked()) {
            QTest::mouseClick(personioBox, Qt::LeftButton, {}, QPoint(8, personioBox->height() / 2));
        }
        QTRY_VERIFY(personioBox->isChecked());
        QVERIFY(postHire->grab().save(screenshotDir() + QStringLiteral("/demo-post-hire.png")));
        QTest::mouseClick(postHire->findChild<QPushButton*>(QStringLiteral("postHirePushButton")), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            stateOf(c, QStringLiteral("personio")), std::optional<PushState>(PushState::Pushed), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 10000);

        // 6. Open in Ashby and in the HR system: links handed to the opener, no browser in tests.
        view->selectRow(proxyRowOf(c));
        window.findChild<QAction*>(QStringLiteral("actionOpenAshby"))->trigger();
        QVERIFY(window.findChild<QAction*>(QStringLiteral("actionOpenHris"))->isEnabled());
        window.findChild<QAction*>(QStringLiteral("actionOpenHris"))->trigger();
        QCOMPARE(opened.size(), 2);
    }
};

QTEST_MAIN(TestGuiDemoE2e)
#include "test_gui_demo_e2e.moc"
