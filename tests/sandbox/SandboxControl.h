#pragma once

#include "SandboxReply.h"

class FakeBob;
class FaultInjector;
class QHttpServerRequest;
class RequestLog;
class SandboxData;

// The /_sandbox routes on the Bob port: fault knobs, recorded traffic, received hires and
// demo-data changes. No auth, never faulted, never logged: tests must always be able to steer.
class SandboxControl
{
public:
    SandboxControl(SandboxData& data, FaultInjector& faults, RequestLog& log, FakeBob& bob);

    SandboxReply handle(const QHttpServerRequest& request);

private:
    SandboxData& m_data;
    FaultInjector& m_faults;
    RequestLog& m_log;
    FakeBob& m_bob;
};
