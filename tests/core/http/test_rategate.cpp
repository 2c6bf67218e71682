#include "http/RateGate.h"

#include <QElapsedTimer>
#include <QTest>

class TestRateGate : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void run_moreThanTheWindowAllows_restWaitsForTheWindowInOrder()
    {
        RateGate gate({{3, 200}});
        QList<int> started;
        QList<qint64> at;
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 7; ++i) {
            gate.run([&started, &at, &clock, i]() {
                started << i;
                at << clock.elapsed();
            });
        }
        // Three start at once, synchronously; the rest wait.
        QCOMPARE(started, (QList<int> {0, 1, 2}));
        QCOMPARE(gate.waiting(), 4);
        QTRY_COMPARE_WITH_TIMEOUT(started.size(), 7, 5000);
        QCOMPARE(started, (QList<int> {0, 1, 2, 3, 4, 5, 6}));
        // Never more than three starts inside any 200 ms.
        for (int i = 3; i < at.size(); ++i) {
            QVERIFY2(at.at(i) - at.at(i - 3) >= 199,
                qPrintable(QStringLiteral("start %1 at %2 ms, start %3 at %4 ms")
                               .arg(i)
                               .arg(at.at(i))
                               .arg(i - 3)
                               .arg(at.at(i - 3))));
        }
    }

    void run_twoWindows_theStricterOneDecides()
    {
        RateGate gate({{10, 1000}, {2, 100}});
        int started = 0;
        for (int i = 0; i < 4; ++i) {
            gate.run([&started]() { ++started; });
        }
        QCOMPARE(started, 2); // the 100 ms window holds two
        QTRY_COMPARE_WITH_TIMEOUT(started, 4, 3000);
    }
};

QTEST_GUILESS_MAIN(TestRateGate)
#include "test_rategate.moc"
