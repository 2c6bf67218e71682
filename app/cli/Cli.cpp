#include "Cli.h"

#include "ServiceClients.h"
#include "ashby/AshbyClient.h"
#include "hris/HrisConnector.h"
#include "hris/bob/BobClient.h"
#include "http/HttpClient.h"
#include "ledger/AuditCsv.h"
#include "ledger/Ledger.h"
#include "notify/Notifier.h"
#include "notify/PushReport.h"
#include "notify/Recipient.h"
#include "notify/SmtpConfig.h"
#include "push/PushBatch.h"
#include "push/PushRun.h"
#include "secrets/KeychainSecretStore.h"
#include "settings/ProfileStore.h"
#include "sync/HireSync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSettings>

#include <cstdio>

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

const QStringList kKnownTargets {s("bob"), s("bamboohr"), s("personio")};

// Text from servers (names, reasons) on its way to a terminal: control characters (ESC sequences that recolour,
// move the cursor or retitle the window, C1 controls, a tab that shifts the columns) and bidi overrides that turn
// text around are replaced by U+FFFD, so a crafted candidate name cannot rewrite the admin's screen.
QString plain(const QString& text)
{
    QString out = text;
    for (QChar& c : out) {
        const char16_t u = c.unicode();
        const bool bidi = (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
        if (c.category() == QChar::Other_Control || bidi) {
            c = QChar(QChar::ReplacementCharacter);
        }
    }
    return out;
}

QJsonValue orNull(const QString& text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject errorJson(const ApiError& e)
{
    return QJsonObject {{s("kind"), ApiError::kindName(e.kind)}, {s("server"), e.server},
        {s("httpStatus"), e.httpStatus}, {s("code"), orNull(e.code)}, {s("message"), e.toString()}};
}

} // namespace

Cli::Cli(QObject* parent)
    : QObject(parent)
    , m_out(stdout)
    , m_err(stderr)
{
}

Cli::~Cli() = default;

QTextStream& Cli::err()
{
    return m_err;
}

QTextStream& Cli::out()
{
    return m_out;
}

int Cli::exitCodeFor(const ApiError& error)
{
    if (!error.isError()) {
        return Ok;
    }
    if (error.kind == ApiError::Kind::InvalidUrl) {
        return Usage;
    }
    return error.isConnectionOrAuth() ? Unreachable : ItemsFailed;
}

void Cli::done(int code)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_out.flush();
    m_err.flush();
    QCoreApplication::exit(code);
}

void Cli::usageError(const QString& message)
{
    err() << "hirebridge-cli: " << message << "\n"
          << "Run 'hirebridge-cli --help' for usage.\n";
    done(Usage);
}

void Cli::printJson(const QJsonDocument& doc)
{
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}

void Cli::run(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        s("Moves hired candidates from Ashby into HiBob.\n\n"
          "Commands:\n"
          "  check                                   test every configured connection\n"
          "  sync [--full]                           pull hires from Ashby into the ledger\n"
          "  hires [--json]                          cached hires with per-target state\n"
          "  preview APPLICATION_ID [--target T] [--json]   mapped payload + validation\n"
          "  push (APPLICATION_ID... | --all-ready) [--target bob] [--dry-run] [--json]\n"
          "  resolve APPLICATION_ID --target bob (--received | --resend)   settle a hire left unknown\n"
          "  mapping export FILE | mapping import FILE [--target T]\n"
          "  audit export FILE                       the audit log as CSV (what was sent to whom, when)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption json(s("json"), s("Print one JSON document on stdout."));
    const QCommandLineOption full(s("full"), s("sync: ignore the saved sync token and read every hire."));
    const QCommandLineOption allReady(s("all-ready"), s("push: every ready hire and every transient failure."));
    const QCommandLineOption target(s("target"), s("push/preview: targets, comma separated."), s("T"));
    const QCommandLineOption dryRun(s("dry-run"), s("push: show what would be sent; send and change nothing."));
    const QCommandLineOption received(
        s("received"), s("resolve: the hire is in the HR system (found by its attempt id); record it as pushed."));
    const QCommandLineOption resend(s("resend"), s("resolve: it did not arrive; send it once more."));
    parser.addOptions({json, full, allReady, target, dryRun, received, resend});
    parser.addPositionalArgument(s("command"), s("check | sync | hires | preview | push | resolve | mapping | audit"));
    if (!parser.parse(arguments)) {
        usageError(parser.errorText());
        return;
    }
    if (parser.isSet(s("help"))) {
        out() << parser.helpText();
        done(Ok);
        return;
    }
    if (parser.isSet(s("version"))) {
        out() << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion() << '\n';
        done(Ok);
        return;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        usageError(s("no command given"));
        return;
    }
    const QString command = positional.first();
    const QStringList rest = positional.mid(1);
    m_json = parser.isSet(json);

    auto onlyFor = [&](const QCommandLineOption& option, const QStringList& commands) {
        if (parser.isSet(option) && !commands.contains(command)) {
            usageError(QStringLiteral("--%1 does not apply to '%2'").arg(option.names().first(), command));
            return false;
        }
        return true;
    };
    if (!onlyFor(full, {s("sync")}) || !onlyFor(allReady, {s("push")}) || !onlyFor(dryRun, {s("push")})
        || !onlyFor(target, {s("push"), s("preview"), s("mapping"), s("resolve")}) || !onlyFor(received, {s("resolve")})
        || !onlyFor(resend, {s("resolve")})) {
        return;
    }

    QStringList targets;
    if (parser.isSet(target)) {
        for (const auto& t : parser.value(target).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QString name = t.trimmed().toLower();
            if (!kKnownTargets.contains(name)) {
                usageError(QStringLiteral("unknown target '%1' (known: bob, bamboohr, personio)").arg(t));
                return;
            }
            if (!targets.contains(name)) {
                targets << name;
            }
        }
        if (targets.isEmpty()) {
            usageError(s("--target needs at least one target"));
            return;
        }
    }

    QSettings settings;
    m_config = Config::load(settings, QProcessEnvironment::systemEnvironment(), &m_configErrors);
    if (!m_configErrors.isEmpty()) {
        for (const auto& e : std::as_const(m_configErrors)) {
            err() << "hirebridge-cli: configuration error: " << e << '\n';
        }
        done(Usage);
        return;
    }

    if (command == QLatin1String("check")) {
        if (!rest.isEmpty()) {
            usageError(s("'check' takes no arguments"));
            return;
        }
        cmdCheck();
    } else if (command == QLatin1String("sync")) {
        if (!rest.isEmpty()) {
            usageError(s("'sync' takes no arguments"));
            return;
        }
        cmdSync(parser.isSet(full));
    } else if (command == QLatin1String("hires")) {
        if (!rest.isEmpty()) {
            usageError(s("'hires' takes no arguments"));
            return;
        }
        cmdHires();
    } else if (command == QLatin1String("preview")) {
        if (rest.size() != 1) {
            usageError(s("'preview' needs exactly one APPLICATION_ID"));
            return;
        }
        if (targets.size() > 1) {
            usageError(s("'preview' takes one target"));
            return;
        }
        cmdPreview(rest.first(), targets.isEmpty() ? s("bob") : targets.first());
    } else if (command == QLatin1String("mapping")) {
        if (rest.size() != 2 || (rest.first() != QLatin1String("export") && rest.first() != QLatin1String("import"))) {
            usageError(s("use 'mapping export FILE' or 'mapping import FILE [--target T]'"));
            return;
        }
        if (targets.size() > 1) {
            usageError(s("'mapping' takes one target"));
            return;
        }
        m_targetGiven = !targets.isEmpty();
        cmdMapping(rest.first(), rest.at(1), targets.isEmpty() ? s("bob") : targets.first());
    } else if (command == QLatin1String("audit")) {
        if (rest.size() != 2 || rest.first() != QLatin1String("export")) {
            usageError(s("use 'audit export FILE'"));
            return;
        }
        cmdAuditExport(rest.at(1));
    } else if (command == QLatin1String("push")) {
        if (parser.isSet(allReady) == !rest.isEmpty()) {
            usageError(s("'push' needs either APPLICATION_IDs or --all-ready"));
            return;
        }
        cmdPush(
            rest, parser.isSet(allReady), targets.isEmpty() ? QStringList {s("bob")} : targets, parser.isSet(dryRun));
    } else if (command == QLatin1String("resolve")) {
        if (rest.size() != 1) {
            usageError(s("'resolve' needs exactly one APPLICATION_ID"));
            return;
        }
        if (parser.isSet(received) == parser.isSet(resend)) {
            usageError(s("'resolve' needs either --received or --resend"));
            return;
        }
        if (targets.size() > 1) {
            usageError(s("'resolve' takes one target"));
            return;
        }
        cmdResolve(rest.first(), targets.isEmpty() ? s("bob") : targets.first(), parser.isSet(received));
    } else {
        usageError(QStringLiteral("unknown command '%1'").arg(command));
    }
}

void Cli::cmdResolve(const QString& id, const QString& target, bool received)
{
    if (!openLedger()) {
        return;
    }
    if (!m_ledger->hire(id)) {
        usageError(QStringLiteral("not in the ledger (run 'hirebridge-cli sync' first): %1").arg(id));
        return;
    }
    const auto record = m_ledger->pushRecord(id, target);
    if (!record || record->state != PushState::Unknown) {
        usageError(QStringLiteral("hire %1 is %2 in %3, not unknown: there is nothing to resolve")
                       .arg(id, record ? pushStateName(record->state) : s("ready"), target));
        return;
    }
    if (!received) {
        cmdPush({id}, false, {target}, false, true); // once more, with the attempt id the admin looked for
        return;
    }
    QString error;
    if (!PushRun::markReceived(m_ledger.get(), id, target, &error)) {
        err() << "hirebridge-cli: " << error << '\n';
        done(ItemsFailed);
        return;
    }
    const auto now = m_ledger->pushRecord(id, target);
    if (m_json) {
        printJson(QJsonDocument(QJsonObject {{s("applicationId"), id}, {s("target"), target},
            {s("state"), pushStateName(now ? now->state : PushState::Pushed)}, {s("attemptId"), record->attemptId}}));
    } else {
        out() << "pushed\t" << target << '\t' << id << '\n';
    }
    err() << "Recorded hire " << id << " as arrived in " << target << " (attempt " << record->attemptId << ").\n";
    done(Ok);
}

bool Cli::openLedger()
{
    m_ledger = std::make_unique<Ledger>();
    QString error;
    if (!m_ledger->open(m_config.dataDir, &error)) {
        err() << "hirebridge-cli: cannot open the ledger in " << QDir::toNativeSeparators(m_config.dataDir) << ": "
              << error << '\n';
        done(Usage);
        return false;
    }
    return true;
}

void Cli::loadSecrets(
    bool needAshby, const QStringList& targets, std::function<void()> next, bool required, bool ashbyOptional)
{
    struct Want
    {
        const char* key;
        QString* value;
        const char* variable;
        bool required;
    };
    auto wants = std::make_shared<QList<Want>>();
    if (needAshby && !m_config.ashby.apiKeyFromEnvironment) {
        wants->append(
            {SecretKey::AshbyApiKey, &m_config.ashby.apiKey, "HIREBRIDGE_ASHBY_API_KEY", required && !ashbyOptional});
    }
    if (targets.contains(s("bob")) && !m_config.bob.tokenFromEnvironment) {
        wants->append({SecretKey::BobToken, &m_config.bob.token, "HIREBRIDGE_BOB_TOKEN", required});
    }
    if (targets.contains(s("bamboohr")) && !m_config.bamboohr.apiKeyFromEnvironment) {
        wants->append({SecretKey::BambooHrApiKey, &m_config.bamboohr.apiKey, "HIREBRIDGE_BAMBOOHR_API_KEY", required});
    }
    if (targets.contains(s("personio")) && !m_config.personio.clientSecretFromEnvironment) {
        wants->append({SecretKey::PersonioClientSecret, &m_config.personio.clientSecret,
            "HIREBRIDGE_PERSONIO_CLIENT_SECRET", required});
    }
    if (wants->isEmpty()) {
        next();
        return;
    }
    auto remaining = std::make_shared<int>(int(wants->size()));
    auto failed = std::make_shared<bool>(false);
    for (const auto& want : std::as_const(*wants)) {
        secretStore()->read(s(want.key), [this, want, remaining, failed, next](const SecretStore::Result& r) {
            if (r.status == SecretStore::Status::Ok && !r.value.isEmpty()) {
                *want.value = r.value;
            } else if (want.required) {
                *failed = true;
                err() << "hirebridge-cli: configuration error: " << s(want.variable) << " is not set and "
                      << (r.status == SecretStore::Status::NotFound
                                 ? s("no secret is saved in the keychain (run the setup wizard)")
                                 : QStringLiteral("the keychain could not be read: %1").arg(r.message))
                      << '\n';
            }
            if (--*remaining == 0) {
                if (*failed) {
                    done(Usage);
                } else {
                    next();
                }
            }
        });
    }
}

SecretStore* Cli::secretStore()
{
    // Only when a secret is not in the environment: a headless server may have no Secret Service at all.
    if (!m_secrets) {
        auto* keychain = new KeychainSecretStore(s(HIREBRIDGE_APP_ID), this);
        keychain->setTimeoutMs(10000);
        m_secrets = keychain;
    }
    return m_secrets;
}

void Cli::createClients()
{
    if (m_http) {
        return;
    }
    const auto clients = ServiceClients::create(m_config, this);
    m_nam = clients.nam;
    m_http = clients.http;
    m_ashby = clients.ashby;
    m_bob = clients.bob;
    for (const auto& target : m_config.targets()) {
        if (auto* c = clients.connector(target)) {
            m_connectors.insert(target, c);
        }
    }
}

HrisConnector* Cli::connector(const QString& target) const
{
    return m_connectors.value(target);
}

bool Cli::hasCredentials(const QString& target) const
{
    if (target == QLatin1String("bob")) {
        return !m_config.bob.serviceUserId.isEmpty() && !m_config.bob.token.isEmpty();
    }
    if (target == QLatin1String("bamboohr")) {
        return !m_config.bamboohr.apiKey.isEmpty();
    }
    if (target == QLatin1String("personio")) {
        return !m_config.personio.clientId.isEmpty() && !m_config.personio.clientSecret.isEmpty();
    }
    return false;
}

QStringList Cli::configProblems(const QString& target) const
{
    QStringList problems;
    auto checkUrl = [&](const QUrl& url, const QString& server, const char* variable) {
        if (const auto e = HttpClient::checkUrl(url, server); e.isError()) {
            problems << QStringLiteral("%1: %2").arg(QString::fromLatin1(variable), e.message);
        }
    };
    if (target == QLatin1String("bob")) {
        checkUrl(m_config.bob.apiUrl, s("Bob"), "HIREBRIDGE_BOB_API_URL");
        if (m_config.bob.mode == BobMode::HireApi) {
            if (m_config.bob.hireUrl.isEmpty()) {
                problems << s("HIREBRIDGE_BOB_HIRE_URL is not set (needed in hire-api mode)");
            } else {
                checkUrl(m_config.bob.hireUrl, s("Bob"), "HIREBRIDGE_BOB_HIRE_URL");
            }
        }
        if (m_config.bob.serviceUserId.isEmpty()) {
            problems << s("HIREBRIDGE_BOB_SERVICE_USER_ID is not set");
        }
    } else if (target == QLatin1String("bamboohr")) {
        if (m_config.bamboohr.url.isEmpty()) {
            problems << s("HIREBRIDGE_BAMBOOHR_URL is not set (https://api.bamboohr.com/api/gateway.php/<company>)");
        } else {
            checkUrl(m_config.bamboohr.url, s("BambooHR"), "HIREBRIDGE_BAMBOOHR_URL");
        }
    } else if (target == QLatin1String("personio")) {
        if (m_config.personio.clientId.isEmpty()) {
            problems << s("HIREBRIDGE_PERSONIO_CLIENT_ID is not set");
        }
        if (!m_config.personio.url.isEmpty()) {
            checkUrl(m_config.personio.url, s("Personio"), "HIREBRIDGE_PERSONIO_URL");
        }
    }
    return problems;
}

void Cli::cmdCheck()
{
    // Configuration first: nothing touches the network while a value is missing or unsafe.
    QStringList problems;
    if (const auto e = HttpClient::checkUrl(m_config.ashby.baseUrl, s("Ashby")); e.isError()) {
        problems << s("HIREBRIDGE_ASHBY_URL: ") + e.message;
    }
    const QStringList targets = m_config.targets();
    for (const auto& target : targets) {
        problems << configProblems(target);
    }
    if (!problems.isEmpty()) {
        for (const auto& p : std::as_const(problems)) {
            err() << "hirebridge-cli: configuration error: " << p << '\n';
        }
        done(Usage);
        return;
    }
    loadSecrets(true, targets, [this, targets]() {
        createClients();
        auto report = std::make_shared<QJsonObject>();
        auto worst = std::make_shared<int>(Ok);
        auto remaining = std::make_shared<int>(int(targets.size()) + 1);
        auto record = [this, report, worst, remaining](const QString& name, const ApiError& e, const QString& okText) {
            QJsonObject o {{s("ok"), !e.isError()}, {s("message"), e.isError() ? e.toString() : okText}};
            if (e.isError()) {
                o.insert(s("error"), errorJson(e));
                *worst = qMax(*worst, exitCodeFor(e));
            }
            report->insert(name, o);
            err() << (e.isError() ? "FAIL " : "ok   ") << name << ": " << o.value(s("message")).toString() << '\n';
            err().flush();
            if (--*remaining == 0) {
                if (m_json) {
                    printJson(QJsonDocument(*report));
                }
                done(*worst);
            }
        };
        m_ashby->call(s("apiKey.info"), QJsonObject(), s("apiKey.info"), [this, record](const AshbyResult& r) {
            if (r.ok()) {
                const QString title = r.results().toObject().value(s("title")).toString();
                record(s("ashby"), ApiError(),
                    title.isEmpty() ? tr("API key accepted") : tr("API key \"%1\" accepted").arg(title));
                return;
            }
            if (r.error.code == QLatin1String("missing_endpoint_permission")) {
                // apiKey.info needs "API Keys: read", which a hires reader does not otherwise need: prove the key
                // with a cheap read instead.
                m_ashby->call(
                    s("job.list"), QJsonObject {{s("limit"), 1}}, s("job.list"), [record](const AshbyResult& r2) {
                        record(s("ashby"), r2.error,
                            tr("API key accepted (it lacks the optional \"API Keys: read\" permission)"));
                    });
                return;
            }
            record(s("ashby"), r.error, QString());
        });
        for (const auto& target : targets) {
            if (target == QLatin1String("bob")) {
                m_bob->fieldsMetadata([record](const ApiError& e, int count) {
                    record(s("bob"), e,
                        tr("service user accepted (%1 employee fields visible); the Hire URL is not called")
                            .arg(count));
                });
                continue;
            }
            // Reads only: BambooHR's field list, Personio's token and attributes.
            connector(target)->check(
                [record, target](const ApiError& e, const QString& summary) { record(target, e, summary); });
        }
    });
}

void Cli::cmdSync(bool full)
{
    const auto urlError = HttpClient::checkUrl(m_config.ashby.baseUrl, s("Ashby"));
    if (urlError.isError()) {
        err() << "hirebridge-cli: configuration error: HIREBRIDGE_ASHBY_URL: " << urlError.message << '\n';
        done(Usage);
        return;
    }
    if (!openLedger()) {
        return;
    }
    loadSecrets(true, {}, [this, full]() {
        createClients();
        HireSync::Options options;
        options.full = full;
        options.targets = m_config.targets();
        auto* sync = new HireSync(m_ashby, m_ledger.get(), options, this);
        connect(sync, &HireSync::finished, this, [this, sync](const HireSync::Result& r) {
            sync->deleteLater();
            QJsonArray errors;
            for (const auto& e : r.hireErrors) {
                err() << "error: " << e.toString() << '\n';
                errors.append(errorJson(e));
            }
            if (r.error.isError()) {
                err() << "hirebridge-cli: sync failed, nothing was stored: " << r.error.toString() << '\n';
            } else {
                err() << (r.fellBackToFull ? "Ashby refused the saved sync token: full sync. "
                                           : (r.incremental ? "Incremental sync (sync token). " : "Full sync. "))
                      << "Stored " << r.hiresStored << " hire(s) from " << r.pages << " page(s)";
                if (!r.hireErrors.isEmpty()) {
                    err() << "; " << r.hireErrors.size() << " hire(s) could not be read";
                }
                err() << ".\n";
            }
            if (m_json) {
                printJson(QJsonDocument(QJsonObject {{s("ok"), r.ok()}, {s("incremental"), r.incremental},
                    {s("fellBackToFull"), r.fellBackToFull}, {s("pages"), r.pages}, {s("hiresStored"), r.hiresStored},
                    {s("applicationIds"), QJsonArray::fromStringList(r.storedIds)}, {s("errors"), errors},
                    {s("error"), r.error.isError() ? QJsonValue(errorJson(r.error)) : QJsonValue(QJsonValue::Null)}}));
            }
            int code = exitCodeFor(r.error);
            if (code == Ok && !r.hireErrors.isEmpty()) {
                code = ItemsFailed;
            }
            done(code);
        });
        sync->start();
    });
}

void Cli::cmdHires()
{
    if (!openLedger()) {
        return;
    }
    QStringList targets = m_config.targets();
    const auto hires = m_ledger->hires();
    QHash<QString, QHash<QString, PushRecord>> records;
    for (const auto& r : m_ledger->pushRecords()) {
        records[r.applicationId].insert(r.target, r);
        // A target pushed to earlier stays visible even when it is not configured in this environment.
        if (!targets.contains(r.target) && r.state != PushState::Ready) {
            targets << r.target;
        }
    }
    QHash<QString, QHash<QString, QJsonArray>> documents;
    for (const auto& d : m_ledger->documents()) {
        documents[d.applicationId][d.target].append(QJsonObject {{s("kind"), d.kind}, {s("name"), d.name},
            {s("state"), d.state}, {s("remoteId"), orNull(d.remoteId)}, {s("reason"), orNull(d.reason)}});
    }
    if (m_json) {
        QJsonArray array;
        for (const auto& h : hires) {
            QJsonObject t;
            for (const auto& target : targets) {
                const auto r = records.value(h.applicationId).value(target, PushRecord::ready(h.applicationId, target));
                t.insert(target,
                    QJsonObject {{s("state"), pushStateName(r.state)}, {s("remoteId"), orNull(r.remoteId)},
                        {s("reason"), orNull(r.reason)}, {s("attemptId"), orNull(r.attemptId)},
                        {s("documents"), documents.value(h.applicationId).value(target)}});
            }
            array.append(QJsonObject {{s("applicationId"), h.applicationId}, {s("candidateId"), h.candidateId},
                {s("name"), h.name}, {s("email"), orNull(h.email)}, {s("startDate"), orNull(h.startDate)},
                {s("job"), orNull(h.jobTitle)}, {s("department"), orNull(h.department)},
                {s("location"), orNull(h.location)}, {s("hiringManager"), orNull(h.hiringManager.displayName())},
                {s("targets"), t}, {s("warnings"), QJsonArray::fromStringList(h.warnings)}});
        }
        printJson(QJsonDocument(array));
        done(Ok);
        return;
    }
    for (const auto& h : hires) {
        out() << plain(h.applicationId) << '\t' << plain(h.name) << '\t'
              << (h.email.isEmpty() ? s("-") : plain(h.email)) << '\t'
              << (h.startDate.isEmpty() ? s("-") : plain(h.startDate)) << '\t' << plain(h.jobTitle);
        for (const auto& target : targets) {
            const auto r = records.value(h.applicationId).value(target, PushRecord::ready(h.applicationId, target));
            out() << '\t' << target << '=' << pushStateName(r.state);
        }
        out() << '\n';
    }
    err() << hires.size() << " hire(s) in " << QDir::toNativeSeparators(m_ledger->filePath()) << '\n';
    done(Ok);
}

QJsonArray Cli::issuesJson(const QList<MappingIssue>& issues)
{
    QJsonArray array;
    for (const auto& issue : issues) {
        array.append(QJsonObject {
            {s("severity"), issue.severity == MappingIssue::Severity::Error ? s("error") : s("warning")},
            {s("field"), orNull(issue.targetField)},
            {s("source"), orNull(issue.sourcePath)},
            {s("rule"), issue.rule},
            {s("message"), issue.message},
            {s("suggestions"), QJsonArray::fromStringList(issue.suggestions)},
        });
    }
    return array;
}

void Cli::prepareMapping(const QString& target, bool fetchIfMissing, std::function<void()> next)
{
    ProfileStore store(m_config.dataDir);
    QString error;
    auto profile = store.loadProfile(target, &error);
    if (!profile) {
        err() << "hirebridge-cli: configuration error: the " << target << " mapping profile cannot be read: " << error
              << '\n';
        done(Usage);
        return;
    }
    auto build = [this, target, next, profile = *profile]() {
        m_engines[target] = ProfileStore::engineFromCache(profile, *m_ledger, m_config.bob.mode);
        m_engine = m_engines[target].get();
        next();
    };
    createClients();
    HrisConnector* c = connector(target);
    if (ProfileStore::cachedTargetCatalog(*m_ledger, target) || !fetchIfMissing || !c || !hasCredentials(target)) {
        build();
        return;
    }
    // First use: fetch the target's field catalogue once and keep it, so list values are checked before anything
    // is sent.
    const QString name = c->displayName();
    c->fetchCatalog([this, build, name](const ApiError& e, const TargetCatalog& catalog) {
        if (e.isError()) {
            if (e.kind == ApiError::Kind::Unauthorized || e.kind == ApiError::Kind::Network
                || e.kind == ApiError::Kind::Timeout || e.kind == ApiError::Kind::Tls) {
                err() << "hirebridge-cli: " << e.toString() << '\n';
                done(exitCodeFor(e));
                return;
            }
            err() << "warning: " << name
                  << "'s field catalogue is unavailable, list values and types are not checked: " << e.toString()
                  << '\n';
        } else {
            QString error;
            if (!ProfileStore::storeTargetCatalog(*m_ledger, catalog, &error)) {
                err() << "warning: could not cache " << name << "'s field catalogue: " << error << '\n';
            }
        }
        build();
    });
}

void Cli::prepareMappings(QStringList targets, bool fetchIfMissing, std::function<void()> next)
{
    if (targets.isEmpty()) {
        next();
        return;
    }
    const QString first = targets.takeFirst();
    prepareMapping(first, fetchIfMissing,
        [this, targets, fetchIfMissing, next]() { prepareMappings(targets, fetchIfMissing, next); });
}

void Cli::cmdPreview(const QString& applicationId, const QString& target)
{
    if (!openLedger()) {
        return;
    }
    const auto hire = m_ledger->hire(applicationId);
    if (!hire) {
        err() << "hirebridge-cli: no hire with application id " << applicationId << " in the ledger (run sync)\n";
        done(Usage);
        return;
    }
    if (!m_config.targets().contains(target)) {
        usageError(
            QStringLiteral("target '%1' is not configured: %2").arg(target, configProblems(target).join(s("; "))));
        return;
    }
    loadSecrets(
        false, {target},
        [this, hire, target]() {
            prepareMapping(target, true, [this, hire, target]() {
                const MappingResult mapped = m_engine->map(*hire);
                QList<MappingIssue> issues = m_engine->validateProfile();
                issues += mapped.issues;
                bool errors = false;
                for (const auto& issue : std::as_const(issues)) {
                    errors |= issue.severity == MappingIssue::Severity::Error;
                }
                if (normalizedEmail(hire->email).isEmpty()) {
                    MappingIssue issue;
                    issue.targetField = target == QLatin1String("bob") ? s("root.email") : s("email");
                    issue.applicationId = hire->applicationId;
                    issue.message = tr("hire %1 (%2): no e-mail address, so it cannot be checked for duplicates and is "
                                       "not sent")
                                        .arg(hire->applicationId, hire->name);
                    issues.prepend(issue);
                    errors = true;
                }
                if (!hire->hasOffer()) {
                    MappingIssue issue;
                    issue.severity = MappingIssue::Severity::Warning;
                    issue.applicationId = hire->applicationId;
                    issue.message = tr("hire %1 (%2): no accepted offer, so it is sent without offer fields; HR "
                                       "completes it in %3")
                                        .arg(hire->applicationId, hire->name, connector(target)->displayName());
                    issues.append(issue);
                }
                PayloadInput in;
                in.hire = *hire;
                in.attemptId = s("preview");
                in.sentAt = QDateTime::currentDateTimeUtc();
                in.fields = mapped.fields;
                const QJsonObject payload = connector(target)->buildPayload(in);
                if (m_json) {
                    QJsonArray provenance;
                    for (const auto& p : mapped.provenance) {
                        provenance.append(QJsonObject {{s("field"), p.targetField}, {s("source"), orNull(p.sourcePath)},
                            {s("transform"), orNull(p.transform)}, {s("value"), p.value},
                            {s("fromDefault"), p.fromDefault}});
                    }
                    printJson(
                        QJsonDocument(QJsonObject {{s("applicationId"), hire->applicationId}, {s("target"), target},
                            {s("mode"),
                                target == QLatin1String("bob") ? QJsonValue(Config::bobModeName(m_config.bob.mode))
                                                               : QJsonValue(QJsonValue::Null)},
                            {s("payload"), payload}, {s("fields"), mapped.fields}, {s("provenance"), provenance},
                            {s("validation"), issuesJson(issues)}, {s("valid"), !errors}}));
                } else {
                    out() << QString::fromUtf8(QJsonDocument(payload).toJson(QJsonDocument::Indented));
                    for (const auto& p : mapped.provenance) {
                        err() << p.targetField << " <- " << (p.sourcePath.isEmpty() ? s("(constant)") : p.sourcePath)
                              << (p.transform.isEmpty() ? QString() : QStringLiteral(" [%1]").arg(p.transform)) << '\n';
                    }
                    for (const auto& issue : std::as_const(issues)) {
                        err() << (issue.severity == MappingIssue::Severity::Error ? "error: " : "warning: ")
                              << plain(issue.message) << '\n';
                    }
                }
                done(errors ? ItemsFailed : Ok);
            });
        },
        false);
}

void Cli::cmdMapping(const QString& action, const QString& file, const QString& target)
{
    ProfileStore store(m_config.dataDir);
    QString error;
    if (action == QLatin1String("export")) {
        const auto profile = store.loadProfile(target, &error);
        if (!profile) {
            err() << "hirebridge-cli: the mapping profile cannot be read: " << error << '\n';
            done(ItemsFailed);
            return;
        }
        if (!profile->save(file, &error)) {
            err() << "hirebridge-cli: cannot write " << file << ": " << error << '\n';
            done(ItemsFailed);
            return;
        }
        err() << "Exported the " << target << " mapping (" << profile->rules.size() << " rules"
              << (store.hasSavedProfile(target) ? "" : ", the built-in default") << ") to " << file << ".\n";
        done(Ok);
        return;
    }
    auto profile = MappingProfile::load(file, &error);
    if (!profile) {
        err() << "hirebridge-cli: " << file << " is not a mapping profile: " << error << '\n';
        done(ItemsFailed);
        return;
    }
    if (m_targetGiven) {
        profile->target = target;
    } else if (profile->target.isEmpty()) {
        profile->target = target;
    }
    if (!kKnownTargets.contains(profile->target)) {
        err() << "hirebridge-cli: configuration error: the mapping names the unknown target '" << profile->target
              << "' (known: bob, bamboohr, personio)\n";
        done(Usage);
        return;
    }
    if (!openLedger()) {
        return;
    }
    const auto issues = ProfileStore::engineFromCache(*profile, *m_ledger, m_config.bob.mode)->validateProfile();
    bool hasErrors = false;
    for (const auto& issue : issues) {
        const bool isError = issue.severity == MappingIssue::Severity::Error;
        hasErrors |= isError;
        err() << (isError ? "error: " : "warning: ") << plain(issue.message) << '\n';
    }
    // Saved even with problems: a mapping is often built in steps. Push refuses hires it cannot map.
    profile->version = MappingProfile::kCurrentVersion;
    if (!store.saveProfile(*profile, &error)) {
        err() << "hirebridge-cli: cannot save the mapping: " << error << '\n';
        done(ItemsFailed);
        return;
    }
    err() << "Imported " << profile->rules.size() << " rules for " << profile->target << " into "
          << QDir::toNativeSeparators(store.profilePath(profile->target)) << ".\n";
    if (hasErrors) {
        err() << "The mapping was saved, but it has errors: pushes to " << profile->target
              << " refuse to send until they are fixed.\n";
    }
    if (m_json) {
        printJson(QJsonDocument(QJsonObject {{s("target"), profile->target}, {s("rules"), int(profile->rules.size())},
            {s("validation"), issuesJson(issues)}, {s("saved"), true}, {s("valid"), !hasErrors}}));
    }
    done(hasErrors ? ItemsFailed : Ok);
}

void Cli::cmdPush(const QStringList& ids, bool allReady, const QStringList& targets, bool dryRun, bool resend)
{
    QStringList problems;
    const QStringList configured = m_config.targets();
    for (const auto& t : targets) {
        if (!configured.contains(t)) {
            problems << QStringLiteral("target '%1' is not configured: %2").arg(t, configProblems(t).join(s("; ")));
            continue;
        }
        problems << configProblems(t);
    }
    if (!problems.isEmpty()) {
        for (const auto& p : std::as_const(problems)) {
            err() << "hirebridge-cli: configuration error: " << p << '\n';
        }
        done(Usage);
        return;
    }
    if (!openLedger()) {
        return;
    }
    QStringList unknown;
    for (const auto& id : ids) {
        if (!m_ledger->hire(id)) {
            unknown << id;
        }
    }
    if (!unknown.isEmpty()) {
        usageError(
            QStringLiteral("not in the ledger (run 'hirebridge-cli sync' first): %1").arg(unknown.join(s(", "))));
        return;
    }
    // Ashby's key is only needed for documents: without it hires are still pushed, with a warning.
    loadSecrets(
        true, targets,
        [this, ids, allReady, targets, dryRun, resend]() {
            prepareMappings(targets, true, [this, ids, allReady, targets, dryRun, resend]() {
                startPush(ids, allReady, targets, dryRun, resend);
            });
        },
        true, true);
}

void Cli::startPush(const QStringList& ids, bool allReady, const QStringList& targets, bool dryRun, bool resend)
{
    bool blocking = false;
    for (const auto& target : targets) {
        for (const auto& issue : m_engines.at(target)->validateProfile()) {
            const bool error = issue.severity == MappingIssue::Severity::Error;
            blocking |= error;
            err() << (error ? "error: mapping " : "warning: mapping ") << target << ": " << issue.message << '\n';
        }
    }
    if (blocking) {
        err() << "hirebridge-cli: configuration error: a mapping profile has errors; fix it in the mapping editor or "
                 "import a corrected one. Nothing was sent.\n";
        done(Usage);
        return;
    }
    createClients();
    if (m_config.ashby.apiKey.isEmpty()) {
        err() << "warning: no Ashby API key: documents (resume, offer letter) are not sent in this run\n";
    }
    QList<PushBatch::Part> parts;
    for (const auto& target : targets) {
        PushBatch::Part part;
        part.connector = connector(target);
        part.engine = m_engines.at(target).get();
        part.options.applicationIds = ids;
        part.options.allReady = allReady;
        part.options.dryRun = dryRun;
        part.options.resend = resend;
        parts << part;
    }
    auto* batch = new PushBatch(m_ledger.get(), parts, m_config.ashby.apiKey.isEmpty() ? nullptr : m_ashby, this);
    connect(batch, &PushBatch::finished, this,
        [this, batch, targets, dryRun](const PushRun::Result& r, const QHash<QString, ApiError>& errors) {
            batch->deleteLater();
            for (const auto& t : targets) {
                if (errors.contains(t)) {
                    err() << "hirebridge-cli: push to " << t << " stopped: " << errors.value(t).toString() << '\n';
                }
            }
            QJsonArray results;
            int sent = 0;
            for (const auto& item : std::as_const(r.items)) {
                sent += item.sent ? 1 : 0;
                QJsonObject o {{s("applicationId"), item.applicationId}, {s("name"), item.name},
                    {s("target"), item.target}, {s("state"), pushStateName(item.state)}, {s("ok"), item.ok},
                    {s("sent"), item.sent}, {s("remoteId"), orNull(item.remoteId)}, {s("reason"), orNull(item.reason)},
                    {s("warnings"), QJsonArray::fromStringList(item.warnings)}, {s("documents"), item.documents},
                    {s("manager"), orNull(item.manager)}};
                if (dryRun) {
                    o.insert(s("wouldSend"), item.wouldSend);
                    o.insert(
                        s("payload"), item.payload.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(item.payload));
                }
                results.append(o);
                if (!m_json) {
                    out() << (dryRun && item.wouldSend ? s("would-send") : pushStateName(item.state)) << '\t'
                          << item.target << '\t' << plain(item.applicationId) << '\t' << plain(item.name);
                    if (!item.remoteId.isEmpty()) {
                        out() << "\t" << plain(item.remoteId);
                    }
                    if (!item.reason.isEmpty()) {
                        out() << "\t" << plain(item.reason);
                    }
                    out() << '\n';
                }
                if (!item.ok) {
                    err() << "error: " << item.target << ": hire " << plain(item.applicationId) << " ("
                          << plain(item.name) << "): " << plain(item.reason) << '\n';
                }
                for (const auto& w : item.warnings) {
                    if (item.fresh && item.sent) {
                        err() << "warning: " << item.target << ": hire " << plain(item.applicationId) << ": "
                              << plain(w) << '\n';
                    }
                }
            }
            err() << (dryRun ? "Dry run: nothing was sent. " : "") << r.items.size() << " item(s), " << sent
                  << " sent, " << r.failedCount() << " failed.\n";
            if (m_json) {
                printJson(QJsonDocument(QJsonObject {{s("dryRun"), dryRun}, {s("ok"), r.ok()}, {s("results"), results},
                    {s("error"), r.error.isError() ? QJsonValue(errorJson(r.error)) : QJsonValue(QJsonValue::Null)}}));
            }
            int code = exitCodeFor(r.error);
            if (r.error.kind == ApiError::Kind::Cancelled) {
                code = ItemsFailed;
            }
            if (code == Ok && r.failedCount() > 0) {
                code = ItemsFailed;
            }
            if (dryRun) {
                done(code);
                return;
            }
            notifyThenDone(PushRun::report(r, *m_ledger, m_config.targetWebUrls()), code);
        });
    batch->start();
}

void Cli::notifyThenDone(const PushReport& report, int code)
{
    // Notification trouble never changes the exit code: the push result stands, the e-mail is kept and retried.
    QSettings settings;
    SmtpConfig smtp = SmtpConfig::load(settings);
    const QList<Recipient> recipients = Recipients::load(settings);
    if (!smtp.isConfigured() || recipients.isEmpty()) {
        done(code);
        return;
    }
    auto send = [this, report, code, smtp, recipients](const QString& password) {
        SmtpConfig config = smtp;
        config.password = password;
        auto* notifier = new Notifier(m_ledger.get(), config, recipients, this);
        auto retried = std::make_shared<bool>(false);
        connect(notifier, &Notifier::finished, this,
            [this, notifier, code, retried](int sent, int failed, const QStringList& errors) {
                if (sent > 0) {
                    err() << "Sent " << sent << " notification e-mail(s).\n";
                }
                for (const auto& e : errors) {
                    err() << "warning: notification e-mail not sent (kept, retried with the next push): " << e << '\n';
                }
                // One pass over mails earlier runs could not deliver, but not the ones that just failed.
                if (!*retried && failed == 0 && notifier->pendingCount() > 0) {
                    *retried = true;
                    notifier->retryPending();
                    return;
                }
                done(code);
            });
        notifier->notify(report);
    };
    if (m_config.smtpPasswordFromEnvironment) {
        send(m_config.smtpPassword); // headless: the keychain is not touched
        return;
    }
    if (smtp.username.isEmpty()) {
        send(QString());
        return;
    }
    secretStore()->read(s(SecretKey::SmtpPassword), [this, send](const SecretStore::Result& r) {
        if (r.status != SecretStore::Status::Ok) {
            err() << "warning: the SMTP password could not be read from the keychain: " << r.message << '\n';
        }
        send(r.value);
    });
}

void Cli::cmdAuditExport(const QString& file)
{
    if (!openLedger()) {
        return;
    }
    const auto entries = m_ledger->audit();
    QString error;
    if (!AuditCsv::write(entries, file, &error)) {
        err() << "hirebridge-cli: cannot write " << file << ": " << error << '\n';
        done(ItemsFailed);
        return;
    }
    err() << "Exported " << entries.size() << " audit entries to " << file << ".\n";
    done(Ok);
}
