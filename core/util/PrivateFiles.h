#pragma once

#include <QString>

// The data folder and the files that hold hires (ledger, mapping profiles, exported audit logs) carry salaries and
// phone numbers: readable by the owner only, whatever the umask says.
namespace PrivateFiles {

// Creates `path` (and its parents) when missing; a folder created here is 0700. An existing folder is left as is:
// the admin may have chosen it.
bool makeDir(const QString& path, QString* error = nullptr);
// 0600 on an existing file; true when the file is missing (nothing to protect) or now owner-only.
bool restrictToOwner(const QString& path);
// Creates an empty file 0600 when it does not exist yet (before a library writes into it with its own mode), and
// restricts it when it does.
bool createPrivate(const QString& path, QString* error = nullptr);

} // namespace PrivateFiles
