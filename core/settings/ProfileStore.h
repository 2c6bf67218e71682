#pragma once

#include "mapping/MappingEngine.h"
#include "mapping/MappingProfile.h"
#include "mapping/SourceCatalog.h"
#include "mapping/TargetCatalog.h"
#include "settings/Config.h"

#include <QString>

#include <memory>
#include <optional>

class Ledger;

// Where mapping profiles and cached catalogues live: profiles as <data dir>/mapping-<target>.json (readable, easy to
// back up), catalogues in the ledger with their fetch time.
class ProfileStore
{
public:
    explicit ProfileStore(const QString& dataDir);

    QString profilePath(const QString& target) const;
    bool hasSavedProfile(const QString& target) const;
    // The saved profile, or the built-in default when none is saved. A file that cannot be read is an error: the
    // admin's mapping is never silently replaced by the default.
    std::optional<MappingProfile> loadProfile(const QString& target, QString* error) const;
    bool saveProfile(const MappingProfile& profile, QString* error) const;

    static QString targetCatalogKey(const QString& target) { return QStringLiteral("target:") + target; }
    static std::optional<TargetCatalog> cachedTargetCatalog(const Ledger& ledger, const QString& target);
    static bool storeTargetCatalog(Ledger& ledger, const TargetCatalog& catalog, QString* error);
    // Ashby's custom field definitions as the last sync saw them; built-in fields only when none are cached.
    static SourceCatalog cachedSourceCatalog(const Ledger& ledger);
    // An engine for `profile` over the cached catalogues (Bob's may be missing: then lists are not checked), in the
    // configured Bob mode. The one place that decides what a push, a preview and the details pane validate against.
    static std::unique_ptr<MappingEngine> engineFromCache(
        const MappingProfile& profile, const Ledger& ledger, BobMode mode);

private:
    QString m_dataDir;
};
