#include "models/validation.h"

#include <QTest>

using namespace alloclab::validation;

class TestValidation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void instance_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("relay01") << true;
        QTest::newRow("underscore") << QStringLiteral("my_relay") << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("33 chars") << QString(33, QLatin1Char('a')) << false;
        QTest::newRow("semicolon") << QStringLiteral("a;reboot") << false;
        QTest::newRow("dollar") << QStringLiteral("$(id)") << false;
        QTest::newRow("space") << QStringLiteral("a b") << false;
        QTest::newRow("newline") << QStringLiteral("a\nb") << false;
        QTest::newRow("dash") << QStringLiteral("-rf") << false;
        QTest::newRow("unicode") << QStringLiteral("r\u00e9lay") << false;
    }
    void instance()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        QCOMPARE(isValidInstance(name), valid);
        QCOMPARE(instanceError(name).isEmpty(), valid);
    }

    void nickname()
    {
        QVERIFY(isValidNickname(QStringLiteral("9thwonder")));
        QVERIFY(isValidNickname(QString(19, QLatin1Char('x'))));
        QVERIFY(!isValidNickname(QString(20, QLatin1Char('x'))));
        QVERIFY(!isValidNickname(QStringLiteral("under_score")));
    }

    void fingerprint()
    {
        QVERIFY(isValidFingerprint(QStringLiteral("0123456789ABCDEF0123456789ABCDEF01234567")));
        QVERIFY(!isValidFingerprint(QStringLiteral("0123456789abcdef0123456789abcdef01234567")));
        QVERIFY(!isValidFingerprint(QStringLiteral("0123456789ABCDEF")));
    }

    void libraryPath_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("valid");
        QTest::newRow("debian jemalloc")
            << QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2") << true;
        QTest::newRow("custom") << QStringLiteral("/usr/local/lib/mimalloc/libmimalloc-2.0.9.so") << true;
        QTest::newRow("plus") << QStringLiteral("/opt/libc++.so") << true;
        QTest::newRow("relative") << QStringLiteral("lib/libjemalloc.so") << false;
        QTest::newRow("dotdot") << QStringLiteral("/usr/lib/../../etc/shadow") << false;
        QTest::newRow("space") << QStringLiteral("/usr/lib/a b.so") << false;
        QTest::newRow("quote") << QStringLiteral("/usr/lib/a'.so") << false;
        QTest::newRow("subst") << QStringLiteral("/usr/lib/$(reboot).so") << false;
    }
    void libraryPath()
    {
        QFETCH(QString, path);
        QFETCH(bool, valid);
        QCOMPARE(isValidLibraryPath(path), valid);
        QCOMPARE(libraryPathError(path).isEmpty(), valid);
    }

    void quoting()
    {
        QCOMPARE(shellQuote(QStringLiteral("abc")), QStringLiteral("'abc'"));
        QCOMPARE(shellQuote(QStringLiteral("a'b")), QStringLiteral("'a'\\''b'"));
        QCOMPARE(shellQuote(QString()), QStringLiteral("''"));
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
