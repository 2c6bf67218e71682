// Personio: GET /v1/company/employees (parseEmployees), the document categories (parseDocumentCategories, then
// pickCategory) and the warnings beside a create (createWarnings), on the same bytes.

#include "FuzzSupport.h"
#include "hris/personio/PersonioClient.h"

#include <QJsonDocument>

#include <algorithm>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    QString error;
    if (const auto entries = PersonioClient::parseEmployees(body, &error)) {
        for (const auto& entry : *entries) {
            fuzz::require(!entry.id.isEmpty(), "an employee without an id");
        }
    } else {
        fuzz::require(!error.trimmed().isEmpty(), "an employee list refused without a reason");
    }

    error.clear();
    if (const auto categories = PersonioClient::parseDocumentCategories(body, &error)) {
        for (const QString& kind : {QStringLiteral("offerLetter"), QStringLiteral("resume")}) {
            const auto picked = PersonioClient::pickCategory(*categories, kind);
            fuzz::require(!picked
                    || std::any_of(
                        categories->cbegin(), categories->cend(), [&](const auto& c) { return c.id == picked->id; }),
                "a picked category that was not offered");
        }
    } else {
        fuzz::require(!error.trimmed().isEmpty(), "document categories refused without a reason");
    }

    PersonioClient::createWarnings(QJsonDocument::fromJson(body).object());
    return 0;
}
