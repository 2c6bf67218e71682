#pragma once

#include <QLoggingCategory>

// "hirebridge.notify": queued, sent and failed notification mails (addresses and subjects, never a password).
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
