#pragma once

// Shared by the libFuzzer targets: one QCoreApplication per process, Qt's messages kept off stderr, and property
// checks that abort, so libFuzzer records the input that broke a promise exactly as it records a crash.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

inline void quietMessages(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    // Parsers log every refused answer; printing millions of them would slow fuzzing to a crawl. Fatal ones still
    // print (and Qt aborts after the handler returns).
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
    }
}

// For LLVMFuzzerInitialize. Some Qt code paths (locale, time zones, logging categories) expect an application object.
inline void init()
{
    qInstallMessageHandler(quietMessages);
    if (!QCoreApplication::instance()) {
        static int argc = 1;
        static char name[] = "hirebridge-fuzz";
        static char* argv[] = {name, nullptr};
        static QCoreApplication app(argc, argv);
    }
}

[[noreturn]] inline void fail(const char* property, const QString& detail = {})
{
    std::fprintf(stderr, "\n==== FUZZ PROPERTY VIOLATED: %s\n%s\n", property, qUtf8Printable(detail.left(4000)));
    std::abort();
}

inline void require(bool condition, const char* property, const QString& detail = {})
{
    if (!condition) {
        fail(property, detail);
    }
}

// A bug already reported (and documented in tests/core/corpus as an expected failure): inputs that reach it are
// skipped, so a run fails only for something new. FUZZ_STRICT=1 skips nothing, to see whether it is fixed.
inline bool knownBug(const char* /*what*/)
{
    static const bool strict = qEnvironmentVariableIntValue("FUZZ_STRICT") == 1;
    return !strict;
}

inline QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

} // namespace fuzz
