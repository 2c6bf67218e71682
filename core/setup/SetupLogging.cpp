#include "SetupLogging.h"

Q_LOGGING_CATEGORY(lcSetup, "hirebridge.setup", QtInfoMsg)
