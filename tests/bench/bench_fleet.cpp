// Fleet benchmark against the lab (tests/lab/labctl), printed from one run:
//  - connect time (TCP + SSH handshake + host key + auth), median of several;
//  - one probe round trip per lab host, for each relay count the lab offers (10, 50, 100 when
//    hosts of those sizes are up), beside the network round trip and the goal 3 RTT + 25 ms;
//  - the operators' per-relay approach on the same session: one exec of `pgrep -f` + awk per
//    relay, and the ratio;
//  - a fleet refresh of all lab hosts in parallel (cold: with connects; warm: sessions reused).
// Exit 77 (skipped) without a lab.
#include "app/fleetservice.h"
#include "app/probescript.h"
#include "app/ssh/sshsession.h"
#include "models/probeparser.h"
#include "models/validation.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpSocket>
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

std::unique_ptr<SshSession> openSession(const QString &alias, double *connectMs)
{
    auto s = std::make_unique<SshSession>(alias);
    QElapsedTimer t;
    t.start();
    if (!s->configure(hosttarget::parse(alias), labenv::sshConfig()) || !s->connectToHost()
        || s->checkHostKey() != HostKeyStatus::Known || !s->authenticate()) {
        out << "  " << s->lastError() << '\n';
        return nullptr;
    }
    *connectMs = t.nsecsElapsed() / 1e6;
    return s;
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
        << "\n\n";

    // 1. Connect time.
    QList<double> connects;
    for (int i = 0; i < 5; ++i) {
        double c = 0;
        if (openSession(hosts.first(), &c))
            connects << c;
    }
    out << "connect (TCP + handshake + host key + auth), " << hosts.first() << ": median "
        << ms(median(connects)) << " of " << connects.size() << "\n\n";

    // 2. Probe vs per-relay approach, per host (each host size is one relay count).
    const QByteArray script = probeScript();
    QMap<int, QString> bySize; // relay count -> first host of that size
    out << "relays  host       net RTT   exec(true)  probe (median of 10)  goal 3 RTT+25ms  per-relay "
           "pgrep+awk  "
           "ratio\n";
    QStringList aliases; // as the lab user (sudo -n) and as root: the difference is sudo's cost
    for (const QString &h : std::as_const(hosts))
        aliases << h << h + QStringLiteral("-root");
    for (const QString &h : std::as_const(aliases)) {
        double c = 0;
        auto s = openSession(h, &c);
        if (!s)
            continue;
        const double rtt = tcpRttMs(s->hostName());
        QList<double> trues;
        for (int i = 0; i < 10; ++i)
            trues << s->exec("true", {}, 10000).elapsedMs;
        QList<double> probes;
        ProbeResult last;
        for (int i = 0; i < 10; ++i) {
            const ExecResult r = s->exec(QByteArray(kProbeCommand), script, 60000);
            if (!r.ok) {
                out << "  " << h << ": " << r.error << '\n';
                break;
            }
            probes << r.elapsedMs;
            last = ProbeParser::parse(r.out);
        }
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
        out << qSetFieldWidth(6) << Qt::left << n << qSetFieldWidth(0) << "  " << qSetFieldWidth(9) << h
            << qSetFieldWidth(0) << "  " << ms(rtt) << "   " << ms(median(trues)) << "     " << ms(probe)
            << (probe <= goal ? " (ok)" : " (OVER)") << "          " << ms(goal) << "        "
            << ms(perRelayMs) << " (" << perRelayOk << " found)   "
            << QString::number(perRelayMs / probe, 'f', 1) << "x\n";
        bySize.insert(n, h);
    }
    for (int want : { 10, 50, 100 }) {
        if (!bySize.contains(want))
            out << "  " << want << " relays: no lab host of that size is up (labctl up --relays " << want
                << "); not measured\n";
    }
    out << '\n';

    // 3. Fleet refresh of all lab hosts in parallel.
    FleetService fleet;
    fleet.setSshConfig(labenv::sshConfig());
    fleet.setHostKeyPolicy(HostKeyPolicy::Refuse);
    QList<HostRecord> records;
    for (const QString &h : std::as_const(hosts))
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
            return 1;
        }
        const double e = t.nsecsElapsed() / 1e6;
        if (i == 0)
            out << "fleet refresh, " << hosts.size() << " hosts in parallel, " << relays
                << " relays: cold (connect + probe) " << ms(e) << '\n';
        else
            warm << e;
    }
    out << "fleet refresh, warm sessions: median " << ms(median(warm)) << " of " << warm.size()
        << "; local processes launched per poll: 0 (libssh in-process, no ProxyCommand)\n";
    out.flush();
    return failures ? 1 : 0;
}
