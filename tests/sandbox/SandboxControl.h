#pragma once

#include "SandboxReply.h"

class FakeBambooHr;
class FakeBob;
class FakePersonio;
class FaultInjector;
class QHttpServerRequest;
class RequestLog;
class SandboxData;

// The /_sandbox routes on the Bob port: fault knobs and behaviour switches, recorded traffic, what each HRIS fake
// received, and demo-data changes. No auth, never faulted, never logged: tests must always be able to steer.
class SandboxControl
{
public:
    SandboxControl(SandboxData& data, FaultInjector& faults, RequestLog& log, FakeBob& bob, FakeBambooHr& bamboohr,
        FakePersonio& personio);

    SandboxReply handle(const QHttpServerRequest& request);

private:
    SandboxData& m_data;
    FaultInjector& m_faults;
    RequestLog& m_log;
    FakeBob& m_bob;
    FakeBambooHr& m_bamboohr;
    FakePersonio& m_personio;
};
