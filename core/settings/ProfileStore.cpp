#include "ProfileStore.h"

#include "ledger/Ledger.h"
#include "sync/HireSync.h"
#include "util/PrivateFiles.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>

ProfileStore::ProfileStore(const QString& dataDir)
    : m_dataDir(dataDir)
{
}

QString ProfileStore::profilePath(const QString& target) const
{
    return QDir(m_dataDir).filePath(MappingProfile::fileName(target));
}

bool ProfileStore::hasSavedProfile(const QString& target) const
{
    return QFileInfo::exists(profilePath(target));
}

std::optional<MappingProfile> ProfileStore::loadProfile(const QString& target, QString* error) const
{
    if (!hasSavedProfile(target)) {
        return MappingProfile::defaultFor(target);
    }
    QString why;
    auto profile = MappingProfile::load(profilePath(target), &why);
    if (!profile) {
        if (error) {
            *error = QStringLiteral("%1: %2").arg(QDir::toNativeSeparators(profilePath(target)), why);
        }
        return std::nullopt;
    }
    if (profile->target != target) {
        if (error) {
            *error = QStringLiteral("%1 is a mapping for \"%2\", not \"%3\"")
                         .arg(QDir::toNativeSeparators(profilePath(target)), profile->target, target);
        }
        return std::nullopt;
    }
    return profile;
}

bool ProfileStore::saveProfile(const MappingProfile& profile, QString* error) const
{
    if (!PrivateFiles::makeDir(m_dataDir, error)) {
        return false;
    }
    return profile.save(profilePath(profile.target), error);
}

std::optional<TargetCatalog> ProfileStore::cachedTargetCatalog(const Ledger& ledger, const QString& target)
{
    const auto cached = ledger.catalog(targetCatalogKey(target));
    if (!cached) {
        return std::nullopt;
    }
    QString error;
    auto catalog = TargetCatalog::fromJson(cached->json, &error);
    if (catalog) {
        catalog->fetchedAt = cached->fetchedAt;
    }
    return catalog;
}

bool ProfileStore::storeTargetCatalog(Ledger& ledger, const TargetCatalog& catalog, QString* error)
{
    return ledger.storeCatalog(targetCatalogKey(catalog.target), catalog.toJson(), catalog.fetchedAt, error);
}

SourceCatalog ProfileStore::cachedSourceCatalog(const Ledger& ledger)
{
    const auto cached = ledger.catalog(HireSync::sourceCatalogKey());
    if (!cached) {
        return SourceCatalog::fromDefinitions(QJsonArray());
    }
    return SourceCatalog::fromDefinitions(cached->json.value(QLatin1StringView("definitions")).toArray());
}

std::unique_ptr<MappingEngine> ProfileStore::engineFromCache(
    const MappingProfile& profile, const Ledger& ledger, BobMode mode)
{
    const auto catalog = cachedTargetCatalog(ledger, profile.target);
    const SourceCatalog sources = cachedSourceCatalog(ledger);
    MappingEngine::Options options;
    // BambooHR and Personio create employees directly, like Bob's direct mode: list values must match exactly.
    options.directMode = profile.target != QLatin1String("bob") || mode == BobMode::Direct;
    return std::make_unique<MappingEngine>(profile, catalog ? &*catalog : nullptr, &sources, options);
}
