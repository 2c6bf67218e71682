#include "GuiTestSupport.h"
#include "mapping/MappingEditor.h"
#include "mapping/MappingProfile.h"
#include "models/ItemRoles.h"
#include "models/MappingRulesModel.h"
#include "models/TargetFieldsModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <memory>

namespace {

using GuiTest::darkPalette;

QJsonObject definition(const QString& id, const QString& title, const QString& objectType, const QString& fieldType,
    const QStringList& options = {})
{
    QJsonObject object {{QStringLiteral("id"), id}, {QStringLiteral("title"), title},
        {QStringLiteral("objectType"), objectType}, {QStringLiteral("fieldType"), fieldType},
        {QStringLiteral("isArchived"), false}};
    if (!options.isEmpty()) {
        QJsonArray values;
        for (const QString& option : options) {
            values.append(QJsonObject {{QStringLiteral("label"), option}, {QStringLiteral("value"), option}});
        }
        object.insert(QStringLiteral("selectableValues"), values);
    }
    return object;
}

// Ashby's built-in fields plus custom fields of every type on candidates, applications, offers and jobs.
SourceCatalog ashbyCatalog(bool withCustom = true)
{
    QJsonArray definitions;
    if (withCustom) {
        const QString candidate = QStringLiteral("Candidate");
        const QString application = QStringLiteral("Application");
        const QString offer = QStringLiteral("Offer");
        const QString job = QStringLiteral("Job");
        definitions = {
            definition(QStringLiteral("cf-shirt"), QStringLiteral("T-shirt size"), candidate,
                QStringLiteral("ValueSelect"), {QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}),
            definition(QStringLiteral("cf-laptop"), QStringLiteral("Laptop preference"), candidate,
                QStringLiteral("ValueSelect"), {QStringLiteral("MacBook Pro"), QStringLiteral("ThinkPad")}),
            definition(QStringLiteral("cf-pronouns"), QStringLiteral("Pronouns"), candidate, QStringLiteral("String")),
            definition(QStringLiteral("cf-birth"), QStringLiteral("Date of birth"), candidate, QStringLiteral("Date")),
            definition(QStringLiteral("cf-source"), QStringLiteral("Source channel"), application,
                QStringLiteral("ValueSelect"), {QStringLiteral("Referral"), QStringLiteral("LinkedIn")}),
            definition(QStringLiteral("cf-referral"), QStringLiteral("Referral bonus eligible"), application,
                QStringLiteral("Boolean")),
            definition(
                QStringLiteral("cf-score"), QStringLiteral("Interview score"), application, QStringLiteral("Number")),
            definition(
                QStringLiteral("cf-notes"), QStringLiteral("Hiring notes"), application, QStringLiteral("LongText")),
            definition(
                QStringLiteral("cf-signing"), QStringLiteral("Signing bonus"), offer, QStringLiteral("Currency")),
            definition(
                QStringLiteral("cf-budget"), QStringLiteral("Equipment budget"), offer, QStringLiteral("Currency")),
            definition(
                QStringLiteral("cf-remote"), QStringLiteral("Remote eligible"), offer, QStringLiteral("Boolean")),
            definition(QStringLiteral("cf-cost"), QStringLiteral("Cost center"), job, QStringLiteral("String")),
            definition(QStringLiteral("cf-langs"), QStringLiteral("Languages required"), job,
                QStringLiteral("MultiValueSelect"), {QStringLiteral("English"), QStringLiteral("German")}),
        };
    }
    return SourceCatalog::fromDefinitions(definitions);
}

TargetField field(const QString& id, const QString& name, const QString& category, const QString& categoryName,
    const QString& type, const QString& listId = {})
{
    TargetField field;
    field.id = id;
    field.name = name;
    field.category = category;
    field.categoryDisplayName = categoryName;
    field.type = type;
    field.listId = listId;
    field.custom = id.contains(QLatin1String(".custom.")) || category.startsWith(QLatin1String("category_"));
    return field;
}

QList<ListItem> items(const QStringList& names)
{
    QList<ListItem> list;
    for (int i = 0; i < names.size(); ++i) {
        list.append({QString::number(1000 + i), names.at(i), false, {}});
    }
    return list;
}

// Like a real Bob tenant: 15 standard fields and 10 custom ones across categories, with named lists.
TargetCatalog bobCatalog(bool withCustom = true)
{
    TargetCatalog catalog;
    catalog.target = QStringLiteral("bob");
    catalog.fetchedAt = QDateTime::currentDateTimeUtc().addSecs(-5 * 60 - 10);
    const QString root = QStringLiteral("root");
    const QString basic = QStringLiteral("Basic info");
    const QString work = QStringLiteral("work");
    const QString workName = QStringLiteral("Work");
    catalog.fields = {
        field(QStringLiteral("root.firstName"), QStringLiteral("First name"), root, basic, QStringLiteral("text")),
        field(QStringLiteral("root.surname"), QStringLiteral("Last name"), root, basic, QStringLiteral("text")),
        field(QStringLiteral("root.secondName"), QStringLiteral("Middle name"), root, basic, QStringLiteral("text")),
        field(QStringLiteral("root.displayName"), QStringLiteral("Display name"), root, basic, QStringLiteral("text")),
        field(QStringLiteral("root.email"), QStringLiteral("Email"), root, basic, QStringLiteral("text")),
        field(QStringLiteral("personal.pronouns"), QStringLiteral("Pronouns"), QStringLiteral("personal"),
            QStringLiteral("Personal"), QStringLiteral("text")),
        field(QStringLiteral("personal.birthDate"), QStringLiteral("Date of birth"), QStringLiteral("personal"),
            QStringLiteral("Personal"), QStringLiteral("date")),
        field(QStringLiteral("work.startDate"), QStringLiteral("Start date"), work, workName, QStringLiteral("date")),
        field(QStringLiteral("work.title"), QStringLiteral("Job title"), work, workName, QStringLiteral("list"),
            QStringLiteral("title")),
        field(QStringLiteral("work.department"), QStringLiteral("Department"), work, workName, QStringLiteral("list"),
            QStringLiteral("department")),
        field(QStringLiteral("work.site"), QStringLiteral("Site"), work, workName, QStringLiteral("list"),
            QStringLiteral("site")),
        field(QStringLiteral("work.reportsTo"), QStringLiteral("Reports to"), work, workName,
            QStringLiteral("employee-reference")),
        field(QStringLiteral("payroll.employment.type"), QStringLiteral("Employment type"), QStringLiteral("payroll"),
            QStringLiteral("Payroll"), QStringLiteral("list"), QStringLiteral("employmentType")),
        field(QStringLiteral("payroll.salary.base"), QStringLiteral("Base salary"), QStringLiteral("payroll"),
            QStringLiteral("Payroll"), QStringLiteral("currency")),
        field(QStringLiteral("address.city"), QStringLiteral("City"), QStringLiteral("address"),
            QStringLiteral("Address"), QStringLiteral("text")),
    };
    if (withCustom) {
        const QString onboarding = QStringLiteral("category_1645");
        const QString onboardingName = QStringLiteral("Onboarding");
        const QString recruiting = QStringLiteral("category_1702");
        const QString recruitingName = QStringLiteral("Recruiting");
        catalog.fields += QList<TargetField> {
            field(QStringLiteral("work.custom.field_1721"), QStringLiteral("Cost center code"), work, workName,
                QStringLiteral("text")),
            field(QStringLiteral("work.custom.field_1722"), QStringLiteral("Remote eligible"), work, workName,
                QStringLiteral("boolean")),
            field(QStringLiteral("category_1645.field_1"), QStringLiteral("T-shirt size"), onboarding, onboardingName,
                QStringLiteral("list"), QStringLiteral("shirtSize")),
            field(QStringLiteral("category_1645.field_2"), QStringLiteral("Laptop"), onboarding, onboardingName,
                QStringLiteral("list"), QStringLiteral("laptop")),
            field(QStringLiteral("category_1645.field_3"), QStringLiteral("Start-day buddy"), onboarding,
                onboardingName, QStringLiteral("text")),
            field(QStringLiteral("category_1645.field_4"), QStringLiteral("Equipment budget"), onboarding,
                onboardingName, QStringLiteral("currency")),
            field(QStringLiteral("category_1702.field_1"), QStringLiteral("Ashby candidate ID"), recruiting,
                recruitingName, QStringLiteral("text")),
            field(QStringLiteral("category_1702.field_2"), QStringLiteral("Ashby profile"), recruiting, recruitingName,
                QStringLiteral("text")),
            field(QStringLiteral("category_1702.field_3"), QStringLiteral("Source channel"), recruiting, recruitingName,
                QStringLiteral("list"), QStringLiteral("source")),
            field(QStringLiteral("category_1702.field_4"), QStringLiteral("Interview score"), recruiting,
                recruitingName, QStringLiteral("number")),
        };
    }
    catalog.lists.insert(QStringLiteral("site"),
        items({QStringLiteral("Berlin"), QStringLiteral("London"), QStringLiteral("New York"),
            QStringLiteral("Zürich")}));
    catalog.lists.insert(QStringLiteral("department"),
        items({QStringLiteral("Engineering"), QStringLiteral("Design"), QStringLiteral("Sales"),
            QStringLiteral("People")}));
    catalog.lists.insert(QStringLiteral("title"),
        items({QStringLiteral("Senior Backend Engineer"), QStringLiteral("Product Designer"),
            QStringLiteral("Account Executive")}));
    catalog.lists.insert(QStringLiteral("shirtSize"),
        items({QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L"), QStringLiteral("XL")}));
    catalog.lists.insert(
        QStringLiteral("laptop"), items({QStringLiteral("MacBook Pro 14"), QStringLiteral("ThinkPad X1")}));
    catalog.lists.insert(QStringLiteral("source"), items({QStringLiteral("Referral"), QStringLiteral("LinkedIn")}));
    catalog.lists.insert(
        QStringLiteral("employmentType"), items({QStringLiteral("Full-time"), QStringLiteral("Part-time")}));
    return catalog;
}

CustomFieldValue customValue(
    const QString& id, const QString& title, const QString& objectType, const QString& type, const QJsonValue& value)
{
    CustomFieldValue custom;
    custom.id = id;
    custom.title = title;
    custom.objectType = objectType;
    custom.fieldType = type;
    custom.value = value;
    if (type.endsWith(QLatin1String("Select"))) {
        custom.valueLabel = value;
    }
    return custom;
}

QList<Hire> previewHires()
{
    Hire zoe;
    zoe.applicationId = QStringLiteral("app-001");
    zoe.candidateId = QStringLiteral("cand-7QmPz");
    zoe.name = QStringLiteral("Zoë Ångström-Núñez");
    zoe.firstName = QStringLiteral("Zoë");
    zoe.lastName = QStringLiteral("Ångström-Núñez");
    zoe.email = QStringLiteral("zoe@example.com");
    zoe.profileUrl = QStringLiteral("https://app.ashbyhq.com/candidates/cand-7QmPz");
    zoe.jobTitle = QStringLiteral("Senior Backend Engineer");
    zoe.department = QStringLiteral("engineering"); // matches "Engineering" after case folding
    zoe.location = QStringLiteral("Berlin Mitte"); // matches no site
    zoe.employmentType = QStringLiteral("FullTime");
    zoe.offerId = QStringLiteral("offer-1");
    zoe.startDate = QStringLiteral("2026-03-02");
    zoe.salary = Salary {95000, QStringLiteral("EUR")};
    zoe.customFields = {
        customValue(QStringLiteral("cf-shirt"), QStringLiteral("T-shirt size"), QStringLiteral("Candidate"),
            QStringLiteral("ValueSelect"), QStringLiteral("m")),
        customValue(QStringLiteral("cf-laptop"), QStringLiteral("Laptop preference"), QStringLiteral("Candidate"),
            QStringLiteral("ValueSelect"), QStringLiteral("MacBook Pro")),
        customValue(QStringLiteral("cf-cost"), QStringLiteral("Cost center"), QStringLiteral("Job"),
            QStringLiteral("String"), QStringLiteral("CC-4120")),
    };
    Hire lukasz = zoe;
    lukasz.applicationId = QStringLiteral("app-002");
    lukasz.name = QStringLiteral("Łukasz Żółć");
    lukasz.firstName = QStringLiteral("Łukasz");
    lukasz.lastName = QStringLiteral("Żółć");
    lukasz.email = QStringLiteral("lukasz@example.com");
    lukasz.location = QStringLiteral("London");
    lukasz.jobTitle = QStringLiteral("Product Designer");
    lukasz.department = QStringLiteral("Design");
    return {zoe, lukasz};
}

MappingRule rule(const QString& source, const QString& target, Transform::Kind kind = Transform::Kind::None)
{
    MappingRule rule;
    rule.source = source;
    rule.target = target;
    rule.transform.kind = kind;
    return rule;
}

MappingProfile screenshotProfile()
{
    MappingProfile profile = MappingProfile::defaultFor(QStringLiteral("bob"));
    profile.rules.append(
        rule(QStringLiteral("custom.cf-shirt"), QStringLiteral("category_1645.field_1"), Transform::Kind::ListLookup));
    profile.rules.append(
        rule(QStringLiteral("custom.cf-laptop"), QStringLiteral("category_1645.field_2"), Transform::Kind::ListLookup));
    profile.rules.append(rule(QStringLiteral("candidate.id"), QStringLiteral("category_1702.field_1")));
    profile.rules.append(rule(QStringLiteral("candidate.profileUrl"), QStringLiteral("category_1702.field_2")));
    profile.rules.append(rule(QStringLiteral("custom.cf-cost"), QStringLiteral("work.custom.field_1721")));
    MappingRule buddy = rule({}, QStringLiteral("category_1645.field_3"), Transform::Kind::Constant);
    buddy.transform.constant = QStringLiteral("People team");
    profile.rules.append(buddy);
    return profile;
}

} // namespace

class TestMappingEditor : public QObject
{
    Q_OBJECT
private:
    void saveScreenshot(QWidget* widget, const QString& name);
    void showAndActivate(QWidget* widget);

    QString m_screenshotDir;

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void keyboard_buildMappingSaveRestart_findsRulesAgain();
    void revert_afterChanges_restoresSavedProfile();
    void tab_leavesEveryTable_arrowsWalkTheCells();
    void preview_hireWithUnknownSite_showsErrorAndSelectsRule();
    void noCustomFields_treesExplain();
    void directMode_marksSiteRequired();
    void screenshots_lightAndDark_saved();
};

void TestMappingEditor::initTestCase()
{
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    m_screenshotDir = GuiTest::screenshotDir();
}

void TestMappingEditor::cleanup()
{
    QApplication::setPalette(QApplication::style()->standardPalette());
}

void TestMappingEditor::saveScreenshot(QWidget* widget, const QString& name)
{
    QApplication::processEvents();
    const QString path = QDir(m_screenshotDir).filePath(name + QStringLiteral(".png"));
    QVERIFY2(widget->grab().save(path), qPrintable(path));
    qInfo().noquote() << "screenshot:" << path;
}

void TestMappingEditor::showAndActivate(QWidget* widget)
{
    widget->show();
    widget->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(widget));
}

void TestMappingEditor::keyboard_buildMappingSaveRestart_findsRulesAgain()
{
    const SourceCatalog sources = ashbyCatalog();
    const TargetCatalog targets = bobCatalog();
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(MappingProfile::fileName(QStringLiteral("bob")));

    auto editor = std::make_unique<MappingEditor>();
    editor->setCatalogs(sources, targets);
    MappingProfile empty;
    empty.target = QStringLiteral("bob");
    editor->setProfile(empty);
    editor->resize(1200, 800);
    showAndActivate(editor.get());
    QAbstractItemModelTester rulesTester(editor->rulesModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    auto* sourceSearch = editor->findChild<QLineEdit*>(QStringLiteral("sourceSearch"));
    auto* sourceView = editor->findChild<QTreeView*>(QStringLiteral("sourceView"));
    auto* targetSearch = editor->findChild<QLineEdit*>(QStringLiteral("targetSearch"));
    auto* targetView = editor->findChild<QTreeView*>(QStringLiteral("targetView"));
    auto* rulesView = editor->findChild<QTableView*>(QStringLiteral("rulesView"));
    auto* mapButton = editor->findChild<QPushButton*>(QStringLiteral("mapButton"));
    auto* saveButton = editor->findChild<QPushButton*>(QStringLiteral("saveButton"));
    QVERIFY(sourceSearch && sourceView && targetSearch && targetView && rulesView && mapButton && saveButton);
    QVERIFY(!saveButton->isEnabled());
    QVERIFY(!mapButton->isEnabled());
    QAbstractItemModelTester sourceTester(sourceView->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester targetTester(targetView->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    MappingRulesModel* rules = editor->rulesModel();

    // 1. Offer start date → Start date: search, Down into the tree, Ctrl+M.
    sourceSearch->setFocus();
    QTest::keyClicks(sourceSearch, QStringLiteral("start date"));
    QTest::keyClick(sourceSearch, Qt::Key_Down);
    QVERIFY(sourceView->hasFocus());
    QCOMPARE(sourceView->currentIndex().data(ItemRoles::SourcePathRole).toString(), QStringLiteral("offer.startDate"));
    targetSearch->setFocus();
    QTest::keyClicks(targetSearch, QStringLiteral("start"));
    QTest::keyClick(targetSearch, Qt::Key_Down);
    QVERIFY(targetView->hasFocus());
    QCOMPARE(targetView->currentIndex().data(ItemRoles::TargetFieldRole).toString(), QStringLiteral("work.startDate"));
    QVERIFY(mapButton->isEnabled());
    QTest::keyClick(targetView, Qt::Key_M, Qt::ControlModifier);
    QCOMPARE(rules->rowCount(), 1);
    QCOMPARE(rules->ruleAt(0).source, QStringLiteral("offer.startDate"));
    QCOMPARE(rules->ruleAt(0).target, QStringLiteral("work.startDate"));

    // 2. Candidate e-mail → Email: arrow keys inside the trees, then the Map button.
    sourceSearch->setFocus();
    sourceSearch->selectAll();
    QTest::keyClicks(sourceSearch, QStringLiteral("mail"));
    QTest::keyClick(sourceSearch, Qt::Key_Down);
    QCOMPARE(sourceView->currentIndex().data(ItemRoles::SourcePathRole).toString(), QStringLiteral("candidate.email"));
    targetSearch->setFocus();
    targetSearch->selectAll();
    QTest::keyClick(targetSearch, Qt::Key_Backspace);
    QTest::keyClicks(targetSearch, QStringLiteral("basic"));
    QTest::keyClick(targetSearch, Qt::Key_Down); // First name
    for (int i = 0; i < 4; ++i) { // Last name, Middle name, Display name, Email
        QTest::keyClick(targetView, Qt::Key_Down);
    }
    QCOMPARE(targetView->currentIndex().data(ItemRoles::TargetFieldRole).toString(), QStringLiteral("root.email"));
    QTest::mouseClick(mapButton, Qt::LeftButton);
    QCOMPARE(rules->rowCount(), 2);
    QCOMPARE(rules->ruleAt(1).target, QStringLiteral("root.email"));

    // 3. Full name → First name: the suggested transform takes the first word.
    sourceSearch->setFocus();
    sourceSearch->selectAll();
    QTest::keyClicks(sourceSearch, QStringLiteral("full name"));
    QTest::keyClick(sourceSearch, Qt::Key_Return);
    QCOMPARE(sourceView->currentIndex().data(ItemRoles::SourcePathRole).toString(), QStringLiteral("candidate.name"));
    targetSearch->setFocus();
    targetSearch->selectAll();
    QTest::keyClicks(targetSearch, QStringLiteral("first name"));
    QTest::keyClick(targetSearch, Qt::Key_Return);
    QTest::keyClick(targetView, Qt::Key_M, Qt::ControlModifier);
    QCOMPARE(rules->rowCount(), 3);
    QCOMPARE(rules->ruleAt(2).transform.kind, Transform::Kind::FirstName);
    QCOMPARE(targetView->currentIndex().siblingAtColumn(TargetFieldsModel::MappedFromColumn).data().toString(),
        QStringLiteral("Candidate › Full name"));

    // Change a transform through the real widgets: the start date rule, sent as dd/MM/yyyy.
    rulesView->setFocus();
    QTest::keyClick(rulesView, Qt::Key_Up);
    QTest::keyClick(rulesView, Qt::Key_Up);
    QCOMPARE(rulesView->currentIndex().row(), 0);
    auto* kind = editor->findChild<QComboBox*>(QStringLiteral("transformKind"));
    auto* dateFormat = editor->findChild<QComboBox*>(QStringLiteral("dateFormat"));
    QVERIFY(kind && dateFormat);
    QCOMPARE(Transform::Kind(kind->currentData().toInt()), Transform::Kind::DateFormat);
    QVERIFY(dateFormat->isVisible());
    dateFormat->lineEdit()->setFocus();
    dateFormat->lineEdit()->selectAll();
    QTest::keyClicks(dateFormat->lineEdit(), QStringLiteral("dd/MM/yyyy"));
    QCOMPARE(rules->ruleAt(0).transform.format, QStringLiteral("dd/MM/yyyy"));

    // Typing merged into one undo step.
    QUndoStack* stack = editor->undoStack();
    auto* undoButton = editor->findChild<QToolButton*>(QStringLiteral("undoButton"));
    auto* redoButton = editor->findChild<QToolButton*>(QStringLiteral("redoButton"));
    QVERIFY(undoButton && redoButton);
    QTest::mouseClick(undoButton, Qt::LeftButton);
    QCOMPARE(rules->ruleAt(0).transform.format, QStringLiteral("yyyy-MM-dd"));
    QCOMPARE(dateFormat->currentText(), QStringLiteral("yyyy-MM-dd"));
    QTest::mouseClick(redoButton, Qt::LeftButton);
    QCOMPARE(rules->ruleAt(0).transform.format, QStringLiteral("dd/MM/yyyy"));

    // The kind combo from the keyboard: the Full name rule is sent as is instead.
    rulesView->setFocus();
    QTest::keyClick(rulesView, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(rulesView->currentIndex().row(), 2);
    kind->setFocus();
    QTest::keyClick(kind, Qt::Key_Home);
    QCOMPARE(rules->ruleAt(2).transform.kind, Transform::Kind::None);
    auto* defaultValue = editor->findChild<QLineEdit*>(QStringLiteral("defaultValue"));
    QVERIFY(defaultValue);
    defaultValue->setFocus();
    QTest::keyClicks(defaultValue, QStringLiteral("Unknown"));
    QCOMPARE(rules->ruleAt(2).defaultValue, std::optional<QString>(QStringLiteral("Unknown")));

    // Delete removes the selected rule; Ctrl+Z brings it back, Ctrl+Shift+Z removes it again, Ctrl+Z once more.
    rulesView->setFocus();
    QTest::keyClick(rulesView, Qt::Key_Up);
    QCOMPARE(rulesView->currentIndex().row(), 1);
    QTest::keyClick(rulesView, Qt::Key_Delete);
    QCOMPARE(rules->rowCount(), 2);
    QCOMPARE(rules->ruleForTarget(QStringLiteral("root.email")), -1);
    QTest::keyClick(rulesView, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(rules->rowCount(), 3);
    QCOMPARE(rules->ruleForTarget(QStringLiteral("root.email")), 1);
    QTest::keyClick(rulesView, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(rules->rowCount(), 2);
    QTest::keyClick(rulesView, Qt::Key_Z, Qt::ControlModifier);
    QCOMPARE(rules->rowCount(), 3);
    QVERIFY(stack->canRedo());

    // The remove button does the same as Delete.
    auto* removeButton = editor->findChild<QToolButton*>(QStringLiteral("removeButton"));
    QVERIFY(removeButton);
    rulesView->selectRow(1);
    QTest::mouseClick(removeButton, Qt::LeftButton);
    QCOMPARE(rules->rowCount(), 2);
    stack->undo();
    QCOMPARE(rules->rowCount(), 3);

    // Save emits the profile with the rules.
    QVERIFY(editor->isModified());
    QVERIFY(saveButton->isEnabled());
    QSignalSpy saved(editor.get(), &MappingEditor::saveRequested);
    QTest::mouseClick(saveButton, Qt::LeftButton);
    QCOMPARE(saved.count(), 1);
    const auto profile = saved.first().first().value<MappingProfile>();
    QCOMPARE(profile.rules.size(), 3);
    QCOMPARE(profile.rules.at(0).transform.format, QStringLiteral("dd/MM/yyyy"));
    QCOMPARE(profile.ruleForTarget(QStringLiteral("root.email")), 1);
    QCOMPARE(profile.rules.at(2).defaultValue, std::optional<QString>(QStringLiteral("Unknown")));
    QString error;
    QVERIFY2(profile.save(file, &error), qPrintable(error));
    editor->markSaved();
    QVERIFY(!editor->isModified());
    QVERIFY(!saveButton->isEnabled());

    // Restart the window: a new editor loading the file finds the same rules.
    editor.reset();
    MappingEditor restarted;
    restarted.setCatalogs(sources, targets);
    const std::optional<MappingProfile> loaded = MappingProfile::load(file, &error);
    QVERIFY2(loaded, qPrintable(error));
    restarted.setProfile(*loaded);
    restarted.resize(1200, 800);
    showAndActivate(&restarted);
    QVERIFY(!restarted.isModified());
    QCOMPARE(restarted.profile(), profile);
    MappingRulesModel* reloaded = restarted.rulesModel();
    QCOMPARE(reloaded->rowCount(), 3);
    QCOMPARE(
        reloaded->index(0, MappingRulesModel::SourceColumn).data().toString(), QStringLiteral("Offer › Start date"));
    QCOMPARE(reloaded->index(0, MappingRulesModel::TargetColumn).data().toString(), QStringLiteral("Start date"));
    auto* reloadedTargets = restarted.findChild<QTreeView*>(QStringLiteral("targetView"));
    QAbstractItemModel* targetModel = reloadedTargets->model();
    bool foundEmail = false;
    for (int group = 0; group < targetModel->rowCount(); ++group) {
        const QModelIndex parent = targetModel->index(group, 0);
        for (int row = 0; row < targetModel->rowCount(parent); ++row) {
            const QModelIndex index = targetModel->index(row, 0, parent);
            if (index.data(ItemRoles::TargetFieldRole).toString() == QStringLiteral("root.email")) {
                foundEmail = true;
                QCOMPARE(index.siblingAtColumn(TargetFieldsModel::MappedFromColumn).data().toString(),
                    QStringLiteral("Candidate › E-mail"));
            }
        }
    }
    QVERIFY(foundEmail);
}

void TestMappingEditor::revert_afterChanges_restoresSavedProfile()
{
    MappingEditor editor;
    editor.setCatalogs(ashbyCatalog(), bobCatalog());
    const MappingProfile saved = MappingProfile::defaultFor(QStringLiteral("bob"));
    editor.setProfile(saved);
    showAndActivate(&editor);
    auto* revertButton = editor.findChild<QPushButton*>(QStringLiteral("revertButton"));
    QVERIFY(revertButton && !revertButton->isEnabled());

    editor.rulesModel()->requestMap(QStringLiteral("custom.cf-shirt"), QStringLiteral("category_1645.field_1"));
    editor.rulesModel()->requestMap(QStringLiteral("candidate.name"), QStringLiteral("root.firstName"));
    QVERIFY(editor.isModified());
    QCOMPARE(editor.undoStack()->count(), 2); // drops go through the undo stack
    QVERIFY(revertButton->isEnabled());
    QTest::mouseClick(revertButton, Qt::LeftButton);
    QCOMPARE(editor.profile(), saved);
    QVERIFY(!editor.isModified());
    editor.undoStack()->undo(); // reverting can be undone
    QVERIFY(editor.isModified());
}

void TestMappingEditor::tab_leavesEveryTable_arrowsWalkTheCells()
{
    MappingEditor editor;
    editor.setCatalogs(ashbyCatalog(), bobCatalog());
    editor.setProfile(MappingProfile::defaultFor(QStringLiteral("bob")));
    showAndActivate(&editor);
    for (const char* name : {"rulesView", "previewSources"}) {
        auto* table = editor.findChild<QTableView*>(QString::fromLatin1(name));
        QVERIFY2(table, name);
        if (auto* tabs = editor.findChild<QTabWidget*>(QStringLiteral("previewTabs"))) {
            for (int i = 0; i < tabs->count(); ++i) {
                if (tabs->widget(i)->isAncestorOf(table)) {
                    tabs->setCurrentIndex(i); // the preview's sources are on one of its tabs
                }
            }
        }
        QVERIFY2(table->isVisible(), name);
        table->setFocus(Qt::TabFocusReason);
        QVERIFY(table->hasFocus());
        if (table->model()->rowCount() > 1) {
            table->setCurrentIndex(table->model()->index(0, 0));
            QTest::keyClick(table, Qt::Key_Down); // the arrows still walk the rows
            QCOMPARE(table->currentIndex().row(), 1);
        }
        QTest::keyClick(table, Qt::Key_Tab);
        QVERIFY2(!table->hasFocus(), name); // Tab went to the next pane instead of the next cell
        QVERIFY(QApplication::focusWidget() && !table->isAncestorOf(QApplication::focusWidget()));
    }
}

void TestMappingEditor::preview_hireWithUnknownSite_showsErrorAndSelectsRule()
{
    MappingEditor editor;
    editor.setCatalogs(ashbyCatalog(), bobCatalog());
    editor.setProfile(screenshotProfile());
    editor.setPreviewHires(previewHires());
    editor.resize(1200, 800);
    showAndActivate(&editor);

    auto* hirePicker = editor.findChild<QComboBox*>(QStringLiteral("previewHire"));
    auto* json = editor.findChild<QPlainTextEdit*>(QStringLiteral("previewJson"));
    auto* sources = editor.findChild<QTableWidget*>(QStringLiteral("previewSources"));
    auto* issues = editor.findChild<QListWidget*>(QStringLiteral("validationList"));
    auto* rulesView = editor.findChild<QTableView*>(QStringLiteral("rulesView"));
    QVERIFY(hirePicker && json && sources && issues && rulesView);
    QCOMPARE(hirePicker->count(), 2);
    QVERIFY(json->isReadOnly());
    QVERIFY(json->toPlainText().contains(QStringLiteral("zoe@example.com")));
    QVERIFY(sources->rowCount() >= 5);

    const int siteRule = editor.rulesModel()->ruleForTarget(QStringLiteral("work.site"));
    int siteIssue = -1;
    for (int row = 0; row < issues->count(); ++row) {
        const QListWidgetItem* item = issues->item(row);
        if (item->data(Qt::UserRole).toInt() == siteRule && item->text().contains(QStringLiteral("Berlin Mitte"))) {
            siteIssue = row;
        }
    }
    QVERIFY2(siteIssue >= 0, "the unknown site is reported");
    // It reads as person, field, problem; the ids are in the tooltip.
    const Hire shownHire = previewHires().constFirst();
    const QListWidgetItem* site = issues->item(siteIssue);
    QVERIFY2(site->text().startsWith(shownHire.name), qPrintable(site->text()));
    QVERIFY2(!site->text().contains(shownHire.applicationId), qPrintable(site->text()));
    QVERIFY2(!site->text().contains(QStringLiteral("rule ")), qPrintable(site->text()));
    QVERIFY2(site->toolTip().contains(shownHire.applicationId), qPrintable(site->toolTip()));
    issues->setFocus();
    issues->setCurrentRow(siteIssue);
    QCOMPARE(rulesView->currentIndex().row(), siteRule);
    // The table and the Transform box say the same thing about the site rule.
    const QString inTable
        = editor.rulesModel()->index(siteRule, MappingRulesModel::TransformColumn).data().toString().toLower();
    const QString inBox = editor.findChild<QComboBox*>(QStringLiteral("transformKind"))->currentText().toLower();
    QVERIFY2(inTable.startsWith(QStringLiteral("look up in list")), qPrintable(inTable));
    QVERIFY2(inBox.startsWith(QStringLiteral("look up in the list")), qPrintable(inBox));

    // The other hire's site is known: its error goes away.
    hirePicker->setCurrentIndex(1);
    for (int row = 0; row < issues->count(); ++row) {
        QVERIFY(!issues->item(row)->text().contains(QStringLiteral("Berlin Mitte")));
    }
    QVERIFY(json->toPlainText().contains(QStringLiteral("lukasz@example.com")));
}

void TestMappingEditor::noCustomFields_treesExplain()
{
    MappingEditor editor;
    editor.setCatalogs(ashbyCatalog(false), bobCatalog(false));
    auto* sourceView = editor.findChild<QTreeView*>(QStringLiteral("sourceView"));
    auto* targetView = editor.findChild<QTreeView*>(QStringLiteral("targetView"));
    const QModelIndex sourceGroup = sourceView->model()->index(sourceView->model()->rowCount() - 1, 0);
    QCOMPARE(sourceView->model()->index(0, 0, sourceGroup).data().toString(),
        QStringLiteral("Your Ashby account has no custom fields."));
    QVERIFY(sourceView->isExpanded(sourceGroup));
    const QModelIndex targetGroup = targetView->model()->index(targetView->model()->rowCount() - 1, 0);
    QCOMPARE(targetView->model()->index(0, 0, targetGroup).data().toString(),
        QStringLiteral("Bob shows no custom fields for this account."));
}

void TestMappingEditor::directMode_marksSiteRequired()
{
    MappingEditor editor;
    editor.setCatalogs(ashbyCatalog(), bobCatalog());
    MappingProfile profile;
    editor.setProfile(profile);
    auto* issues = editor.findChild<QListWidget*>(QStringLiteral("validationList"));
    const auto mentionsSite = [&] {
        for (int row = 0; row < issues->count(); ++row) {
            if (issues->item(row)->data(Qt::UserRole + 1).toString() == QStringLiteral("work.site")) {
                return true;
            }
        }
        return false;
    };
    QVERIFY(!mentionsSite());
    editor.setDirectMode(true);
    QVERIFY(mentionsSite());
    auto* catalogLabel = editor.findChild<QLabel*>(QStringLiteral("catalogLabel"));
    QVERIFY(catalogLabel->text().contains(QStringLiteral("Bob fields fetched 5 minutes ago")));
    auto* refresh = editor.findChild<QPushButton*>(QStringLiteral("refreshCatalogButton"));
    QSignalSpy refreshRequested(&editor, &MappingEditor::refreshCatalogRequested);
    QTest::mouseClick(refresh, Qt::LeftButton);
    QCOMPARE(refreshRequested.count(), 1);
}

void TestMappingEditor::screenshots_lightAndDark_saved()
{
    for (const bool dark : {false, true}) {
        if (dark) {
            QApplication::setPalette(darkPalette());
        }
        const QString theme = dark ? QStringLiteral("dark") : QStringLiteral("light");
        for (const QSize size : {QSize(1024, 700), QSize(1600, 1000)}) {
            MappingEditor editor;
            editor.setCatalogs(ashbyCatalog(), bobCatalog());
            editor.setDirectMode(true);
            editor.setProfile(screenshotProfile());
            editor.setPreviewHires(previewHires());
            editor.rulesModel()->requestMap(
                QStringLiteral("custom.cf-budget"), QStringLiteral("category_1645.field_4"));
            editor.resize(size);
            showAndActivate(&editor);
            auto* rulesView = editor.findChild<QTableView*>(QStringLiteral("rulesView"));
            rulesView->selectRow(editor.rulesModel()->ruleForTarget(QStringLiteral("work.site")));
            auto* sourceSearch = editor.findChild<QLineEdit*>(QStringLiteral("sourceSearch"));
            if (size.width() > 1100) {
                QTest::keyClicks(sourceSearch, QStringLiteral("custom"));
            }
            QCOMPARE(editor.size(), size);
            saveScreenshot(
                &editor, QStringLiteral("mapping-editor-%1-%2x%3").arg(theme).arg(size.width()).arg(size.height()));
        }
    }
}

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("Hirebridge"));
    TestMappingEditor test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_mappingeditor.moc"
