#include "GuiTestSupport.h"
#include "main/HireDetails.h"
#include "main/HireDetailsPane.h"
#include "main/MainWindow.h"
#include "models/HiresModel.h"
#include "models/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using PushItems = QList<QPair<QString, QString>>;

namespace {

const QStringList Names {QStringLiteral("Zoë Ångström-Núñez"), QStringLiteral("Łukasz Żółć"),
    QStringLiteral("Søren Kierkegaard"), QStringLiteral("Aoife Ní Bhriain"), QStringLiteral("José María Gómez"),
    QStringLiteral("Björk Guðmundsdóttir"), QStringLiteral("Nguyễn Thị Minh"), QStringLiteral("Ayşe Yılmaz"),
    QStringLiteral("François Lefèvre"), QStringLiteral("Mårten Öberg")};
const QStringList Jobs {QStringLiteral("Senior Backend Engineer"), QStringLiteral("Product Designer"),
    QStringLiteral("Account Executive"), QStringLiteral("Data Analyst")};
const QList<PushState> States {PushState::Ready, PushState::Failed, PushState::Pushed, PushState::Ready,
    PushState::Exists, PushState::Skipped, PushState::Sending, PushState::Failed, PushState::Ready, PushState::Pushed};

// Hire n starts on 2026-03-01 + n days; every seventh hire has no start date yet.
QList<Hire> generateHires(int count)
{
    QList<Hire> hires;
    for (int n = 0; n < count; ++n) {
        Hire hire;
        hire.applicationId = QStringLiteral("app-%1").arg(n, 3, 10, QLatin1Char('0'));
        hire.name = Names.at(n % Names.size());
        hire.email = QStringLiteral("hire%1@example.com").arg(n);
        hire.jobTitle = Jobs.at(n % Jobs.size());
        hire.department = QStringLiteral("Engineering");
        hire.location = QStringLiteral("Berlin");
        hire.startDate = n % 7 == 6 ? QString() : QDate(2026, 3, 1).addDays(n).toString(Qt::ISODate);
        hire.hiringManager.firstName = QStringLiteral("Grace");
        hire.hiringManager.lastName = QStringLiteral("Hopper");
        hire.hiringManager.email = QStringLiteral("grace@example.com");
        hires.append(hire);
    }
    return hires;
}

QList<PushRecord> generateRecords(const QList<Hire>& hires)
{
    QList<PushRecord> records;
    for (int n = 0; n < hires.size(); ++n) {
        PushRecord record = PushRecord::ready(hires.at(n).applicationId, QStringLiteral("bob"));
        record.state = States.at(n % States.size());
        if (record.state == PushState::Failed) {
            record.reason = QStringLiteral("HTTP 400: work.site “Berlin HQ” is not in the list");
            record.attempts = 1;
        } else if (record.state == PushState::Pushed || record.state == PushState::Exists) {
            record.remoteId = QStringLiteral("3%1").arg(n * 7919);
        }
        records.append(record);
    }
    return records;
}

using GuiTest::darkPalette;

// What the ledger and the mapping engine would answer for one hire.
HireDetails detailsFor(const QList<Hire>& hires, const QList<PushRecord>& records, const QString& applicationId)
{
    HireDetails details;
    for (const Hire& hire : hires) {
        if (hire.applicationId == applicationId) {
            details.hire = hire;
        }
    }
    for (const PushRecord& record : records) {
        if (record.applicationId == applicationId) {
            details.records.append(record);
        }
    }
    details.hire.warnings = {QStringLiteral("The offer has no salary")};
    details.payload = QJsonObject {
        {QStringLiteral("firstName"), details.hire.name.section(QLatin1Char(' '), 0, 0)},
        {QStringLiteral("surname"), details.hire.name.section(QLatin1Char(' '), 1)},
        {QStringLiteral("email"), details.hire.email},
        {QStringLiteral("work.title"), details.hire.jobTitle},
        {QStringLiteral("work.department"), details.hire.department},
        {QStringLiteral("work.site"), QStringLiteral("Berlin HQ")},
        {QStringLiteral("work.startDate"), details.hire.startDate},
    };
    details.issues = {QStringLiteral("work.site: “Berlin HQ” is not in Bob's list Site (closest: Berlin)")};
    for (int n = 0; n < 3; ++n) {
        AuditEntry entry;
        entry.at = QDateTime(QDate(2026, 3, 2), QTime(9, 15 + n * 7, 3), Qt::UTC);
        entry.target = QStringLiteral("bob");
        entry.applicationId = applicationId;
        entry.action = n == 2 ? QStringLiteral("state") : QStringLiteral("send");
        entry.httpStatus = n == 2 ? 0 : (n == 0 ? 503 : 400);
        entry.detail = n == 0
            ? QStringLiteral("Service Unavailable, retried")
            : (n == 1 ? QStringLiteral("work.site is not in the list") : QStringLiteral("failed → ready by the admin"));
        details.audit.append(entry);
    }
    return details;
}

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private:
    QModelIndex firstProxyIndexInState(QTableView* view, PushState state) const;
    void selectRows(QTableView* view, const QList<QModelIndex>& indexes) const;

    QStringList m_targets {QStringLiteral("bob")};
    QList<Hire> m_hires;
    QList<PushRecord> m_records;
    QString m_screenshotDir;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void stateFilter_andStartRange_showOnlyMatchingRows();
    void tickSelected_action_ticksTickableSelectedRows();
    void skipAndRetry_actions_emitSelectedItemsInTheirStates();
    void unknownHires_itArrivedAndSendAgain_actOnTheSelectedUnknownOnes();
    void detailsPane_clickRow_showsProvidersData();
    void detailsPane_threeTargetsInANarrowPane_showEveryRowWhole();
    void screenshots_detailsPane_lightAndDark();
};

void TestDashboard::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_hires = generateHires(30);
    m_records = generateRecords(m_hires);
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestDashboard::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
}

QModelIndex TestDashboard::firstProxyIndexInState(QTableView* view, PushState state) const
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, HiresModel::FirstTargetColumn);
        if (index.data(ItemRoles::PushStateRole).toInt() == int(state)) {
            return index;
        }
    }
    return {};
}

void TestDashboard::selectRows(QTableView* view, const QList<QModelIndex>& indexes) const
{
    view->selectionModel()->clearSelection();
    for (const QModelIndex& index : indexes) {
        view->selectionModel()->select(index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
}

void TestDashboard::stateFilter_andStartRange_showOnlyMatchingRows()
{
    MainWindow window(m_targets);
    QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setHires(m_hires, m_records);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    auto* state = window.findChild<QComboBox*>(QStringLiteral("stateFilter"));
    auto* from = window.findChild<QDateEdit*>(QStringLiteral("startFrom"));
    auto* to = window.findChild<QDateEdit*>(QStringLiteral("startTo"));
    auto* clear = window.findChild<QToolButton*>(QStringLiteral("clearDatesButton"));
    QVERIFY(view && state && from && to && clear);
    QCOMPARE(state->count(), 8); // All and the seven states, `unknown` included
    QCOMPARE(state->currentText(), QStringLiteral("All"));
    QCOMPARE(from->text(), QStringLiteral("Any"));
    QCOMPARE(to->text(), QStringLiteral("Any"));
    QVERIFY(!clear->isEnabled());

    int failed = 0;
    for (const PushRecord& record : std::as_const(m_records)) {
        failed += record.state == PushState::Failed ? 1 : 0;
    }
    state->setCurrentIndex(state->findText(QStringLiteral("Failed")));
    QCOMPARE(view->model()->rowCount(), failed);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        QCOMPARE(view->model()->index(row, HiresModel::FirstTargetColumn).data(ItemRoles::PushStateRole).toInt(),
            int(PushState::Failed));
    }
    auto* counts = window.findChild<QLabel*>(QStringLiteral("countsLabel"));
    QVERIFY2(counts->text().contains(QStringLiteral("Showing %1 of 30").arg(failed)), qPrintable(counts->text()));

    // Back to every state, then a start-date window of ten days: hires 4..13, less the one without a date (6, 13).
    state->setCurrentIndex(0);
    QCOMPARE(view->model()->rowCount(), 30);
    from->setDate(QDate(2026, 3, 5));
    QVERIFY(clear->isEnabled());
    to->setDate(QDate(2026, 3, 14));
    QCOMPARE(view->model()->rowCount(), 8);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QDate start
            = QDate::fromString(view->model()->index(row, HiresModel::StartDate).data().toString(), Qt::ISODate);
        QVERIFY(start >= QDate(2026, 3, 5) && start <= QDate(2026, 3, 14));
    }

    // Combined with the state: only the ready ones of that window (hires 8 and 11).
    state->setCurrentIndex(state->findText(QStringLiteral("Ready")));
    QCOMPARE(view->model()->rowCount(), 2);

    // Typing the bound away with the keyboard: stepping below the first date gives "Any" again.
    state->setCurrentIndex(0);
    to->setDate(to->minimumDate());
    QCOMPARE(to->text(), QStringLiteral("Any"));
    QCOMPARE(view->model()->rowCount(), 30 - 4 - 4); // hires 0..3 and the dateless 6, 13, 20, 27 are gone

    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(from->text(), QStringLiteral("Any"));
    QCOMPARE(view->model()->rowCount(), 30);
    QVERIFY(!clear->isEnabled());
}

void TestDashboard::tickSelected_action_ticksTickableSelectedRows()
{
    MainWindow window({QStringLiteral("bob"), QStringLiteral("personio")});
    QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<PushRecord> records = m_records;
    for (const Hire& hire : std::as_const(m_hires)) {
        records.append(PushRecord::ready(hire.applicationId, QStringLiteral("personio")));
    }
    window.setHires(m_hires, records);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    auto* tick = window.findChild<QAction*>(QStringLiteral("actionTickSelected"));
    QVERIFY(view && tick);
    QCOMPARE(tick->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    QVERIFY(!tick->isEnabled());

    const QModelIndex failed = firstProxyIndexInState(view, PushState::Failed);
    const QModelIndex pushed = firstProxyIndexInState(view, PushState::Pushed);
    QVERIFY(failed.isValid() && pushed.isValid());
    selectRows(view, {failed, pushed});
    QVERIFY(tick->isEnabled());
    tick->trigger();

    const QString failedId = failed.data(ItemRoles::ApplicationIdRole).toString();
    const QString pushedId = pushed.data(ItemRoles::ApplicationIdRole).toString();
    // Bob only where it may be pushed again; Personio (ready) for both.
    const PushItems expected {{failedId, QStringLiteral("bob")}, {failedId, QStringLiteral("personio")},
        {pushedId, QStringLiteral("personio")}};
    PushItems checked = window.model()->checkedItems();
    std::sort(checked.begin(), checked.end());
    PushItems sortedExpected = expected;
    std::sort(sortedExpected.begin(), sortedExpected.end());
    QCOMPARE(checked, sortedExpected);
    QCOMPARE(failed.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QVERIFY(!pushed.data(Qt::CheckStateRole).isValid());

    // Ticked cells are what Push sends.
    QSignalSpy pushSpy(&window, &MainWindow::pushRequested);
    window.findChild<QAction*>(QStringLiteral("actionPush"))->trigger();
    QCOMPARE(pushSpy.count(), 1);
    QCOMPARE(pushSpy.at(0).at(0).value<PushItems>().size(), 3);

    // A selection with nothing tickable disables the action.
    MainWindow single(m_targets);
    single.setHires(m_hires, m_records);
    auto* singleView = single.findChild<QTableView*>(QStringLiteral("hiresView"));
    selectRows(singleView, {firstProxyIndexInState(singleView, PushState::Pushed)});
    QVERIFY(!single.findChild<QAction*>(QStringLiteral("actionTickSelected"))->isEnabled());
}

void TestDashboard::skipAndRetry_actions_emitSelectedItemsInTheirStates()
{
    MainWindow window(m_targets);
    window.setHires(m_hires, m_records);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    auto* skip = window.findChild<QAction*>(QStringLiteral("actionSkip"));
    auto* retry = window.findChild<QAction*>(QStringLiteral("actionRetryFailed"));
    QVERIFY(view && skip && retry);
    QVERIFY(!skip->isEnabled());
    QVERIFY(!retry->isEnabled());

    const QModelIndex ready = firstProxyIndexInState(view, PushState::Ready);
    const QModelIndex failed = firstProxyIndexInState(view, PushState::Failed);
    const QModelIndex pushed = firstProxyIndexInState(view, PushState::Pushed);
    const QString readyId = ready.data(ItemRoles::ApplicationIdRole).toString();
    const QString failedId = failed.data(ItemRoles::ApplicationIdRole).toString();

    selectRows(view, {pushed});
    QVERIFY(!skip->isEnabled());
    QVERIFY(!retry->isEnabled());

    selectRows(view, {ready, pushed});
    QVERIFY(skip->isEnabled());
    QVERIFY(!retry->isEnabled());

    selectRows(view, {ready, failed, pushed});
    QVERIFY(skip->isEnabled());
    QVERIFY(retry->isEnabled());

    QSignalSpy skipSpy(&window, &MainWindow::skipRequested);
    QSignalSpy retrySpy(&window, &MainWindow::retryFailedRequested);
    skip->trigger();
    QCOMPARE(skipSpy.count(), 1);
    PushItems skipped = skipSpy.at(0).at(0).value<PushItems>();
    std::sort(skipped.begin(), skipped.end());
    PushItems expectedSkipped {{readyId, QStringLiteral("bob")}, {failedId, QStringLiteral("bob")}};
    std::sort(expectedSkipped.begin(), expectedSkipped.end());
    QCOMPARE(skipped, expectedSkipped);

    retry->trigger();
    QCOMPARE(retrySpy.count(), 1);
    const PushItems expectedRetry {{failedId, QStringLiteral("bob")}};
    QCOMPARE(retrySpy.at(0).at(0).value<PushItems>(), expectedRetry);

    // Not while a push runs.
    window.setBusy(true, QStringLiteral("Pushing to Bob…"));
    QVERIFY(!skip->isEnabled());
    QVERIFY(!retry->isEnabled());
}

void TestDashboard::unknownHires_itArrivedAndSendAgain_actOnTheSelectedUnknownOnes()
{
    {
        // A usual day has no unknown hire: the two actions stay out of the way.
        MainWindow window(m_targets);
        window.setHires(m_hires, m_records);
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionArrived"))->isVisible());
        QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionSendAgain"))->isVisible());
    }
    QList<PushRecord> records = m_records;
    int unknownIndex = -1;
    for (int i = 0; i < records.size() && unknownIndex < 0; ++i) {
        if (records.at(i).state == PushState::Failed && records.at(i).target == QLatin1String("bob")) {
            unknownIndex = i;
        }
    }
    QVERIFY(unknownIndex >= 0);
    records[unknownIndex].state = PushState::Unknown;
    records[unknownIndex].reason
        = QStringLiteral("Bob may have received it: look in ATS pending hires for attempt a-1");
    MainWindow window(m_targets);
    QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setHires(m_hires, records);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    auto* arrived = window.findChild<QAction*>(QStringLiteral("actionArrived"));
    auto* sendAgain = window.findChild<QAction*>(QStringLiteral("actionSendAgain"));
    QVERIFY(view && arrived && sendAgain);
    QVERIFY(arrived->isVisible());
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("countsLabel"))->text().contains(QStringLiteral("Unknown: 1")));

    const QModelIndex unknown = firstProxyIndexInState(view, PushState::Unknown);
    const QModelIndex ready = firstProxyIndexInState(view, PushState::Ready);
    QVERIFY(unknown.isValid() && ready.isValid());
    QCOMPARE(unknown.data(Qt::DisplayRole).toString(), QStringLiteral("Unknown"));
    selectRows(view, {ready});
    QVERIFY(!arrived->isEnabled());
    QVERIFY(!sendAgain->isEnabled());
    selectRows(view, {ready, unknown});
    QVERIFY(arrived->isEnabled());
    QVERIFY(sendAgain->isEnabled());

    QSignalSpy arrivedSpy(&window, &MainWindow::arrivedRequested);
    QSignalSpy sendAgainSpy(&window, &MainWindow::sendAgainRequested);
    const PushItems expected {{records.at(unknownIndex).applicationId, QStringLiteral("bob")}};
    arrived->trigger();
    QCOMPARE(arrivedSpy.count(), 1);
    QCOMPARE(arrivedSpy.at(0).at(0).value<PushItems>(), expected);
    sendAgain->trigger();
    QCOMPARE(sendAgainSpy.count(), 1);
    QCOMPARE(sendAgainSpy.at(0).at(0).value<PushItems>(), expected);

    window.setBusy(true, QStringLiteral("Pushing to Bob…"));
    QVERIFY(!arrived->isEnabled());
}

void TestDashboard::detailsPane_clickRow_showsProvidersData()
{
    MainWindow window(m_targets);
    QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setHires(m_hires, m_records);
    QStringList asked;
    window.setDetailsProvider([&](const QString& applicationId) {
        asked.append(applicationId);
        return detailsFor(m_hires, m_records, applicationId);
    });
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    auto* pane = window.findChild<QWidget*>(QStringLiteral("detailsPane"));
    auto* toggle = window.findChild<QAction*>(QStringLiteral("actionDetails"));
    QVERIFY(view && pane && toggle);
    QVERIFY(!pane->isVisible()); // nothing selected
    QVERIFY(asked.isEmpty());

    const QModelIndex failed = firstProxyIndexInState(view, PushState::Failed);
    const QModelIndex candidate = failed.siblingAtColumn(HiresModel::Candidate);
    const QString applicationId = failed.data(ItemRoles::ApplicationIdRole).toString();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(candidate).center());
    QVERIFY(pane->isVisible());
    QCOMPARE(asked, QStringList {applicationId});
    // To the right of the table, in the splitter.
    QVERIFY(pane->geometry().left() >= view->geometry().right());

    const HireDetails expected = detailsFor(m_hires, m_records, applicationId);
    QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("detailsName"))->text(), expected.hire.name);
    QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("detailsEmail"))->text(), expected.hire.email);
    QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("detailsJob"))->text(), expected.hire.jobTitle);
    QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("detailsLocation"))->text(), QStringLiteral("Berlin"));
    QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("detailsStartDate"))->text(), expected.hire.startDate);
    QVERIFY(pane->findChild<QLabel*>(QStringLiteral("detailsHiringManager"))->text().contains(QStringLiteral("Grace")));
    QVERIFY(pane->findChild<QLabel*>(QStringLiteral("detailsWarnings"))->text().contains(QStringLiteral("salary")));

    auto* targets = pane->findChild<QTreeWidget*>(QStringLiteral("detailsTargets"));
    QCOMPARE(targets->topLevelItemCount(), 1);
    QCOMPARE(targets->topLevelItem(0)->text(0), QStringLiteral("Bob"));
    QCOMPARE(targets->topLevelItem(0)->text(1), QStringLiteral("Failed"));
    QVERIFY(pane->findChild<QLabel*>(QStringLiteral("detailsReasons"))->text().contains(QStringLiteral("Berlin HQ")));

    const QString payload = pane->findChild<QPlainTextEdit*>(QStringLiteral("detailsPayload"))->toPlainText();
    QVERIFY2(payload.contains(QStringLiteral("\"work.site\": \"Berlin HQ\"")), qPrintable(payload));
    QVERIFY(pane->findChild<QLabel*>(QStringLiteral("detailsIssues"))->text().contains(QStringLiteral("closest")));

    auto* audit = pane->findChild<QTreeWidget*>(QStringLiteral("detailsAudit"));
    QCOMPARE(audit->topLevelItemCount(), 3);
    // Newest first, with time, action, HTTP status and detail.
    QCOMPARE(audit->topLevelItem(2)->text(2), QStringLiteral("send"));
    QCOMPARE(audit->topLevelItem(2)->text(3), QStringLiteral("503"));
    QVERIFY(audit->topLevelItem(2)->text(0).startsWith(QStringLiteral("2026-03-02")));
    QCOMPARE(audit->topLevelItem(0)->text(4), QStringLiteral("failed → ready by the admin"));

    // Another row asks again; the keyboard works too.
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(asked.size(), 2);
    QCOMPARE(pane->findChild<QLabel*>(QStringLiteral("detailsName"))->text(),
        detailsFor(m_hires, m_records, asked.last()).hire.name);

    // Toggled off: hidden, and the provider is not asked while hidden.
    toggle->trigger();
    QVERIFY(!pane->isVisible());
    QTest::keyClick(view, Qt::Key_Down);
    QCOMPARE(asked.size(), 2);
    toggle->trigger();
    QVERIFY(pane->isVisible());
    QCOMPARE(asked.size(), 3);

    // The shown hire filtered away: hidden, and the actions follow the now empty selection.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
        view->visualRect(firstProxyIndexInState(view, PushState::Failed).siblingAtColumn(HiresModel::Job)).center());
    QVERIFY(pane->isVisible());
    QVERIFY(window.findChild<QAction*>(QStringLiteral("actionRetryFailed"))->isEnabled());
    auto* state = window.findChild<QComboBox*>(QStringLiteral("stateFilter"));
    state->setCurrentIndex(state->findText(QStringLiteral("Pushed")));
    QVERIFY(!pane->isVisible());
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("actionRetryFailed"))->isEnabled());
    state->setCurrentIndex(0);

    // Nothing selected: hidden again.
    view->selectRow(0);
    QVERIFY(pane->isVisible());
    view->selectionModel()->clear();
    QVERIFY(!pane->isVisible());
}

void TestDashboard::detailsPane_threeTargetsInANarrowPane_showEveryRowWhole()
{
    HireDetailsPane pane;
    HireDetails details;
    details.hire = m_hires.constFirst();
    const QStringList targets {QStringLiteral("bob"), QStringLiteral("bamboohr"), QStringLiteral("personio")};
    for (const QString& target : targets) {
        PushRecord record = PushRecord::ready(details.hire.applicationId, target);
        record.state = PushState::Pushed;
        record.remoteId = QStringLiteral("employee-with-a-rather-long-identifier-%1").arg(target);
        details.records.append(record);
        for (const char* kind : {"resume", "offer"}) {
            DocumentRecord document;
            document.applicationId = details.hire.applicationId;
            document.target = target;
            document.kind = QString::fromLatin1(kind);
            document.name = QStringLiteral("a-long-file-name-for-the-%1.pdf").arg(document.kind);
            document.state = QStringLiteral("failed");
            document.reason = QStringLiteral("the server answered 503");
            details.documents.append(document);
        }
    }
    pane.setDetails(details, targets);
    pane.resize(340, 700);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    auto* tree = pane.findChild<QTreeWidget*>(QStringLiteral("detailsTargets"));
    QVERIFY(tree);
    QCOMPARE(tree->topLevelItemCount(), 3);
    QTRY_VERIFY(!tree->horizontalScrollBar()->isVisible());
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        const QRect row = tree->visualItemRect(tree->topLevelItem(i));
        QVERIFY2(row.isValid() && row.bottom() < tree->viewport()->height(),
            qPrintable(
                QStringLiteral("row %1 ends at %2 of %3").arg(i).arg(row.bottom()).arg(tree->viewport()->height())));
    }
    QVERIFY(!tree->topLevelItem(0)->toolTip(3).isEmpty()); // what the elided column does not show
    const QString path = QDir(GuiTest::screenshotDir()).filePath(QStringLiteral("details-three-targets-narrow.png"));
    QVERIFY(pane.grab().save(path));
}

void TestDashboard::screenshots_detailsPane_lightAndDark()
{
    for (const bool dark : {false, true}) {
        if (dark) {
            QApplication::setPalette(darkPalette());
        }
        MainWindow window(m_targets);
        window.setHires(m_hires, m_records);
        window.setDetailsProvider(
            [this](const QString& applicationId) { return detailsFor(m_hires, m_records, applicationId); });
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
        const QModelIndex failed = firstProxyIndexInState(view, PushState::Failed);
        view->setCurrentIndex(failed.siblingAtColumn(HiresModel::Candidate));
        view->selectRow(failed.row());
        QVERIFY(window.findChild<QWidget*>(QStringLiteral("detailsPane"))->isVisible());
        QCOMPARE(window.size(), QSize(1280, 800));
        QApplication::processEvents();
        const QString path = QDir(m_screenshotDir)
                                 .filePath(QStringLiteral("dashboard-details-%1.png")
                                               .arg(dark ? QStringLiteral("dark") : QStringLiteral("light")));
        QVERIFY2(window.grab().save(path), qPrintable(path));
        qInfo().noquote() << "screenshot:" << path;
    }
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("Hirebridge"));
    TestDashboard test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_dashboard.moc"
