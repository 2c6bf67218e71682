#include "UiLogging.h"

Q_LOGGING_CATEGORY(lcUi, "hirebridge.ui", QtInfoMsg)
