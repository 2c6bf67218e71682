#include "GuiTestSupport.h"
#include "MessageBox.h"
#include "main/MainWindow.h"
#include "models/HiresModel.h"
#include "models/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOptionViewItem>
#include <QTableView>
#include <QTest>
#include <QToolBar>
#include <QToolButton>

using PushItems = QList<QPair<QString, QString>>;

namespace {

const QStringList Names {
    QStringLiteral("Zoë Ångström-Núñez"),
    QStringLiteral("Łukasz Żółć"),
    QStringLiteral("Søren Kierkegaard"),
    QStringLiteral("Aoife Ní Bhriain"),
    QStringLiteral("José María Gómez"),
    QStringLiteral("Björk Guðmundsdóttir"),
    QStringLiteral("Nguyễn Thị Minh"),
    QStringLiteral("Ayşe Yılmaz"),
    QStringLiteral("François Lefèvre"),
    QStringLiteral("Mårten Öberg"),
    QStringLiteral("Dvořák Antonín"),
    QStringLiteral("Chloé Dubois"),
    QStringLiteral("Siobhán O'Connor"),
    QStringLiteral("Jürgen Weiß"),
    QStringLiteral("Zeynep Çelik"),
    QStringLiteral("Małgorzata Wróbel"),
    QStringLiteral("Ngozi Okonjo"),
    QStringLiteral("Priya Raghunathan"),
    QStringLiteral("Hiroshi Tanaka"),
    QStringLiteral("Inês Carvalho"),
    QStringLiteral("Olúwaségun Adébáyọ̀"),
    QStringLiteral("Åsa Lindqvist"),
    QStringLiteral("Renée Moreau"),
    QStringLiteral("Tomás Ó Briain"),
    QStringLiteral("Élodie Martin"),
    QStringLiteral("Kateřina Nováková"),
    QStringLiteral("Dmitri Ivanov"),
    QStringLiteral("Yusuf Al-Farsi"),
    QStringLiteral("Mei Lin Chen"),
    QStringLiteral("Teller"),
};

const QStringList Jobs {
    QStringLiteral("Senior Backend Engineer"),
    QStringLiteral("Product Designer"),
    QStringLiteral("Account Executive"),
    QStringLiteral("Data Analyst"),
    QStringLiteral("People Partner"),
    QStringLiteral("Site Reliability Engineer"),
};
const QStringList Departments {QStringLiteral("Engineering"), QStringLiteral("Design"), QStringLiteral("Sales"),
    QStringLiteral("Data"), QStringLiteral("People"), QStringLiteral("Engineering")};

// Mixed on purpose, with every state present.
PushState stateFor(int n)
{
    static const QList<PushState> states {
        PushState::Ready,
        PushState::Pushed,
        PushState::Ready,
        PushState::Failed,
        PushState::Ready,
        PushState::Exists,
        PushState::Ready,
        PushState::Pushed,
        PushState::Skipped,
        PushState::Ready,
        PushState::Sending,
        PushState::Ready,
        PushState::Failed,
        PushState::Pushed,
        PushState::Ready,
        PushState::Exists,
        PushState::Ready,
        PushState::Pushed,
        PushState::Failed,
        PushState::Ready,
        PushState::Skipped,
        PushState::Ready,
        PushState::Pushed,
        PushState::Exists,
        PushState::Ready,
        PushState::Sending,
        PushState::Failed,
        PushState::Pushed,
        PushState::Skipped,
        PushState::Ready,
    };
    return states.at(n % states.size());
}

// "Björk" -> "bjork": what a mail admin would have made of the name.
QString asciiSlug(const QString& text)
{
    QString slug;
    for (const QChar c : text.normalized(QString::NormalizationForm_KD)) {
        if (c.unicode() < 128 && c.isLetter()) {
            slug.append(c.toLower());
        }
    }
    return slug;
}

QList<Hire> generateHires(int count)
{
    QList<Hire> hires;
    for (int n = 0; n < count; ++n) {
        Hire hire;
        hire.applicationId = QStringLiteral("app-%1").arg(n, 3, 10, QLatin1Char('0'));
        hire.candidateId = QStringLiteral("cand-%1").arg(n);
        hire.name = Names.at(n % Names.size());
        hire.email = n == 29 ? QString()
                             : asciiSlug(hire.name.section(QLatin1Char(' '), 0, 0)) + QStringLiteral("@example.com");
        hire.jobTitle = Jobs.at(n % Jobs.size());
        hire.department = Departments.at(n % Departments.size());
        hire.startDate = n % 11 == 10 ? QString()
                                      : QStringLiteral("2026-%1-%2")
                                            .arg(n % 4 + 3, 2, 10, QLatin1Char('0'))
                                            .arg(n % 27 + 1, 2, 10, QLatin1Char('0'));
        hire.hiringManager.firstName = n % 2 ? QStringLiteral("Grace") : QStringLiteral("Kwame");
        hire.hiringManager.lastName = n % 2 ? QStringLiteral("Hopper") : QStringLiteral("Mensah-Bonsu");
        hire.hiringManager.email = QStringLiteral("manager%1@example.com").arg(n % 2);
        hires.append(hire);
    }
    return hires;
}

QList<PushRecord> generateRecords(const QList<Hire>& hires, const QStringList& targets)
{
    QList<PushRecord> records;
    for (int n = 0; n < hires.size(); ++n) {
        for (int t = 0; t < targets.size(); ++t) {
            PushRecord record;
            record.applicationId = hires.at(n).applicationId;
            record.target = targets.at(t);
            record.state = stateFor(n + 3 * t);
            if (record.state == PushState::Failed) {
                record.reason = QStringLiteral("Bob answered 503 Service Unavailable");
                record.attempts = 2;
            } else if (record.state == PushState::Exists) {
                record.reason = QStringLiteral("An employee with this e-mail already exists");
            } else if (record.state == PushState::Pushed) {
                record.remoteId = QStringLiteral("3%1").arg(n * 7919);
            }
            records.append(record);
        }
    }
    return records;
}

using GuiTest::darkPalette;

QToolButton* toolButtonFor(MainWindow& window, const QString& actionName)
{
    auto* toolBar = window.findChild<QToolBar*>(QStringLiteral("mainToolBar"));
    auto* action = window.findChild<QAction*>(actionName);
    if (!toolBar || !action) {
        return nullptr;
    }
    return qobject_cast<QToolButton*>(toolBar->widgetForAction(action));
}

// The checkbox rectangle as the style lays it out for this cell: the same computation the delegate's editorEvent
// uses to decide whether a click hit the box.
QRect checkboxRect(QTableView* view, const QModelIndex& index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.widget = view;
    option.rect = view->visualRect(index);
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    option.features = QStyleOptionViewItem::HasCheckIndicator | QStyleOptionViewItem::HasDisplay;
    option.text = index.data().toString();
    option.checkState = Qt::Unchecked;
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    return view->style()->subElementRect(QStyle::SE_ItemViewItemCheckIndicator, &option, view);
}

int countVisibleRows(QTableView* view)
{
    int rows = 0;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (!view->isRowHidden(row) && view->visualRect(view->model()->index(row, 0)).isValid()) {
            ++rows;
        }
    }
    return rows;
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT
private:
    void saveScreenshot(QWidget* window, const QString& name);
    QModelIndex firstProxyIndexInState(QTableView* view, PushState state) const;

    QStringList m_targets {QStringLiteral("bob")};
    QList<Hire> m_hires;
    QList<PushRecord> m_records;
    QString m_screenshotDir;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void show_thirtyHires_viewShowsThemWithStates();
    void filterEdit_typing_showsFewerRows();
    void checkbox_clickCell_ticksAndPushButtonEmitsItem();
    void pushButton_nothingTicked_pushesSelectedReadyOrFailed();
    void syncButton_click_emitsSyncRequested();
    void setBusy_true_showsProgressAndCancelEmits();
    void showError_text_showsDismissibleInlineBanner();
    void emptyState_noHires_showsHint();
    void messageBox_nextAnswer_answersWithoutShowing();
    void screenshots_lightAndDark_saved();
};

void TestMainWindow::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_hires = generateHires(30);
    m_records = generateRecords(m_hires, m_targets);
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestMainWindow::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
    MessageBox::setNextAnswer(QMessageBox::NoButton);
}

void TestMainWindow::saveScreenshot(QWidget* window, const QString& name)
{
    QApplication::processEvents();
    const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
    QVERIFY2(window->grab().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

QModelIndex TestMainWindow::firstProxyIndexInState(QTableView* view, PushState state) const
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, HiresModel::FirstTargetColumn);
        if (index.data(ItemRoles::PushStateRole).toInt() == int(state)) {
            return index;
        }
    }
    return {};
}

void TestMainWindow::show_thirtyHires_viewShowsThemWithStates()
{
    MainWindow window(m_targets);
    QAbstractItemModelTester tester(window.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    window.setHires(m_hires, m_records);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowTitle(), QStringLiteral("Hirebridge"));

    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    QVERIFY(view);
    QCOMPARE(view->model()->rowCount(), 30);
    QVERIFY(view->isSortingEnabled());
    QCOMPARE(view->selectionMode(), QAbstractItemView::ExtendedSelection);
    QVERIFY(view->alternatingRowColors());

    // The first row is really on screen with a unicode name and a state text.
    const QModelIndex first = view->indexAt(QPoint(5, 5));
    QVERIFY(first.isValid());
    QVERIFY(Names.contains(view->model()->index(first.row(), HiresModel::Candidate).data().toString()));
    QVERIFY(view->viewport()->rect().contains(view->visualRect(first)));
    QVERIFY(countVisibleRows(view) == 30);

    // The candidate column gets room, and no column is squeezed below its header.
    QHeaderView* header = view->horizontalHeader();
    QVERIFY(header->sectionSize(HiresModel::Candidate) >= 150);
    QVERIFY(header->sectionPosition(HiresModel::FirstTargetColumn) + header->sectionSize(HiresModel::FirstTargetColumn)
        <= view->viewport()->width());

    auto* counts = window.findChild<QLabel*>(QStringLiteral("countsLabel"));
    QVERIFY(counts);
    QVERIFY2(counts->text().contains(QStringLiteral("Hires: 30")), qPrintable(counts->text()));
    int ready = 0;
    int failed = 0;
    for (const PushRecord& record : std::as_const(m_records)) {
        ready += record.state == PushState::Ready ? 1 : 0;
        failed += record.state == PushState::Failed ? 1 : 0;
    }
    QVERIFY2(counts->text().contains(QStringLiteral("Ready: %1").arg(ready)), qPrintable(counts->text()));
    QVERIFY2(counts->text().contains(QStringLiteral("Failed: %1").arg(failed)), qPrintable(counts->text()));
}

void TestMainWindow::filterEdit_typing_showsFewerRows()
{
    MainWindow window(m_targets);
    window.setHires(m_hires, m_records);
    window.resize(1024, 700);
    window.show();
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    auto* filter = window.findChild<QLineEdit*>(QStringLiteral("filterEdit"));
    QVERIFY(view && filter);

    QTest::keyClicks(filter, QStringLiteral("DESIGNER"));
    QCOMPARE(view->model()->rowCount(), 5);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        QCOMPARE(view->model()->index(row, HiresModel::Job).data().toString(), QStringLiteral("Product Designer"));
    }
    auto* counts = window.findChild<QLabel*>(QStringLiteral("countsLabel"));
    QVERIFY2(counts->text().contains(QStringLiteral("Showing 5 of 30")), qPrintable(counts->text()));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("bjork@"));
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, HiresModel::Candidate).data().toString(), QStringLiteral("Björk Guðmundsdóttir"));

    filter->clear();
    QTest::keyClicks(filter, QStringLiteral("no such person"));
    QCOMPARE(view->model()->rowCount(), 0);
    saveScreenshot(&window, QStringLiteral("mainwindow-filter-no-match"));

    filter->clear();
    QCOMPARE(view->model()->rowCount(), 30);
}

void TestMainWindow::checkbox_clickCell_ticksAndPushButtonEmitsItem()
{
    MainWindow window(m_targets);
    window.setHires(m_hires, m_records);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    QToolButton* pushButton = toolButtonFor(window, QStringLiteral("actionPush"));
    QVERIFY(view && pushButton);
    QVERIFY(!pushButton->isEnabled()); // nothing ticked or selected yet

    const QModelIndex cell = firstProxyIndexInState(view, PushState::Failed);
    QVERIFY(cell.isValid());
    view->scrollTo(cell);
    const QString applicationId = cell.data(ItemRoles::ApplicationIdRole).toString();
    const QRect box = checkboxRect(view, cell);
    QVERIFY(view->viewport()->rect().contains(box));

    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, box.center());
    QCOMPARE(cell.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    const PushItems expected {{applicationId, QStringLiteral("bob")}};
    QCOMPARE(window.model()->checkedItems(), expected);
    QVERIFY(pushButton->isEnabled());
    saveScreenshot(&window, QStringLiteral("mainwindow-ticked"));

    // A click beside the box (on the pill) does not untick.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(box.right() + 40, box.center().y()));
    QCOMPARE(cell.data(Qt::CheckStateRole).toInt(), int(Qt::Checked));

    QSignalSpy pushSpy(&window, &MainWindow::pushRequested);
    QTest::mouseClick(pushButton, Qt::LeftButton);
    QCOMPARE(pushSpy.count(), 1);
    QCOMPARE(pushSpy.at(0).at(0).value<PushItems>(), expected);

    // A pushed record cannot be ticked: there is no box to click.
    const QModelIndex pushed = firstProxyIndexInState(view, PushState::Pushed);
    QVERIFY(pushed.isValid());
    view->scrollTo(pushed);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, checkboxRect(view, pushed).center());
    QVERIFY(!pushed.data(Qt::CheckStateRole).isValid());
    QCOMPARE(window.model()->checkedCount(), 1);
}

void TestMainWindow::pushButton_nothingTicked_pushesSelectedReadyOrFailed()
{
    MainWindow window(m_targets);
    window.setHires(m_hires, m_records);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    QToolButton* pushButton = toolButtonFor(window, QStringLiteral("actionPush"));

    const QModelIndex ready = firstProxyIndexInState(view, PushState::Ready);
    const QModelIndex pushed = firstProxyIndexInState(view, PushState::Pushed);
    QVERIFY(ready.isValid() && pushed.isValid());
    QCOMPARE(window.findChild<HiresModel*>()->targets().size(), 1);
    // A row pushed everywhere has nothing to push: the button says so instead of doing nothing.
    view->selectionModel()->select(pushed, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    QVERIFY(!pushButton->isEnabled());
    QVERIFY2(pushButton->toolTip().startsWith(QStringLiteral("Nothing to push")), qPrintable(pushButton->toolTip()));
    view->selectionModel()->clearSelection();
    view->selectionModel()->select(ready, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    view->selectionModel()->select(pushed, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QVERIFY(pushButton->isEnabled());

    QSignalSpy pushSpy(&window, &MainWindow::pushRequested);
    QTest::mouseClick(pushButton, Qt::LeftButton);
    QCOMPARE(pushSpy.count(), 1);
    const PushItems expected {{ready.data(ItemRoles::ApplicationIdRole).toString(), QStringLiteral("bob")}};
    QCOMPARE(pushSpy.at(0).at(0).value<PushItems>(), expected);
}

void TestMainWindow::syncButton_click_emitsSyncRequested()
{
    MainWindow window(m_targets);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QToolButton* syncButton = toolButtonFor(window, QStringLiteral("actionSync"));
    QVERIFY(syncButton);
    QSignalSpy syncSpy(&window, &MainWindow::syncRequested);
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QCOMPARE(syncSpy.count(), 1);

    // While busy a second sync cannot be started.
    window.setBusy(true, QStringLiteral("Syncing with Ashby…"));
    QVERIFY(!syncButton->isEnabled());
    QTest::mouseClick(syncButton, Qt::LeftButton);
    QCOMPARE(syncSpy.count(), 1);
    window.setBusy(false);
    QVERIFY(syncButton->isEnabled());
}

void TestMainWindow::setBusy_true_showsProgressAndCancelEmits()
{
    MainWindow window(m_targets);
    window.setHires(m_hires, m_records);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* progress = window.findChild<QProgressBar*>(QStringLiteral("progressBar"));
    auto* cancel = window.findChild<QPushButton*>(QStringLiteral("cancelButton"));
    QVERIFY(progress && cancel);
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());

    window.setBusy(true, QStringLiteral("Pushing to Bob…"));
    window.setProgress(7, 12);
    QVERIFY(progress->isVisible());
    QVERIFY(cancel->isVisible());
    QCOMPARE(progress->value(), 7);
    QCOMPARE(progress->maximum(), 12);
    QVERIFY(!toolButtonFor(window, QStringLiteral("actionPush"))->isEnabled());
    saveScreenshot(&window, QStringLiteral("mainwindow-busy"));

    QSignalSpy cancelSpy(&window, &MainWindow::cancelRequested);
    QTest::mouseClick(cancel, Qt::LeftButton);
    QCOMPARE(cancelSpy.count(), 1);
    QVERIFY(!cancel->isEnabled()); // one request is enough

    window.setBusy(false);
    QVERIFY(!progress->isVisible());
    QVERIFY(!cancel->isVisible());
}

void TestMainWindow::showError_text_showsDismissibleInlineBanner()
{
    MainWindow window(m_targets);
    window.setHires(m_hires, m_records);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* banner = window.findChild<QWidget*>(QStringLiteral("errorBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    window.showError(QStringLiteral("Ashby refused the API key: it lacks the candidatesRead permission."));
    QVERIFY(banner->isVisible());
    QVERIFY(!QApplication::activeModalWidget());
    auto* text = banner->findChild<QLabel*>(QStringLiteral("errorBannerText"));
    QVERIFY(text && text->text().contains(QStringLiteral("candidatesRead")));
    // The banner sits above the table, not over it.
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    // (In window coordinates: the table sits in a splitter beside the details pane.)
    QVERIFY(banner->mapTo(&window, QPoint(0, banner->height() - 1)).y() < view->mapTo(&window, QPoint(0, 0)).y());

    auto* dismiss = banner->findChild<QToolButton*>(QStringLiteral("errorBannerDismissButton"));
    QVERIFY(dismiss);
    QTest::mouseClick(dismiss, Qt::LeftButton);
    QVERIFY(!banner->isVisible());
}

void TestMainWindow::emptyState_noHires_showsHint()
{
    MainWindow window(m_targets);
    window.resize(1024, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
    QCOMPARE(view->model()->rowCount(), 0);
    saveScreenshot(&window, QStringLiteral("mainwindow-empty"));

    // The hint is painted into the middle of the viewport; an empty grid would be one flat colour there.
    const QImage image = view->viewport()->grab().toImage();
    const QRect middle(0, image.height() / 2 - 20, image.width(), 40);
    QSet<QRgb> colours;
    for (int y = middle.top(); y <= middle.bottom(); ++y) {
        for (int x = middle.left(); x <= middle.right(); ++x) {
            colours.insert(image.pixel(x, y));
        }
    }
    QVERIFY(colours.size() > 2);
    auto* counts = window.findChild<QLabel*>(QStringLiteral("countsLabel"));
    QVERIFY2(counts->text().contains(QStringLiteral("Hires: 0")), qPrintable(counts->text()));
}

void TestMainWindow::messageBox_nextAnswer_answersWithoutShowing()
{
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QCOMPARE(MessageBox::question(nullptr, QStringLiteral("Push?"), QStringLiteral("Push 3 hires to Bob?")),
        QMessageBox::Yes);
}

void TestMainWindow::screenshots_lightAndDark_saved()
{
    const QStringList allTargets {QStringLiteral("bob"), QStringLiteral("bamboohr"), QStringLiteral("personio")};
    for (const bool dark : {false, true}) {
        if (dark) {
            QApplication::setPalette(darkPalette());
        }
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (const QSize size : {QSize(1024, 700), QSize(1600, 1000)}) {
            MainWindow window(m_targets);
            window.setHires(m_hires, m_records);
            window.resize(size);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto* view = window.findChild<QTableView*>(QStringLiteral("hiresView"));
            view->selectRow(2);
            const QModelIndex ready = firstProxyIndexInState(view, PushState::Ready);
            view->model()->setData(ready, Qt::Checked, Qt::CheckStateRole);
            if (size.width() > 1100) {
                window.showError(QStringLiteral("Bob answered 503 Service Unavailable for 2 hires. They stay "
                                                "“Failed” and can be pushed again."));
                window.setBusy(true, QStringLiteral("Pushing to Bob…"));
                window.setProgress(3, 8);
            }
            QCOMPARE(window.size(), size);
            saveScreenshot(
                &window, QStringLiteral("mainwindow-%1-%2x%3").arg(theme).arg(size.width()).arg(size.height()));
        }
        MainWindow empty(m_targets);
        empty.resize(1024, 700);
        empty.show();
        QVERIFY(QTest::qWaitForWindowExposed(&empty));
        saveScreenshot(&empty, QStringLiteral("mainwindow-%1-empty").arg(theme));

        MainWindow several(allTargets);
        several.setHires(m_hires, generateRecords(m_hires, allTargets));
        several.resize(1280, 800);
        several.show();
        QVERIFY(QTest::qWaitForWindowExposed(&several));
        saveScreenshot(&several, QStringLiteral("mainwindow-%1-three-targets").arg(theme));
    }
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("Hirebridge"));
    app.setApplicationVersion(QStringLiteral("0.1.0"));
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_mainwindow.moc"
