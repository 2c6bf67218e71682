#include "ledger/Ledger.h"
#include "models/HiresFilterProxyModel.h"
#include "models/HiresModel.h"
#include "models/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

Hire makeHire(int n, const QString& name, const QString& job, const QString& email, const QString& startDate)
{
    Hire hire;
    hire.applicationId = QStringLiteral("app-%1").arg(n);
    hire.candidateId = QStringLiteral("cand-%1").arg(n);
    hire.name = name;
    hire.email = email;
    hire.jobTitle = job;
    hire.department = QStringLiteral("Engineering");
    hire.startDate = startDate;
    hire.hiringManager.firstName = QStringLiteral("Grace");
    hire.hiringManager.lastName = QStringLiteral("Hopper");
    hire.hiringManager.email = QStringLiteral("grace@example.com");
    return hire;
}

PushRecord makeRecord(const QString& applicationId, const QString& target, PushState state, const QString& reason = {},
    const QString& remoteId = {})
{
    PushRecord record;
    record.applicationId = applicationId;
    record.target = target;
    record.state = state;
    record.reason = reason;
    record.remoteId = remoteId;
    return record;
}

QList<Hire> sampleHires()
{
    return {
        makeHire(1, QStringLiteral("Zoë Ångström-Núñez"), QStringLiteral("Backend Engineer"),
            QStringLiteral("zoe@example.com"), QStringLiteral("2026-03-02")),
        makeHire(2, QStringLiteral("Łukasz Żółć"), QStringLiteral("Designer"), QStringLiteral("lukasz@example.com"),
            QStringLiteral("2026-01-15")),
        makeHire(3, QStringLiteral("山田 太郎"), QStringLiteral("Data Analyst"), QString(), QString()),
    };
}

QList<PushRecord> sampleRecords()
{
    return {
        makeRecord(QStringLiteral("app-1"), QStringLiteral("bob"), PushState::Ready),
        makeRecord(QStringLiteral("app-1"), QStringLiteral("personio"), PushState::Pushed, {}, QStringLiteral("E-77")),
        makeRecord(QStringLiteral("app-2"), QStringLiteral("bob"), PushState::Failed, QStringLiteral("HTTP 503")),
        makeRecord(QStringLiteral("app-2"), QStringLiteral("personio"), PushState::Exists,
            QStringLiteral("Already an employee")),
        makeRecord(QStringLiteral("app-3"), QStringLiteral("bob"), PushState::Skipped, QStringLiteral("Contractor")),
        // app-3 has no personio record: shown as ready, as the ledger would create it.
        makeRecord(QStringLiteral("app-unknown"), QStringLiteral("bob"), PushState::Pushed),
        makeRecord(QStringLiteral("app-1"), QStringLiteral("bamboohr"), PushState::Pushed),
    };
}

} // namespace

class TestHiresModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void setHires_sample_showsColumnsAndStates()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        model.setHires(sampleHires(), sampleRecords());

        QCOMPARE(resetSpy.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(HiresModel::FirstTargetColumn) + 2);
        QCOMPARE(model.headerData(HiresModel::Candidate, Qt::Horizontal).toString(), QStringLiteral("Candidate"));
        QCOMPARE(model.headerData(HiresModel::StartDate, Qt::Horizontal).toString(), QStringLiteral("Start date"));
        QCOMPARE(model.headerData(HiresModel::FirstTargetColumn, Qt::Horizontal).toString(), QStringLiteral("Bob"));
        QCOMPARE(
            model.headerData(HiresModel::FirstTargetColumn + 1, Qt::Horizontal).toString(), QStringLiteral("Personio"));

        QCOMPARE(model.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Zoë Ångström-Núñez"));
        QCOMPARE(model.index(0, HiresModel::Job).data().toString(), QStringLiteral("Backend Engineer"));
        QCOMPARE(model.index(0, HiresModel::Department).data().toString(), QStringLiteral("Engineering"));
        QCOMPARE(model.index(0, HiresModel::StartDate).data().toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(model.index(0, HiresModel::HiringManager).data().toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(model.index(0, HiresModel::Candidate).data(ItemRoles::ApplicationIdRole).toString(),
            QStringLiteral("app-1"));

        const int bob = model.columnForTarget(QStringLiteral("bob"));
        const int personio = model.columnForTarget(QStringLiteral("personio"));
        QCOMPARE(model.index(0, bob).data().toString(), QStringLiteral("Ready"));
        QCOMPARE(model.index(0, bob).data(ItemRoles::PushStateRole).toInt(), int(PushState::Ready));
        QCOMPARE(model.index(0, bob).data(ItemRoles::TargetRole).toString(), QStringLiteral("bob"));
        QCOMPARE(model.index(0, personio).data().toString(), QStringLiteral("Pushed"));
        QVERIFY(model.index(0, personio).data(Qt::ToolTipRole).toString().contains(QStringLiteral("E-77")));
        QCOMPARE(model.index(1, bob).data().toString(), QStringLiteral("Failed"));
        QVERIFY(model.index(1, bob).data(Qt::ToolTipRole).toString().contains(QStringLiteral("HTTP 503")));
        QCOMPARE(model.index(1, personio).data().toString(), QStringLiteral("Exists"));
        QCOMPARE(model.index(2, bob).data().toString(), QStringLiteral("Skipped"));
        QCOMPARE(model.index(2, personio).data().toString(), QStringLiteral("Ready"));
        QCOMPARE(model.index(2, HiresModel::StartDate).data().toString(), QString());

        QCOMPARE(model.countInState(PushState::Ready), 2);
        QCOMPARE(model.countInState(PushState::Pushed), 1);
        QCOMPARE(model.countInState(PushState::Failed), 1);
    }

    void flags_eachState_onlyReadyFailedSkippedCheckable()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        model.setHires(sampleHires(), sampleRecords());
        const int bob = model.columnForTarget(QStringLiteral("bob"));
        const int personio = model.columnForTarget(QStringLiteral("personio"));

        QVERIFY(model.flags(model.index(0, bob)).testFlag(Qt::ItemIsUserCheckable)); // ready
        QVERIFY(model.flags(model.index(1, bob)).testFlag(Qt::ItemIsUserCheckable)); // failed
        QVERIFY(model.flags(model.index(2, bob)).testFlag(Qt::ItemIsUserCheckable)); // skipped
        QVERIFY(!model.flags(model.index(0, personio)).testFlag(Qt::ItemIsUserCheckable)); // pushed
        QVERIFY(!model.flags(model.index(1, personio)).testFlag(Qt::ItemIsUserCheckable)); // exists
        QVERIFY(!model.flags(model.index(0, HiresModel::Candidate)).testFlag(Qt::ItemIsUserCheckable));
        QCOMPARE(model.index(0, bob).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));
        QVERIFY(!model.index(0, personio).data(Qt::CheckStateRole).isValid());
        QVERIFY(!model.setData(model.index(0, personio), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(!model.setData(model.index(0, HiresModel::Candidate), Qt::Checked, Qt::CheckStateRole));
    }

    void setData_checkState_tracksCheckedItems()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        const int bob = model.columnForTarget(QStringLiteral("bob"));
        const int personio = model.columnForTarget(QStringLiteral("personio"));
        QSignalSpy dataSpy(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy checkedSpy(&model, &HiresModel::checkedItemsChanged);

        QVERIFY(model.setData(model.index(1, bob), Qt::Checked, Qt::CheckStateRole));
        QVERIFY(model.setData(model.index(2, personio), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(dataSpy.count(), 2);
        QCOMPARE(dataSpy.at(0).at(0).value<QModelIndex>(), model.index(1, bob));
        QCOMPARE(checkedSpy.count(), 2);
        QCOMPARE(model.index(1, bob).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

        const QList<QPair<QString, QString>> expected {
            {QStringLiteral("app-2"), QStringLiteral("bob")},
            {QStringLiteral("app-3"), QStringLiteral("personio")},
        };
        QCOMPARE(model.checkedItems(), expected);
        QCOMPARE(model.checkedCount(), 2);

        // Ticking again is not a change.
        QVERIFY(model.setData(model.index(1, bob), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(dataSpy.count(), 2);

        QVERIFY(model.setData(model.index(1, bob), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(model.checkedItems().size(), 1);
        model.clearChecks();
        QVERIFY(model.checkedItems().isEmpty());
        QCOMPARE(model.checkedCount(), 0);
    }

    void setChecked_rows_skipsRecordsThatCannotBeTicked()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        model.setChecked({0, 1, 2, 99}, QStringLiteral("personio"), true);
        // Row 0 is pushed and row 1 exists there: only row 2 (no record yet, so ready) is ticked.
        const QList<QPair<QString, QString>> expected {{QStringLiteral("app-3"), QStringLiteral("personio")}};
        QCOMPARE(model.checkedItems(), expected);
    }

    void updateRecord_knownCell_changesOnlyThatCellAndUnticks()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        const int bob = model.columnForTarget(QStringLiteral("bob"));
        QVERIFY(model.setData(model.index(0, bob), Qt::Checked, Qt::CheckStateRole));

        QSignalSpy dataSpy(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resetSpy(&model, &QAbstractItemModel::modelReset);
        QSignalSpy countsSpy(&model, &HiresModel::stateCountsChanged);
        model.updateRecord(makeRecord(QStringLiteral("app-1"), QStringLiteral("bob"), PushState::Sending));

        QCOMPARE(resetSpy.count(), 0);
        QCOMPARE(dataSpy.count(), 1);
        QCOMPARE(dataSpy.at(0).at(0).value<QModelIndex>(), model.index(0, bob));
        QCOMPARE(dataSpy.at(0).at(1).value<QModelIndex>(), model.index(0, bob));
        QCOMPARE(countsSpy.count(), 1);
        QCOMPARE(model.index(0, bob).data().toString(), QStringLiteral("Sending…"));
        // A record on its way cannot stay ticked for another push.
        QVERIFY(model.checkedItems().isEmpty());
        QVERIFY(!model.index(0, bob).data(Qt::CheckStateRole).isValid());

        model.updateRecord(makeRecord(
            QStringLiteral("app-1"), QStringLiteral("bob"), PushState::Pushed, {}, QStringLiteral("bob-123")));
        QCOMPARE(model.index(0, bob).data().toString(), QStringLiteral("Pushed"));
        QCOMPARE(model.index(0, bob).data(ItemRoles::RemoteIdRole).toString(), QStringLiteral("bob-123"));
        QCOMPARE(model.countInState(PushState::Pushed), 2);

        dataSpy.clear();
        model.updateRecord(makeRecord(QStringLiteral("nope"), QStringLiteral("bob"), PushState::Pushed));
        model.updateRecord(makeRecord(QStringLiteral("app-1"), QStringLiteral("nope"), PushState::Pushed));
        QCOMPARE(dataSpy.count(), 0);
    }

    void setHires_again_clearsTicks()
    {
        HiresModel model({QStringLiteral("bob")});
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        QVERIFY(model.setData(model.index(0, HiresModel::FirstTargetColumn), Qt::Checked, Qt::CheckStateRole));
        model.setHires(sampleHires().mid(0, 2), sampleRecords());
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.checkedItems().isEmpty());
        model.setHires({}, {});
        QCOMPARE(model.rowCount(), 0);
    }

    void proxy_filterText_matchesCandidateJobEmailCaseInsensitive()
    {
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setFilterText(QStringLiteral("ÅNGSTRÖM"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText(QStringLiteral("designer"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Łukasz Żółć"));
        proxy.setFilterText(QStringLiteral("EXAMPLE.COM"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(QStringLiteral("zoe backend"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText(QStringLiteral("Engineering")); // department is not searched
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(QString());
        QCOMPARE(proxy.rowCount(), 3);
    }

    void setHireRows_listColumns_fullHireLoadedOnlyForTooltips()
    {
        HiresModel model({QStringLiteral("bob")});
        QStringList asked;
        model.setHireLoader([&asked](const QString& applicationId) -> std::optional<Hire> {
            asked.append(applicationId);
            if (applicationId != QLatin1String("app-1")) {
                return std::nullopt; // unreadable in the ledger
            }
            Hire hire = sampleHires().constFirst();
            hire.warnings = QStringList {QStringLiteral("No accepted offer yet.")};
            return hire;
        });
        const QList<HireRow> rows {
            {QStringLiteral("app-1"), QStringLiteral("cand-1"), QStringLiteral("Zoë Ångström-Núñez"),
                QStringLiteral("zoe@example.com"), QStringLiteral("2026-03-02"), QStringLiteral("Backend Engineer"),
                QStringLiteral("Engineering"), QStringLiteral("Grace Hopper")},
            {QStringLiteral("app-2"), QStringLiteral("cand-2"), QStringLiteral("Łukasz Żółć"),
                QStringLiteral("lukasz@example.com"), QString(), QStringLiteral("Designer"), QStringLiteral("Design"),
                QString()},
        };
        model.setHireRows(rows, sampleRecords());

        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Zoë Ångström-Núñez"));
        QCOMPARE(model.index(0, HiresModel::Job).data().toString(), QStringLiteral("Backend Engineer"));
        QCOMPARE(model.index(0, HiresModel::Department).data().toString(), QStringLiteral("Engineering"));
        QCOMPARE(model.index(0, HiresModel::StartDate).data().toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(model.index(0, HiresModel::HiringManager).data().toString(), QStringLiteral("Grace Hopper"));
        QCOMPARE(model.index(0, HiresModel::Candidate).data(ItemRoles::EmailRole).toString(),
            QStringLiteral("zoe@example.com"));
        QCOMPARE(model.index(1, HiresModel::FirstTargetColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.startDayAt(0), QDate(2026, 3, 2).toJulianDay());
        QCOMPARE(model.startDayAt(1), HiresModel::NoStartDay);
        QVERIFY(asked.isEmpty()); // showing the table reads no hire

        QVERIFY(model.index(0, HiresModel::Candidate)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("No accepted offer yet.")));
        QCOMPARE(model.index(0, HiresModel::HiringManager).data(Qt::ToolTipRole).toString(),
            QStringLiteral("grace@example.com"));
        QCOMPARE(model.index(0, HiresModel::Job).data(ItemRoles::WarningsRole).toStringList(),
            QStringList {QStringLiteral("No accepted offer yet.")});
        QCOMPARE(asked, QStringList {QStringLiteral("app-1")}); // once, then kept

        // A hire the loader cannot give still shows its tooltip, and is not asked for again on every hover.
        QVERIFY(model.index(1, HiresModel::Candidate)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("lukasz@example.com")));
        QVERIFY(!model.index(1, HiresModel::HiringManager).data(Qt::ToolTipRole).isValid());
        QCOMPARE(asked.size(), 2);

        // Sorting and filtering work on the list columns alone.
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(HiresModel::Department, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, HiresModel::Department).data().toString(), QStringLiteral("Design"));
        proxy.setFilterText(QStringLiteral("angstrom"));
        QCOMPARE(proxy.rowCount(), 1);
    }

    void proxy_filterText_ignoresAccentsAndCase()
    {
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());

        const auto shown = [&proxy](const QString& text) {
            proxy.setFilterText(text);
            QStringList names;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                names.append(proxy.index(row, HiresModel::Candidate).data().toString());
            }
            return names;
        };
        QCOMPARE(shown(QStringLiteral("lukasz zolc")), QStringList {QStringLiteral("Łukasz Żółć")});
        QCOMPARE(shown(QStringLiteral("ŁUKASZ")), QStringList {QStringLiteral("Łukasz Żółć")});
        QCOMPARE(shown(QStringLiteral("zoe angstrom nunez")), QStringList {QStringLiteral("Zoë Ångström-Núñez")});
        QCOMPARE(shown(QStringLiteral("Zoë")), QStringList {QStringLiteral("Zoë Ångström-Núñez")});
        // Decomposed input (e + combining diaeresis) finds the precomposed name too.
        QCOMPARE(shown(QStringLiteral("zoe\u0308")), QStringList {QStringLiteral("Zoë Ångström-Núñez")});
        QCOMPARE(shown(QStringLiteral("山田")), QStringList {QStringLiteral("山田 太郎")});
        QCOMPARE(shown(QStringLiteral("  designer\t")), QStringList {QStringLiteral("Łukasz Żółć")});
        QCOMPARE(HiresModel::foldedForSearch(QStringLiteral("Ærø Straße ǅ")), QStringLiteral("aero strasse dz"));
    }

    void proxy_typing_narrowsAndWidensWithTheSameRowsAsAFreshFilter()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<Hire> hires = sampleHires();
        for (int n = 4; n < 60; ++n) {
            hires.append(makeHire(n, QStringLiteral("Person %1 Dąbrowska").arg(n), QStringLiteral("Role %1").arg(n % 7),
                QStringLiteral("p%1@example.org").arg(n),
                QStringLiteral("2026-02-%1").arg(n % 28 + 1, 2, 10, QLatin1Char('0'))));
        }
        model.setHires(hires, sampleRecords());
        proxy.sort(HiresModel::Candidate, Qt::DescendingOrder);
        proxy.setStateFilter(PushState::Ready);

        // What a proxy that never saw the earlier keystrokes shows for the same filters.
        const auto expected = [&model, &proxy](const QString& text) {
            HiresFilterProxyModel fresh;
            fresh.setSourceModel(&model);
            fresh.sort(proxy.sortColumn(), proxy.sortOrder());
            fresh.setStateFilter(proxy.stateFilter());
            fresh.setFilterText(text);
            QStringList ids;
            for (int row = 0; row < fresh.rowCount(); ++row) {
                ids.append(fresh.index(row, 0).data(ItemRoles::ApplicationIdRole).toString());
            }
            return ids;
        };
        const auto shownIds = [&proxy] {
            QStringList ids;
            for (int row = 0; row < proxy.rowCount(); ++row) {
                ids.append(proxy.index(row, 0).data(ItemRoles::ApplicationIdRole).toString());
            }
            return ids;
        };
        for (const QString& text : {QStringLiteral("p"), QStringLiteral("pe"), QStringLiteral("person 1"),
                 QStringLiteral("person 12"), QStringLiteral("person 1"), QStringLiteral("dabrowska 3"),
                 QStringLiteral("3 dabrowska"), QStringLiteral("o"), QString()}) {
            proxy.setFilterText(text);
            QCOMPARE(shownIds(), expected(text));
        }
    }

    void proxy_filterChanges_persistentIndexesFollowTheirHire()
    {
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        proxy.sort(HiresModel::Candidate, Qt::AscendingOrder);
        const int lukaszRow = int(proxy
                                      .match(proxy.index(0, HiresModel::Candidate), Qt::DisplayRole,
                                          QStringLiteral("Łukasz Żółć"), 1, Qt::MatchExactly)
                                      .constFirst()
                                      .row());
        const QPersistentModelIndex lukasz = proxy.index(lukaszRow, HiresModel::Job);
        QSignalSpy layoutSpy(&proxy, &QAbstractItemModel::layoutChanged);

        proxy.setFilterText(QStringLiteral("example.com"));
        QVERIFY(lukasz.isValid());
        QCOMPARE(lukasz.data().toString(), QStringLiteral("Designer"));
        QCOMPARE(proxy.mapToSource(lukasz).row(), model.rowForApplication(QStringLiteral("app-2")));
        QCOMPARE(proxy.mapFromSource(proxy.mapToSource(lukasz)), QModelIndex(lukasz));
        proxy.sort(HiresModel::Candidate, Qt::DescendingOrder);
        QCOMPARE(lukasz.data().toString(), QStringLiteral("Designer"));
        proxy.setFilterText(QStringLiteral("zoe"));
        QVERIFY(!lukasz.isValid()); // filtered away
        QVERIFY(!layoutSpy.isEmpty());
        QVERIFY(!proxy.mapFromSource(model.index(model.rowForApplication(QStringLiteral("app-2")), 0)).isValid());
    }

    void proxy_sortedByTarget_recordChangeMovesTheRow()
    {
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        proxy.sort(HiresModel::FirstTargetColumn, Qt::AscendingOrder); // failed, ready, ..., skipped
        QCOMPARE(proxy.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Łukasz Żółć"));
        const QPersistentModelIndex zoe = proxy.index(1, HiresModel::Candidate);
        QCOMPARE(zoe.data().toString(), QStringLiteral("Zoë Ångström-Núñez"));

        model.updateRecord(makeRecord(QStringLiteral("app-1"), QStringLiteral("bob"), PushState::Pushed));
        QCOMPARE(proxy.index(2, HiresModel::Candidate).data().toString(), QStringLiteral("Zoë Ångström-Núñez"));
        QCOMPARE(zoe.row(), 2); // the selection would follow
        model.updateRecord(makeRecord(QStringLiteral("app-3"), QStringLiteral("bob"), PushState::Failed));
        QCOMPARE(proxy.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Łukasz Żółć"));
        QCOMPARE(proxy.index(1, HiresModel::Candidate).data().toString(), QStringLiteral("山田 太郎"));

        // Ticks neither filter nor move anything.
        QSignalSpy layoutSpy(&proxy, &QAbstractItemModel::layoutChanged);
        QVERIFY(proxy.setData(proxy.index(0, HiresModel::FirstTargetColumn), Qt::Checked, Qt::CheckStateRole));
        QCOMPARE(layoutSpy.count(), 0);
        QCOMPARE(model.checkedCount(), 1);
    }

    void proxy_sortByStartDate_emptyDatesLast()
    {
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());
        proxy.sort(HiresModel::StartDate, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, HiresModel::StartDate).data().toString(), QStringLiteral("2026-01-15"));
        QCOMPARE(proxy.index(1, HiresModel::StartDate).data().toString(), QStringLiteral("2026-03-02"));
        QCOMPARE(proxy.index(2, HiresModel::StartDate).data().toString(), QString());

        proxy.sort(HiresModel::Candidate, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Łukasz Żółć"));

        // Failures first when sorting by a target.
        proxy.sort(HiresModel::FirstTargetColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, HiresModel::FirstTargetColumn).data().toString(), QStringLiteral("Failed"));
    }

    void proxy_stateFilter_anyTargetInThatState()
    {
        HiresModel model({QStringLiteral("bob"), QStringLiteral("personio")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());

        proxy.setStateFilter(PushState::Ready); // app-1 (bob) and app-3 (personio, no record)
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStateFilter(PushState::Exists);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Łukasz Żółć"));
        proxy.setStateFilter(PushState::Sending);
        QCOMPARE(proxy.rowCount(), 0);

        // A record that changes state enters or leaves the filtered rows.
        model.updateRecord(makeRecord(QStringLiteral("app-1"), QStringLiteral("bob"), PushState::Sending));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText(QStringLiteral("nobody"));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setFilterText(QString());
        proxy.setStateFilter(std::nullopt);
        QCOMPARE(proxy.rowCount(), 3);
    }

    void proxy_startDateRange_inclusiveAndHidesHiresWithoutDate()
    {
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setHires(sampleHires(), sampleRecords());

        proxy.setStartDateRange(QDate(2026, 3, 2), QDate());
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, HiresModel::StartDate).data().toString(), QStringLiteral("2026-03-02"));
        proxy.setStartDateRange(QDate(), QDate(2026, 3, 1));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, HiresModel::StartDate).data().toString(), QStringLiteral("2026-01-15"));
        proxy.setStartDateRange(QDate(2026, 1, 15), QDate(2026, 3, 2));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setStartDateRange(QDate(2026, 1, 16), QDate(2026, 3, 1));
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setStartDateRange(QDate(), QDate());
        QCOMPARE(proxy.rowCount(), 3);
    }

    void setHires_100000Rows_staysUsable()
    {
        const int count = 100000;
        QList<Hire> hires;
        hires.reserve(count);
        QList<PushRecord> records;
        records.reserve(count);
        for (int n = 0; n < count; ++n) {
            hires.append(makeHire(n, QStringLiteral("Kandidat Nummer %1 Ærøskøbing").arg(n),
                QStringLiteral("Job %1").arg(n % 97), QStringLiteral("c%1@example.com").arg(n),
                QStringLiteral("2026-%1-%2")
                    .arg(n % 12 + 1, 2, 10, QLatin1Char('0'))
                    .arg(n % 28 + 1, 2, 10, QLatin1Char('0'))));
            records.append(makeRecord(hires.last().applicationId, QStringLiteral("bob"), PushState(n % 6)));
        }
        HiresModel model({QStringLiteral("bob")});
        HiresFilterProxyModel proxy;
        proxy.setSourceModel(&model);

        QElapsedTimer timer;
        timer.start();
        model.setHires(hires, records);
        qInfo() << "setHires of" << count << "rows:" << timer.elapsed() << "ms";
        QCOMPARE(model.rowCount(), count);
        QCOMPARE(proxy.rowCount(), count);

        timer.restart();
        proxy.sort(HiresModel::StartDate);
        qInfo() << "first sort by start date:" << timer.elapsed() << "ms";
        timer.restart();
        proxy.sort(HiresModel::Candidate);
        qInfo() << "first sort by candidate:" << timer.elapsed() << "ms";

        timer.restart();
        proxy.setFilterText(QStringLiteral("C4242@"));
        qInfo() << "filter over" << count << "rows:" << timer.elapsed() << "ms";
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText(QString());

        timer.restart();
        proxy.setStateFilter(PushState::Failed);
        const int failed = proxy.rowCount(); // counted in: the proxy may map lazily
        qInfo() << "state filter over" << count << "rows:" << timer.elapsed() << "ms";
        QCOMPARE(failed, count / 6 + (count % 6 > int(PushState::Failed) ? 1 : 0));
        timer.restart();
        proxy.setStartDateRange(QDate(2026, 4, 1), QDate(2026, 4, 30));
        const int inApril = proxy.rowCount();
        qInfo() << "start-date range over" << count << "rows:" << timer.elapsed() << "ms";
        QVERIFY(inApril > 0);
        for (int row = 0; row < proxy.rowCount(); row += 97) {
            QVERIFY(proxy.index(row, HiresModel::StartDate).data().toString().startsWith(QStringLiteral("2026-04")));
        }
        proxy.setStateFilter(std::nullopt);
        proxy.setStartDateRange(QDate(), QDate());
        QCOMPARE(proxy.rowCount(), count);

        timer.restart();
        model.updateRecord(makeRecord(QStringLiteral("app-4242"), QStringLiteral("bob"), PushState::Pushed));
        qInfo() << "one record update:" << timer.elapsed() << "ms";
        QCOMPARE(model.stateAt(4242, QStringLiteral("bob")), PushState::Pushed);
    }
};

QTEST_GUILESS_MAIN(TestHiresModel)
#include "test_hiresmodel.moc"
