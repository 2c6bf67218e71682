#pragma once

#include <QLoggingCategory>

// "hirebridge.http": one debug line per attempt (method, URL without userinfo, status, attempt), always redacted.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
