// Ashby: every RPC answer goes through AshbyClient::parseEnvelope. Its results then feed HireAssembler: an array as
// customField.list results (parseDefinitions), offer.list results (acceptedOffer) or a hiring team; an object as the
// objects of one hire ({application, candidate, offers, job}, as in tests/data/malformed/ashby-assemble--*).

#include "FuzzSupport.h"
#include "ashby/AshbyClient.h"
#include "ashby/HireAssembler.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

void assembleHire(const QJsonObject& objects)
{
    HireAssembler::Input in;
    in.application = objects.value(QLatin1StringView("application")).toObject();
    in.candidate = objects.value(QLatin1StringView("candidate")).toObject();
    in.offers = objects.value(QLatin1StringView("offers")).toArray();
    in.job = objects.value(QLatin1StringView("job")).toObject();
    QString definitionsError;
    in.definitions
        = HireAssembler::parseDefinitions(objects.value(QLatin1StringView("definitions")), &definitionsError);
    in.hiringManager
        = HireAssembler::hiringManagerFrom(in.application.value(QLatin1StringView("hiringTeam")).toArray());
    QString error;
    const auto hire = HireAssembler::assemble(in, &error);
    if (!hire) {
        fuzz::require(!error.trimmed().isEmpty(), "a hire refused without a reason");
        return;
    }
    fuzz::require(!hire->applicationId.trimmed().isEmpty(), "a hire without an application id");
    fuzz::require(!hire->candidateId.trimmed().isEmpty(), "a hire without a candidate id");
    fuzz::require(hire->startDate.isEmpty() || QDate::fromString(hire->startDate, Qt::ISODate).isValid(),
        "a start date that is not a date", hire->startDate);
    for (const auto& file : hire->files) {
        fuzz::require(file.kind != QLatin1StringView("resume") || !file.handle.isEmpty(), "a resume without handle");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const AshbyResult result = AshbyClient::parseEnvelope(body, QStringLiteral("fuzz"));
    if (!result.ok()) {
        fuzz::require(!result.error.message.trimmed().isEmpty(), "an answer refused without a reason");
        fuzz::require(result.error.kind == ApiError::Kind::Parse || result.error.kind == ApiError::Kind::Api,
            "an answer refused with an unexpected kind", ApiError::kindName(result.error.kind));
        // Not an envelope: maybe the objects of one hire.
        const QJsonObject objects = QJsonDocument::fromJson(body).object();
        if (objects.contains(QLatin1StringView("application"))) {
            assembleHire(objects);
        }
        return 0;
    }
    fuzz::require(result.envelope.value(QLatin1StringView("success")) == QJsonValue(true),
        "an envelope without success: true accepted");
    const QJsonValue results = result.results();
    if (results.isArray()) {
        const QJsonArray array = results.toArray();
        QString error;
        const auto definitions = HireAssembler::parseDefinitions(array, &error);
        for (auto it = definitions.constBegin(); it != definitions.constEnd(); ++it) {
            fuzz::require(it.key() == it->id, "a definition filed under another id");
            fuzz::require(!it.key().trimmed().isEmpty(), "a definition with an empty id");
        }
        if (const auto offer = HireAssembler::acceptedOffer(array)) {
            fuzz::require(offer->value(QLatin1StringView("acceptanceStatus")) == QJsonValue(QStringLiteral("Accepted")),
                "an accepted offer that is not accepted");
        }
        HireAssembler::hiringManagerFrom(array);
    } else if (results.isObject()) {
        assembleHire(results.toObject());
    }
    return 0;
}
