// Maps many varied hires through a 40-rule profile on one thread and prints one JSON line with the rate.
//   bench_mapping [--quick] [--hires N] [--rounds N]
// Build it in Release for a figure worth comparing; the aim is at least 50,000 hires a second.

#include "Hire.h"
#include "mapping/MappingEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTextStream>

#include <cstdio>

namespace {

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

// Labels with accents and mixed case, so folding and exact matches are both exercised.
QList<ListItem> makeList(const QString& stem, int count, bool hierarchy)
{
    static const QStringList kWords {s("Zürich"), s("Berlin"), s("São Paulo"), s("Kraków"), s("London"), s("Malmö"),
        s("Ørestad"), s("New York"), s("Montréal"), s("Tōkyō")};
    QList<ListItem> items;
    int id = 1000;
    for (int i = 0; i < count; ++i) {
        ListItem item;
        item.id = QString::number(id++);
        item.name = QStringLiteral("%1 %2 %3").arg(kWords.at(i % kWords.size()), stem).arg(i);
        item.archived = i % 37 == 36;
        if (hierarchy && i % 10 == 0) {
            for (int c = 0; c < 3; ++c) {
                ListItem child;
                child.id = QString::number(id++);
                child.name = QStringLiteral("%1 team %2").arg(item.name).arg(c);
                item.children.append(child);
            }
        }
        items.append(item);
    }
    return items;
}

QStringList activeLabels(const QList<ListItem>& items)
{
    QStringList labels;
    for (const auto& item : items) {
        if (item.archived) {
            continue;
        }
        labels.append(item.name);
        labels.append(activeLabels(item.children));
    }
    return labels;
}

TargetField field(const char* id, const char* type, const char* listId = "")
{
    TargetField f;
    f.id = s(id);
    f.name = f.id.section(QLatin1Char('.'), -1);
    f.category = f.id.section(QLatin1Char('.'), 0, 0);
    f.type = s(type);
    f.listId = s(listId);
    f.custom = f.id.contains(QLatin1StringView(".custom."));
    return f;
}

TargetCatalog makeCatalog()
{
    TargetCatalog c = TargetCatalog::bobBuiltin();
    const char* customs[][3] = {
        {"identification.custom.Ashby candidate ID_1", "text", ""},
        {"identification.custom.Ashby application ID_2", "text", ""},
        {"identification.custom.Ashby profile_3", "text", ""},
        {"about.custom.Phone_4", "text", ""},
        {"work.custom.Employment type_5", "list", "employmentType"},
        {"payroll.custom.Salary_6", "number", ""},
        {"payroll.custom.Salary currency_7", "text", ""},
        {"payroll.custom.Salary text_8", "text", ""},
        {"payroll.custom.Bonus_9", "number", ""},
        {"payroll.custom.Bonus currency_10", "text", ""},
        {"work.custom.Level_11", "list", "level"},
        {"work.custom.Languages_12", "multi-list", "languages"},
        {"work.custom.Languages text_13", "text", ""},
        {"work.custom.Relocation_14", "boolean", ""},
        {"work.custom.Remote_15", "text", ""},
        {"work.custom.Signed on_16", "date", ""},
        {"work.custom.Signed text_17", "text", ""},
        {"work.custom.Referral_18", "text", ""},
        {"work.custom.Notice weeks_19", "number", ""},
        {"work.custom.Source_20", "text", ""},
        {"work.custom.Manager name_21", "text", ""},
        {"work.custom.Manager email_22", "text", ""},
        {"work.custom.Manager first_23", "text", ""},
        {"work.custom.Manager last_24", "text", ""},
        {"work.custom.Office_25", "hierarchy-list", "department"},
        {"work.custom.Team_26", "text", ""},
        {"work.custom.Hired via_27", "text", ""},
        {"work.custom.Cohort_28", "text", ""},
        {"work.custom.Offer ID_29", "text", ""},
        {"work.custom.Start text_30", "text", ""},
        {"work.custom.Equity_31", "number", ""},
    };
    for (const auto& entry : customs) {
        c.fields.append(field(entry[0], entry[1], entry[2]));
    }
    c.lists.insert(s("title"), makeList(s("Engineer"), 200, false));
    c.lists.insert(s("department"), makeList(s("Department"), 200, true));
    c.lists.insert(s("site"), makeList(s("Office"), 200, false));
    c.lists.insert(s("level"), makeList(s("Level"), 20, false));
    c.lists.insert(s("languages"), makeList(s("Language"), 60, false));
    QList<ListItem> types;
    for (const char* name : {"Full-time", "Part-time", "Contractor", "Intern"}) {
        types.append(ListItem {s(name), s(name), false, {}});
    }
    c.lists.insert(s("employmentType"), types);
    return c;
}

MappingRule rule(const char* source, const char* target, Transform::Kind kind = Transform::Kind::None)
{
    MappingRule r;
    r.source = s(source);
    r.target = s(target);
    r.transform.kind = kind;
    return r;
}

MappingProfile makeProfile()
{
    using K = Transform::Kind;
    MappingProfile p = MappingProfile::defaultFor(s("bob")); // 7 rules, three implicit list lookups
    p.rules.append(rule("candidate.name", "root.displayName"));
    p.rules.append(rule("candidate.name", "root.secondName", K::LastName));
    p.rules.append(rule("candidate.id", "identification.custom.Ashby candidate ID_1"));
    p.rules.append(rule("application.id", "identification.custom.Ashby application ID_2"));
    p.rules.append(rule("candidate.profileUrl", "identification.custom.Ashby profile_3"));
    p.rules.append(rule("candidate.phone", "about.custom.Phone_4"));
    p.rules.append(rule("job.employmentType", "work.custom.Employment type_5", K::ListLookup));
    p.rules.append(rule("offer.salary.value", "payroll.custom.Salary_6", K::Number));
    p.rules.last().transform.decimals = 0;
    p.rules.append(rule("offer.salary.currencyCode", "payroll.custom.Salary currency_7"));
    p.rules.append(rule("custom.cf_bonus", "payroll.custom.Salary text_8", K::Currency));
    p.rules.last().transform.currencyPart = s("text");
    p.rules.append(rule("custom.cf_bonus", "payroll.custom.Bonus_9", K::Currency));
    p.rules.append(rule("custom.cf_bonus", "payroll.custom.Bonus currency_10", K::Currency));
    p.rules.last().transform.currencyPart = s("code");
    p.rules.append(rule("custom.cf_level", "work.custom.Level_11", K::ListLookup));
    p.rules.last().transform.listOutput = s("id");
    p.rules.append(rule("custom.cf_languages", "work.custom.Languages_12"));
    p.rules.append(rule("custom.cf_languages", "work.custom.Languages text_13", K::Join));
    p.rules.last().transform.separator = s(" / ");
    p.rules.append(rule("custom.cf_relocation", "work.custom.Relocation_14"));
    p.rules.append(rule("custom.cf_remote", "work.custom.Remote_15"));
    p.rules.append(rule("custom.cf_signed", "work.custom.Signed on_16", K::DateFormat));
    p.rules.append(rule("custom.cf_signed", "work.custom.Signed text_17", K::DateFormat));
    p.rules.last().transform.format = s("dd.MM.yyyy");
    p.rules.append(rule("custom.cf_referral", "work.custom.Referral_18"));
    p.rules.last().defaultValue = s("none");
    p.rules.append(rule("custom.cf_notice", "work.custom.Notice weeks_19", K::Number));
    p.rules.append(rule("", "work.custom.Source_20", K::Constant));
    p.rules.last().transform.constant = s("Ashby");
    p.rules.append(rule("hiringManager.name", "work.custom.Manager name_21"));
    p.rules.append(rule("hiringManager.email", "work.custom.Manager email_22"));
    p.rules.append(rule("hiringManager.firstName", "work.custom.Manager first_23"));
    p.rules.append(rule("hiringManager.lastName", "work.custom.Manager last_24"));
    p.rules.append(rule("job.department", "work.custom.Office_25", K::ListLookup));
    p.rules.append(rule("custom.cf_team", "work.custom.Team_26"));
    p.rules.append(rule("custom.cf_notes", "work.custom.Hired via_27"));
    p.rules.append(rule("custom.cf_cohort", "work.custom.Cohort_28"));
    p.rules.append(rule("offer.id", "work.custom.Offer ID_29"));
    p.rules.append(rule("offer.startDate", "work.custom.Start text_30", K::DateFormat));
    p.rules.last().transform.format = s("d MMM yyyy");
    p.rules.append(rule("custom.cf_equity", "work.custom.Equity_31", K::Number));
    p.rules.last().transform.decimals = 2;
    return p;
}

CustomFieldValue custom(const char* id, const char* type, const QJsonValue& value, const QJsonValue& label = {})
{
    CustomFieldValue v;
    v.id = s(id);
    v.title = v.id;
    v.objectType = s("Application");
    v.fieldType = s(type);
    v.value = value;
    v.valueLabel = label;
    return v;
}

// Mostly exact labels, some in other case or without accents, a few that match nothing.
QString variant(const QString& label, QRandomGenerator& random)
{
    const quint32 roll = random.bounded(100);
    if (roll < 70) {
        return label;
    }
    if (roll < 85) {
        return label.toUpper();
    }
    if (roll < 99) {
        return MappingEngine::foldForLookup(label);
    }
    return label + QStringLiteral(" (old)");
}

QList<Hire> makeHires(int count, const TargetCatalog& catalog)
{
    QRandomGenerator random(42);
    const QStringList titles = activeLabels(catalog.lists.value(s("title")));
    const QStringList departments = activeLabels(catalog.lists.value(s("department")));
    const QStringList sites = activeLabels(catalog.lists.value(s("site")));
    const QStringList levels = activeLabels(catalog.lists.value(s("level")));
    const QStringList languages = activeLabels(catalog.lists.value(s("languages")));
    const QStringList firstNames {s("Maya"), s("Zoë"), s("Jürgen"), s("Åsa"), s("Lars"), s("Nguyễn"), s("Kim")};
    const QStringList lastNames {s("Okafor"), s("Ångström-Núñez"), s("Müller"), s("de la Cruz"), s("Berg")};
    const QStringList types {s("Full-time"), s("part-time"), s("Contractor"), s("Intern")};
    QList<Hire> hires;
    hires.reserve(count);
    for (int i = 0; i < count; ++i) {
        Hire h;
        h.applicationId = QStringLiteral("app-%1").arg(i);
        h.candidateId = QStringLiteral("cand-%1").arg(i);
        h.offerId = QStringLiteral("offer-%1").arg(i);
        h.firstName = firstNames.at(i % firstNames.size());
        h.lastName = lastNames.at(i % lastNames.size());
        h.name = h.firstName + QLatin1Char(' ') + h.lastName;
        h.email = QStringLiteral("person%1@example.org").arg(i);
        h.phone = i % 3 ? QStringLiteral("+49 30 %1").arg(100000 + i) : QString();
        h.profileUrl = QStringLiteral("https://app.ashbyhq.com/candidates/cand-%1").arg(i);
        h.jobTitle = variant(titles.at(random.bounded(int(titles.size()))), random);
        h.department = variant(departments.at(random.bounded(int(departments.size()))), random);
        h.location = variant(sites.at(random.bounded(int(sites.size()))), random);
        h.employmentType = types.at(i % types.size());
        h.startDate = i % 2 ? QStringLiteral("2026-%1-%2")
                                  .arg(1 + i % 12, 2, 10, QLatin1Char('0'))
                                  .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                            : QStringLiteral("2026-03-02T00:00:00.000Z");
        if (i % 5) {
            h.salary = Salary {50000.0 + i, s("EUR")};
        }
        h.hiringManager = PersonRef {s("u1"), s("Ingrid"), s("Berg"), s("ingrid.berg@acme.example")};
        h.customFields.append(custom(
            "cf_bonus", "Currency", QJsonObject {{s("value"), 1000.5 + i % 100}, {s("currencyCode"), s("EUR")}}));
        const QString level = levels.at(random.bounded(int(levels.size())));
        h.customFields.append(custom("cf_level", "ValueSelect", level.toLower(), level));
        QJsonArray languageLabels;
        for (quint32 l = 0, n = 1 + random.bounded(3); l < n; ++l) {
            languageLabels.append(languages.at(random.bounded(int(languages.size()))));
        }
        h.customFields.append(custom("cf_languages", "MultiValueSelect", QJsonArray {s("x")}, languageLabels));
        h.customFields.append(custom("cf_relocation", "Boolean", i % 2 == 0));
        h.customFields.append(custom("cf_remote", "Boolean", i % 3 == 0));
        h.customFields.append(custom(
            "cf_signed", "Date", QStringLiteral("2025-12-%1T00:00:00.000Z").arg(1 + i % 28, 2, 10, QLatin1Char('0'))));
        if (i % 4) {
            h.customFields.append(custom("cf_referral", "String", QStringLiteral("Referrer %1").arg(i % 50)));
        }
        h.customFields.append(custom("cf_notice", "Number", 4 + i % 9));
        h.customFields.append(custom("cf_team", "String", QStringLiteral("Team %1").arg(i % 30)));
        h.customFields.append(custom("cf_notes", "LongText", s("Hired through the autumn campaign")));
        h.customFields.append(custom("cf_cohort", "ValueSelect", s("q1"), s("Q1 2026")));
        h.customFields.append(custom("cf_equity", "Number", QStringLiteral("%1.125").arg(i % 1000)));
        hires.append(h);
    }
    return hires;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const bool quick = args.contains(s("--quick"));
    int hireCount = quick ? 2000 : 20000;
    int rounds = quick ? 2 : 5;
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args.at(i) == QLatin1StringView("--hires")) {
            hireCount = std::max(1, args.at(i + 1).toInt());
        } else if (args.at(i) == QLatin1StringView("--rounds")) {
            rounds = std::max(1, args.at(i + 1).toInt());
        }
    }

    const TargetCatalog catalog = makeCatalog();
    const MappingProfile profile = makeProfile();
    const QList<Hire> hires = makeHires(hireCount, catalog);
    const MappingEngine engine(profile, &catalog, nullptr, MappingEngine::Options {true});

    const auto profileIssues = engine.validateProfile();
    for (const auto& issue : profileIssues) {
        if (issue.severity == MappingIssue::Severity::Error) {
            std::fprintf(stderr, "profile error: %s\n", qPrintable(issue.message));
            return 1;
        }
    }

    // Warm-up: first touches of the hashes and allocator, not counted. Also checks the mapping does its job.
    qsizetype fields = 0;
    qsizetype errors = 0;
    for (const auto& hire : hires) {
        const MappingResult result = engine.map(hire);
        fields += result.fields.size();
        errors += result.issues.size();
    }

    QElapsedTimer timer;
    timer.start();
    qsizetype checksum = 0;
    for (int round = 0; round < rounds; ++round) {
        for (const auto& hire : hires) {
            checksum += engine.map(hire).fields.size();
        }
    }
    const qint64 ns = std::max<qint64>(1, timer.nsecsElapsed());
    const double mapped = double(hireCount) * rounds;
    std::fprintf(stderr, "%lld fields and %lld issues in the warm-up pass, checksum %lld\n", qlonglong(fields),
        qlonglong(errors), qlonglong(checksum));
    // Written by hand: QJsonObject would sort the keys, and the order is part of what readers of this line expect.
    std::printf("{\"benchmark\":\"mapping\",\"rules\":%lld,\"hires\":%d,\"hiresPerSecond\":%lld,\"nsPerHire\":%lld}\n",
        qlonglong(profile.rules.size()), hireCount, qRound64(mapped * 1e9 / double(ns)), qRound64(double(ns) / mapped));
    return 0;
}
