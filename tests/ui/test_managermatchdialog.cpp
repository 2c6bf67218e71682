#include "GuiTestSupport.h"
#include "Hire.h"
#include "hris/Directory.h"
#include "hris/ManagerMatcher.h"
#include "ledger/Ledger.h"
#include "main/ManagerMatchDialog.h"
#include "models/DirectoryModel.h"
#include "models/ItemRoles.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>

namespace {

DirectoryEntry employee(
    const QString& id, const QString& firstName, const QString& surname, const QString& email, bool active = true)
{
    DirectoryEntry entry;
    entry.id = id;
    entry.firstName = firstName;
    entry.surname = surname;
    entry.displayName = firstName + QLatin1Char(' ') + surname;
    entry.email = email;
    entry.active = active;
    return entry;
}

// A Bob directory where Ashby's "Grace Hopper" is nobody exactly: a typo, an inactive namesake, a relative with the
// same surname, and a crowd of unicode names around them.
Directory sampleDirectory()
{
    Directory directory;
    directory.add(employee(QStringLiteral("101"), QStringLiteral("Grace"), QStringLiteral("Hoppe"),
        QStringLiteral("grace.hoppe@acme.example")));
    directory.add(employee(QStringLiteral("102"), QStringLiteral("Gracie"), QStringLiteral("Hopper"),
        QStringLiteral("gracie.hopper@acme.example"), false));
    directory.add(employee(QStringLiteral("103"), QStringLiteral("Greta"), QStringLiteral("Hopper"),
        QStringLiteral("greta.hopper@acme.example")));
    directory.add(employee(QStringLiteral("200"), QStringLiteral("Alan"), QStringLiteral("Turing"),
        QStringLiteral("alan.turing@acme.example")));
    directory.add(employee(QStringLiteral("201"), QStringLiteral("Łukasz"), QStringLiteral("Żółć"),
        QStringLiteral("lukasz.zolc@acme.example")));
    directory.add(
        employee(QStringLiteral("202"), QStringLiteral("Maximiliane"), QStringLiteral("Wolkenstein-Brückenbauer"),
            QStringLiteral("maximiliane.wolkenstein-brueckenbauer@people-operations.acme.example")));
    directory.add(employee(QStringLiteral("203"), QStringLiteral("Aoife"), QStringLiteral("Ní Bhriain"),
        QStringLiteral("aoife.nibhriain@acme.example")));
    directory.add(employee(QStringLiteral("204"), QStringLiteral("Nguyễn Thị"), QStringLiteral("Minh"), QString()));
    const QStringList firstNames {QStringLiteral("Søren"), QStringLiteral("José María"), QStringLiteral("Björk"),
        QStringLiteral("Ayşe"), QStringLiteral("François"), QStringLiteral("Mårten"), QStringLiteral("Chloé"),
        QStringLiteral("Siobhán")};
    const QStringList surnames {QStringLiteral("Kierkegaard"), QStringLiteral("Gómez"),
        QStringLiteral("Guðmundsdóttir"), QStringLiteral("Yılmaz"), QStringLiteral("Lefèvre"), QStringLiteral("Öberg")};
    for (int n = 0; n < 30; ++n) {
        const QString first = firstNames.at(n % firstNames.size());
        const QString last = surnames.at((n / 2) % surnames.size());
        directory.add(employee(QStringLiteral("3%1").arg(n, 2, 10, QLatin1Char('0')), first, last,
            QStringLiteral("person%1@acme.example").arg(n), n % 9 != 4));
    }
    return directory;
}

PersonRef graceHopper()
{
    PersonRef manager;
    manager.id = QStringLiteral("ashby-user-7");
    manager.firstName = QStringLiteral("Grace");
    manager.lastName = QStringLiteral("Hopper");
    manager.email = QStringLiteral("grace.hopper@ashby-corp.example");
    return manager;
}

template <typename T> T* child(QWidget* parent, const char* name)
{
    auto* widget = parent->findChild<T*>(QLatin1String(name));
    if (!widget) {
        qFatal("no child %s", name);
    }
    return widget;
}

int rowWithId(QListView* view, const QString& id)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ItemRoles::EmployeeIdRole).toString() == id) {
            return row;
        }
    }
    return -1;
}

void clickRow(QListView* view, int row)
{
    const QModelIndex index = view->model()->index(row, 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
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

class TestManagerMatchDialog : public QObject
{
    Q_OBJECT
private:
    QString m_screenshotDir;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void suggestions_listedFirst_confirmNeedsAPick();
    void search_typing_filtersWholeDirectory_andConfirmsFirstHit();
    void search_noMatch_saysSo_andDisablesConfirm();
    void pick_inOneList_dropsThePickInTheOther();
    void doubleClick_confirms();
    void inactiveEmployee_canBeChosen_andIsMarked();
    void cancel_choosesNobody();
    void emptyDirectory_saysSo_andDisablesConfirm();
    void matchedManager_isListedFirst_andPreselected();
    void directoryModel_managersPurpose_offersEveryone();
    void screenshots_lightAndDark_smallAndLarge();
};

void TestManagerMatchDialog::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestManagerMatchDialog::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestManagerMatchDialog::suggestions_listedFirst_confirmNeedsAPick()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    QCOMPARE(resolution.state, ManagerResolution::State::Suggestions);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QVERIFY(child<QLabel>(&dialog, "managerHeaderLabel")->text().contains(QStringLiteral("Grace Hopper")));
    QVERIFY(child<QLabel>(&dialog, "managerHeaderLabel")->text().contains(QStringLiteral("Bob")));
    QCOMPARE(child<QLabel>(&dialog, "managerAshbyLabel")->text(), QStringLiteral("grace.hopper@ashby-corp.example"));
    QCOMPARE(child<QLabel>(&dialog, "managerFoundLabel")->text(), resolution.describe(QStringLiteral("Bob")));
    QVERIFY(child<QLabel>(&dialog, "managerRememberLabel")->isVisible());
    QVERIFY(!child<QLabel>(&dialog, "managerEmptyDirectoryLabel")->isVisible());

    auto* suggestions = child<QListView>(&dialog, "managerSuggestions");
    QVERIFY(suggestions->isVisible());
    QCOMPARE(suggestions->model()->rowCount(), int(resolution.suggestions.size()));
    for (int row = 0; row < resolution.suggestions.size(); ++row) {
        QCOMPARE(suggestions->model()->index(row, 0).data(ItemRoles::EmployeeIdRole).toString(),
            resolution.suggestions.at(row).id);
    }
    auto* confirm = child<QPushButton>(&dialog, "confirmManagerButton");
    QVERIFY(!confirm->isEnabled()); // never guessed: nothing picked yet
    QTest::keyClick(&dialog, Qt::Key_Return);
    QVERIFY(dialog.isVisible());

    const int greta = rowWithId(suggestions, QStringLiteral("103"));
    QVERIFY(greta >= 0);
    clickRow(suggestions, greta);
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QVERIFY(dialog.chosen().has_value());
    QCOMPARE(dialog.chosen()->id, QStringLiteral("103"));
    QCOMPARE(dialog.chosen()->email, QStringLiteral("greta.hopper@acme.example"));
}

void TestManagerMatchDialog::search_typing_filtersWholeDirectory_andConfirmsFirstHit()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* search = child<QLineEdit>(&dialog, "managerSearch");
    auto* results = child<QListView>(&dialog, "managerSearchResults");
    auto* confirm = child<QPushButton>(&dialog, "confirmManagerButton");
    QCOMPARE(results->model()->rowCount(), int(directory.size())); // the whole directory before typing
    QVERIFY(!confirm->isEnabled());

    // Folded search: no diacritics typed, the surname only.
    QTest::mouseClick(search, Qt::LeftButton);
    QTest::keyClicks(search, QStringLiteral("zolc"));
    QCOMPARE(results->model()->rowCount(), 1);
    QCOMPARE(results->model()->index(0, 0).data().toString(), QStringLiteral("Łukasz Żółć"));
    QVERIFY(results->selectionModel()->isSelected(results->model()->index(0, 0)));
    QVERIFY(confirm->isEnabled());

    // Arrow keys walk the hits without leaving the field.
    search->clear();
    QTest::keyClicks(search, QStringLiteral("hopper"));
    QCOMPARE(results->model()->rowCount(), 2); // Gracie and Greta; "Grace Hoppe" has no "hopper"
    QCOMPARE(results->currentIndex().data(ItemRoles::EmployeeIdRole).toString(), QStringLiteral("102"));
    QTest::keyClick(search, Qt::Key_Down);
    QCOMPARE(results->currentIndex().data(ItemRoles::EmployeeIdRole).toString(), QStringLiteral("103"));
    QVERIFY(results->selectionModel()->isSelected(results->currentIndex()));
    QVERIFY(search->hasFocus());

    search->clear();
    QTest::keyClicks(search, QStringLiteral("alan.turing@"));
    QCOMPARE(results->model()->rowCount(), 1);
    QTest::keyClick(search, Qt::Key_Return); // Enter confirms the highlighted hit
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.chosen()->id, QStringLiteral("200"));
}

void TestManagerMatchDialog::search_noMatch_saysSo_andDisablesConfirm()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* search = child<QLineEdit>(&dialog, "managerSearch");
    QTest::keyClicks(search, QStringLiteral("alan"));
    QVERIFY(child<QPushButton>(&dialog, "confirmManagerButton")->isEnabled());
    QTest::keyClicks(search, QStringLiteral("xyz"));
    auto* placeholder = child<QLabel>(&dialog, "managerSearchPlaceholder");
    QVERIFY(placeholder->isVisible());
    QVERIFY(placeholder->text().contains(QStringLiteral("“alanxyz”")));
    QVERIFY(!child<QListView>(&dialog, "managerSearchResults")->isVisible());
    QVERIFY(!child<QPushButton>(&dialog, "confirmManagerButton")->isEnabled());

    // Backspacing brings the hits back.
    for (int n = 0; n < 3; ++n) {
        QTest::keyClick(search, Qt::Key_Backspace);
    }
    QVERIFY(child<QListView>(&dialog, "managerSearchResults")->isVisible());
    QVERIFY(child<QPushButton>(&dialog, "confirmManagerButton")->isEnabled());
}

void TestManagerMatchDialog::pick_inOneList_dropsThePickInTheOther()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* suggestions = child<QListView>(&dialog, "managerSuggestions");
    auto* results = child<QListView>(&dialog, "managerSearchResults");
    clickRow(suggestions, 0);
    QVERIFY(suggestions->selectionModel()->hasSelection());

    const int alan = rowWithId(results, QStringLiteral("200"));
    QVERIFY(alan >= 0);
    clickRow(results, alan);
    QVERIFY(results->selectionModel()->hasSelection());
    QVERIFY(!suggestions->selectionModel()->hasSelection());

    clickRow(suggestions, 0);
    QVERIFY(!results->selectionModel()->hasSelection());
    QTest::mouseClick(child<QPushButton>(&dialog, "confirmManagerButton"), Qt::LeftButton);
    QCOMPARE(dialog.chosen()->id, resolution.suggestions.constFirst().id);
}

void TestManagerMatchDialog::doubleClick_confirms()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* results = child<QListView>(&dialog, "managerSearchResults");
    const int row = rowWithId(results, QStringLiteral("202"));
    const QModelIndex index = results->model()->index(row, 0);
    results->scrollTo(index);
    const QPoint center = results->visualRect(index).center();
    QTest::mouseClick(results->viewport(), Qt::LeftButton, {}, center);
    QTest::mouseDClick(results->viewport(), Qt::LeftButton, {}, center);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(!dialog.isVisible());
    QCOMPARE(dialog.chosen()->id, QStringLiteral("202"));
}

void TestManagerMatchDialog::inactiveEmployee_canBeChosen_andIsMarked()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* suggestions = child<QListView>(&dialog, "managerSuggestions");
    const int gracie = rowWithId(suggestions, QStringLiteral("102"));
    QVERIFY2(gracie >= 0, "the inactive namesake is a close name");
    const QModelIndex index = suggestions->model()->index(gracie, 0);
    QVERIFY(index.flags() & Qt::ItemIsEnabled);
    QVERIFY(index.flags() & Qt::ItemIsSelectable);
    QVERIFY(index.data(Qt::ToolTipRole).toString().contains(QStringLiteral("no longer active")));
    QVERIFY(index.data(ItemRoles::UnavailableReasonRole).toString().isEmpty());

    clickRow(suggestions, gracie);
    QTest::mouseClick(child<QPushButton>(&dialog, "confirmManagerButton"), Qt::LeftButton);
    QCOMPARE(dialog.chosen()->id, QStringLiteral("102"));
    QVERIFY(!dialog.chosen()->active);

    // An employee without an e-mail is a manager like any other.
    ManagerMatchDialog again(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QTest::keyClicks(child<QLineEdit>(&again, "managerSearch"), QStringLiteral("nguyen"));
    QTest::mouseClick(child<QPushButton>(&again, "confirmManagerButton"), Qt::LeftButton);
    QCOMPARE(again.chosen()->id, QStringLiteral("204"));
}

void TestManagerMatchDialog::cancel_choosesNobody()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    clickRow(child<QListView>(&dialog, "managerSuggestions"), 0);
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelManagerButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.isVisible());
    QVERIFY(!dialog.chosen().has_value());
}

void TestManagerMatchDialog::emptyDirectory_saysSo_andDisablesConfirm()
{
    const Directory empty;
    const ManagerResolution resolution = ManagerMatcher::resolve(graceHopper(), empty, std::nullopt);
    ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), resolution, empty);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto* label = child<QLabel>(&dialog, "managerEmptyDirectoryLabel");
    QVERIFY(label->isVisible());
    QCOMPARE(label->text(), QStringLiteral("No employee list cached for Bob yet: push once or refresh the directory."));
    QVERIFY(!child<QWidget>(&dialog, "managerPickPanel")->isVisible());
    QVERIFY(!child<QLineEdit>(&dialog, "managerSearch")->isEnabled());
    auto* confirm = child<QPushButton>(&dialog, "confirmManagerButton");
    QVERIFY(!confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTest::keyClick(&dialog, Qt::Key_Return);
    dialog.accept(); // even a programmatic accept has nobody to return
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.chosen().has_value());
    QTest::mouseClick(child<QPushButton>(&dialog, "cancelManagerButton"), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));

    // A remembered choice with no cached directory still cannot be confirmed again.
    ManagerMatch remembered;
    remembered.target = QStringLiteral("bob");
    remembered.ashbyUserId = graceHopper().id;
    remembered.employeeId = QStringLiteral("103");
    remembered.employeeName = QStringLiteral("Greta Hopper");
    const ManagerResolution confirmed = ManagerMatcher::resolve(graceHopper(), empty, remembered);
    ManagerMatchDialog second(QStringLiteral("Bob"), graceHopper(), confirmed, empty);
    second.show();
    QVERIFY(QTest::qWaitForWindowExposed(&second));
    QVERIFY(child<QLabel>(&second, "managerEmptyDirectoryLabel")->isVisible());
    QVERIFY(!child<QPushButton>(&second, "confirmManagerButton")->isEnabled());
}

void TestManagerMatchDialog::matchedManager_isListedFirst_andPreselected()
{
    const Directory directory = sampleDirectory();
    PersonRef manager = graceHopper();
    manager.email = QStringLiteral(" Grace.Hoppe@ACME.example "); // same person by e-mail, Ashby spells her name wrong
    const ManagerResolution resolution = ManagerMatcher::resolve(manager, directory, std::nullopt);
    QCOMPARE(resolution.state, ManagerResolution::State::ByEmail);
    ManagerMatchDialog dialog(QStringLiteral("BambooHR"), manager, resolution, directory);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(dialog.windowTitle(), QStringLiteral("Confirm hiring manager in BambooHR"));
    QCOMPARE(
        child<QLabel>(&dialog, "managerSuggestionsTitle")->text(), QStringLiteral("Current match and close names"));
    auto* suggestions = child<QListView>(&dialog, "managerSuggestions");
    QCOMPARE(suggestions->model()->index(0, 0).data(ItemRoles::EmployeeIdRole).toString(), QStringLiteral("101"));
    QCOMPARE(rowWithId(suggestions, QStringLiteral("101")), 0); // listed once
    QVERIFY(suggestions->model()->rowCount() > 1); // the close names are still offered
    QVERIFY(suggestions->selectionModel()->isSelected(suggestions->model()->index(0, 0)));
    auto* confirm = child<QPushButton>(&dialog, "confirmManagerButton");
    QVERIFY(confirm->isEnabled());

    // Correcting the match: the admin picks someone else.
    clickRow(suggestions, rowWithId(suggestions, QStringLiteral("103")));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(dialog.chosen()->id, QStringLiteral("103"));
}

void TestManagerMatchDialog::directoryModel_managersPurpose_offersEveryone()
{
    DirectoryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDirectory(sampleDirectory());
    const int gracie = 1; // inactive
    const int nguyen = 7; // no e-mail
    QCOMPARE(model.entryAt(nguyen).id, QStringLiteral("204"));
    // The recipients editor's behaviour stays the default.
    QCOMPARE(model.purpose(), DirectoryModel::Purpose::Recipients);
    QVERIFY(!(model.flags(model.index(gracie)) & Qt::ItemIsEnabled));
    QVERIFY(!(model.flags(model.index(nguyen)) & Qt::ItemIsEnabled));

    model.setPurpose(DirectoryModel::Purpose::Managers);
    QVERIFY(model.flags(model.index(gracie)) & Qt::ItemIsSelectable);
    QVERIFY(model.flags(model.index(nguyen)) & Qt::ItemIsSelectable);
    QCOMPARE(model.unavailableReason(gracie), QString());
    QCOMPARE(model.index(nguyen).data(Qt::ToolTipRole).toString(), QStringLiteral("Nguyễn Thị Minh"));

    model.setPurpose(DirectoryModel::Purpose::Recipients);
    QVERIFY(!(model.flags(model.index(gracie)) & Qt::ItemIsEnabled));
    QCOMPARE(model.unavailableReason(nguyen), QStringLiteral("No work e-mail in Bob"));
}

void TestManagerMatchDialog::screenshots_lightAndDark_smallAndLarge()
{
    const Directory directory = sampleDirectory();
    const ManagerResolution suggested = ManagerMatcher::resolve(graceHopper(), directory, std::nullopt);
    const Directory empty;
    const ManagerResolution unmatched = ManagerMatcher::resolve(graceHopper(), empty, std::nullopt);

    const auto save = [this](QWidget* dialog, const QString& name) {
        QApplication::processEvents();
        verifyNoClippedLabels(dialog);
        const QString path = QDir(m_screenshotDir).filePath(name);
        QVERIFY2(dialog->grab().save(path), qPrintable(path));
        qInfo().noquote() << "screenshot:" << path << dialog->size();
    };
    struct Shot
    {
        QString name;
        QSize size; // (0, 0): the dialog's minimum size
    };
    for (const bool dark : {false, true}) {
        QApplication::setPalette(dark ? GuiTest::darkPalette() : QApplication::style()->standardPalette());
        const QString palette = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (const Shot& shot :
            {Shot {QStringLiteral("small"), QSize(0, 0)}, Shot {QStringLiteral("large"), QSize(900, 760)}}) {
            ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), suggested, directory);
            dialog.resize(shot.size);
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            auto* suggestions = child<QListView>(&dialog, "managerSuggestions");
            QTest::keyClicks(child<QLineEdit>(&dialog, "managerSearch"), QStringLiteral("hop"));
            clickRow(suggestions, rowWithId(suggestions, QStringLiteral("102"))); // the inactive one, marked
            save(&dialog, QStringLiteral("manager-match-%1-%2.png").arg(palette, shot.name));
            if (QTest::currentTestFailed()) {
                return;
            }

            ManagerMatchDialog emptyDialog(QStringLiteral("Bob"), graceHopper(), unmatched, empty);
            emptyDialog.resize(shot.size);
            emptyDialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&emptyDialog));
            save(&emptyDialog, QStringLiteral("manager-match-empty-%1-%2.png").arg(palette, shot.name));
            if (QTest::currentTestFailed()) {
                return;
            }
        }
    }

    // Opened as the main window would open it: its own size, dark.
    {
        QApplication::setPalette(GuiTest::darkPalette());
        ManagerMatchDialog dialog(QStringLiteral("Bob"), graceHopper(), suggested, directory);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        save(&dialog, QStringLiteral("manager-match-dark-default.png"));
    }

    // Searching at the minimum size: a long name and a long address share one row.
    QApplication::setPalette(QApplication::style()->standardPalette());
    ManagerMatchDialog dialog(QStringLiteral("Personio"), graceHopper(), suggested, directory);
    dialog.resize(0, 0);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClicks(child<QLineEdit>(&dialog, "managerSearch"), QStringLiteral("wolkenstein"));
    save(&dialog, QStringLiteral("manager-match-search-light-small.png"));
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("Hirebridge"));
    TestManagerMatchDialog test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_managermatchdialog.moc"
