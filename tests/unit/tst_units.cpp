#include "models/units.h"

#include <QTest>

using namespace alloclab::units;

class TestUnits : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gib()
    {
        // The published figure for group B: 1.28 GiB is kB / 1048576.
        QCOMPARE(QString::number(kibToGib(1342177), 'f', 2), QStringLiteral("1.28"));
    }
    void format()
    {
        QCOMPARE(formatKiB(48128), QStringLiteral("47 MiB"));
        QCOMPARE(formatKiB(9038724), QStringLiteral("8.62 GiB"));
        QCOMPARE(formatKiB(-1), QStringLiteral("unknown"));
        QCOMPARE(formatDuration(42), QStringLiteral("42 s"));
        QCOMPARE(formatDuration(3 * 86400 + 4 * 3600 + 5), QStringLiteral("3 d 4 h"));
        QCOMPARE(formatDuration(5 * 3600 + 12 * 60), QStringLiteral("5 h 12 min"));
    }
};

QTEST_GUILESS_MAIN(TestUnits)
#include "tst_units.moc"
