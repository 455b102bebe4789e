// Fleet benchmark against the lab (tests/lab/labctl), printed from one run:
//  - connect time (TCP + SSH handshake + host key + auth), median of several;
//  - one probe round trip for 10, 50 and 100 relays on one host: the lab's lab1 (10) and two
//    extra hosts this benchmark starts beside the lab with `labctl add-host --relays 50|100`
//    and removes at the end (extra hosts of those sizes that are already up are used and left
//    alone; ALLOCLAB_BENCH_RELAYS=10 measures the lab's hosts only). Per host and login
//    (sudo user, root): the network round trip, exec(true) (SSH channel + login shell),
//    exec(sudo -n true), the probe cold (its cache on the host removed first) and warm as one
//    exec per poll, and the resident probe the app uses (median of 20), beside the goal
//    3 RTT + 25 ms;
//  - the operators' per-relay approach on the same session: one exec of `pgrep -f` + awk per
//    relay, and the ratio to the resident probe;
//  - a fleet refresh of all those hosts in parallel (cold: with connects; warm: sessions reused).
// Exit 77 (skipped) without a lab.
#include "app/fleetservice.h"
#include "app/probescript.h"
#include "app/ssh/sshsession.h"
#include "models/probeparser.h"
#include "models/validation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <cstdio>

#include "../integration/labenv.h"

using namespace alloclab;

namespace {

QTextStream out(stdout);

double median(QList<double> v)
{
    if (v.isEmpty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v.at(v.size() / 2) : (v.at(v.size() / 2 - 1) + v.at(v.size() / 2)) / 2;
}

QString ms(double v)
{
    return QString::number(v, 'f', 2) + QStringLiteral(" ms");
}

double tcpRttMs(const QString &address)
{
    QList<double> v;
    for (int i = 0; i < 7; ++i) {
        QTcpSocket s;
        QElapsedTimer t;
        t.start();
        s.connectToHost(address, 22);
        if (!s.waitForConnected(3000))
            return -1;
        v << t.nsecsElapsed() / 1e6; // SYN -> SYN/ACK: one network round trip
        s.abort();
    }
    return median(v);
}

std::unique_ptr<SshSession> openSession(const QString &alias, double *connectMs,
                                        const QString &config = labenv::sshConfig())
{
    auto s = std::make_unique<SshSession>(alias);
    QElapsedTimer t;
    t.start();
    if (!s->configure(hosttarget::parse(alias), config) || !s->connectToHost()
        || s->checkHostKey() != HostKeyStatus::Known || !s->authenticate()) {
        out << "  " << s->lastError() << '\n';
        return nullptr;
    }
    *connectMs = t.nsecsElapsed() / 1e6;
    return s;
}

// Extra hosts (xlabN) that `labctl status` lists as running: relay count -> name.
QMap<int, QString> runningExtraHosts()
{
    QMap<int, QString> by;
    const QStringList lines = labenv::run({ QStringLiteral("status") }).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() >= 7 && f.at(0).startsWith(QLatin1String("xlab")) && f.at(3) == QLatin1String("running")
            && f.at(4) == QLatin1String("active")) {
            const QStringList at = f.at(6).split(QLatin1Char('/'));
            if (at.size() == 2 && at.at(0) == at.at(1))
                by.insert(at.at(1).toInt(), f.at(0));
        }
    }
    return by;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    registerProbeMetaTypes();
    const QStringList hosts = labenv::runningHosts();
    const QString why = labenv::unavailable(1);
    if (!why.isEmpty()) {
        out << "bench_fleet: skipped: " << why << '\n';
        return 77;
    }
    out << "bench_fleet: lab hosts " << hosts.join(QLatin1Char(' ')) << ", ssh_config " << labenv::sshConfig()
        << "\n";

    // Extra hosts for 50 and 100 relays on one host, beside the shared lab (never changing it).
    QList<int> sizes;
    const QStringList wanted = qEnvironmentVariable("ALLOCLAB_BENCH_RELAYS", QStringLiteral("10,50,100"))
                                   .split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &w : wanted)
        sizes << w.toInt();
    QStringList started; // extra hosts this run started, removed at the end
    QMap<int, QString> extra = runningExtraHosts();
    for (int n : std::as_const(sizes)) {
        if (n <= 10 || extra.contains(n))
            continue;
        QElapsedTimer t;
        t.start();
        QString error;
        const QString name
            = labenv::run({ QStringLiteral("add-host"), QStringLiteral("--relays"), QString::number(n) },
                          &error, 900000)
                  .trimmed();
        if (name.isEmpty()) {
            out << "  labctl add-host --relays " << n << " failed: " << error << '\n';
            continue;
        }
        out << "started extra host " << name << " with " << n << " relays in "
            << QString::number(t.elapsed() / 1000.0, 'f', 1) << " s (labctl add-host)\n";
        started << name;
        extra.insert(n, name);
    }
    auto cleanup = [&] {
        for (const QString &name : std::as_const(started)) {
            QString error;
            labenv::run({ QStringLiteral("remove-host"), name }, &error, 120000);
            if (!error.isEmpty())
                out << "  labctl remove-host " << name << " failed: " << error << '\n';
            else
                out << "removed extra host " << name << '\n';
        }
        out.flush();
    };
    const QString extraConfig = labenv::labDir() + QStringLiteral("/extra_ssh_config");
    // One ssh_config for the fleet refresh: the extra hosts' first (the first match wins, and
    // the lab's own files may be rewritten meanwhile by a labctl that does not know them),
    // then the lab's. Absolute paths in both, so they concatenate.
    QTemporaryDir tmp;
    const QString allConfig = tmp.filePath(QStringLiteral("ssh_config"));
    {
        QFile a(labenv::sshConfig()), b(extraConfig), all(allConfig);
        if (all.open(QIODevice::WriteOnly)) {
            if (!extra.isEmpty() && b.open(QIODevice::ReadOnly))
                all.write(b.readAll() + "\n");
            if (a.open(QIODevice::ReadOnly))
                all.write(a.readAll());
        }
    }
    out << '\n';

    // 1. Connect time.
    QList<double> connects;
    for (int i = 0; i < 5; ++i) {
        double c = 0;
        if (openSession(hosts.first(), &c))
            connects << c;
    }
    out << "connect (TCP + handshake + host key + auth), " << hosts.first() << ": median "
        << ms(median(connects)) << " of " << connects.size() << "\n\n";

    // 2. Probe vs per-relay approach, per host size and login (sudo user, root: the difference
    // is what sudo costs).
    const QByteArray script = probeScript();
    QMap<int, QString> bySize; // relay count -> first host of that size
    out << "relays host       net RTT  exec(true)  exec(sudo)  probe cold  probe exec warm  probe resident "
           "(median of 20)  goal 3RTT+25ms  per-relay pgrep+awk     ratio\n";
    QList<QPair<QString, QString>> aliases; // alias, ssh_config
    for (int n : std::as_const(sizes)) {
        const QString h = n <= 10 ? hosts.first() : extra.value(n);
        const QString config = n <= 10 ? labenv::sshConfig() : extraConfig;
        if (h.isEmpty())
            continue;
        aliases << qMakePair(h, config) << qMakePair(h + QStringLiteral("-root"), config);
    }
    for (const auto &[h, config] : std::as_const(aliases)) {
        double c = 0;
        auto s = openSession(h, &c, config);
        if (!s)
            continue;
        const double rtt = tcpRttMs(s->hostName());
        QList<double> trues, sudos;
        for (int i = 0; i < 10; ++i) {
            trues << s->exec("true", {}, 10000).elapsedMs;
            sudos << s->exec("sudo -n true", {}, 10000).elapsedMs;
        }
        // Cold: without the probe's cache on the host (tor --version, systemctl show, maps).
        s->exec("sudo -n rm -f /run/alloclab-probe.cache", {}, 10000);
        const ExecResult cold = s->exec(QByteArray(kProbeCommand), script, 60000);
        // Warm, as one exec per poll (the fallback), and resident (what a poll costs the app:
        // one request to the probe shell kept on the connection).
        QList<double> execs, probes;
        ProbeResult last;
        for (int i = 0; i < 20; ++i) {
            const ExecResult r = s->exec(QByteArray(kProbeCommand), script, 60000);
            if (!r.ok) {
                out << "  " << h << ": " << r.error << '\n';
                break;
            }
            execs << r.elapsedMs;
        }
        if (!s->startResident(QByteArray(kProbeCommand), residentProbeInit())) {
            out << "  " << h << ": " << s->lastError() << '\n';
            continue;
        }
        for (quint64 i = 0; i < 21; ++i) {
            const ExecResult r = s->requestResident(residentProbeRequest(i), residentProbeMarker(i), 60000);
            if (!r.ok) {
                out << "  " << h << ": " << r.error << '\n';
                break;
            }
            if (i > 0) // the first one includes the shell's start (and sudo)
                probes << r.elapsedMs;
            last = ProbeParser::parse(r.out);
        }
        s->stopResident();
        if (!last.ok) {
            out << "  " << h << ": probe output not understood: " << last.error << '\n';
            continue;
        }
        const int n = int(last.relays.size());
        // Today's scripts: per relay, `pgrep -f` to find the PID, then awk for VmRSS; one
        // command per relay over the same SSH session.
        QElapsedTimer t;
        t.start();
        int perRelayOk = 0;
        for (const ProbeRelay &rel : std::as_const(last.relays)) {
            if (!validation::isValidInstance(rel.instance))
                continue;
            const QByteArray cmd = "pid=$(pgrep -f "
                + validation::shellQuote(QStringLiteral("instances/") + rel.instance
                                         + QStringLiteral("/torrc"))
                      .toUtf8()
                + " | head -n1); awk '/^VmRSS/ {print $2}' /proc/$pid/status";
            const ExecResult r = s->exec(cmd, {}, 10000);
            if (r.ok && r.exitStatus == 0 && !r.out.trimmed().isEmpty())
                ++perRelayOk;
        }
        const double perRelayMs = t.nsecsElapsed() / 1e6;
        const double probe = median(probes);
        const double goal = 3 * rtt + 25;
        out << qSetFieldWidth(6) << Qt::left << n << qSetFieldWidth(11) << h << qSetFieldWidth(0) << ms(rtt)
            << "  " << ms(median(trues)) << "  " << ms(median(sudos)) << "  " << ms(cold.elapsedMs) << "  "
            << ms(median(execs)) << "       " << ms(probe) << (probe <= goal ? " (ok)  " : " (OVER)")
            << "             " << ms(goal) << "        " << ms(perRelayMs) << " (" << perRelayOk
            << " found)  " << QString::number(perRelayMs / probe, 'f', 1) << "x\n";
        bySize.insert(n, h);
    }
    for (int want : std::as_const(sizes)) {
        if (!bySize.contains(want))
            out << "  " << want << " relays: no lab host of that size; not measured\n";
    }
    out << '\n';

    // 3. Fleet refresh of all lab hosts in parallel.
    FleetService fleet;
    fleet.setSshConfig(allConfig);
    fleet.setHostKeyPolicy(HostKeyPolicy::Refuse);
    QList<HostRecord> records;
    QStringList fleetHosts = hosts;
    for (const QString &h : std::as_const(extra))
        fleetHosts << h;
    for (const QString &h : std::as_const(fleetHosts))
        records << HostRecord { 0, h, h, {} };
    fleet.setHosts(records);
    int relays = 0;
    int failures = 0;
    QObject::connect(
        &fleet, &FleetService::probeAvailable, &app,
        [&](const QString &, const ProbeResult &r, double, quint64) { relays += int(r.relays.size()); });
    QObject::connect(&fleet, &FleetService::hostFailed, &app, [&](const QString &name, const QString &msg) {
        ++failures;
        out << "  " << name << ": " << msg << '\n';
    });
    QSignalSpy done(&fleet, &FleetService::refreshFinished);
    QList<double> warm;
    for (int i = 0; i < 6; ++i) {
        relays = 0;
        QElapsedTimer t;
        t.start();
        fleet.refresh();
        if (!done.wait(120000)) {
            out << "  refresh did not finish\n";
            cleanup();
            return 1;
        }
        const double e = t.nsecsElapsed() / 1e6;
        if (i == 0)
            out << "fleet refresh, " << fleetHosts.size() << " hosts in parallel, " << relays
                << " relays: cold (connect + probe) " << ms(e) << '\n';
        else
            warm << e;
    }
    out << "fleet refresh, warm sessions: median " << ms(median(warm)) << " of " << warm.size()
        << "; local processes launched per poll: 0 (libssh in-process, no ProxyCommand)\n";
    cleanup();
    return failures ? 1 : 0;
}
