// Bob's answers about people: an employee's documents (BobClient::parseDocuments), and the people search answer
// (BobClient::parseSearch), then what the run does with the directory: look people up by
// e-mail and cache it in the ledger (Directory::toJson, read back with Directory::fromJson).

#include "FuzzSupport.h"
#include "Hire.h"
#include "hris/Directory.h"
#include "hris/bob/BobClient.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::init();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    QString documentsError;
    if (const auto documents = BobClient::parseDocuments(fuzz::bytes(data, size), &documentsError)) {
        for (const auto& document : *documents) {
            fuzz::require(!document.id.trimmed().isEmpty(), "a stored document without an id");
        }
    } else {
        fuzz::require(!documentsError.trimmed().isEmpty(), "a document list refused without a reason");
    }

    Directory directory;
    QString error;
    if (!BobClient::parseSearch(fuzz::bytes(data, size), &directory, &error)) {
        fuzz::require(!error.trimmed().isEmpty(), "a search answer refused without a reason");
        return 0;
    }
    for (const auto& entry : directory.entries()) {
        fuzz::require(!entry.id.isEmpty(), "an employee without an id");
        if (!entry.email.trimmed().isEmpty()) {
            const auto found = directory.byEmail(entry.email);
            fuzz::require(found.has_value(), "an employee not found by its own e-mail", entry.email);
            fuzz::require(normalizedEmail(found->email) == normalizedEmail(entry.email),
                "an e-mail lookup found another address", entry.email + QStringLiteral(" → ") + found->email);
        }
        entry.shownName();
    }
    const Directory cached = Directory::fromJson(directory.toJson());
    fuzz::require(cached.size() == directory.size(), "the cached directory lost employees");
    for (qsizetype i = 0; i < cached.size(); ++i) {
        const DirectoryEntry& a = directory.entries().at(i);
        const DirectoryEntry& b = cached.entries().at(i);
        fuzz::require(a.id == b.id && a.email == b.email && a.firstName == b.firstName && a.surname == b.surname
                && a.displayName == b.displayName && a.active == b.active,
            "the cached directory changed an employee", a.id);
    }
    return 0;
}
