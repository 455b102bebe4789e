#include "app/cli/cli.h"
#include "app/database.h"
#include "app/fleetservice.h"
#include "models/hosttarget.h"
#include "models/probeparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace alloclab::cli {

namespace {

struct HostOutcome {
    bool answered = false;
    bool ok = false;
    QString error;
    ProbeResult result;
    double rttMs = 0;
};

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

QString num(qint64 v)
{
    return v < 0 ? QStringLiteral("-") : QString::number(v);
}

QString privilegeName(ProbePrivilege p)
{
    switch (p) {
    case ProbePrivilege::Root:
        return QStringLiteral("root");
    case ProbePrivilege::Sudo:
        return QStringLiteral("sudo");
    case ProbePrivilege::None:
        return QStringLiteral("none");
    case ProbePrivilege::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

// configured allocator: the LD_PRELOAD path or "none"; loaded: the mapped file, "glibc"... as CLI.md says.
QString configured(const ProbeRelay &r)
{
    return r.configuredPreload.isEmpty() ? QStringLiteral("none") : r.configuredPreload;
}

QString loaded(const ProbeRelay &r)
{
    if (r.loadedUnknown())
        return QStringLiteral("unknown");
    return r.loadedAllocator.isEmpty() ? QStringLiteral("none") : r.loadedAllocator;
}

QJsonObject relayJson(const QString &host, const ProbeRelay &r)
{
    QJsonObject o;
    o.insert(QStringLiteral("host"), host);
    o.insert(QStringLiteral("instance"), r.instance);
    o.insert(QStringLiteral("unit"), r.unit);
    o.insert(QStringLiteral("state"), r.activeState);
    o.insert(QStringLiteral("pid"), r.mainPid);
    o.insert(QStringLiteral("nickname"), r.nickname);
    o.insert(QStringLiteral("fingerprint"), r.fingerprint);
    o.insert(QStringLiteral("rss_kb"), r.rssKb);
    o.insert(QStringLiteral("hwm_kb"), r.hwmKb);
    o.insert(QStringLiteral("vmsize_kb"), r.vmSizeKb);
    o.insert(QStringLiteral("configured_allocator"), configured(r));
    o.insert(QStringLiteral("loaded_allocator"), loaded(r));
    o.insert(QStringLiteral("needs_restart"), r.needsRestart);
    if (!r.isValid())
        o.insert(QStringLiteral("invalid"), r.invalidReason);
    return o;
}

int fleet(Context &ctx, const QStringList &argsIn)
{
    QStringList names;
    bool acceptNew = false;
    int connectMs = 10000;
    int commandMs = 60000;
    for (qsizetype i = 0; i < argsIn.size(); ++i) {
        const QString &a = argsIn.at(i);
        auto value = [&](const QString &opt, QString *out) {
            if (a == opt && i + 1 < argsIn.size()) {
                *out = argsIn.at(++i);
                return true;
            }
            if (a.startsWith(opt + QLatin1Char('='))) {
                *out = a.mid(opt.size() + 1);
                return true;
            }
            return false;
        };
        QString v;
        if (value(QStringLiteral("--host"), &v)) {
            names << v;
        } else if (a == QLatin1String("--accept-new")) {
            acceptNew = true;
        } else if (value(QStringLiteral("--connect-timeout"), &v)
                   || value(QStringLiteral("--command-timeout"), &v)) {
            bool ok = false;
            const double s = v.toDouble(&ok);
            if (!ok || s <= 0 || s > 3600)
                return ctx.usage(
                    QCoreApplication::translate("Cli", "'%1' needs a number of seconds (0 < s <= 3600).")
                        .arg(a));
            (a.startsWith(QLatin1String("--connect")) ? connectMs : commandMs) = int(s * 1000);
        } else {
            return ctx.usage(QCoreApplication::translate("Cli", "Unknown argument '%1' for 'fleet'.").arg(a));
        }
    }

    // Hosts come from the database; a --host that is not stored but is a valid target (e.g.
    // an ssh_config alias) is probed as given, without being stored.
    QList<HostRecord> hosts;
    Database db;
    QString dbError;
    const bool haveDb = db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &dbError);
    if (names.isEmpty()) {
        if (!haveDb)
            return ctx.fail(dbError);
        hosts = db.hosts();
        if (hosts.isEmpty())
            return ctx.fail(QCoreApplication::translate(
                                "Cli", "No hosts in %1. Add one with 'alloclab-cli hosts add TARGET'.")
                                .arg(ctx.dbPath));
    } else {
        for (const QString &n : std::as_const(names)) {
            std::optional<HostRecord> h;
            if (haveDb)
                h = db.host(n);
            if (!h) {
                QString err;
                const HostTarget t = hosttarget::parse(n, &err);
                if (!t.isValid())
                    return ctx.fail(
                        QCoreApplication::translate(
                            "Cli",
                            "There is no host named '%1' (see 'hosts list'), and it is not a target: %2")
                            .arg(n, err));
                h = HostRecord { 0, n, t.toString(), {} };
            }
            if (std::none_of(hosts.cbegin(), hosts.cend(),
                             [&](const HostRecord &x) { return x.name == h->name; }))
                hosts << *h;
        }
    }
    db.close();

    FleetService service;
    service.setSshConfig(ctx.sshConfigPath);
    service.setTimeouts(connectMs, commandMs);
    service.setHostKeyPolicy(acceptNew ? HostKeyPolicy::AcceptNew : HostKeyPolicy::Refuse);
    service.setKeepalive(0, false);
    service.setHosts(hosts);

    QHash<QString, HostOutcome> outcome;
    QEventLoop loop;
    quint64 gen = 0;
    QObject::connect(&service, &FleetService::probeAvailable, &loop,
                     [&](const QString &name, const ProbeResult &r, double rtt, quint64) {
                         HostOutcome &o = outcome[name];
                         o.answered = o.ok = true;
                         o.result = r;
                         o.rttMs = rtt;
                         ctx.progress(QCoreApplication::translate("Cli", "%1: %n relay(s), %2 ms", nullptr,
                                                                  int(r.relays.size()))
                                          .arg(name, QString::number(rtt, 'f', 1)));
                     });
    QObject::connect(&service, &FleetService::hostFailed, &loop,
                     [&](const QString &name, const QString &msg) {
                         HostOutcome &o = outcome[name];
                         o.answered = true;
                         o.error = msg;
                     });
    QObject::connect(&service, &FleetService::refreshFinished, &loop, [&](quint64 g) {
        if (g == gen)
            loop.quit();
    });
    gen = service.refresh();
    // Each host is bounded by its own timeouts; this only guards against a bug.
    QTimer::singleShot(connectMs + commandMs + 30000, &loop, &QEventLoop::quit);
    loop.exec();

    int failed = 0;
    QJsonArray jsonHosts;
    QStringList table;
    for (const HostRecord &h : std::as_const(hosts)) {
        const HostOutcome o = outcome.value(h.name);
        if (!o.ok) {
            ++failed;
            *ctx.err << "alloclab-cli: "
                     << (o.answered ? o.error
                                    : QCoreApplication::translate("Cli", "%1: no answer").arg(h.name))
                     << '\n';
        }
        const ProbeResult &r = o.result;
        const QString hint = r.sudoersLine();
        if (o.ok && r.privilege == ProbePrivilege::None && !ctx.quiet) {
            *ctx.err << QCoreApplication::translate(
                            "Cli",
                            "%1: user '%2' is neither root nor allowed passwordless sudo, so the loaded "
                            "allocator and the fingerprints are unknown. To fix it, add this line on the "
                            "host with 'visudo -f /etc/sudoers.d/alloclab':\n    %3")
                            .arg(h.name, r.host.user, hint.isEmpty() ? QStringLiteral("?") : hint)
                     << '\n';
        }
        for (const QString &w : r.warnings)
            *ctx.err << h.name << ": " << w << '\n';
        if (ctx.json) {
            QJsonObject ho;
            ho.insert(QStringLiteral("name"), h.name);
            ho.insert(QStringLiteral("target"), h.target);
            ho.insert(QStringLiteral("ok"), o.ok);
            if (!o.ok)
                ho.insert(QStringLiteral("error"), o.answered ? o.error : QStringLiteral("no answer"));
            else {
                ho.insert(QStringLiteral("rtt_ms"), o.rttMs);
                ho.insert(QStringLiteral("hostname"), r.host.hostname);
                ho.insert(QStringLiteral("privilege"), privilegeName(r.privilege));
                if (!hint.isEmpty())
                    ho.insert(QStringLiteral("sudoers_hint"), hint);
            }
            QJsonArray relays;
            for (const ProbeRelay &rel : r.relays)
                relays.append(relayJson(h.name, rel));
            ho.insert(QStringLiteral("relays"), relays);
            jsonHosts.append(ho);
        } else {
            for (const ProbeRelay &rel : r.relays) {
                table << QStringList { h.name,
                                       orDash(rel.instance.isEmpty() ? rel.unit : rel.instance),
                                       orDash(rel.activeState),
                                       rel.mainPid > 0 ? QString::number(rel.mainPid) : QStringLiteral("-"),
                                       orDash(rel.nickname),
                                       orDash(rel.fingerprint),
                                       num(rel.rssKb),
                                       num(rel.hwmKb),
                                       num(rel.vmSizeKb),
                                       configured(rel),
                                       loaded(rel),
                                       rel.needsRestart ? QStringLiteral("yes") : QStringLiteral("no") }
                             .join(QLatin1Char('\t'));
            }
        }
    }
    if (ctx.json) {
        QJsonObject root;
        root.insert(QStringLiteral("hosts"), jsonHosts);
        *ctx.out << QJsonDocument(root).toJson(QJsonDocument::Compact) << '\n';
    } else {
        if (!ctx.quiet)
            *ctx.out << "host\tinstance\tstate\tpid\tnickname\tfingerprint\trss_kb\thwm_kb\tvmsize_"
                        "kb\tconfigured\tloaded\tneeds_restart\n";
        for (const QString &line : std::as_const(table))
            *ctx.out << line << '\n';
    }
    ctx.out->flush();
    ctx.err->flush();
    return failed ? Failed : Ok;
}

} // namespace

void registerFleetCommands(CommandTable &table)
{
    table.add(
        { { QStringLiteral("fleet") },
          QStringLiteral(
              "fleet [--host NAME]... [--json] [--accept-new] [--connect-timeout S] [--command-timeout S]"),
          QCoreApplication::translate("Cli", "show every relay with its memory and allocator"),
          fleet });
}

} // namespace alloclab::cli
