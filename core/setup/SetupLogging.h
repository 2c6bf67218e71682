#pragma once

#include <QLoggingCategory>

// Setup wizard, Settings dialog and their checks. Never logs a secret.
Q_DECLARE_LOGGING_CATEGORY(lcSetup)
