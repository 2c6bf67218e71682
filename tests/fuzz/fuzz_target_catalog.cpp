// The HR systems' field and list metadata (TargetCatalog::fromBob, fromBambooHr, fromPersonio) and the ledger's cache
// of it (fromJson). A catalogue that parses is cached with toJson and read back with fromJson: that must give it back.

#include "FuzzSupport.h"
#include "mapping/TargetCatalog.h"

#include <QJsonDocument>

#include <algorithm>

namespace {

const QByteArray kBobFields = R"([{"id": "root.firstName", "name": "First name", "type": "text"}])";
const QByteArray kBambooHrFields = R"([{"id": 4012, "name": "Shirt size", "type": "list"}])";

bool sameItems(const QList<ListItem>& a, const QList<ListItem>& b)
{
    if (a.size() != b.size()) {
        return false;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).id != b.at(i).id || a.at(i).name != b.at(i).name || a.at(i).archived != b.at(i).archived
            || !sameItems(a.at(i).children, b.at(i).children)) {
            return false;
        }
    }
    return true;
}

QString describe(const TargetField& f)
{
    return QStringLiteral("id=%1 name=%2 category=%3 categoryDisplayName=%4 type=%5 listId=%6 jsonPath=%7 custom=%8 "
                          "required=%9 maxLength=%10 historical=%11")
        .arg(f.id, f.name, f.category, f.categoryDisplayName, f.type, f.listId, f.jsonPath)
        .arg(f.custom)
        .arg(f.required)
        .arg(f.maxLength)
        .arg(f.historical);
}

bool hasBlankId(const QList<ListItem>& items)
{
    return std::any_of(items.cbegin(), items.cend(),
        [](const ListItem& item) { return item.id.trimmed().isEmpty() || hasBlankId(item.children); });
}

void checkCatalog(const std::optional<TargetCatalog>& catalog, const QString& error, const char* parser)
{
    if (!catalog) {
        fuzz::require(!error.trimmed().isEmpty(), "a catalogue refused without a reason", QString::fromLatin1(parser));
        return;
    }
    for (const auto& field : catalog->fields) {
        fuzz::require(!field.id.isEmpty(), "a field without an id", QString::fromLatin1(parser));
        fuzz::require(!field.id.trimmed().isEmpty(), "a field whose id is white space", QString::fromLatin1(parser));
    }
    for (auto it = catalog->lists.constBegin(); it != catalog->lists.constEnd(); ++it) {
        fuzz::require(!hasBlankId(it.value()), "a list item whose id is empty or white space",
            QString::fromLatin1(parser) + QStringLiteral(": ") + it.key());
    }
    QString cacheError;
    const auto cached = TargetCatalog::fromJson(catalog->toJson(), &cacheError);
    fuzz::require(cached.has_value(), "a catalogue cannot be read back from the cache",
        QString::fromLatin1(parser) + QStringLiteral(": ") + cacheError);
    fuzz::require(cached->target == catalog->target, "the cached catalogue names another target");
    fuzz::require(cached->fields.size() == catalog->fields.size(), "the cached catalogue lost fields");
    for (qsizetype i = 0; i < catalog->fields.size(); ++i) {
        const TargetField& a = catalog->fields.at(i);
        const TargetField& b = cached->fields.at(i);
        fuzz::require(describe(a) == describe(b), "the cached catalogue changed a field",
            QString::fromLatin1(parser) + QStringLiteral(":\n  parsed %1\n  cached %2").arg(describe(a), describe(b)));
    }
    fuzz::require(cached->lists.size() == catalog->lists.size(), "the cached catalogue lost lists");
    for (auto it = catalog->lists.constBegin(); it != catalog->lists.constEnd(); ++it) {
        fuzz::require(cached->lists.contains(it.key()) && sameItems(it.value(), cached->lists.value(it.key())),
            "the cached catalogue changed a list", QString::fromLatin1(parser) + QStringLiteral(": ") + it.key());
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
    QString error;
    checkCatalog(TargetCatalog::fromBob(body, {}, &error), error, "fromBob fields");
    error.clear();
    checkCatalog(TargetCatalog::fromBob(kBobFields, body, &error), error, "fromBob named lists");
    error.clear();
    checkCatalog(TargetCatalog::fromBambooHr(body, {}, &error), error, "fromBambooHr fields");
    error.clear();
    checkCatalog(TargetCatalog::fromBambooHr(kBambooHrFields, body, &error), error, "fromBambooHr lists");
    error.clear();
    checkCatalog(TargetCatalog::fromPersonio(body, &error), error, "fromPersonio");
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        error.clear();
        checkCatalog(TargetCatalog::fromJson(doc.object(), &error), error, "fromJson");
    }
    return 0;
}
