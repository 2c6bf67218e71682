#include "mapping/MappingEngine.h"

#include <QJsonArray>
#include <QTest>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

ListItem item(const char* id, const char* name, bool archived = false, const QList<ListItem>& children = {})
{
    return ListItem {s(id), s(name), archived, children};
}

TargetField field(const char* id, const char* name, const char* type, const char* listId = "")
{
    TargetField f;
    f.id = s(id);
    f.name = s(name);
    f.type = s(type);
    f.listId = s(listId);
    f.custom = f.id.contains(QLatin1StringView(".custom."));
    return f;
}

TargetCatalog catalog()
{
    TargetCatalog c = TargetCatalog::bobBuiltin();
    c.fields.append(field("payroll.custom.Salary_1", "Salary", "number"));
    c.fields.append(field("work.custom.Signed_2", "Signed on", "date"));
    c.fields.append(field("work.custom.Relocation_3", "Relocation", "boolean"));
    c.fields.append(field("work.custom.Notes_4", "Notes", "text"));
    c.fields.append(field("work.custom.Languages_5", "Languages", "multi-list", "languages"));
    c.fields.append(field("work.custom.Level_6", "Level", "list", "level"));
    c.fields.append(field("work.custom.Currency_7", "Bonus", "currency"));
    c.lists.insert(s("site"),
        {item("1", "Berlin"), item("2", "Zürich"), item("3", "London", true), item("4", "New York"), item("5", "Zug")});
    c.lists.insert(s("department"),
        {item("10", "Engineering", false, {item("11", "Platform"), item("12", "Data & AI")}),
            item("20", "Sales", true, {item("21", "Field Sales")})});
    c.lists.insert(s("title"), {item("100", "Backend Engineer"), item("101", "Frontend Engineer")});
    c.lists.insert(s("languages"), {item("de", "German"), item("fr", "French")});
    c.lists.insert(s("level"), {item("j", "Junior"), item("s", "Senior")});
    return c;
}

Hire hire()
{
    Hire h;
    h.applicationId = s("app-1");
    h.candidateId = s("cand-1");
    h.offerId = s("off-1");
    h.name = s("Maya Okafor");
    h.firstName = s("Maya");
    h.lastName = s("Okafor");
    h.email = s("maya@example.org");
    h.jobTitle = s("backend engineer");
    h.department = s("Platform");
    h.location = s("Zurich");
    h.startDate = s("2026-03-02");
    return h;
}

MappingRule rule(const char* source, const char* target, Transform::Kind kind = Transform::Kind::None)
{
    MappingRule r;
    r.source = s(source);
    r.target = s(target);
    r.transform.kind = kind;
    return r;
}

Transform transform(Transform::Kind kind)
{
    Transform t;
    t.kind = kind;
    return t;
}

Transform withFormat(const char* format)
{
    Transform t = transform(Transform::Kind::DateFormat);
    t.format = s(format);
    return t;
}

MappingProfile profileWith(const QList<MappingRule>& rules)
{
    MappingProfile p;
    p.rules = rules;
    return p;
}

const MappingIssue* findIssue(const QList<MappingIssue>& issues, const QString& text)
{
    for (const auto& issue : issues) {
        if (issue.message.contains(text)) {
            return &issue;
        }
    }
    return nullptr;
}

QString dump(const QList<MappingIssue>& issues)
{
    QStringList lines;
    for (const auto& issue : issues) {
        lines.append(issue.message);
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestMappingEngine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // One custom source value through one rule onto one target field.
    void map_transform_table_data()
    {
        QTest::addColumn<QString>("fieldType");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QJsonValue>("label");
        QTest::addColumn<Transform>("transform");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("defaultValue"); // "<none>" for no default
        QTest::addColumn<QJsonValue>("expected"); // undefined: left out
        QTest::addColumn<QString>("error"); // part of the error message, empty for none

        using K = Transform::Kind;
        const QJsonValue none = QJsonValue::Undefined;
        const QString noDefault = s("<none>");
        const QString notes = s("work.custom.Notes_4");
        const QString salary = s("payroll.custom.Salary_1");
        const QString signed_ = s("work.custom.Signed_2");
        const QJsonObject money {{s("value"), 95000}, {s("currencyCode"), s("EUR")}};
        const QJsonArray languages {s("German"), s("French")};
        auto row = [&](const char* name, const char* type, const QJsonValue& value, const Transform& t,
                       const QString& target, const QJsonValue& expected, const char* error = "",
                       const QString& defaultValue = QString(), const QJsonValue& label = QJsonValue::Undefined) {
            QTest::newRow(name) << s(type) << value << label << t << target
                                << (defaultValue.isNull() ? noDefault : defaultValue) << expected << s(error);
        };

        row("date iso", "Date", s("2026-03-02"), transform(K::DateFormat), signed_, s("2026-03-02"));
        row("date time no zone shift", "Date", s("2025-06-02T23:30:00.000-05:00"), transform(K::DateFormat), signed_,
            s("2025-06-02"));
        row("date format into text", "Date", s("2025-06-02T00:00:00.000Z"), withFormat("dd.MM.yyyy"), notes,
            s("02.06.2025"));
        row("date short format", "Date", s("2025-06-02"), withFormat("d/M/yy"), notes, s("2/6/25"));
        row("date month name", "Date", s("2025-06-02"), withFormat("d MMM yyyy"), notes, s("2 Jun 2025"));
        row("date unparsable", "String", s("soon"), transform(K::DateFormat), signed_, none, "\"soon\" is not a date");
        row("date impossible day", "String", s("2026-02-30"), transform(K::DateFormat), signed_, none,
            "\"2026-02-30\" is not a date");
        row("date from number", "Number", 5, transform(K::DateFormat), signed_, none, "5 is not a date");
        row("date none into date field", "Date", s("2025-06-02T00:00:00.000Z"), transform(K::None), signed_,
            s("2025-06-02"));
        row("text into date field", "String", s("next week"), transform(K::None), signed_, none,
            "\"next week\" is not a date in the form YYYY-MM-DD");

        Transform twoDecimals = transform(K::Number);
        twoDecimals.decimals = 2;
        row("number from number", "Number", 5, transform(K::Number), salary, 5);
        row("number from text", "String", s(" 1234.5 "), transform(K::Number), salary, 1234.5);
        row("number rounded", "Number", 1234.5678, twoDecimals, salary, 1234.57);
        row("number comma refused", "String", s("1,5"), transform(K::Number), salary, none, "\"1,5\" is not a number");
        row("number word refused", "String", s("lots"), transform(K::Number), salary, none, "\"lots\" is not a number");
        row("number from boolean", "Boolean", true, transform(K::Number), salary, none, "true is not a number");
        row("text into number field", "String", s("42"), transform(K::None), salary, none,
            "\"42\" is not a number: choose the Number transform");
        row("number into text", "Number", 42, transform(K::None), notes, s("42"));
        row("decimal into text", "Number", 2.5, transform(K::None), notes, s("2.5"));

        Transform code = transform(K::Currency);
        code.currencyPart = s("code");
        Transform text = transform(K::Currency);
        text.currencyPart = s("text");
        Transform textDecimals = text;
        textDecimals.decimals = 2;
        row("currency value", "Currency", money, transform(K::Currency), salary, 95000);
        row("currency code", "Currency", money, code, notes, s("EUR"));
        row("currency text", "Currency", money, text, notes, s("95000 EUR"));
        row("currency text decimals", "Currency", money, textDecimals, notes, s("95000.00 EUR"));
        row("currency from text", "String", s("95k"), transform(K::Currency), salary, none,
            "\"95k\" is not a currency amount");
        row("currency into text as is", "Currency", money, transform(K::None), notes, none,
            "choose the Currency transform");
        row("currency into currency field", "Currency", money, transform(K::None), s("work.custom.Currency_7"), money);

        Transform slash = transform(K::Join);
        slash.separator = s(" / ");
        row("join labels", "MultiValueSelect", QJsonArray {s("de"), s("fr")}, slash, notes, s("German / French"), "",
            QString(), languages);
        row("join scalar passes", "String", s("German"), slash, notes, s("German"));
        row("several into text joined", "MultiValueSelect", languages, transform(K::None), notes, s("German, French"));

        row("first name", "String", s("Zoë  Ångström Núñez"), transform(K::FirstName), notes, s("Zoë"));
        row("last name", "String", s("Zoë Ångström Núñez"), transform(K::LastName), notes, s("Ångström Núñez"));
        row("last name of mononym", "String", s("Cher"), transform(K::LastName), notes, none);
        row("first name from number", "Number", 3, transform(K::FirstName), notes, none, "3 is not a name");

        Transform constant = transform(K::Constant);
        constant.constant = s("Ashby");
        row("constant ignores source", "String", s("x"), constant, notes, s("Ashby"));
        row("constant without source", "String", none, constant, notes, s("Ashby"));

        row("boolean into boolean", "Boolean", true, transform(K::None), s("work.custom.Relocation_3"), true);
        row("boolean into text", "Boolean", false, transform(K::None), notes, s("No"));
        row("text into boolean", "String", s("yes"), transform(K::None), s("work.custom.Relocation_3"), none,
            "\"yes\" is not true or false");
        row("object into text", "", QJsonObject {{s("a"), 1}}, transform(K::None), notes, none,
            "an object is not text");
        row("several into one list entry", "MultiValueSelect", languages, transform(K::None), s("work.site"), none,
            "is not a list value");

        row("empty without default", "String", s(""), transform(K::None), notes, none);
        row("blank with default", "String", s("  "), transform(K::None), notes, s("n/a"), "", s("n/a"));
        row("missing with default transformed", "String", none, withFormat("dd.MM.yyyy"), notes, s("05.01.2026"), "",
            s("2026-01-05"));
        row("default looked up", "String", none, transform(K::None), s("work.site"), s("Zürich"), "", s("zurich"));
        row("default not in list", "String", none, transform(K::ListLookup), s("work.site"), none,
            "\"Atlantis\" is not in Bob's list \"site\"", s("Atlantis"));

        Transform ids = transform(K::ListLookup);
        ids.listOutput = s("id");
        row("select label looked up", "ValueSelect", s("jr"), transform(K::ListLookup), s("work.custom.Level_6"),
            s("Junior"), "", QString(), s("junior"));
        row("multi into multi-list", "MultiValueSelect", QJsonArray {s("german"), s("FRENCH")}, transform(K::None),
            s("work.custom.Languages_5"), languages);
        row("multi-list ids", "MultiValueSelect", languages, ids, s("work.custom.Languages_5"),
            QJsonArray {s("de"), s("fr")});
        row("multi-list unknown entry", "MultiValueSelect", QJsonArray {s("German"), s("Klingon")},
            transform(K::ListLookup), s("work.custom.Languages_5"), none,
            "\"Klingon\" is not in Bob's list \"languages\"");
    }
    void map_transform_table()
    {
        QFETCH(QString, fieldType);
        QFETCH(QJsonValue, value);
        QFETCH(QJsonValue, label);
        QFETCH(Transform, transform);
        QFETCH(QString, target);
        QFETCH(QString, defaultValue);
        QFETCH(QJsonValue, expected);
        QFETCH(QString, error);

        Hire h = hire();
        if (!value.isUndefined()) {
            h.customFields.append(CustomFieldValue {s("cf"), s("Field"), s("Candidate"), fieldType, value, label});
        }
        MappingRule r = rule("custom.cf", "");
        r.target = target;
        r.transform = transform;
        if (defaultValue != QLatin1StringView("<none>")) {
            r.defaultValue = defaultValue;
        }
        const TargetCatalog c = catalog();
        const MappingEngine engine(profileWith({r}), &c, nullptr);
        const MappingResult result = engine.map(h);
        QList<MappingIssue> ruleIssues;
        for (const auto& issue : result.issues) {
            if (issue.rule == 0) {
                ruleIssues.append(issue);
            }
        }
        if (error.isEmpty()) {
            QVERIFY2(ruleIssues.isEmpty(), qPrintable(dump(ruleIssues)));
        } else {
            QCOMPARE(ruleIssues.size(), 1);
            QVERIFY2(ruleIssues.first().message.contains(error), qPrintable(ruleIssues.first().message));
            QCOMPARE(ruleIssues.first().severity, MappingIssue::Severity::Error);
            QCOMPARE(ruleIssues.first().targetField, target);
            QCOMPARE(ruleIssues.first().applicationId, s("app-1"));
            QVERIFY(ruleIssues.first().message.startsWith(s("hire app-1 (Maya Okafor): rule 1 (custom.cf → ")));
        }
        if (expected.isUndefined()) {
            QVERIFY2(!result.fields.contains(target), qPrintable(target));
        } else {
            QCOMPARE(result.fields.value(target), expected);
            QCOMPARE(result.provenance.size(), 1);
            QCOMPARE(result.provenance.first().value, expected);
            QCOMPARE(result.provenance.first().fromDefault,
                defaultValue != QLatin1StringView("<none>")
                    && (value.isUndefined() || value.toString().trimmed().isEmpty()));
        }
    }

    void map_listLookup_matches_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("location");
        QTest::addColumn<QString>("listOutput");
        QTest::addColumn<QString>("expected"); // empty: no match
        QTest::addColumn<QStringList>("suggestions");
        QTest::newRow("exact") << s("work.site") << s("Berlin") << s("name") << s("Berlin") << QStringList();
        QTest::newRow("trimmed") << s("work.site") << s("  Berlin ") << s("name") << s("Berlin") << QStringList();
        QTest::newRow("case folded") << s("work.site") << s("BERLIN") << s("name") << s("Berlin") << QStringList();
        QTest::newRow("diacritics folded")
            << s("work.site") << s("Zurich") << s("name") << s("Zürich") << QStringList();
        QTest::newRow("both folded") << s("work.site") << s("ZURICH") << s("name") << s("Zürich") << QStringList();
        QTest::newRow("inner spaces") << s("work.site") << s("new   york") << s("name") << s("New York")
                                      << QStringList();
        QTest::newRow("id output") << s("work.site") << s("berlin") << s("id") << s("1") << QStringList();
        QTest::newRow("archived skipped") << s("work.site") << s("London") << s("name") << QString() << QStringList();
        QTest::newRow("typo suggests") << s("work.site") << s("Zurch") << s("name") << QString()
                                       << QStringList {s("Zürich"), s("Zug")};
        QTest::newRow("nested child") << s("work.department") << s("platform") << s("name") << s("Platform")
                                      << QStringList();
        QTest::newRow("nested punctuation")
            << s("work.department") << s("DATA & AI") << s("name") << s("Data & AI") << QStringList();
        QTest::newRow("child of archived")
            << s("work.department") << s("Field Sales") << s("name") << QString() << QStringList();
        QTest::newRow("parent") << s("work.department") << s("engineering") << s("id") << s("10") << QStringList();
    }
    void map_listLookup_matches()
    {
        QFETCH(QString, target);
        QFETCH(QString, location);
        QFETCH(QString, listOutput);
        QFETCH(QString, expected);
        QFETCH(QStringList, suggestions);
        Hire h = hire();
        h.location = location;
        MappingRule r = rule("job.location", "", Transform::Kind::ListLookup);
        r.target = target;
        r.transform.listOutput = listOutput;
        const TargetCatalog c = catalog();
        const MappingEngine engine(profileWith({r}), &c, nullptr);
        const auto result = engine.map(h);
        if (!expected.isEmpty()) {
            QCOMPARE(result.fields.value(target).toString(), expected);
            QVERIFY2(!findIssue(result.issues, s("rule 1 (")), qPrintable(dump(result.issues)));
            return;
        }
        QVERIFY(!result.fields.contains(target)); // never a guess
        const MappingIssue* issue = findIssue(result.issues, s("is not in Bob's list"));
        QVERIFY2(issue, qPrintable(dump(result.issues)));
        QCOMPARE(issue->severity, MappingIssue::Severity::Error);
        QCOMPARE(issue->rule, 0);
        if (!suggestions.isEmpty()) {
            QCOMPARE(issue->suggestions.mid(0, suggestions.size()), suggestions);
            QVERIFY2(issue->message.contains(s("closest: Zürich")), qPrintable(issue->message));
        }
        QVERIFY(!issue->suggestions.contains(s("London")));
        QVERIFY(!issue->suggestions.contains(s("Field Sales")));
    }

    void map_implicitLookup_defaultProfileSendsListNames()
    {
        const TargetCatalog c = catalog();
        const MappingEngine engine(MappingProfile::defaultFor(s("bob")), &c, nullptr, MappingEngine::Options {true});
        const auto result = engine.map(hire());
        QVERIFY2(!result.hasErrors(), qPrintable(dump(result.issues)));
        const QJsonObject expected {{s("root.firstName"), s("Maya")}, {s("root.surname"), s("Okafor")},
            {s("root.email"), s("maya@example.org")}, {s("work.startDate"), s("2026-03-02")},
            {s("work.title"), s("Backend Engineer")}, {s("work.department"), s("Platform")},
            {s("work.site"), s("Zürich")}};
        QCOMPARE(result.fields, expected);
        QCOMPARE(result.provenance.size(), 7);
        QCOMPARE(result.provenance.at(3).targetField, s("work.startDate"));
        QCOMPARE(result.provenance.at(3).sourcePath, s("offer.startDate"));
        QCOMPARE(result.provenance.at(3).transform, s("date as yyyy-MM-dd"));
        QCOMPARE(result.provenance.at(6).value, QJsonValue(s("Zürich")));
        QVERIFY(!result.provenance.at(6).fromDefault);
    }

    void map_implicitLookupUnknownLabel_hireApiWarnsAndSendsAsWrittenDirectModeRefuses()
    {
        const TargetCatalog c = catalog();
        Hire h = hire();
        h.location = s("  Atlantis ");
        const MappingEngine hireApi(profileWith({rule("job.location", "work.site")}), &c, nullptr);
        const auto soft = hireApi.map(h);
        QCOMPARE(soft.fields.value(s("work.site")).toString(), s("Atlantis"));
        const MappingIssue* warning = findIssue(soft.issues, s("\"Atlantis\" is not in Bob's list \"site\""));
        QVERIFY2(warning, qPrintable(dump(soft.issues)));
        QCOMPARE(warning->severity, MappingIssue::Severity::Warning);
        for (const auto& issue : soft.issues) {
            QVERIFY2(
                issue.targetField != QLatin1String("work.site") || issue.severity == MappingIssue::Severity::Warning,
                qPrintable(issue.message));
        }

        MappingEngine::Options direct;
        direct.directMode = true;
        const MappingEngine directEngine(profileWith({rule("job.location", "work.site")}), &c, nullptr, direct);
        const auto hard = directEngine.map(h);
        QVERIFY(!hard.fields.contains(s("work.site")));
        const MappingIssue* error = findIssue(hard.issues, s("\"Atlantis\" is not in Bob's list \"site\""));
        QVERIFY2(error, qPrintable(dump(hard.issues)));
        QCOMPARE(error->severity, MappingIssue::Severity::Error);
    }

    void map_ambiguousFold_errorNotGuess()
    {
        TargetCatalog c = catalog();
        c.lists[s("site")].append(item("9", "Zurich"));
        const MappingEngine engine(profileWith({rule("job.location", "work.site")}), &c, nullptr);
        Hire h = hire();
        h.location = s("ZURICH");
        const auto result = engine.map(h);
        QVERIFY(!result.fields.contains(s("work.site")));
        const MappingIssue* issue = findIssue(result.issues, s("matches several entries"));
        QVERIFY2(issue, qPrintable(dump(result.issues)));
        QCOMPARE(issue->suggestions, (QStringList {s("Zürich"), s("Zurich")}));
        h.location = s("Zurich"); // an exact match is still exact
        QCOMPARE(engine.map(h).fields.value(s("work.site")).toString(), s("Zurich"));
    }

    void map_unparsableDate_messageNamesHireRuleAndField()
    {
        Hire h = hire();
        h.startDate = s("soon");
        const TargetCatalog c = catalog();
        const MappingEngine engine(MappingProfile::defaultFor(s("bob")), &c, nullptr, MappingEngine::Options {true});
        const auto result = engine.map(h);
        QVERIFY(result.hasErrors());
        QList<MappingIssue> startDate;
        for (const auto& issue : result.issues) {
            if (issue.targetField == QLatin1StringView("work.startDate")) {
                startDate.append(issue);
            }
        }
        QCOMPARE(startDate.size(), 1); // no second "required field is empty" for the same failure
        QCOMPARE(startDate.first().message,
            s("hire app-1 (Maya Okafor): rule 4 (offer.startDate → work.startDate): \"soon\" is not a date"));
        QCOMPARE(startDate.first().rule, 3);
        QCOMPARE(startDate.first().sourcePath, s("offer.startDate"));
    }

    void map_requiredEmpty_dependsOnMode_data()
    {
        QTest::addColumn<bool>("directMode");
        QTest::addColumn<bool>("withCatalog");
        QTest::addColumn<QStringList>("expected");
        const QString email = s("hire app-1 (Maya Okafor): rule 3 (candidate.email → root.email): required field ");
        QTest::newRow("hire api") << false << true << QStringList {email + s("Email (root.email) is empty")};
        QTest::newRow("direct") << true << true
                                << QStringList {email + s("Email (root.email) is empty"),
                                       s("hire app-1 (Maya Okafor): rule 4 (offer.startDate → work.startDate): "
                                         "required field Start date (work.startDate) is empty")};
        QTest::newRow("no catalogue") << true << false
                                      << QStringList {email + s("root.email is empty"),
                                             s("hire app-1 (Maya Okafor): rule 4 (offer.startDate → "
                                               "work.startDate): required field work.startDate is empty")};
    }
    void map_requiredEmpty_dependsOnMode()
    {
        QFETCH(bool, directMode);
        QFETCH(bool, withCatalog);
        QFETCH(QStringList, expected);
        Hire h = hire();
        h.email.clear();
        h.startDate.clear();
        const TargetCatalog c = catalog();
        const MappingEngine engine(MappingProfile::defaultFor(s("bob")), withCatalog ? &c : nullptr, nullptr,
            MappingEngine::Options {directMode});
        const auto result = engine.map(h);
        QStringList messages;
        for (const auto& issue : result.issues) {
            QCOMPARE(issue.severity, MappingIssue::Severity::Error);
            QCOMPARE(issue.applicationId, s("app-1"));
            messages.append(issue.message);
        }
        QCOMPARE(messages, expected);
    }

    void map_requiredUnmapped_directModeError()
    {
        const TargetCatalog c = catalog();
        MappingProfile p = MappingProfile::defaultFor(s("bob"));
        p.rules.removeAt(p.ruleForTarget(s("work.site")));
        const auto direct = MappingEngine(p, &c, nullptr, MappingEngine::Options {true}).map(hire());
        QVERIFY(findIssue(direct.issues, s("hire app-1 (Maya Okafor): required field Site (work.site) is not mapped")));
        const auto hireApi = MappingEngine(p, &c, nullptr).map(hire());
        QVERIFY2(!hireApi.hasErrors(), qPrintable(dump(hireApi.issues)));
    }

    void map_tooLong_errorValueKept()
    {
        Hire h = hire();
        h.firstName = QString(51, QLatin1Char('a'));
        const TargetCatalog c = catalog();
        const auto result = MappingEngine(MappingProfile::defaultFor(s("bob")), &c, nullptr).map(h);
        const MappingIssue* issue = findIssue(result.issues, s("is 51 characters long; Bob takes at most 50"));
        QVERIFY2(issue, qPrintable(dump(result.issues)));
        QCOMPARE(issue->targetField, s("root.firstName"));
        QVERIFY(issue->message.contains(s("First name (root.firstName)")));
        QCOMPARE(result.fields.value(s("root.firstName")).toString().size(), 51);
        h.firstName = QString(50, QLatin1Char('a'));
        QVERIFY(!MappingEngine(MappingProfile::defaultFor(s("bob")), &c, nullptr).map(h).hasErrors());
    }

    void map_noName_hireNamedById()
    {
        Hire h = hire();
        h.name.clear();
        h.firstName.clear();
        h.lastName.clear();
        h.email.clear();
        const auto result = MappingEngine(MappingProfile::defaultFor(s("bob")), nullptr, nullptr).map(h);
        QVERIFY2(findIssue(result.issues, s("hire app-1: rule 3 (candidate.email → root.email): required")),
            qPrintable(dump(result.issues)));
    }

    void map_builtinPaths_matchSourceCatalogResolve()
    {
        Hire h = hire();
        h.phone = s("+49 30 1");
        h.profileUrl = s("https://app.ashbyhq.com/c/1");
        h.employmentType = s("FullTime");
        h.salary = Salary {95000.5, s("EUR")};
        h.hiringManager = PersonRef {s("u1"), s("Ingrid"), s("Berg"), s("ingrid@acme.example")};
        h.customFields.append(CustomFieldValue {s("cf-multi"), s("Langs"), s("Candidate"), s("MultiValueSelect"),
            QJsonArray {s("de")}, QJsonArray {s("German")}});
        h.customFields.append(CustomFieldValue {s("cf-cur"), s("Bonus"), s("Offer"), s("Currency"),
            QJsonObject {{s("value"), 5}, {s("currencyCode"), s("EUR")}}, QJsonValue::Undefined});
        QStringList paths {s("custom.cf-multi"), s("custom.cf-cur")};
        for (const auto& f : SourceCatalog::builtinFields()) {
            paths.append(f.path);
        }
        QList<MappingRule> rules;
        for (const auto& path : std::as_const(paths)) {
            MappingRule r;
            r.source = path;
            r.target = s("x.") + path;
            rules.append(r);
        }
        const auto result = MappingEngine(profileWith(rules), nullptr, nullptr).map(h);
        for (const auto& path : std::as_const(paths)) {
            QCOMPARE(result.fields.value(s("x.") + path), SourceCatalog::resolve(h, path));
        }
    }

    void map_untypedCustomValue_usesDefinitionType()
    {
        const auto sources = SourceCatalog::fromDefinitions(QJsonArray {QJsonObject {{s("id"), s("cf-sel")},
            {s("title"), s("Level")}, {s("objectType"), s("Candidate")}, {s("fieldType"), s("ValueSelect")}}});
        Hire h = hire();
        h.customFields.append(
            CustomFieldValue {s("cf-sel"), s("Level"), s("Candidate"), QString(), s("jr"), s("Junior")});
        const TargetCatalog c = catalog();
        const auto result
            = MappingEngine(profileWith({rule("custom.cf-sel", "work.custom.Level_6")}), &c, &sources).map(h);
        QCOMPARE(result.fields.value(s("work.custom.Level_6")).toString(), s("Junior"));
    }

    void validateProfile_defaultProfile_clean()
    {
        const TargetCatalog c = catalog();
        const auto sources = SourceCatalog::fromDefinitions({});
        for (bool direct : {false, true}) {
            const auto issues
                = MappingEngine(MappingProfile::defaultFor(s("bob")), &c, &sources, MappingEngine::Options {direct})
                      .validateProfile();
            QVERIFY2(issues.isEmpty(), qPrintable(dump(issues)));
        }
    }

    void validateProfile_problems_reported_data()
    {
        QTest::addColumn<QList<MappingRule>>("extraRules");
        QTest::addColumn<bool>("directMode");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("isError");

        QTest::newRow("unknown target") << QList<MappingRule> {rule("candidate.phone", "work.shoeSize")} << false
                                        << s("rule 8 (candidate.phone → work.shoeSize): Bob has no field "
                                             "\"work.shoeSize\"")
                                        << true;
        QTest::newRow("unknown source") << QList<MappingRule> {rule("candidate.shoeSize", "root.displayName")} << false
                                        << s("rule 8 (candidate.shoeSize → root.displayName): Ashby has no field "
                                             "\"candidate.shoeSize\"")
                                        << true;
        QTest::newRow("unknown custom source") << QList<MappingRule> {rule("custom.gone", "root.displayName")} << false
                                               << s("Ashby has no field \"custom.gone\"") << true;
        QTest::newRow("duplicate target")
            << QList<MappingRule> {rule("candidate.name", "root.firstName", Transform::Kind::FirstName)} << false
            << s("rule 8 (candidate.name → root.firstName): First name (root.firstName) is already mapped by rule 1")
            << true;
        QTest::newRow("lookup on text field")
            << QList<MappingRule> {rule("job.title", "root.displayName", Transform::Kind::ListLookup)} << false
            << s("Display name (root.displayName) is not a list field (it is text)") << true;
        QTest::newRow("boolean into date")
            << QList<MappingRule> {rule("custom.relocation", "work.custom.Signed_2")} << false
            << s("rule 8 (custom.relocation → work.custom.Signed_2): a yes/no value into Signed on "
                 "(work.custom.Signed_2), a date field")
            << false;
        QTest::newRow("text into number")
            << QList<MappingRule> {rule("candidate.phone", "payroll.custom.Salary_1")} << false
            << s("text into Salary (payroll.custom.Salary_1), a number field") << false;
        QTest::newRow("archived source") << QList<MappingRule> {rule("custom.old", "work.custom.Notes_4")} << false
                                         << s("the Ashby field \"Old notes\" is archived") << false;
        MappingRule constant = rule("", "work.custom.Level_6", Transform::Kind::Constant);
        constant.transform.constant = s("Seniorr");
        QTest::newRow("constant not in list")
            << QList<MappingRule> {constant} << false
            << s("rule 8 (\"Seniorr\" → work.custom.Level_6): the constant: \"Seniorr\" is not in Bob's list \"level\"")
            << true;
        QTest::newRow("non-iso date into date field") << QList<MappingRule> {[] {
            MappingRule r = rule("custom.signed", "work.custom.Signed_2", Transform::Kind::DateFormat);
            r.transform.format = s("dd.MM.yyyy");
            return r;
        }()} << false << s("Bob takes dates as yyyy-MM-dd, not dd.MM.yyyy")
                                                      << false;
    }
    void validateProfile_problems_reported()
    {
        QFETCH(QList<MappingRule>, extraRules);
        QFETCH(bool, directMode);
        QFETCH(QString, expected);
        QFETCH(bool, isError);
        const TargetCatalog c = catalog();
        const auto sources = SourceCatalog::fromDefinitions(QJsonArray {
            QJsonObject {{s("id"), s("relocation")}, {s("title"), s("Relocation")}, {s("fieldType"), s("Boolean")}},
            QJsonObject {{s("id"), s("signed")}, {s("title"), s("Signed")}, {s("fieldType"), s("Date")}},
            QJsonObject {{s("id"), s("old")}, {s("title"), s("Old notes")}, {s("fieldType"), s("String")},
                {s("isArchived"), true}}});
        MappingProfile p = MappingProfile::defaultFor(s("bob"));
        p.rules.append(extraRules);
        const auto issues = MappingEngine(p, &c, &sources, MappingEngine::Options {directMode}).validateProfile();
        const MappingIssue* issue = findIssue(issues, expected);
        QVERIFY2(issue, qPrintable(dump(issues)));
        QCOMPARE(issue->severity, isError ? MappingIssue::Severity::Error : MappingIssue::Severity::Warning);
        QCOMPARE(issue->rule, 7);
        QVERIFY(issue->applicationId.isEmpty());
    }

    void validateProfile_constantNotInList_suggests()
    {
        const TargetCatalog c = catalog();
        MappingRule constant = rule("", "work.custom.Level_6", Transform::Kind::Constant);
        constant.transform.constant = s("Seniorr");
        const auto issues = MappingEngine(profileWith({constant}), &c, nullptr).validateProfile();
        const MappingIssue* issue = findIssue(issues, s("is not in Bob's list"));
        QVERIFY(issue);
        QCOMPARE(issue->suggestions.value(0), s("Senior"));
    }

    void validateProfile_requiredUnmapped_dependsOnMode()
    {
        const TargetCatalog c = catalog();
        MappingProfile p = MappingProfile::defaultFor(s("bob"));
        p.rules.removeAt(p.ruleForTarget(s("work.site")));
        p.rules.removeAt(p.ruleForTarget(s("root.email")));
        const auto direct = MappingEngine(p, &c, nullptr, MappingEngine::Options {true}).validateProfile();
        QVERIFY2(findIssue(direct, s("required field Site (work.site) is not mapped (Bob direct mode needs it)")),
            qPrintable(dump(direct)));
        QVERIFY(findIssue(direct, s("required field Email (root.email) is not mapped")));
        const auto hireApi = MappingEngine(p, &c, nullptr).validateProfile();
        QCOMPARE(hireApi.size(), 1);
        QCOMPARE(hireApi.first().message, s("required field Email (root.email) is not mapped"));
        QCOMPARE(hireApi.first().targetField, s("root.email"));
        QCOMPARE(hireApi.first().rule, -1);
    }

    void validateProfile_tooLongDefault_error()
    {
        const TargetCatalog c = catalog();
        MappingProfile p = MappingProfile::defaultFor(s("bob"));
        p.rules[0].defaultValue = QString(60, QLatin1Char('x'));
        const auto issues = MappingEngine(p, &c, nullptr).validateProfile();
        QVERIFY2(findIssue(issues,
                     s("rule 1 (candidate.firstName → root.firstName): the default is 60 characters "
                       "long; Bob takes at most 50 in First name (root.firstName)")),
            qPrintable(dump(issues)));
    }

    void validateProfile_noCatalogue_warnsOnly()
    {
        MappingProfile p = MappingProfile::defaultFor(s("bob"));
        p.rules.append(rule("custom.anything", "work.custom.Whatever_1"));
        const auto issues = MappingEngine(p, nullptr, nullptr).validateProfile();
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().severity, MappingIssue::Severity::Warning);
        QCOMPARE(issues.first().message, s("field catalogue not loaded: list values and types are not checked"));
    }

    void validateProfile_listsNotLoaded_warns()
    {
        const TargetCatalog c = TargetCatalog::bobBuiltin();
        const auto issues = MappingEngine(MappingProfile::defaultFor(s("bob")), &c, nullptr).validateProfile();
        QVERIFY2(findIssue(issues, s("Bob's list \"site\" is not loaded: values are not checked")),
            qPrintable(dump(issues)));
        // Without the list the label is sent as written (trimmed), not dropped.
        Hire h = hire();
        h.location = s(" Zurich ");
        QCOMPARE(MappingEngine(MappingProfile::defaultFor(s("bob")), &c, nullptr)
                     .map(h)
                     .fields.value(s("work.site"))
                     .toString(),
            s("Zurich"));
    }

    void foldForLookup_labels_foldAlike_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("folded");
        QTest::newRow("ascii") << s("  New   York ") << s("new york");
        QTest::newRow("umlaut") << s("Zürich") << s("zurich");
        QTest::newRow("upper accents") << s("ÅNGSTRÖM-NÚÑEZ") << s("angstrom-nunez");
        QTest::newRow("sharp s") << s("Straße") << s("strasse");
        QTest::newRow("stroke") << s("Øresund") << s("oresund");
        QTest::newRow("compatibility") << s("ﬁnance") << s("finance");
        QTest::newRow("empty") << s("") << s("");
    }
    void foldForLookup_labels_foldAlike()
    {
        QFETCH(QString, label);
        QFETCH(QString, folded);
        QCOMPARE(MappingEngine::foldForLookup(label), folded);
    }

    void closestLabels_typo_bestFirstArchivedSkipped()
    {
        const QList<ListItem> items {item("1", "Zürich"), item("2", "Zug"), item("3", "Zurich Old", true),
            item("4", "Berlin", false, {item("5", "Zurich West")})};
        QCOMPARE(MappingEngine::closestLabels(s("zurih"), items, 2), (QStringList {s("Zürich"), s("Zug")}));
        QCOMPARE(MappingEngine::closestLabels(s("Zurich Wst"), items, 1), QStringList {s("Zurich West")});
        QVERIFY(MappingEngine::closestLabels(s("x"), items, 0).isEmpty());
        QVERIFY(MappingEngine::closestLabels(s("qqqqqqqq"), items).isEmpty()); // nothing in common: no suggestion
    }

    void describe_hireAndRule_format()
    {
        QCOMPARE(MappingEngine::describeHire(hire()), s("hire app-1 (Maya Okafor)"));
        QCOMPARE(MappingEngine::describeRule(3, rule("offer.startDate", "work.startDate")),
            s("rule 4 (offer.startDate → work.startDate)"));
    }
};

QTEST_GUILESS_MAIN(TestMappingEngine)
#include "test_mappingengine.moc"
