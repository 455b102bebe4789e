#include "models/probeparser.h"
#include "models/validation.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace alloclab;

namespace {

const QByteArray kHead = "alloclab-probe 1\n"
                         "host lab1 6.1.0-18-amd64 Debian%20GNU/Linux%2012%20%28bookworm%29 0.4.8.13 lab "
                         "1700000100 1700000000\n"
                         "meminfo 24684096 21345384 1028508 0 0\n"
                         "load 0.50 0.40 0.30 2\n"
                         "priv sudo\n";

// A well-formed relay line; fields can be overridden by index (1-based, after "relay").
QByteArray relay(const QByteArray &instance, QMap<int, QByteArray> over = {})
{
    QList<QByteArray> f = { "relay",
                            "tor@" + instance + ".service",
                            "loaded",
                            "active",
                            "running",
                            "504",
                            "1700000040",
                            "AmberFalcon",
                            "B8898B374EFE3153263DDE5C81867E0587CD56E2",
                            "47940",
                            "48000",
                            "201148",
                            "-",
                            "-",
                            "-",
                            "-",
                            "-",
                            "-" };
    for (auto it = over.cbegin(); it != over.cend(); ++it)
        f[it.key()] = it.value();
    return f.join(' ') + '\n';
}

QByteArray readFixture(const QString &name)
{
    QFile f(QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/data/probe/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

} // namespace

class TestProbeParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fixtures_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("relays");
        QTest::addColumn<int>("privilege");
        QTest::addColumn<bool>("fingerprints");
        // Captured from the lab (tests/lab) with resources/probe.sh over ssh.
        QTest::newRow("lab1 via sudo") << "lab1.txt" << 10 << int(ProbePrivilege::Sudo) << true;
        QTest::newRow("lab1 as root") << "lab1-root.txt" << 10 << int(ProbePrivilege::Root) << true;
        QTest::newRow("lab1 without sudo") << "lab1-nosudo.txt" << 10 << int(ProbePrivilege::None) << false;
        QTest::newRow("lab2, one relay still starting")
            << "lab2.txt" << 10 << int(ProbePrivilege::Sudo) << false;
        QTest::newRow("100 relays on one host, from the probe's cache (warm)")
            << "xlab3-100-warm.txt" << 100 << int(ProbePrivilege::Sudo) << true;
        QTest::newRow("local fake host, allocators")
            << "local-allocators.txt" << 11 << int(ProbePrivilege::Root) << false;
    }
    void fixtures()
    {
        QFETCH(QString, file);
        QFETCH(int, relays);
        QFETCH(int, privilege);
        QFETCH(bool, fingerprints);
        const QByteArray in = readFixture(file);
        if (in.isEmpty())
            QSKIP(qPrintable(QStringLiteral("fixture tests/data/probe/%1 is missing").arg(file)));
        const ProbeResult r = ProbeParser::parse(in);
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.version, 1);
        QCOMPARE(int(r.privilege), privilege);
        QCOMPARE(r.relays.size(), relays);
        QVERIFY(!r.host.hostname.isEmpty());
        QVERIFY(r.host.memTotalKb > 0);
        QVERIFY(r.host.memAvailableKb > 0 && r.host.memAvailableKb <= r.host.memTotalKb);
        QVERIFY(r.host.nowEpoch > r.host.bootEpoch);
        for (const ProbeRelay &rel : r.relays) {
            if (rel.invalidReason.isEmpty()) {
                QVERIFY2(validation::isValidInstance(rel.instance)
                             || rel.unit == QLatin1String("tor.service"),
                         qPrintable(rel.unit));
            }
            if (rel.isRunning()) {
                QVERIFY(rel.rssKb > 0);
                QVERIFY(rel.hwmKb >= rel.rssKb);
                QVERIFY(rel.startEpoch >= r.host.bootEpoch);
            }
            QCOMPARE(rel.loadedUnknown(), r.privilege == ProbePrivilege::None && rel.isRunning());
        }
        if (fingerprints) {
            for (const ProbeRelay &rel : r.relays)
                QVERIFY2(validation::isValidFingerprint(rel.fingerprint), qPrintable(rel.unit));
        }
        if (r.privilege == ProbePrivilege::None) {
            QCOMPARE(r.sudoersLine(), r.host.user + QStringLiteral(" ALL=(root) NOPASSWD: /bin/sh"));
            for (const ProbeRelay &rel : r.relays) {
                QVERIFY(rel.fingerprint.isEmpty()); // not readable without sudo
                QVERIFY(!rel.nickname.isEmpty()); // but the torrc is
            }
        } else {
            QVERIFY(r.sudoersLine().isEmpty());
        }
    }

    void labRelayFields()
    {
        const QByteArray in = readFixture(QStringLiteral("lab1.txt"));
        if (in.isEmpty())
            QSKIP("fixture tests/data/probe/lab1.txt is missing");
        const ProbeResult r = ProbeParser::parse(in);
        QVERIFY2(r.ok, qPrintable(r.error));
        const ProbeRelay &a = r.relays.first();
        QCOMPARE(a.unit, QStringLiteral("tor@amberfalcon.service"));
        QCOMPARE(a.instance, QStringLiteral("amberfalcon"));
        QCOMPARE(a.activeState, QStringLiteral("active"));
        QCOMPARE(a.subState, QStringLiteral("running"));
        QCOMPARE(a.nickname, QStringLiteral("AmberFalcon"));
        QVERIFY(a.isValid());
        QVERIFY(a.configuredPreload.isEmpty());
        QVERIFY(a.loadedAllocator.isEmpty()); // glibc
        QVERIFY(!a.allocatorMismatch);
        QVERIFY(!a.needsRestart);
        QCOMPARE(r.host.os, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
    }

    // The local fixture is produced by tst_probescript's scenario (real processes with real
    // LD_PRELOAD, fake systemctl): check what the flags derive to.
    void localAllocatorFlags()
    {
        const QByteArray in = readFixture(QStringLiteral("local-allocators.txt"));
        if (in.isEmpty())
            QSKIP("fixture tests/data/probe/local-allocators.txt is missing");
        const ProbeResult r = ProbeParser::parse(in);
        QVERIFY2(r.ok, qPrintable(r.error));
        QHash<QString, ProbeRelay> by;
        for (const ProbeRelay &rel : r.relays)
            by.insert(rel.instance, rel);
        QVERIFY(by.value(QStringLiteral("mimok")).isValid());
        QVERIFY(
            by.value(QStringLiteral("mimok")).loadedAllocator.endsWith(QLatin1String("libmimalloc.so.2.0")));
        QVERIFY(!by.value(QStringLiteral("mimok")).allocatorMismatch);
        QVERIFY(!by.value(QStringLiteral("mimok")).needsRestart);
        QVERIFY(by.value(QStringLiteral("jenotrestarted")).allocatorMismatch);
        QVERIFY(by.value(QStringLiteral("jenotrestarted")).needsRestart);
        QVERIFY(by.value(QStringLiteral("missing")).preloadMissing);
        QVERIFY(by.value(QStringLiteral("unconfigured")).allocatorMismatch);
        QVERIFY(by.value(QStringLiteral("newdropin")).needsRestart);
        QVERIFY(!by.value(QStringLiteral("newdropin")).allocatorMismatch);
        QCOMPARE(by.value(QStringLiteral("stopped")).mainPid, 0);
        QCOMPARE(r.invalidCount(), 5);
    }

    void storeRecords()
    {
        const QByteArray in = readFixture(QStringLiteral("lab1-nosudo.txt"));
        if (in.isEmpty())
            QSKIP("fixture tests/data/probe/lab1-nosudo.txt is missing");
        const ProbeResult r = ProbeParser::parse(in);
        QVERIFY2(r.ok, qPrintable(r.error));
        const HostDiagnosticsRecord d = toHostDiagnostics(r, QStringLiteral("lab1"), 1234);
        QCOMPARE(d.server, QStringLiteral("lab1"));
        QCOMPARE(d.tsMs, 1234);
        QCOMPARE(d.memAvailableKb, r.host.memAvailableKb);
        QCOMPARE(d.relayCount, 10);
        QCOMPARE(d.osRelease, QStringLiteral("Debian GNU/Linux 12 (bookworm)"));
        const SampleRecord s = toSampleRecord(r.relays.first(), 99);
        QCOMPARE(s.rssKb, r.relays.first().rssKb);
        QCOMPARE(s.pid, r.relays.first().mainPid);
        QCOMPARE(s.loadedAllocator, QStringLiteral("?")); // unknown without sudo
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("error");
        const QByteArray ok = kHead + relay("a") + "end 1\n";
        QTest::newRow("empty") << QByteArray() << "the probe printed nothing";
        QTest::newRow("junk before header") << QByteArray("Welcome!\n" + ok) << "line 1: expected the header";
        QTest::newRow("wrong version") << QByteArray("alloclab-probe 2\n") + ok.mid(17)
                                       << "line 1: unsupported probe grammar version \"2\"";
        QTest::newRow("truncated mid-line") << ok.left(ok.size() - 3) << "line 7: output ends in the middle";
        QTest::newRow("truncated before end")
            << QByteArray(kHead + relay("a")) << "line 7: output ends before the end";
        QTest::newRow("no final newline") << ok.chopped(1) << "line 7: output ends in the middle";
        QTest::newRow("missing host")
            << QByteArray("alloclab-probe 1\nmeminfo 1 1 1 1 1\n") << "line 2: expected a host record";
        QTest::newRow("relay too short") << QByteArray(kHead + "relay tor@a.service loaded active\nend 1\n")
                                         << "line 6: relay record has 3 fields, expected 17";
        QTest::newRow("relay field count 11") << QByteArray(kHead + "relay 1 2 3 4 5 6 7 8 9 10 11\nend 1\n")
                                              << "line 6: relay record has 11 fields, expected 17";
        QTest::newRow("double space")
            << QByteArray(kHead + relay("a").replace(" loaded", "  loaded") + "end 1\n")
            << "line 6: empty field";
        QTest::newRow("tab") << QByteArray(kHead + relay("a").replace(" loaded", "\tloaded") + "end 1\n")
                             << "line 6: unexpected byte 0x09";
        QTest::newRow("CR line end") << QByteArray(kHead + relay("a").replace('\n', "\r\n") + "end 1\n")
                                     << "line 6: unexpected byte 0x0d";
        QTest::newRow("raw shell metachar")
            << QByteArray(kHead + relay("$(reboot)") + "end 1\n") << "line 6: unexpected byte 0x24";
        QTest::newRow("NUL byte") << QByteArray(kHead + relay(QByteArray("a\0b", 3)) + "end 1\n")
                                  << "line 6: unexpected byte 0x00";
        QTest::newRow("bad escape") << QByteArray(kHead + relay("a%2") + "end 1\n")
                                    << "line 6: field unit is not correctly encoded";
        QTest::newRow("lower-case escape")
            << QByteArray(kHead + relay("a%2a") + "end 1\n") << "line 6: field unit is not correctly encoded";
        QTest::newRow("invalid utf8") << QByteArray(kHead + relay("a%FF%FE") + "end 1\n")
                                      << "line 6: field unit is not correctly encoded";
        QTest::newRow("pid not a number") << QByteArray(kHead + relay("a", { { 5, "12x" } }) + "end 1\n")
                                          << "line 6: field main_pid is not a number";
        QTest::newRow("rss too long")
            << QByteArray(kHead + relay("a", { { 9, QByteArray(19, '9') } }) + "end 1\n")
            << "line 6: field rss is not a number";
        QTest::newRow("negative") << QByteArray(kHead + relay("a", { { 10, "-5" } }) + "end 1\n")
                                  << "line 6: field hwm is not a number";
        QTest::newRow("preload_ok bad") << QByteArray(kHead + relay("a", { { 14, "2" } }) + "end 1\n")
                                        << "line 6: field preload_ok must be 1, 0 or -";
        QTest::newRow("not a tor unit")
            << QByteArray(kHead + relay("a").replace("tor@a.service", "sshd.service") + "end 1\n")
            << "line 6: relay unit must be";
        QTest::newRow("duplicate") << QByteArray(kHead + relay("a") + relay("b") + relay("a") + "end 3\n")
                                   << "line 8: duplicate relay tor@a.service (first on line 6)";
        QTest::newRow("count mismatch")
            << QByteArray(kHead + relay("a") + "end 2\n") << "line 7: end says 2 relays, but 1 relay records";
        QTest::newRow("text after end")
            << QByteArray(ok + "relay x\n") << "line 8: unexpected text after the end";
        QTest::newRow("unknown record")
            << QByteArray(kHead + "bogus 1\nend 0\n") << "line 6: unknown record \"bogus\"";
        QTest::newRow("bad priv") << QByteArray(kHead).replace("priv sudo", "priv admin") + "end 0\n"
                                  << "line 5: privilege must be root, sudo or none";
        QTest::newRow("bad load") << QByteArray(kHead).replace("load 0.50", "load 0,50") + "end 0\n"
                                  << "line 4: field load1 is not a load average";
        QTest::newRow("bad load 2") << QByteArray(kHead).replace("load 0.50", "load 0.5.0") + "end 0\n"
                                    << "line 4: field load1 is not a load average";
        QTest::newRow("empty line") << QByteArray(kHead + "\nend 0\n") << "line 6: empty line";
        QTest::newRow("huge line") << QByteArray(kHead + "warn " + QByteArray(70000, 'x') + "\nend 0\n")
                                   << "line 6: line is longer than 65536 bytes";
        QTest::newRow("huge unterminated")
            << QByteArray(kHead + QByteArray(70000, 'x')) << "line 6: line is longer than 65536 bytes";
    }
    void errors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, error);
        const ProbeResult r = ProbeParser::parse(input);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.startsWith(error), qPrintable(r.error));
        QVERIFY(r.relays.isEmpty());
    }

    void limits()
    {
        QByteArray big = kHead;
        while (big.size() <= ProbeParser::kMaxBytes)
            big += "warn " + QByteArray(60000, 'y') + '\n';
        big += "end 0\n";
        ProbeResult r = ProbeParser::parse(big);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("more than the limit")), qPrintable(r.error));

        QByteArray many = kHead;
        for (int i = 0; i <= ProbeParser::kMaxRelays; ++i)
            many += relay("r" + QByteArray::number(i));
        many += "end " + QByteArray::number(ProbeParser::kMaxRelays + 1) + '\n';
        r = ProbeParser::parse(many);
        QVERIFY(!r.ok);
        QCOMPARE(r.error, QStringLiteral("line %1: more than 10000 relays").arg(6 + ProbeParser::kMaxRelays));

        QByteArray warns = kHead;
        for (int i = 0; i <= ProbeParser::kMaxWarnings; ++i)
            warns += "warn w\n";
        r = ProbeParser::parse(warns + "end 0\n");
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(QLatin1String("more than 100 warnings")), qPrintable(r.error));
    }

    // Hostile values parse but the relay is marked invalid with the reason, never dropped.
    void hostile_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("reason");
        const auto enc = [](const char *s) {
            return ProbeParser::encodeField(QString::fromUtf8(s));
        };
        QTest::newRow("command substitution")
            << relay(enc("$(reboot)")) << QStringLiteral("$(reboot)") << QStringLiteral("only letters");
        QTest::newRow("newline") << relay(enc("a\nb")) << QStringLiteral("a\nb")
                                 << QStringLiteral("only letters");
        QTest::newRow("semicolon") << relay(enc("x;rm -rf /")) << QStringLiteral("x;rm -rf /")
                                   << QStringLiteral("only letters");
        QTest::newRow("too long") << relay(QByteArray(33, 'a')) << QString(33, QLatin1Char('a'))
                                  << QStringLiteral("longer than 32");
        QTest::newRow("empty instance") << relay("") << QString() << QStringLiteral("empty");
        QTest::newRow("bad nickname")
            << relay("a", { { 7, enc("Nick;x") } }) << QStringLiteral("a") << QStringLiteral("nickname");
        QTest::newRow("long nickname") << relay("a", { { 7, QByteArray(20, 'N') } }) << QStringLiteral("a")
                                       << QStringLiteral("nickname");
        QTest::newRow("lower-case fingerprint")
            << relay("a", { { 8, "b8898b374efe3153263dde5c81867e0587cd56e2" } }) << QStringLiteral("a")
            << QStringLiteral("fingerprint");
        QTest::newRow("relative preload") << relay("a", { { 12, "libx.so" }, { 14, "0" } })
                                          << QStringLiteral("a") << QStringLiteral("absolute");
        QTest::newRow("preload with quote") << relay("a", { { 12, enc("/usr/lib/x'$(id).so") }, { 14, "0" } })
                                            << QStringLiteral("a") << QStringLiteral("only letters");
        QTest::newRow("preload dotdot") << relay("a", { { 12, "/usr/lib/../../tmp/x.so" }, { 14, "1" } })
                                        << QStringLiteral("a") << QStringLiteral("..");
        QTest::newRow("loaded path with space") << relay("a", { { 16, enc("/tmp/evil lib.so") } })
                                                << QStringLiteral("a") << QStringLiteral("only letters");
        QTest::newRow("running preload bad") << relay("a", { { 15, enc("/x;y.so") } }) << QStringLiteral("a")
                                             << QStringLiteral("only letters");
    }
    void hostile()
    {
        QFETCH(QByteArray, line);
        QFETCH(QString, instance);
        QFETCH(QString, reason);
        const ProbeResult r = ProbeParser::parse(kHead + relay("good") + line + "end 2\n");
        QVERIFY2(r.ok, qPrintable(r.error));
        QCOMPARE(r.relays.size(), 2);
        QVERIFY(r.relays[0].isValid());
        const ProbeRelay &bad = r.relays[1];
        QCOMPARE(bad.instance, instance);
        QVERIFY(!bad.isValid());
        QVERIFY2(bad.invalidReason.contains(reason, Qt::CaseInsensitive), qPrintable(bad.invalidReason));
        QCOMPARE(bad.line, 7);
        QCOMPARE(r.invalidCount(), 1);
    }

    void flags_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<bool>("mismatch");
        QTest::addColumn<bool>("restart");
        QTest::addColumn<bool>("missing");
        const QByteArray mi = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2";
        const QByteArray mir = "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0";
        const QByteArray je = "/usr/lib/x86_64-linux-gnu/libjemalloc.so.2";
        QTest::newRow("glibc") << relay("a") << false << false << false;
        QTest::newRow("mimalloc loaded")
            << relay("a", { { 12, mi }, { 13, mir }, { 14, "1" }, { 15, mi }, { 16, mir } }) << false << false
            << false;
        QTest::newRow("configured, not restarted")
            << relay("a", { { 12, mi }, { 13, mir }, { 14, "1" }, { 15, "-" }, { 16, "-" } }) << true << true
            << false;
        QTest::newRow("other allocator loaded")
            << relay("a", { { 12, mi }, { 13, mir }, { 14, "1" }, { 15, mi }, { 16, je } }) << true << false
            << false;
        QTest::newRow("loaded without config")
            << relay("a", { { 15, je }, { 16, je } }) << true << true << false;
        QTest::newRow("missing file")
            << relay("a", { { 12, "/opt/x/libfoo.so" }, { 13, "%3F" }, { 14, "0" } }) << true << true << true;
        QTest::newRow("drop-in newer") << relay("a", { { 17, "1700000050" } }) << false << true << false;
        QTest::newRow("drop-in older") << relay("a", { { 17, "1700000030" } }) << false << false << false;
        QTest::newRow("unknown without sudo")
            << relay("a", { { 12, mi }, { 13, mir }, { 14, "1" }, { 15, "?" }, { 16, "?" } }) << false
            << false << false;
        QTest::newRow("stopped") << relay("a",
                                          { { 5, "0" }, { 12, mi }, { 13, mir }, { 14, "1" }, { 15, "?" } })
                                 << false << false << false;
    }
    void flags()
    {
        QFETCH(QByteArray, line);
        QFETCH(bool, mismatch);
        QFETCH(bool, restart);
        QFETCH(bool, missing);
        const ProbeResult r = ProbeParser::parse(kHead + line + "end 1\n");
        QVERIFY2(r.ok, qPrintable(r.error));
        const ProbeRelay &rel = r.relays.first();
        QVERIFY2(rel.isValid(), qPrintable(rel.invalidReason));
        QCOMPARE(rel.allocatorMismatch, mismatch);
        QCOMPARE(rel.needsRestart, restart);
        QCOMPARE(rel.preloadMissing, missing);
    }

    void encoding_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("empty") << QString() << QByteArray("-");
        QTest::newRow("dash") << QStringLiteral("-") << QByteArray("%2D");
        QTest::newRow("question mark") << QStringLiteral("?") << QByteArray("%3F");
        QTest::newRow("path") << QStringLiteral("/usr/lib/libx-1.so") << QByteArray("/usr/lib/libx-1.so");
        QTest::newRow("spaces") << QStringLiteral("Debian GNU/Linux") << QByteArray("Debian%20GNU/Linux");
        QTest::newRow("percent") << QStringLiteral("100%") << QByteArray("100%25");
        QTest::newRow("utf8") << QStringLiteral("caf\u00e9") << QByteArray("caf%C3%A9");
        QTest::newRow("newline") << QStringLiteral("a\nb") << QByteArray("a%0Ab");
    }
    void encoding()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, encoded);
        QCOMPARE(ProbeParser::encodeField(value), encoded);
        QString back;
        QVERIFY(ProbeParser::decodeField(encoded, &back));
        QCOMPARE(back, value);
    }

    void labels_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("label");
        QTest::newRow("glibc") << QString() << QStringLiteral("glibc");
        QTest::newRow("unknown") << QStringLiteral("?") << QStringLiteral("unknown (needs sudo)");
        QTest::newRow("mimalloc") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0")
                                  << QStringLiteral("mimalloc 2.0");
        QTest::newRow("jemalloc") << QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2")
                                  << QStringLiteral("jemalloc 2");
        QTest::newRow("tcmalloc minimal")
            << QStringLiteral("/usr/lib/libtcmalloc_minimal.so.4") << QStringLiteral("tcmalloc 4");
        QTest::newRow("custom") << QStringLiteral("/opt/mi3/libmimalloc.so") << QStringLiteral("mimalloc");
    }
    void labels()
    {
        QFETCH(QString, path);
        QFETCH(QString, label);
        QCOMPARE(ProbeParser::allocatorLabel(path), label);
    }
};

QTEST_GUILESS_MAIN(TestProbeParser)
#include "tst_probeparser.moc"
