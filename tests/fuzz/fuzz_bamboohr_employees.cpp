// BambooHR: one page of GET /v1/employees (parseEmployeePage) and the file categories of an employee
// (parseFileCategories, then pickCategory for both document kinds), on the same bytes.

#include "FuzzSupport.h"
#include "hris/bamboohr/BambooHrClient.h"

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
    if (const auto page = BambooHrClient::parseEmployeePage(body, &error)) {
        fuzz::require(error.isEmpty(), "an employee page accepted with an error", error);
        for (const auto& row : page->rows) {
            fuzz::require(!row.entry.id.isEmpty(), "an employee without an id");
        }
        fuzz::require(page->hiddenWorkEmails >= 0 && page->hiddenWorkEmails <= page->rows.size(),
            "more hidden work e-mails than employees");
    } else {
        fuzz::require(!error.trimmed().isEmpty(), "an employee page refused without a reason");
    }

    error.clear();
    if (const auto categories = BambooHrClient::parseFileCategories(body, &error)) {
        for (const auto& category : *categories) {
            fuzz::require(!category.id.isEmpty(), "a file category without an id");
        }
        for (const QString& kind : {QStringLiteral("offerLetter"), QStringLiteral("resume")}) {
            const auto picked = BambooHrClient::pickCategory(*categories, kind);
            fuzz::require(!picked
                    || std::any_of(
                        categories->cbegin(), categories->cend(), [&](const auto& c) { return c.id == picked->id; }),
                "a picked category that was not offered");
        }
    } else {
        fuzz::require(!error.trimmed().isEmpty(), "file categories refused without a reason");
    }

    error.clear();
    if (const auto files = BambooHrClient::parseStoredFiles(body, &error)) {
        for (const auto& file : *files) {
            fuzz::require(!file.id.trimmed().isEmpty(), "a stored file without an id");
        }
    } else {
        fuzz::require(!error.trimmed().isEmpty(), "an employee's files refused without a reason");
    }
    return 0;
}
