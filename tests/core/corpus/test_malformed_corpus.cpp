// Replays tests/data/malformed through every response parser it names (file "<parser>--<what>.<ext>"; "any--" files
// go through every body parser) and through generated inputs too large to commit. A parser must return within
// kMaxParseMs with a clear error (naming the field where the table says so) or a sane result: never a success
// holding garbage. Known parser bugs are expected failures (QEXPECT_FAIL) that say what happens instead, so this test
// passes today and fails (XPASS) the day a bug is fixed and its row needs updating.

#include "ashby/AshbyClient.h"
#include "ashby/HireAssembler.h"
#include "hris/Directory.h"
#include "hris/bamboohr/BambooHrClient.h"
#include "hris/bob/BobClient.h"
#include "hris/personio/PersonioClient.h"
#include "http/RequestJob.h"
#include "mapping/MappingProfile.h"
#include "mapping/TargetCatalog.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <functional>

// ASan makes the largest parses here (a cached catalogue with a 10 MB name, 50,000 employees) take about a second,
// and a machine busy with a parallel build takes longer still.
#if defined(__SANITIZE_ADDRESS__)
#define CORPUS_UNDER_ASAN
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CORPUS_UNDER_ASAN
#endif
#endif

namespace {

#ifdef CORPUS_UNDER_ASAN
constexpr qint64 kMaxParseMs = 6000;
#else
constexpr qint64 kMaxParseMs = 2000;
#endif
constexpr qint64 kMaxCorpusBytes = 1024 * 1024;
constexpr int kMinCases = 60;

QString s(const char* text)
{
    return QString::fromUtf8(text);
}

QString corpusDir()
{
    return s(MALFORMED_CORPUS_DIR);
}

// What one parser made of one input.
struct Outcome
{
    bool ok = false;
    QString error; // why it was refused
    qsizetype count = -1; // items in a successful result (rows, fields, rules, ...); -1 when it has none
    QString problem; // a success that is not sane: garbage let through as data

    QString describe() const
    {
        if (!ok) {
            return QStringLiteral("refused: \"%1\"").arg(error.left(300));
        }
        return QStringLiteral("accepted (%1 items)%2")
            .arg(count)
            .arg(problem.isEmpty() ? QString() : QStringLiteral(" but: ") + problem);
    }
};

// The input of one parse: the bytes and, for the parsers that read a file, the file holding them.
struct Input
{
    QByteArray body;
    QString path;
};

using ParseFunction = std::function<Outcome(const Input&)>;

struct Parser
{
    QString name;
    ParseFunction parse;
    bool readsAnyBody = false; // takes a whole HTTP body (or file), so every "any--" input goes through it
};

// Time spent inside the parsers for the current row: the checks of what they return (a cache round trip of a 10 MB
// name) are not their cost.
qint64 spentInParsers = 0;

template <typename Parse> auto timed(Parse parse)
{
    QElapsedTimer clock;
    clock.start();
    auto result = parse();
    spentInParsers += clock.elapsed();
    return result;
}

Outcome refused(const QString& error)
{
    Outcome o;
    o.error = error;
    return o;
}

// The catalogue bodies the list parsers are paired with: a parse of the lists alone is not possible.
const QByteArray kBobFields = R"([{"id": "root.firstName", "name": "First name", "type": "text"}])";
const QByteArray kBambooHrFields = R"([{"id": 4012, "name": "Shirt size", "type": "list"}])";

QString emptyIdProblem(const QString& what, qsizetype index)
{
    return QStringLiteral("%1 %2 has an empty id").arg(what).arg(index);
}

void checkItems(const QList<ListItem>& items, const QString& where, QString* problem)
{
    for (const auto& item : items) {
        if (item.id.trimmed().isEmpty() && problem->isEmpty()) {
            *problem = QStringLiteral("an item of %1 has an empty id").arg(where);
        }
        checkItems(item.children, where, problem);
    }
}

QString describe(const TargetField& f)
{
    return QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9|%10|%11")
        .arg(f.id, f.name, f.category, f.categoryDisplayName, f.type, f.listId, f.jsonPath)
        .arg(f.custom)
        .arg(f.required)
        .arg(f.maxLength)
        .arg(f.historical);
}

// The ledger caches a catalogue with toJson and reads it back with fromJson: that must give the same catalogue.
QString cacheProblem(const TargetCatalog& catalog)
{
    QString error;
    const auto cached = TargetCatalog::fromJson(catalog.toJson(), &error);
    if (!cached) {
        return QStringLiteral("it cannot be read back from the cache: ") + error;
    }
    if (cached->fields.size() != catalog.fields.size() || cached->lists.size() != catalog.lists.size()) {
        return s("the cached copy has other fields or lists");
    }
    for (qsizetype i = 0; i < catalog.fields.size(); ++i) {
        if (describe(cached->fields.at(i)) != describe(catalog.fields.at(i))) {
            return QStringLiteral("the cached copy changes a field: %1 became %2")
                .arg(describe(catalog.fields.at(i)), describe(cached->fields.at(i)));
        }
    }
    return {};
}

Outcome catalogOutcome(const std::optional<TargetCatalog>& catalog, const QString& error, bool countLists)
{
    if (!catalog) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = countLists ? catalog->lists.size() : catalog->fields.size();
    for (qsizetype i = 0; i < catalog->fields.size(); ++i) {
        if (catalog->fields.at(i).id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("field"), i);
        }
    }
    for (auto it = catalog->lists.constBegin(); it != catalog->lists.constEnd(); ++it) {
        checkItems(it.value(), it.key(), &o.problem);
    }
    if (o.problem.isEmpty()) {
        o.problem = cacheProblem(*catalog);
    }
    return o;
}

Outcome parseAshbyEnvelope(const Input& in)
{
    const AshbyResult r = timed([&] { return AshbyClient::parseEnvelope(in.body, s("corpus")); });
    if (!r.ok()) {
        return refused(r.error.message);
    }
    Outcome o;
    o.ok = true;
    o.count = r.results().isArray() ? r.results().toArray().size() : -1;
    if (r.envelope.value(QLatin1StringView("success")) != QJsonValue(true)) {
        o.problem = s("an envelope without success: true passed as a success");
    }
    return o;
}

// customField.list exactly as HireSync reads it: the envelope, then results() into parseDefinitions.
Outcome parseAshbyDefinitions(const Input& in)
{
    const AshbyResult r = timed([&] { return AshbyClient::parseEnvelope(in.body, s("customField.list")); });
    if (!r.ok()) {
        return refused(r.error.message);
    }
    QString error;
    const auto definitions = timed([&] { return HireAssembler::parseDefinitions(r.results(), &error); });
    if (!error.isEmpty()) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = definitions.size();
    for (auto it = definitions.constBegin(); it != definitions.constEnd(); ++it) {
        if (it.key().trimmed().isEmpty() || it->id != it.key()) {
            o.problem = s("a definition has an empty or mismatched id");
        }
    }
    if (!r.results().isArray()) {
        o.problem = QStringLiteral("\"results\" is not an array, yet %1 definitions were read").arg(o.count);
    }
    return o;
}

// One hire's objects as HireSync hands them over: {application, candidate, offers, job}.
Outcome parseAshbyAssemble(const Input& in)
{
    const QJsonObject o = QJsonDocument::fromJson(in.body).object();
    if (o.isEmpty()) {
        return refused(s("(corpus file is not a JSON object with application, candidate, offers and job)"));
    }
    HireAssembler::Input input;
    input.application = o.value(QLatin1StringView("application")).toObject();
    input.candidate = o.value(QLatin1StringView("candidate")).toObject();
    input.offers = o.value(QLatin1StringView("offers")).toArray();
    input.job = o.value(QLatin1StringView("job")).toObject();
    QString error;
    const auto hire = timed([&] { return HireAssembler::assemble(input, &error); });
    if (!hire) {
        return refused(error);
    }
    Outcome out;
    out.ok = true;
    if (hire->applicationId.trimmed().isEmpty() || hire->candidateId.trimmed().isEmpty()) {
        out.problem = s("a hire without an application or candidate id");
    }
    return out;
}

Outcome parseBobSearch(const Input& in)
{
    Directory directory;
    QString error;
    if (!timed([&] { return BobClient::parseSearch(in.body, &directory, &error); })) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = directory.size();
    for (qsizetype i = 0; i < directory.entries().size(); ++i) {
        const DirectoryEntry& e = directory.entries().at(i);
        if (e.id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("employee"), i);
        }
        if (!e.email.isEmpty() && !directory.byEmail(e.email)) {
            o.problem = QStringLiteral("employee %1 cannot be found by its own e-mail").arg(i);
        }
    }
    return o;
}

Outcome parseBobDocuments(const Input& in)
{
    QString error;
    const auto documents = timed([&] { return BobClient::parseDocuments(in.body, &error); });
    if (!documents) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = documents->size();
    for (qsizetype i = 0; i < documents->size(); ++i) {
        if (documents->at(i).id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("document"), i);
        }
    }
    return o;
}

Outcome parseBambooHrStoredFiles(const Input& in)
{
    QString error;
    const auto files = timed([&] { return BambooHrClient::parseStoredFiles(in.body, &error); });
    if (!files) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = files->size();
    for (qsizetype i = 0; i < files->size(); ++i) {
        if (files->at(i).id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("file"), i);
        }
    }
    return o;
}

Outcome parseBobFields(const Input& in)
{
    QString error;
    return catalogOutcome(timed([&] { return TargetCatalog::fromBob(in.body, {}, &error); }), error, false);
}

Outcome parseBobLists(const Input& in)
{
    QString error;
    return catalogOutcome(timed([&] { return TargetCatalog::fromBob(kBobFields, in.body, &error); }), error, true);
}

Outcome parseBambooHrEmployees(const Input& in)
{
    QString error;
    const auto page = timed([&] { return BambooHrClient::parseEmployeePage(in.body, &error); });
    if (!page) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = page->rows.size();
    for (qsizetype i = 0; i < page->rows.size(); ++i) {
        if (page->rows.at(i).entry.id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("employee"), i);
        }
    }
    if (page->hiddenWorkEmails > page->rows.size()) {
        o.problem = s("more hidden work e-mails than rows");
    }
    return o;
}

Outcome parseBambooHrFileCategories(const Input& in)
{
    QString error;
    const auto categories = timed([&] { return BambooHrClient::parseFileCategories(in.body, &error); });
    if (!categories) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = categories->size();
    for (qsizetype i = 0; i < categories->size(); ++i) {
        if (categories->at(i).id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("file category"), i);
        }
    }
    return o;
}

Outcome parseBambooHrFields(const Input& in)
{
    QString error;
    return catalogOutcome(timed([&] { return TargetCatalog::fromBambooHr(in.body, {}, &error); }), error, false);
}

Outcome parseBambooHrLists(const Input& in)
{
    QString error;
    return catalogOutcome(
        timed([&] { return TargetCatalog::fromBambooHr(kBambooHrFields, in.body, &error); }), error, true);
}

Outcome parsePersonioEmployees(const Input& in)
{
    QString error;
    const auto entries = timed([&] { return PersonioClient::parseEmployees(in.body, &error); });
    if (!entries) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = entries->size();
    for (qsizetype i = 0; i < entries->size(); ++i) {
        if (entries->at(i).id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("employee"), i);
        }
    }
    return o;
}

Outcome parsePersonioDocumentCategories(const Input& in)
{
    QString error;
    const auto categories = timed([&] { return PersonioClient::parseDocumentCategories(in.body, &error); });
    if (!categories) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = categories->size();
    for (qsizetype i = 0; i < categories->size(); ++i) {
        if (categories->at(i).id.trimmed().isEmpty()) {
            o.problem = emptyIdProblem(s("document category"), i);
        }
    }
    return o;
}

Outcome parsePersonioAttributes(const Input& in)
{
    QString error;
    return catalogOutcome(timed([&] { return TargetCatalog::fromPersonio(in.body, &error); }), error, false);
}

// The import path (MappingProfile::load), then what a save and a later load make of the result: a profile that
// loads but cannot be loaded again after Hirebridge saved it is garbage let through.
Outcome parseMappingProfile(const Input& in)
{
    QString error;
    const auto profile = timed([&] { return MappingProfile::load(in.path, &error); });
    if (!profile) {
        return refused(error);
    }
    Outcome o;
    o.ok = true;
    o.count = profile->rules.size();
    for (qsizetype i = 0; i < profile->rules.size(); ++i) {
        if (profile->rules.at(i).target.trimmed().isEmpty()) {
            o.problem = QStringLiteral("rule %1 has no target field").arg(i + 1);
        }
    }
    QString again;
    const auto reloaded = MappingProfile::fromJson(profile->toJson(), &again);
    if (!reloaded) {
        o.problem = QStringLiteral("its saved form does not load again: %1").arg(again);
    } else if (!(*reloaded == *profile)) {
        o.problem = s("its saved form loads as a different profile");
    }
    return o;
}

Outcome parseCatalogCache(const Input& in)
{
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(in.body, &parseError);
    if (!doc.isObject()) {
        return refused(s("(corpus file is not a JSON object)"));
    }
    QString error;
    return catalogOutcome(timed([&] { return TargetCatalog::fromJson(doc.object(), &error); }), error, false);
}

const QList<Parser>& parsers()
{
    static const QList<Parser> list {
        {s("ashby-envelope"), parseAshbyEnvelope, true},
        {s("ashby-definitions"), parseAshbyDefinitions, true},
        {s("ashby-assemble"), parseAshbyAssemble, false},
        {s("bob-search"), parseBobSearch, true},
        {s("bob-fields"), parseBobFields, true},
        {s("bob-documents"), parseBobDocuments, true},
        {s("bamboohr-files"), parseBambooHrStoredFiles, true},
        // An empty lists body is valid (no lists), so the "any--" inputs do not apply to the list parsers.
        {s("bob-lists"), parseBobLists, false},
        {s("bamboohr-employees"), parseBambooHrEmployees, true},
        {s("bamboohr-filecategories"), parseBambooHrFileCategories, true},
        {s("bamboohr-fields"), parseBambooHrFields, true},
        {s("bamboohr-lists"), parseBambooHrLists, false},
        {s("personio-employees"), parsePersonioEmployees, true},
        {s("personio-doccategories"), parsePersonioDocumentCategories, true},
        {s("personio-attributes"), parsePersonioAttributes, true},
        {s("mapping-profile"), parseMappingProfile, true},
        {s("catalog-cache"), parseCatalogCache, false},
    };
    return list;
}

const Parser* parserNamed(const QString& name)
{
    for (const auto& p : parsers()) {
        if (p.name == name) {
            return &p;
        }
    }
    return nullptr;
}

enum class Expect {
    Error, // refused with a non-empty message (containing `mentions`)
    Ok, // accepted, sane, with `count` items when count >= 0
    Either, // either of the above: some inputs (a 10 MB name) are odd but not wrong
};

struct Case
{
    const char* file;
    Expect expect;
    const char* mentions = "";
    qsizetype count = -1;
    const char* bug = nullptr; // a known parser bug: the row is an expected failure, and this says what happens

    Case knownBug(const char* what) const
    {
        Case c = *this;
        c.bug = what;
        return c;
    }
};

Case error(const char* file, const char* mentions = "")
{
    return {file, Expect::Error, mentions};
}

Case ok(const char* file, qsizetype count = -1)
{
    return {file, Expect::Ok, "", count};
}

// Every committed case with what its parser must make of it. A file without a row here fails the test: whoever adds
// a case decides what it must do.
const QList<Case>& cases()
{
    static const QList<Case> list {
        // Ashby envelope
        ok("ashby-envelope--valid-success.json", 1),
        error("ashby-envelope--valid-rate-limited.json", "Too many requests"),
        error("ashby-envelope--success-string.json", "success"),
        error("ashby-envelope--success-missing.json", "success"),
        error("ashby-envelope--success-null.json", "success"),
        error("ashby-envelope--success-number.json", "success"),
        error("ashby-envelope--failure-without-reason.json", "without a reason"),
        error("ashby-envelope--errorinfo-wrong-types.json"),
        error("ashby-envelope--error-code-blank.json"),
        error("ashby-envelope--errors-objects.json"),
        error("ashby-envelope--top-level-array.json", "not a JSON object"),
        error("ashby-envelope--truncated.json", "not valid JSON"),
        error("ashby-envelope--html-502.html", "not valid JSON"),
        error("ashby-envelope--invalid-utf8.bin", "not valid JSON"),
        error("ashby-envelope--huge-number-1e400.json", "not valid JSON"),
        error("ashby-envelope--empty-body.bin", "not valid JSON"),
        error("ashby-envelope--nul-after-object.bin", "not valid JSON"),
        error("ashby-envelope--success-true-then-garbage.json", "not valid JSON"),
        // Ashby customField.list
        ok("ashby-definitions--valid.json", 2),
        ok("ashby-definitions--valid-field-type-null.json", 1),
        error("ashby-definitions--id-missing.json", "results[1].id"),
        error("ashby-definitions--id-number.json", "results[0].id"),
        error("ashby-definitions--id-empty.json", "results[0].id"),
        error("ashby-definitions--item-string.json", "results[0].id"),
        error("ashby-definitions--title-object.json", "results[0].title"),
        error("ashby-definitions--results-object.json", "results"),
        // Ashby objects of one hire
        ok("ashby-assemble--valid.json"),
        error("ashby-assemble--application-id-missing.json", "application.id"),
        error("ashby-assemble--application-id-null.json", "application.id"),
        error("ashby-assemble--application-id-empty.json", "application.id"),
        error("ashby-assemble--candidate-id-empty.json", "id"),
        error("ashby-assemble--candidate-name-number.json", "name"),
        error("ashby-assemble--candidate-id-array.json", "id"),
        error("ashby-assemble--custom-field-number.json", "application.customFields[0]"),
        error("ashby-assemble--custom-field-id-missing.json", "application.customFields[0].id"),
        error("ashby-assemble--start-date-invalid.json", "startDate"),
        error("ashby-assemble--start-date-number.json", "startDate"),
        error("ashby-assemble--salary-value-string.json", "salary.value"),
        error("ashby-assemble--offer-id-number.json", "offer.id"),
        error("ashby-assemble--resume-handle-missing.json", "resumeFileHandle.handle"),
        error("ashby-assemble--email-addresses-string.json", "emailAddresses"),
        error("ashby-assemble--job-custom-fields-string.json", "customFields"),
        error("ashby-assemble--primary-email-value-number.json", "primaryEmailAddress.value"),
        // Bob people search
        ok("bob-search--valid.json", 2),
        ok("bob-search--valid-empty.json", 0),
        error("bob-search--employees-not-array.json", "employees"),
        error("bob-search--employees-missing.json", "employees"),
        error("bob-search--employees-null.json", "employees"),
        error("bob-search--employee-string.json", "employees[0]"),
        error("bob-search--id-missing.json", "employees[0].id"),
        error("bob-search--id-bool.json", "employees[0].id"),
        error("bob-search--id-empty.json", "employees[0].id"),
        error("bob-search--id-blank.json", "employees[0].id"),
        error("bob-search--email-number.json", "employees[0].email"),
        error("bob-search--email-object.json", "employees[0].email"),
        error("bob-search--id-huge-integer.json", "employees[0].id"),
        error("bob-search--id-fraction.json", "employees[0].id"),
        error("bob-search--first-name-number.json", "firstName"),
        error("bob-search--top-level-array.json", "not a JSON object"),
        error("bob-search--html-login-page.html", "not a JSON object"),
        error("bob-search--truncated.json", "not a JSON object"),
        error("bob-search--huge-number-1e400.json", "not a JSON object"),
        error("bob-search--duplicate-key-last-wins.json", "employees"),
        // Bob: an employee's documents (the item shape is unconfirmed)
        ok("bob-documents--valid.json", 2),
        ok("bob-documents--valid-empty.json", 0),
        error("bob-documents--documents-missing.json", "documents"),
        error("bob-documents--documents-object.json", "documents"),
        error("bob-documents--item-string.json", "documents[0]"),
        error("bob-documents--id-blank.json", "documents[0].id"),
        error("bob-documents--id-fraction.json", "documents[0].id"),
        error("bob-documents--name-number.json", "documents[1].name"),
        error("bob-documents--html-login-page.html", "not a JSON object"),
        // BambooHR: an employee's files
        ok("bamboohr-files--valid.json", 3),
        error("bamboohr-files--categories-object.json", "categories"),
        error("bamboohr-files--files-string.json", "files"),
        error("bamboohr-files--file-id-missing.json", "\"id\""),
        error("bamboohr-files--file-name-array.json", "name"),
        error("bamboohr-files--file-null.json", "file category 1, file 0"),
        // Bob fields metadata and named lists
        ok("bob-fields--valid.json", 2),
        error("bob-fields--object-not-array.json", "not an array"),
        error("bob-fields--id-missing.json", "\"id\""),
        error("bob-fields--type-data-string.json", "typeData"),
        error("bob-fields--historical-string.json", "historical"),
        ok("bob-lists--valid.json", 1),
        error("bob-lists--children-too-deep.json", "nested deeper"),
        error("bob-lists--item-id-null.json", "\"id\""),
        error("bob-lists--item-id-blank.json", "\"id\""),
        error("bob-lists--values-string.json", "values"),
        error("bob-lists--archived-string.json", "archived"),
        // BambooHR employee list
        ok("bamboohr-employees--valid.json", 2),
        ok("bamboohr-employees--valid-bare-array.json", 1),
        ok("bamboohr-employees--valid-first-name-null.json", 1),
        error("bamboohr-employees--data-string.json", "data"),
        error("bamboohr-employees--no-data.json", "data"),
        error("bamboohr-employees--row-null.json", "employee 0"),
        error("bamboohr-employees--id-huge-integer.json", "\"id\""),
        error("bamboohr-employees--id-empty.json", "\"id\""),
        error("bamboohr-employees--id-fraction.json", "\"id\""),
        error("bamboohr-employees--work-email-number.json", "workEmail"),
        error("bamboohr-employees--status-object.json", "status"),
        error("bamboohr-employees--restricted-fields-string.json", "_restrictedFields"),
        error("bamboohr-employees--links-next-number.json", "_links.next"),
        error("bamboohr-employees--next-cursor-bool.json", "nextCursor"),
        error("bamboohr-employees--xml-answer.html", "XML"),
        // BambooHR file categories
        ok("bamboohr-filecategories--valid.json", 2),
        error("bamboohr-filecategories--categories-object.json", "categories"),
        error("bamboohr-filecategories--name-number.json", "name"),
        error("bamboohr-filecategories--id-missing.json", "\"id\""),
        error("bamboohr-filecategories--item-array.json", "file category 0"),
        // BambooHR field and list metadata
        ok("bamboohr-fields--valid.json", 2),
        ok("bamboohr-fields--id-bob-first-name.json", 1),
        error("bamboohr-fields--alias-number.json", "alias"),
        error("bamboohr-fields--id-blank.json", "\"id\""),
        error("bamboohr-fields--id-bool.json", "\"id\""),
        error("bamboohr-lists--options-object.json", "options"),
        error("bamboohr-lists--option-name-missing.json", "name"),
        error("bamboohr-lists--no-field-id-or-alias.json", "fieldId"),
        // Personio employees
        ok("personio-employees--valid.json", 2),
        error("personio-employees--data-object.json", "data"),
        error("personio-employees--attributes-missing.json", "attributes"),
        error("personio-employees--id-empty.json", "attributes.id.value"),
        error("personio-employees--email-array.json", "attributes.email.value"),
        error("personio-employees--top-level-array.json", "not an object"),
        // The client reports success:false itself before parsing (refusal()); the parser still must not accept it.
        error("personio-employees--success-false.json", "data"),
        error("personio-employees--id-1e400.json", "not valid JSON"),
        error("personio-employees--row-string.json", "employee 0"),
        // Personio document categories and attributes
        ok("personio-doccategories--valid.json", 2),
        error("personio-doccategories--data-missing.json", "data"),
        error("personio-doccategories--name-number.json", "attributes.name"),
        error("personio-doccategories--id-object.json", "\"id\""),
        ok("personio-attributes--valid.json", 2),
        error("personio-attributes--key-missing.json", "key"),
        error("personio-attributes--options-string.json", "options"),
        error("personio-attributes--option-bool.json", "option 1"),
        // Found by fuzz_target_catalog: a blank option became a list item without an id; it is left out.
        ok("personio-attributes--option-blank.json", 2),
        // Mapping profiles
        ok("mapping-profile--valid-v1.json", 3),
        ok("mapping-profile--valid-v0.json", 2),
        error("mapping-profile--version-string.json", "version"),
        error("mapping-profile--version-1e400.json", "not valid JSON"),
        error("mapping-profile--version-huge-integer.json", "newer"),
        error("mapping-profile--version-fraction.json", "version"),
        error("mapping-profile--version-missing.json", "version"),
        error("mapping-profile--rules-object.json", "rules"),
        error("mapping-profile--rule-string.json", "rule 1"),
        error("mapping-profile--transform-kind-unknown.json", "exec"),
        error("mapping-profile--decimals-huge-integer.json", "decimals"),
        error("mapping-profile--schema-wrong.json", "schema"),
        error("mapping-profile--target-number.json", "target"),
        error("mapping-profile--target-missing-v1.json", "target"),
        error("mapping-profile--default-number.json", "default"),
        error("mapping-profile--rule-target-empty.json", "target"),
        error("mapping-profile--v0-field-key-empty.json", "mapping field"),
        error("mapping-profile--v0-source-number.json", "source"),
        error("mapping-profile--top-level-array.json", "not a JSON object"),
        // Cached catalogue
        ok("catalog-cache--valid.json", 1),
        error("catalog-cache--fields-missing.json", "fields"),
        error("catalog-cache--lists-array.json", "lists"),
        // Bodies every parser refuses
        error("any--empty-body.bin"),
        error("any--whitespace-only.bin"),
        error("any--html-503-cloudflare.html"),
        error("any--truncated-after-key.json"),
        error("any--utf16le-json.bin"),
        error("any--invalid-utf8-key.bin"),
        error("any--overlong-utf8-slash.bin"),
        error("any--top-level-string.json"),
        error("any--top-level-null.json"),
        error("any--top-level-number.json"),
        error("any--nan-literal.json"),
        error("any--single-quotes.json"),
        error("any--trailing-comma.json"),
        error("any--gzip-bytes.bin"),
        error("any--nul-bytes.bin"),
        error("any--deep-nesting-2000.json"),
        error("any--array-of-nulls.json"),
        error("any--comment.json"),
    };
    return list;
}

// Response headers: Retry-After and X-RateLimit-Reset values against a fixed clock.
constexpr int kNoHint = -1;
constexpr int kMaxWaitMs = 600000;

struct HeaderCase
{
    const char* file;
    int expectedMs; // kNoHint or the exact wait
};

const QList<HeaderCase>& headerCases()
{
    static const QList<HeaderCase> list {
        {"http-retry-after--valid-seconds.txt", 120000},
        {"http-retry-after--valid-http-date.txt", 60000},
        {"http-retry-after--huge-number-1e400.txt", kNoHint},
        {"http-retry-after--huge-integer.txt", kNoHint},
        {"http-retry-after--negative.txt", kNoHint},
        {"http-retry-after--fraction.txt", kNoHint},
        {"http-retry-after--past-date.txt", kNoHint},
        {"http-retry-after--far-future-date.txt", kMaxWaitMs},
        {"http-retry-after--impossible-date.txt", kNoHint},
        {"http-retry-after--invalid-utf8.bin", kNoHint},
        {"http-retry-after--empty.txt", kNoHint},
        {"http-retry-after--html.html", kNoHint},
        {"http-ratelimit-reset--valid-epoch-seconds.txt", 30000},
        {"http-ratelimit-reset--valid-epoch-millis.txt", 30000},
        {"http-ratelimit-reset--valid-relative-seconds.txt", 1500},
        {"http-ratelimit-reset--nan.txt", kNoHint},
        {"http-ratelimit-reset--inf.txt", kNoHint},
        {"http-ratelimit-reset--negative.txt", kNoHint},
        {"http-ratelimit-reset--hex.txt", kNoHint},
        // Beyond any real date: ignored (until 3ca629a, an overflowing conversion to qint64, undefined behaviour).
        {"http-ratelimit-reset--huge-number-1e300.txt", kNoHint},
        {"http-ratelimit-reset--huge-integer.txt", kNoHint},
        {"http-ratelimit-reset--past-epoch.txt", kNoHint},
    };
    return list;
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return file.readAll();
}

// The valid shape of each parser's input with one string replaced by @S@, for the 10 MB string.
QByteArray shapeWithString(const QString& parser)
{
    static const QHash<QString, QByteArray> shapes {
        {s("ashby-envelope"), R"({"success": true, "results": [], "nextCursor": "@S@"})"},
        {s("ashby-definitions"), R"({"success": true, "results": [{"id": "cf-1", "title": "@S@"}]})"},
        {s("ashby-assemble"),
            R"({"application": {"id": "app-1"}, "candidate": {"id": "c-1", "name": "@S@"}, "offers": [], "job": {}})"},
        {s("bob-search"), R"({"employees": [{"id": "1", "email": "@S@"}]})"},
        {s("bob-fields"), R"([{"id": "root.firstName", "name": "@S@"}])"},
        {s("bob-documents"), R"({"documents": [{"id": 17016973, "name": "@S@"}]})"},
        {s("bamboohr-files"), R"({"categories": [{"id": 17, "files": [{"id": 9981, "name": "@S@"}]}]})"},
        {s("bob-lists"), R"({"site": [{"id": 1, "value": "@S@"}]})"},
        {s("bamboohr-employees"), R"({"data": [{"id": "1", "workEmail": "@S@"}]})"},
        {s("bamboohr-filecategories"), R"({"categories": [{"id": 1, "name": "@S@"}]})"},
        {s("bamboohr-fields"), R"([{"id": 1, "name": "@S@"}])"},
        {s("bamboohr-lists"), R"([{"fieldId": 4012, "options": [{"id": 1, "name": "@S@"}]}])"},
        {s("personio-employees"), R"({"data": [{"attributes": {"id": {"value": 1}, "email": {"value": "@S@"}}}]})"},
        {s("personio-doccategories"), R"({"data": [{"id": 1, "attributes": {"name": "@S@"}}]})"},
        {s("personio-attributes"), R"({"data": [{"key": "dynamic_1", "label": "@S@"}]})"},
        {s("mapping-profile"),
            R"({"schema": "hirebridge.mapping", "version": 1, "target": "bob",)"
            R"( "rules": [{"source": "@S@", "target": "b"}]})"},
        {s("catalog-cache"), R"({"target": "bob", "fields": [{"id": "a", "name": "@S@"}]})"},
    };
    return shapes.value(parser);
}

// A valid body with `rows` rows for the parsers that read employee lists.
QByteArray manyRows(const QString& parser, int rows)
{
    QByteArray items;
    for (int i = 0; i < rows; ++i) {
        const QByteArray n = QByteArray::number(i + 1);
        if (i > 0) {
            items += ',';
        }
        if (parser == QLatin1StringView("bob-search")) {
            items += R"({"id": ")" + n + R"(", "email": "p)" + n + R"(@example.com", "firstName": "P"})";
        } else if (parser == QLatin1StringView("bamboohr-employees")) {
            items += R"({"id": ")" + n + R"(", "workEmail": "p)" + n + R"(@example.com", "firstName": "P"})";
        } else {
            items += R"({"attributes": {"id": {"value": )" + n + R"(}, "email": {"value": "p)" + n
                + R"(@example.com"}}})";
        }
    }
    const QByteArray key = parser == QLatin1StringView("bob-search") ? "employees" : "data";
    return "{\"" + key + "\": [" + items + "]}";
}

constexpr int kDepth = 100000;
constexpr qsizetype kTenMegabytes = 10 * 1024 * 1024;
constexpr int kManyEmployees = 50000;

enum class Generated {
    DeepArrays, // [[[[…]]]] 100,000 deep
    DeepObjects, // {"a":{"a":…1}} 100,000 deep
    DeepUnderKeys, // the 100,000 nested arrays as the value of results, employees and data
    HugeDocumentString, // "aaaa…" (10 MB) as the whole document
    NotUtf8, // a 1 MB string of bytes 0x80-0xFF
    HugeFieldString, // the parser's valid shape with a 10 MB string in one field
    ManyEmployees, // 50,000 valid employees
    OversizedFile, // a mapping file over MappingProfile's 16 MB limit
};

const char* describe(Generated kind)
{
    switch (kind) {
    case Generated::DeepArrays:
        return "100000 nested arrays";
    case Generated::DeepObjects:
        return "100000 nested objects";
    case Generated::DeepUnderKeys:
        return "100000 nested arrays under the keys";
    case Generated::HugeDocumentString:
        return "a 10 MB string as the document";
    case Generated::NotUtf8:
        return "1 MB that is not UTF-8";
    case Generated::HugeFieldString:
        return "a 10 MB string in a field";
    case Generated::ManyEmployees:
        return "50000 employees";
    case Generated::OversizedFile:
        return "a 17 MB file";
    }
    return "?";
}

QByteArray generatedBody(Generated kind, const QString& parser)
{
    const QByteArray deepArrays = QByteArray(kDepth, '[') + QByteArray(kDepth, ']');
    switch (kind) {
    case Generated::DeepArrays:
        return deepArrays;
    case Generated::DeepObjects:
        return QByteArray("{\"a\":").repeated(kDepth) + '1' + QByteArray(kDepth, '}');
    case Generated::DeepUnderKeys:
        return R"({"success": true, "results": )" + deepArrays + R"(, "employees": )" + deepArrays + R"(, "data": )"
            + deepArrays + '}';
    case Generated::HugeDocumentString:
        return '"' + QByteArray(kTenMegabytes, 'a') + '"';
    case Generated::NotUtf8: {
        QByteArray bytes(1024 * 1024, '\0');
        QRandomGenerator random(9); // fixed: the same bytes every run
        for (auto& byte : bytes) {
            byte = char(0x80 + random.bounded(0x80));
        }
        return "{\"data\": \"" + bytes + "\"}";
    }
    case Generated::HugeFieldString:
        return shapeWithString(parser).replace("@S@", QByteArray(kTenMegabytes, 'a'));
    case Generated::ManyEmployees:
        return manyRows(parser, kManyEmployees);
    case Generated::OversizedFile:
        return R"({"target": "bob", "fields": {"a": ")" + QByteArray(17 * 1024 * 1024, 'x') + R"("}})";
    }
    return {};
}

} // namespace

class TestMalformedCorpus : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_tmp.isValid(), qPrintable(m_tmp.errorString()));
        QVERIFY2(QFileInfo(corpusDir()).isDir(), qPrintable(corpusDir()));
    }

    // Every file has a row saying what it must do, every row has its file, and the committed corpus stays small.
    void corpusIsComplete()
    {
        QStringList files = QDir(corpusDir()).entryList(QDir::Files, QDir::Name);
        files.removeOne(QStringLiteral("README.md"));
        QSet<QString> described;
        for (const auto& c : cases()) {
            described.insert(s(c.file));
        }
        for (const auto& h : headerCases()) {
            described.insert(s(h.file));
        }
        const QRegularExpression name(QStringLiteral(R"(^([a-z0-9-]+)--[a-z0-9-]+\.(json|bin|html|txt)$)"));
        qint64 bytes = 0;
        for (const auto& file : files) {
            const auto match = name.match(file);
            QVERIFY2(match.hasMatch(), qPrintable(file + s(" is not named <parser>--<what>.<json|bin|html|txt>")));
            const QString parser = match.captured(1);
            QVERIFY2(parser == QLatin1StringView("any") || parserNamed(parser)
                    || parser.startsWith(QLatin1StringView("http-")),
                qPrintable(file + s(" names no known parser")));
            QVERIFY2(described.contains(file), qPrintable(file + s(" has no row in cases() or headerCases()")));
            bytes += QFileInfo(QDir(corpusDir()).filePath(file)).size();
        }
        for (const auto& d : std::as_const(described)) {
            QVERIFY2(files.contains(d), qPrintable(d + s(" is described but missing")));
        }
        QVERIFY2(files.size() >= kMinCases, qPrintable(QString::number(files.size())));
        QVERIFY2(bytes < kMaxCorpusBytes, qPrintable(QStringLiteral("%1 bytes").arg(bytes)));
    }

    void replay_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("parser");
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases().size(); ++i) {
            const QString file = s(cases().at(i).file);
            const QString prefix = file.section(QStringLiteral("--"), 0, 0);
            for (const auto& p : parsers()) {
                if (p.name == prefix || (prefix == QLatin1StringView("any") && p.readsAnyBody)) {
                    QTest::addRow("%s [%s]", qPrintable(file), qPrintable(p.name)) << file << p.name << i;
                }
            }
        }
    }

    void replay()
    {
        QFETCH(QString, file);
        QFETCH(QString, parser);
        QFETCH(int, index);
        const Case& c = cases().at(index);
        const QString path = QDir(corpusDir()).filePath(file);
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        check(*parserNamed(parser), Input {readFile(path), path}, c.expect, s(c.mentions), c.count, c.bug);
    }

    void headers_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < headerCases().size(); ++i) {
            QTest::addRow("%s", headerCases().at(i).file) << i;
        }
    }

    void headers()
    {
        QFETCH(int, index);
        const HeaderCase& c = headerCases().at(index);
        const QString file = s(c.file);
        const QByteArray value = readFile(QDir(corpusDir()).filePath(file));
        const bool retryAfter = file.startsWith(QLatin1StringView("http-retry-after--"));
        const QDateTime now(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc());
        QElapsedTimer clock;
        clock.start();
        const int waitMs = retryAfter ? RequestJob::hintDelayMs(value, {}, now, kMaxWaitMs)
                                      : RequestJob::hintDelayMs({}, value, now, kMaxWaitMs);
        QVERIFY2(clock.elapsed() < kMaxParseMs, qPrintable(QStringLiteral("%1 ms").arg(clock.elapsed())));
        QVERIFY2(waitMs == kNoHint || (waitMs >= 0 && waitMs <= kMaxWaitMs), qPrintable(QString::number(waitMs)));
        QCOMPARE(waitMs, c.expectedMs);
    }

    // Inputs too large to commit, made here: 100,000 nested arrays or objects, a 10 MB string, 1 MB of bytes that are
    // not UTF-8, 50,000 employees, a mapping file over the 16 MB limit. Each body is made in its own row, so at most
    // one of them is in memory.
    void generated_data()
    {
        QTest::addColumn<QString>("parser");
        QTest::addColumn<int>("kind");
        for (const auto& p : parsers()) {
            const QByteArray name = p.name.toUtf8();
            if (p.readsAnyBody) {
                for (const Generated kind : {Generated::DeepArrays, Generated::DeepObjects, Generated::DeepUnderKeys,
                         Generated::HugeDocumentString, Generated::NotUtf8}) {
                    QTest::addRow("%s: %s", name.constData(), describe(kind)) << p.name << int(kind);
                }
            }
            QTest::addRow("%s: %s", name.constData(), describe(Generated::HugeFieldString))
                << p.name << int(Generated::HugeFieldString);
        }
        for (const char* parser : {"bob-search", "bamboohr-employees", "personio-employees"}) {
            QTest::addRow("%s: %s", parser, describe(Generated::ManyEmployees))
                << s(parser) << int(Generated::ManyEmployees);
        }
        QTest::addRow("mapping-profile: %s", describe(Generated::OversizedFile))
            << s("mapping-profile") << int(Generated::OversizedFile);
    }

    void generated()
    {
        QFETCH(QString, parser);
        QFETCH(int, kind);
        const auto generated = Generated(kind);
        const QByteArray body = generatedBody(generated, parser);
        QVERIFY(!body.isEmpty());
        // MappingProfile::load reads a file: the body goes through one.
        const QString path = m_tmp.filePath(QStringLiteral("generated.json"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(body), body.size());
        file.close();
        switch (generated) {
        case Generated::HugeFieldString:
            check(*parserNamed(parser), Input {body, path}, Expect::Either, {}, -1, nullptr);
            break;
        case Generated::ManyEmployees:
            check(*parserNamed(parser), Input {body, path}, Expect::Ok, {}, kManyEmployees, nullptr);
            break;
        case Generated::OversizedFile:
            check(*parserNamed(parser), Input {body, path}, Expect::Error, s("too large"), -1, nullptr);
            break;
        default:
            check(*parserNamed(parser), Input {body, path}, Expect::Error, {}, -1, nullptr);
            break;
        }
    }

private:
    // One verification per row, so a known bug is exactly one expected failure.
    static void check(const Parser& parser, const Input& input, Expect expect, const QString& mentions, qsizetype count,
        const char* bug)
    {
        spentInParsers = 0;
        const Outcome outcome = parser.parse(input);
        QVERIFY2(spentInParsers < kMaxParseMs, qPrintable(QStringLiteral("took %1 ms").arg(spentInParsers)));
        if (spentInParsers > 100) {
            qInfo("parsed in %lld ms", spentInParsers);
        }

        bool matches = false;
        if (!outcome.ok) {
            matches = expect != Expect::Ok && !outcome.error.trimmed().isEmpty()
                && (mentions.isEmpty() || outcome.error.contains(mentions));
        } else {
            matches = expect != Expect::Error && outcome.problem.isEmpty() && (count < 0 || outcome.count == count);
        }
        const QString expected = expect == Expect::Ok ? QStringLiteral("a sane result (%1 items)").arg(count)
                                                      : QStringLiteral("an error naming \"%1\"").arg(mentions);
        const QString why = QStringLiteral("expected %1, got: %2").arg(expected, outcome.describe());
        if (bug) {
            QEXPECT_FAIL("", bug, Abort);
        }
        QVERIFY2(matches, qPrintable(why));
    }

    QTemporaryDir m_tmp;
};

QTEST_GUILESS_MAIN(TestMalformedCorpus)
#include "test_malformed_corpus.moc"
