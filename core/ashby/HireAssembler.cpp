#include "HireAssembler.h"

#include "JsonReader.h"

namespace {

QString s(const char* text)
{
    return QString::fromLatin1(text);
}

void appendCustomFields(JsonReader& reader, const QJsonArray& values, const QString& objectType, const QString& path,
    const QHash<QString, CustomFieldDefinition>& definitions, QList<CustomFieldValue>* out)
{
    for (qsizetype i = 0; i < values.size(); ++i) {
        const QString itemPath = QStringLiteral("%1[%2]").arg(path).arg(i);
        if (!values.at(i).isObject()) {
            reader.fail(QStringLiteral("field \"%1\" is %2, expected an object")
                            .arg(itemPath, JsonReader::typeName(values.at(i))));
            return;
        }
        const auto o = values.at(i).toObject();
        CustomFieldValue v;
        v.id = reader.id(o, s("id"), itemPath + s(".id"));
        v.title = reader.optString(o, s("title"), itemPath + s(".title"));
        v.objectType = objectType;
        v.value = o.value(s("value"));
        v.valueLabel = o.value(s("valueLabel"));
        const auto def = definitions.constFind(v.id);
        if (def != definitions.constEnd()) {
            v.fieldType = def->fieldType;
            if (v.title.isEmpty()) {
                v.title = def->title;
            }
        }
        out->append(v);
    }
}

} // namespace

std::optional<QJsonObject> HireAssembler::acceptedOffer(const QJsonArray& offers)
{
    std::optional<QJsonObject> best;
    QString bestKey;
    for (const auto& value : offers) {
        const auto offer = value.toObject();
        if (offer.value(s("acceptanceStatus")).toString() != QLatin1String("Accepted")) {
            continue;
        }
        // ISO-8601 UTC strings sort chronologically as text.
        QString key = offer.value(s("decidedAt")).toString();
        if (key.isEmpty()) {
            key = offer.value(s("latestVersion")).toObject().value(s("createdAt")).toString();
        }
        if (!best || key > bestKey) {
            best = offer;
            bestKey = key;
        }
    }
    return best;
}

PersonRef HireAssembler::hiringManagerFrom(const QJsonArray& hiringTeam)
{
    for (const auto& value : hiringTeam) {
        const auto member = value.toObject();
        if (member.value(s("role")).toString().trimmed().compare(QLatin1String("Hiring Manager"), Qt::CaseInsensitive)
            == 0) {
            return {member.value(s("userId")).toString(), member.value(s("firstName")).toString(),
                member.value(s("lastName")).toString(), member.value(s("email")).toString().trimmed()};
        }
    }
    return {};
}

QHash<QString, CustomFieldDefinition> HireAssembler::parseDefinitions(const QJsonValue& value, QString* error)
{
    QHash<QString, CustomFieldDefinition> defs;
    JsonReader reader;
    if (!value.isArray()) {
        if (error) {
            *error = QStringLiteral("customField.list: field \"results\" is %1, expected an array")
                         .arg(JsonReader::typeName(value));
        }
        return defs;
    }
    const QJsonArray results = value.toArray();
    for (qsizetype i = 0; i < results.size(); ++i) {
        const auto o = results.at(i).toObject();
        const QString path = QStringLiteral("results[%1]").arg(i);
        CustomFieldDefinition d;
        d.id = reader.id(o, s("id"), path + s(".id"));
        d.title = reader.optString(o, s("title"), path + s(".title"));
        d.objectType = reader.optString(o, s("objectType"), path + s(".objectType"));
        d.fieldType = reader.optString(o, s("fieldType"), path + s(".fieldType"));
        if (!reader.ok()) {
            break;
        }
        defs.insert(d.id, d);
    }
    if (!reader.ok() && error) {
        *error = QStringLiteral("customField.list: ") + reader.error();
    }
    return defs;
}

std::optional<Hire> HireAssembler::assemble(const Input& in, QString* error)
{
    Hire h;
    JsonReader app;
    h.applicationId = app.id(in.application, s("id"), s("application.id"));
    h.updatedAt = app.optString(in.application, s("updatedAt"), s("application.updatedAt"));
    const auto appCandidate = app.optObject(in.application, s("candidate"), s("application.candidate"));
    const auto appJob = app.optObject(in.application, s("job"), s("application.job"));
    const auto appFields = app.optArray(in.application, s("customFields"), s("application.customFields"));
    if (!app.ok()) {
        *error = QStringLiteral("application.list: ") + app.error();
        return std::nullopt;
    }

    JsonReader cand;
    h.candidateId = cand.id(in.candidate, s("id"), s("id"));
    h.name = cand.string(in.candidate, s("name"), s("name")).simplified();
    h.profileUrl = cand.optString(in.candidate, s("profileUrl"), s("profileUrl"));
    const auto primaryEmail = cand.optObject(in.candidate, s("primaryEmailAddress"), s("primaryEmailAddress"));
    h.email = cand.optString(primaryEmail, s("value"), s("primaryEmailAddress.value")).trimmed();
    if (h.email.isEmpty()) {
        // Some candidates carry addresses without a primary one: take the first, preferring personal ones.
        const auto emails = cand.optArray(in.candidate, s("emailAddresses"), s("emailAddresses"));
        for (const auto& e : emails) {
            const QString value = e.toObject().value(s("value")).toString().trimmed();
            if (!value.isEmpty()) {
                h.email = value;
                break;
            }
        }
    }
    const auto primaryPhone = cand.optObject(in.candidate, s("primaryPhoneNumber"), s("primaryPhoneNumber"));
    h.phone = cand.optString(primaryPhone, s("value"), s("primaryPhoneNumber.value"));
    const auto candFields = cand.optArray(in.candidate, s("customFields"), s("customFields"));
    const auto resume = cand.optObject(in.candidate, s("resumeFileHandle"), s("resumeFileHandle"));
    if (!resume.isEmpty()) {
        h.files.append(FileRef {s("resume"), cand.optString(resume, s("name"), s("resumeFileHandle.name")),
            cand.string(resume, s("handle"), s("resumeFileHandle.handle"))});
    }
    if (!cand.ok()) {
        *error = QStringLiteral("candidate.info for candidate %1: %2")
                     .arg(appCandidate.value(s("id")).toString(), cand.error());
        return std::nullopt;
    }
    if (h.name.isEmpty()) {
        h.name = appCandidate.value(s("name")).toString().simplified();
    }
    splitName(h.name, &h.firstName, &h.lastName);

    JsonReader job;
    h.jobId = appJob.value(s("id")).toString();
    h.jobTitle = job.optString(in.job, s("title"), s("title"));
    if (h.jobTitle.isEmpty()) {
        h.jobTitle = appJob.value(s("title")).toString();
    }
    h.employmentType = job.optString(in.job, s("employmentType"), s("employmentType"));
    const auto jobFields = job.optArray(in.job, s("customFields"), s("customFields"));
    if (!job.ok()) {
        *error = QStringLiteral("job.info for job %1: %2").arg(h.jobId, job.error());
        return std::nullopt;
    }
    h.department = in.departmentName;
    h.location = in.locationName;
    h.hiringManager = in.hiringManager;

    QList<CustomFieldValue> fields;
    JsonReader cf;
    appendCustomFields(cf, candFields, s("Candidate"), s("candidate.customFields"), in.definitions, &fields);
    appendCustomFields(cf, appFields, s("Application"), s("application.customFields"), in.definitions, &fields);
    appendCustomFields(cf, jobFields, s("Job"), s("job.customFields"), in.definitions, &fields);

    const auto offer = acceptedOffer(in.offers);
    if (offer) {
        JsonReader off;
        h.offerId = off.id(*offer, s("id"), s("offer.id"));
        const auto version = off.optObject(*offer, s("latestVersion"), s("offer.latestVersion"));
        h.offerVersionId = off.optString(version, s("id"), s("offer.latestVersion.id"));
        const QString start = off.optString(version, s("startDate"), s("offer.latestVersion.startDate"));
        if (!start.isEmpty()) {
            h.startDate = calendarDate(start);
            if (h.startDate.isEmpty()) {
                off.fail(QStringLiteral("field \"offer.latestVersion.startDate\" is not a date: \"%1\"").arg(start));
            }
        }
        const auto salary = off.optObject(version, s("salary"), s("offer.latestVersion.salary"));
        if (!salary.isEmpty()) {
            const auto value = off.optNumber(salary, s("value"), s("offer.latestVersion.salary.value"));
            const QString currency
                = off.optString(salary, s("currencyCode"), s("offer.latestVersion.salary.currencyCode"));
            if (value) {
                h.salary = Salary {*value, currency};
            }
        }
        appendCustomFields(off, off.optArray(version, s("customFields"), s("offer.latestVersion.customFields")),
            s("Offer"), s("offer.latestVersion.customFields"), in.definitions, &fields);
        // The signed letter has no flag; its name says so. Otherwise the first PDF is the letter.
        const auto handles = off.optArray(version, s("fileHandles"), s("offer.latestVersion.fileHandles"));
        QJsonObject letter;
        for (const auto& hv : handles) {
            const auto ho = hv.toObject();
            const QString name = ho.value(s("name")).toString();
            if (name.contains(QLatin1String("signed"), Qt::CaseInsensitive)) {
                letter = ho;
                break;
            }
            if (letter.isEmpty() && name.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
                letter = ho;
            }
        }
        if (!letter.isEmpty()) {
            h.files.append(
                FileRef {s("offerLetter"), letter.value(s("name")).toString(), letter.value(s("handle")).toString()});
        }
        if (!off.ok()) {
            *error = QStringLiteral("offer.list for application %1: %2").arg(h.applicationId, off.error());
            return std::nullopt;
        }
        if (h.startDate.isEmpty()) {
            h.warnings << QStringLiteral("The accepted offer has no start date.");
        }
    } else {
        h.warnings << QStringLiteral("No accepted offer: sent without offer fields; HR completes it in Bob.");
    }
    if (!cf.ok()) {
        *error = QStringLiteral("custom fields of application %1: %2").arg(h.applicationId, cf.error());
        return std::nullopt;
    }
    h.customFields = fields;
    if (h.email.isEmpty()) {
        h.warnings << QStringLiteral("No e-mail address: cannot be checked for duplicates, so it is not sent.");
    }
    if (h.hiringManager.isEmpty()) {
        h.warnings << QStringLiteral("No hiring manager in the hiring team.");
    }
    return h;
}
