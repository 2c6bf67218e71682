#include "mapping/MappingProfile.h"
#include "mapping/SourceCatalog.h"
#include "mapping/TargetCatalog.h"
#include "models/FieldFilterProxyModel.h"
#include "models/FieldNodeKind.h"
#include "models/ItemRoles.h"
#include "models/MappingRulesModel.h"
#include "models/SourceFieldsModel.h"
#include "models/TargetFieldsModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {

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

SourceCatalog sourceCatalog(bool withCustom)
{
    QJsonArray definitions;
    if (withCustom) {
        definitions.append(
            definition(QStringLiteral("cf-shirt"), QStringLiteral("T-shirt size"), QStringLiteral("Candidate"),
                QStringLiteral("ValueSelect"), {QStringLiteral("S"), QStringLiteral("M"), QStringLiteral("L")}));
        definitions.append(definition(QStringLiteral("cf-office"), QStringLiteral("Büro Zürich"), QStringLiteral("Job"),
            QStringLiteral("String")));
        definitions.append(
            definition(QStringLiteral("cf-langs"), QStringLiteral("Languages"), QStringLiteral("Application"),
                QStringLiteral("MultiValueSelect"), {QStringLiteral("German"), QStringLiteral("French")}));
        QJsonObject archived = definition(QStringLiteral("cf-old"), QStringLiteral("Old field"),
            QStringLiteral("Candidate"), QStringLiteral("String"));
        archived.insert(QStringLiteral("isArchived"), true);
        definitions.append(archived);
    }
    return SourceCatalog::fromDefinitions(definitions);
}

TargetField targetField(const QString& id, const QString& name, const QString& category, const QString& categoryName,
    const QString& type, bool custom = false, const QString& listId = {})
{
    TargetField field;
    field.id = id;
    field.name = name;
    field.category = category;
    field.categoryDisplayName = categoryName;
    field.type = type;
    field.custom = custom;
    field.listId = listId;
    return field;
}

TargetCatalog targetCatalog(bool withCustom)
{
    TargetCatalog catalog;
    catalog.target = QStringLiteral("bob");
    catalog.fetchedAt = QDateTime::currentDateTimeUtc();
    catalog.fields = {
        targetField(QStringLiteral("root.firstName"), QStringLiteral("First name"), QStringLiteral("root"),
            QStringLiteral("Basic info"), QStringLiteral("text")),
        targetField(QStringLiteral("root.surname"), QStringLiteral("Last name"), QStringLiteral("root"),
            QStringLiteral("Basic info"), QStringLiteral("text")),
        targetField(QStringLiteral("root.email"), QStringLiteral("Email"), QStringLiteral("root"),
            QStringLiteral("Basic info"), QStringLiteral("text")),
        targetField(QStringLiteral("work.startDate"), QStringLiteral("Start date"), QStringLiteral("work"),
            QStringLiteral("Work"), QStringLiteral("date")),
        targetField(QStringLiteral("work.site"), QStringLiteral("Site"), QStringLiteral("work"), QStringLiteral("Work"),
            QStringLiteral("list"), false, QStringLiteral("site")),
    };
    if (withCustom) {
        catalog.fields.append(targetField(QStringLiteral("work.custom.field_shirt"), QStringLiteral("Shirt size"),
            QStringLiteral("category_1645"), QStringLiteral("Onboarding"), QStringLiteral("text"), true));
    }
    catalog.markRequired(true);
    return catalog;
}

MappingRule rule(const QString& source, const QString& target)
{
    MappingRule rule;
    rule.source = source;
    rule.target = target;
    return rule;
}

QModelIndex childNamed(const QAbstractItemModel& model, const QString& group, const QString& name)
{
    for (int g = 0; g < model.rowCount(); ++g) {
        const QModelIndex groupIndex = model.index(g, 0);
        if (groupIndex.data().toString() != group) {
            continue;
        }
        for (int row = 0; row < model.rowCount(groupIndex); ++row) {
            const QModelIndex index = model.index(row, 0, groupIndex);
            if (index.data().toString() == name) {
                return index;
            }
        }
    }
    return {};
}

} // namespace

class TestMappingModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();

    void rulesModel_insertReplaceRemove_testerHappy();
    void rulesModel_applyMap_replacesRuleOnSameTargetAndReturnsPrevious();
    void rulesModel_applyMap_suggestsTransformForTargetType();
    void rulesModel_catalogs_giveLabels();
    void sourceModel_catalog_groupsByObjectWithCustomMarked();
    void sourceModel_mimeData_carriesPathsOfFieldsOnly();
    void targetModel_catalog_categoriesRequiredAndCustomMarked();
    void targetModel_rulesChange_updatesMappedFromColumn();
    void drop_sourceMimeOnTargetField_createsRule();
    void drop_onMappedField_replacesRule();
    void drop_throughProxies_createsRule();
    void canDrop_foreignMimeCategoryOrBetweenRows_refused();
    void drop_withMapHandler_callsHandlerInstead();
    void noCustomFields_explanatoryDisabledRow();
    void filterProxy_foldedWords_findsFieldsKeepsGroups();

private:
    SourceCatalog m_sources;
    TargetCatalog m_targets;
    std::unique_ptr<MappingRulesModel> m_rules;
};

void TestMappingModels::init()
{
    m_sources = sourceCatalog(true);
    m_targets = targetCatalog(true);
    m_rules = std::make_unique<MappingRulesModel>();
    m_rules->setCatalogs(&m_sources, &m_targets);
}

void TestMappingModels::rulesModel_insertReplaceRemove_testerHappy()
{
    QAbstractItemModelTester tester(m_rules.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy changed(m_rules.get(), &MappingRulesModel::rulesChanged);

    MappingProfile profile;
    profile.rules = {rule(QStringLiteral("candidate.firstName"), QStringLiteral("root.firstName")),
        rule(QStringLiteral("candidate.email"), QStringLiteral("root.email"))};
    m_rules->setProfile(profile);
    QCOMPARE(m_rules->rowCount(), 2);
    QCOMPARE(m_rules->columnCount(), int(MappingRulesModel::ColumnCount));

    m_rules->insertRuleAt(1, rule(QStringLiteral("candidate.lastName"), QStringLiteral("root.surname")));
    QCOMPARE(m_rules->ruleAt(1).target, QStringLiteral("root.surname"));
    MappingRule edited = m_rules->ruleAt(1);
    edited.defaultValue = QStringLiteral("Unknown");
    m_rules->applyRule(1, edited);
    QVERIFY(
        m_rules->index(1, MappingRulesModel::TransformColumn).data().toString().contains(QStringLiteral("Unknown")));

    const MappingRule removed = m_rules->removeRuleAt(0);
    QCOMPARE(removed.target, QStringLiteral("root.firstName"));
    QCOMPARE(m_rules->rowCount(), 2);
    QCOMPARE(m_rules->ruleForTarget(QStringLiteral("root.email")), 1);
    QCOMPARE(m_rules->ruleForTarget(QStringLiteral("root.firstName")), -1);
    m_rules->removeRuleAt(7); // out of range: ignored
    m_rules->setProfile(MappingProfile());
    QCOMPARE(m_rules->rowCount(), 0);
    QCOMPARE(changed.count(), 5);
}

void TestMappingModels::rulesModel_applyMap_replacesRuleOnSameTargetAndReturnsPrevious()
{
    QAbstractItemModelTester tester(m_rules.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(!m_rules->applyMap(QStringLiteral("candidate.firstName"), QStringLiteral("root.firstName")));
    QCOMPARE(m_rules->rowCount(), 1);

    MappingRule withDefault = m_rules->ruleAt(0);
    withDefault.defaultValue = QStringLiteral("n/a");
    m_rules->applyRule(0, withDefault);

    const std::optional<MappingRule> previous
        = m_rules->applyMap(QStringLiteral("candidate.name"), QStringLiteral("root.firstName"));
    QVERIFY(previous);
    QCOMPARE(previous->source, QStringLiteral("candidate.firstName"));
    QCOMPARE(m_rules->rowCount(), 1);
    QCOMPARE(m_rules->ruleAt(0).source, QStringLiteral("candidate.name"));
    QCOMPARE(m_rules->ruleAt(0).transform.kind, Transform::Kind::FirstName);
    QCOMPARE(m_rules->ruleAt(0).defaultValue, std::optional<QString>(QStringLiteral("n/a")));
}

void TestMappingModels::rulesModel_applyMap_suggestsTransformForTargetType()
{
    m_rules->applyMap(QStringLiteral("job.location"), QStringLiteral("work.site"));
    QCOMPARE(m_rules->ruleAt(0).transform.kind, Transform::Kind::ListLookup);
    m_rules->applyMap(QStringLiteral("offer.startDate"), QStringLiteral("work.startDate"));
    QCOMPARE(m_rules->ruleAt(1).transform.kind, Transform::Kind::DateFormat);
    m_rules->applyMap(QStringLiteral("custom.cf-langs"), QStringLiteral("work.custom.field_shirt"));
    QCOMPARE(m_rules->ruleAt(2).transform.kind, Transform::Kind::Join);
    m_rules->applyMap(QStringLiteral("candidate.email"), QStringLiteral("root.email"));
    QCOMPARE(m_rules->ruleAt(3).transform.kind, Transform::Kind::None);
}

void TestMappingModels::rulesModel_catalogs_giveLabels()
{
    m_rules->applyMap(QStringLiteral("custom.cf-shirt"), QStringLiteral("work.custom.field_shirt"));
    m_rules->applyMap(QStringLiteral("hiringManager.email"), QStringLiteral("root.email"));
    m_rules->insertRuleAt(2, rule(QStringLiteral("custom.gone"), QStringLiteral("work.unknown")));
    QCOMPARE(m_rules->index(0, MappingRulesModel::SourceColumn).data().toString(),
        QStringLiteral("Candidate › T-shirt size"));
    QCOMPARE(m_rules->index(0, MappingRulesModel::TargetColumn).data().toString(), QStringLiteral("Shirt size"));
    QVERIFY(m_rules->index(0, MappingRulesModel::SourceColumn).data(ItemRoles::CustomFieldRole).toBool());
    QCOMPARE(m_rules->index(0, MappingRulesModel::TransformColumn).data().toString(), QStringLiteral("as is"));
    // The label already names its group.
    QCOMPARE(m_rules->index(1, MappingRulesModel::SourceColumn).data().toString(),
        QStringLiteral("Hiring manager's e-mail"));
    QVERIFY(m_rules->index(1, MappingRulesModel::TargetColumn).data(ItemRoles::RequiredFieldRole).toBool());
    // Unknown fields fall back to their ids instead of showing nothing.
    QCOMPARE(m_rules->index(2, MappingRulesModel::SourceColumn).data().toString(), QStringLiteral("custom.gone"));
    QCOMPARE(m_rules->index(2, MappingRulesModel::TargetColumn).data().toString(), QStringLiteral("work.unknown"));

    m_rules->setCatalogs(nullptr, nullptr);
    QCOMPARE(m_rules->index(0, MappingRulesModel::SourceColumn).data().toString(), QStringLiteral("custom.cf-shirt"));
}

void TestMappingModels::sourceModel_catalog_groupsByObjectWithCustomMarked()
{
    SourceFieldsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_sources);
    QStringList groups;
    for (int row = 0; row < model.rowCount(); ++row) {
        groups << model.index(row, 0).data().toString();
        QCOMPARE(model.index(row, 0).data(ItemRoles::NodeKindRole).toInt(), int(FieldNodeKind::Group));
        QVERIFY(!model.flags(model.index(row, 0)).testFlag(Qt::ItemIsDragEnabled));
    }
    QCOMPARE(groups.first(), QStringLiteral("Candidate"));
    QVERIFY(groups.contains(QStringLiteral("Offer")));
    QVERIFY(groups.contains(QStringLiteral("Hiring manager")));
    QVERIFY(!groups.contains(QStringLiteral("Custom fields")));

    const QModelIndex shirt = childNamed(model, QStringLiteral("Candidate"), QStringLiteral("T-shirt size"));
    QVERIFY(shirt.isValid());
    QVERIFY(shirt.data(ItemRoles::CustomFieldRole).toBool());
    QCOMPARE(shirt.data(ItemRoles::SourcePathRole).toString(), QStringLiteral("custom.cf-shirt"));
    QCOMPARE(shirt.siblingAtColumn(SourceFieldsModel::TypeColumn).data().toString(), QStringLiteral("Choice"));
    QVERIFY(model.flags(shirt).testFlag(Qt::ItemIsDragEnabled));
    const QModelIndex email = childNamed(model, QStringLiteral("Candidate"), QStringLiteral("E-mail"));
    QVERIFY(email.isValid());
    QVERIFY(!email.data(ItemRoles::CustomFieldRole).toBool());
    // Archived definitions are not offered for new rules.
    QVERIFY(!model.indexForField(QStringLiteral("custom.cf-old")).isValid());
    QVERIFY(model.indexForField(QStringLiteral("custom.cf-langs")).isValid());

    model.setCatalog(sourceCatalog(false));
    QVERIFY(!model.indexForField(QStringLiteral("custom.cf-shirt")).isValid());
}

void TestMappingModels::sourceModel_mimeData_carriesPathsOfFieldsOnly()
{
    SourceFieldsModel model;
    model.setCatalog(m_sources);
    QCOMPARE(model.mimeTypes(), QStringList {QStringLiteral("application/x-hirebridge-source-field")});
    QCOMPARE(model.supportedDragActions(), Qt::CopyAction);
    const QModelIndex shirt = model.indexForField(QStringLiteral("custom.cf-shirt"));
    const QModelIndex shirtType = model.indexForField(QStringLiteral("custom.cf-shirt"), SourceFieldsModel::TypeColumn);
    const QModelIndex email = model.indexForField(QStringLiteral("candidate.email"));
    std::unique_ptr<QMimeData> data(model.mimeData({shirt, shirtType, email, model.index(0, 0)}));
    QVERIFY(data);
    QCOMPARE(SourceFieldsModel::pathsFromMimeData(data.get()),
        (QStringList {QStringLiteral("custom.cf-shirt"), QStringLiteral("candidate.email")}));
    QVERIFY(!model.mimeData({model.index(0, 0)})); // a group alone drags nothing
}

void TestMappingModels::targetModel_catalog_categoriesRequiredAndCustomMarked()
{
    TargetFieldsModel model(m_rules.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_targets);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Basic info"));
    QCOMPARE(model.index(1, 0).data().toString(), QStringLiteral("Work"));
    QCOMPARE(model.index(2, 0).data().toString(), QStringLiteral("Onboarding"));
    const QModelIndex site = model.indexForField(QStringLiteral("work.site"));
    QCOMPARE(site.data().toString(), QStringLiteral("Site")); // no decoration in the text
    QVERIFY(site.data(ItemRoles::RequiredFieldRole).toBool()); // direct mode
    QVERIFY(!site.data(ItemRoles::CustomFieldRole).toBool());
    QVERIFY(model.indexForField(QStringLiteral("work.custom.field_shirt")).data(ItemRoles::CustomFieldRole).toBool());
    QCOMPARE(site.siblingAtColumn(TargetFieldsModel::TypeColumn).data().toString(), QStringLiteral("List"));
    QVERIFY(model.flags(site).testFlag(Qt::ItemIsDropEnabled));
    QVERIFY(!model.flags(model.index(0, 0)).testFlag(Qt::ItemIsDropEnabled));

    TargetCatalog hireApi = m_targets;
    hireApi.markRequired(false);
    model.setCatalog(hireApi);
    QVERIFY(!model.indexForField(QStringLiteral("work.site")).data(ItemRoles::RequiredFieldRole).toBool());
}

void TestMappingModels::targetModel_rulesChange_updatesMappedFromColumn()
{
    TargetFieldsModel model(m_rules.get());
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setCatalog(m_targets);
    const QModelIndex mapped = model.indexForField(QStringLiteral("root.email"), TargetFieldsModel::MappedFromColumn);
    QVERIFY(mapped.data().toString().isEmpty());
    QSignalSpy dataChanged(&model, &QAbstractItemModel::dataChanged);

    m_rules->applyMap(QStringLiteral("candidate.email"), QStringLiteral("root.email"));
    QVERIFY(dataChanged.count() > 0);
    QCOMPARE(mapped.data().toString(), QStringLiteral("Candidate › E-mail"));
    QCOMPARE(mapped.data(ItemRoles::MappedSourceRole).toString(), QStringLiteral("candidate.email"));
    QCOMPARE(mapped.data(ItemRoles::RuleRowRole).toInt(), 0);

    MappingProfile profile;
    MappingRule constant = rule({}, QStringLiteral("root.email"));
    constant.transform.kind = Transform::Kind::Constant;
    constant.transform.constant = QStringLiteral("hr@example.com");
    profile.rules = {constant};
    m_rules->setProfile(profile);
    QCOMPARE(mapped.data().toString(), QStringLiteral("Constant “hr@example.com”"));

    m_rules->removeRuleAt(0);
    QVERIFY(mapped.data().toString().isEmpty());
    QCOMPARE(mapped.data(ItemRoles::RuleRowRole).toInt(), -1);
}

void TestMappingModels::drop_sourceMimeOnTargetField_createsRule()
{
    SourceFieldsModel sources;
    sources.setCatalog(m_sources);
    TargetFieldsModel targets(m_rules.get());
    QAbstractItemModelTester tester(&targets, QAbstractItemModelTester::FailureReportingMode::QtTest);
    targets.setCatalog(m_targets);

    std::unique_ptr<QMimeData> data(sources.mimeData({sources.indexForField(QStringLiteral("custom.cf-shirt"))}));
    const QModelIndex shirt = targets.indexForField(QStringLiteral("work.custom.field_shirt"));
    QCOMPARE(targets.supportedDropActions(), Qt::CopyAction);
    QVERIFY(targets.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, shirt));
    QVERIFY(targets.dropMimeData(data.get(), Qt::CopyAction, -1, -1, shirt));

    QCOMPARE(m_rules->rowCount(), 1);
    QCOMPARE(m_rules->ruleAt(0).source, QStringLiteral("custom.cf-shirt"));
    QCOMPARE(m_rules->ruleAt(0).target, QStringLiteral("work.custom.field_shirt"));
    QCOMPARE(m_rules->profile().ruleForTarget(QStringLiteral("work.custom.field_shirt")), 0);
    QCOMPARE(shirt.siblingAtColumn(TargetFieldsModel::MappedFromColumn).data().toString(),
        QStringLiteral("Candidate › T-shirt size"));
}

void TestMappingModels::drop_onMappedField_replacesRule()
{
    SourceFieldsModel sources;
    sources.setCatalog(m_sources);
    TargetFieldsModel targets(m_rules.get());
    targets.setCatalog(m_targets);
    QAbstractItemModelTester rulesTester(m_rules.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QModelIndex firstName
        = targets.indexForField(QStringLiteral("root.firstName"), TargetFieldsModel::TypeColumn);
    std::unique_ptr<QMimeData> first(sources.mimeData({sources.indexForField(QStringLiteral("candidate.firstName"))}));
    QVERIFY(targets.dropMimeData(first.get(), Qt::CopyAction, -1, -1, firstName));
    std::unique_ptr<QMimeData> second(sources.mimeData({sources.indexForField(QStringLiteral("candidate.name"))}));
    QVERIFY(targets.dropMimeData(second.get(), Qt::CopyAction, -1, -1, firstName));

    QCOMPARE(m_rules->rowCount(), 1);
    QCOMPARE(m_rules->ruleAt(0).source, QStringLiteral("candidate.name"));
    QCOMPARE(m_rules->ruleAt(0).transform.kind, Transform::Kind::FirstName);
}

void TestMappingModels::drop_throughProxies_createsRule()
{
    // What the views see: both trees behind their search proxies.
    SourceFieldsModel sources;
    sources.setCatalog(m_sources);
    TargetFieldsModel targets(m_rules.get());
    targets.setCatalog(m_targets);
    FieldFilterProxyModel sourceProxy;
    sourceProxy.setSourceModel(&sources);
    FieldFilterProxyModel targetProxy;
    targetProxy.setSourceModel(&targets);
    QAbstractItemModelTester sourceTester(&sourceProxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester targetTester(&targetProxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sourceProxy.setFilterText(QStringLiteral("start"));
    targetProxy.setFilterText(QStringLiteral("start"));

    std::unique_ptr<QMimeData> data(
        sourceProxy.mimeData({sourceProxy.mapFromSource(sources.indexForField(QStringLiteral("offer.startDate")))}));
    QVERIFY(data);
    const QModelIndex start = targetProxy.mapFromSource(targets.indexForField(QStringLiteral("work.startDate")));
    QVERIFY(start.isValid());
    QVERIFY(targetProxy.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, start));
    QVERIFY(targetProxy.dropMimeData(data.get(), Qt::CopyAction, -1, -1, start));
    QCOMPARE(m_rules->ruleForTarget(QStringLiteral("work.startDate")), 0);
}

void TestMappingModels::canDrop_foreignMimeCategoryOrBetweenRows_refused()
{
    SourceFieldsModel sources;
    sources.setCatalog(m_sources);
    TargetFieldsModel targets(m_rules.get());
    targets.setCatalog(m_targets);
    std::unique_ptr<QMimeData> ours(sources.mimeData({sources.indexForField(QStringLiteral("candidate.email"))}));
    const QModelIndex email = targets.indexForField(QStringLiteral("root.email"));
    const QModelIndex category = targets.index(0, 0);

    QMimeData foreign;
    foreign.setText(QStringLiteral("candidate.email"));
    QVERIFY(!targets.canDropMimeData(&foreign, Qt::CopyAction, -1, -1, email));
    QVERIFY(!targets.dropMimeData(&foreign, Qt::CopyAction, -1, -1, email));
    QMimeData garbage;
    garbage.setData(SourceFieldsModel::mimeType(), QByteArrayLiteral("{not json"));
    QVERIFY(!targets.canDropMimeData(&garbage, Qt::CopyAction, -1, -1, email));

    QVERIFY(!targets.canDropMimeData(ours.get(), Qt::CopyAction, -1, -1, category));
    QVERIFY(!targets.canDropMimeData(ours.get(), Qt::CopyAction, 0, 0, category)); // between rows
    QVERIFY(!targets.canDropMimeData(ours.get(), Qt::CopyAction, -1, -1, QModelIndex())); // empty area
    QVERIFY(!targets.canDropMimeData(ours.get(), Qt::LinkAction, -1, -1, email));
    QVERIFY(!targets.dropMimeData(ours.get(), Qt::CopyAction, -1, -1, category));
    QCOMPARE(m_rules->rowCount(), 0);
    QVERIFY(targets.canDropMimeData(ours.get(), Qt::CopyAction, -1, -1, email));
}

void TestMappingModels::drop_withMapHandler_callsHandlerInstead()
{
    SourceFieldsModel sources;
    sources.setCatalog(m_sources);
    TargetFieldsModel targets(m_rules.get());
    targets.setCatalog(m_targets);
    QList<QPair<QString, QString>> requests;
    m_rules->setMapHandler([&](const QString& source, const QString& target) { requests.append({source, target}); });
    std::unique_ptr<QMimeData> data(sources.mimeData({sources.indexForField(QStringLiteral("candidate.email"))}));
    QVERIFY(
        targets.dropMimeData(data.get(), Qt::CopyAction, -1, -1, targets.indexForField(QStringLiteral("root.email"))));
    QCOMPARE(requests.size(), 1);
    QCOMPARE(requests.first().first, QStringLiteral("candidate.email"));
    QCOMPARE(requests.first().second, QStringLiteral("root.email"));
    QCOMPARE(m_rules->rowCount(), 0);
}

void TestMappingModels::noCustomFields_explanatoryDisabledRow()
{
    const SourceCatalog plainSources = sourceCatalog(false);
    const TargetCatalog plainTargets = targetCatalog(false);
    QVERIFY(!plainSources.hasCustomFields());
    QVERIFY(!plainTargets.hasCustomFields());

    SourceFieldsModel sources;
    QAbstractItemModelTester sourceTester(&sources, QAbstractItemModelTester::FailureReportingMode::QtTest);
    sources.setCatalog(plainSources);
    const QModelIndex sourceGroup = sources.index(sources.rowCount() - 1, 0);
    QCOMPARE(sourceGroup.data().toString(), QStringLiteral("Custom fields"));
    QCOMPARE(sources.rowCount(sourceGroup), 1);
    const QModelIndex sourceNote = sources.index(0, 0, sourceGroup);
    QCOMPARE(sourceNote.data().toString(), QStringLiteral("Your Ashby account has no custom fields."));
    QCOMPARE(sourceNote.data(ItemRoles::NodeKindRole).toInt(), int(FieldNodeKind::Placeholder));
    QVERIFY(!sources.flags(sourceNote).testFlag(Qt::ItemIsEnabled));
    QVERIFY(!sources.mimeData({sourceNote}));

    TargetFieldsModel targets(m_rules.get());
    QAbstractItemModelTester targetTester(&targets, QAbstractItemModelTester::FailureReportingMode::QtTest);
    targets.setCatalog(plainTargets);
    const QModelIndex targetGroup = targets.index(targets.rowCount() - 1, 0);
    QCOMPARE(targetGroup.data().toString(), QStringLiteral("Custom fields"));
    const QModelIndex targetNote = targets.index(0, 0, targetGroup);
    QCOMPARE(targetNote.data().toString(), QStringLiteral("Bob shows no custom fields for this account."));
    QVERIFY(!targets.flags(targetNote).testFlag(Qt::ItemIsEnabled));
    std::unique_ptr<QMimeData> data(sources.mimeData({sources.indexForField(QStringLiteral("candidate.email"))}));
    QVERIFY(!targets.canDropMimeData(data.get(), Qt::CopyAction, -1, -1, targetNote));

    // With custom fields the note is gone.
    sources.setCatalog(m_sources);
    targets.setCatalog(m_targets);
    QVERIFY(sources.index(sources.rowCount() - 1, 0).data().toString() != QStringLiteral("Custom fields"));
    QCOMPARE(targets.index(targets.rowCount() - 1, 0).data().toString(), QStringLiteral("Onboarding"));
}

void TestMappingModels::filterProxy_foldedWords_findsFieldsKeepsGroups()
{
    SourceFieldsModel sources;
    sources.setCatalog(m_sources);
    FieldFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&sources);
    const int allGroups = proxy.rowCount();

    proxy.setFilterText(QStringLiteral("  BURO zurich "));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Job"));
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
    QCOMPARE(proxy.index(0, 0, proxy.index(0, 0)).data().toString(), QStringLiteral("Büro Zürich"));

    // A matching group keeps all its fields.
    proxy.setFilterText(QStringLiteral("offer"));
    const QModelIndex offer = proxy.index(0, 0);
    QCOMPARE(offer.data().toString(), QStringLiteral("Offer"));
    QVERIFY(proxy.rowCount(offer) >= 4);

    proxy.setFilterText(QStringLiteral("custom"));
    QVERIFY(proxy.rowCount() >= 2);
    proxy.setFilterText(QStringLiteral("nothing like this"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setFilterText(QString());
    QCOMPARE(proxy.rowCount(), allGroups);
    QCOMPARE(FieldFilterProxyModel::fold(QStringLiteral("Łukasz  Straße")), QStringLiteral("lukasz strasse"));
}

QTEST_GUILESS_MAIN(TestMappingModels)

#include "test_mappingmodels.moc"
