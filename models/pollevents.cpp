#include "models/pollevents.h"

#include <QHash>

namespace alloclab::pollevents {

// Descriptions are stored data, not UI text: they stay English so that every process writing
// the same database (a German GUI, a collector under cron) produces the same rows, and the
// events export as TorUtils CSV unchanged. Views translate the event type when they show it.

namespace {

QString kb(qint64 v)
{
    return QString::number(v) + QStringLiteral(" kB");
}

EventRecord event(const char *type, const QString &description, Id relayId = 0)
{
    EventRecord e;
    e.type = QLatin1String(type);
    e.description = description;
    e.relayId = relayId;
    return e;
}

// Why a running relay is considered a new process, or empty when it is the same one.
QString restartReason(const PolledRelay &before, const PolledRelay &now)
{
    if (before.pid > 0 && now.pid > 0 && before.pid != now.pid)
        return QStringLiteral("PID %1 -> %2").arg(before.pid).arg(now.pid);
    if (before.startEpoch >= 0 && now.startEpoch >= 0 && before.startEpoch != now.startEpoch)
        return QStringLiteral("start time %1 -> %2").arg(before.startEpoch).arg(now.startEpoch);
    if (before.hwmKb >= 0 && now.hwmKb >= 0 && now.hwmKb < before.hwmKb)
        return QStringLiteral("peak RSS (VmHWM) dropped %1 -> %2").arg(kb(before.hwmKb), kb(now.hwmKb));
    return {};
}

} // namespace

QString relayLabel(const ProbeRelay &relay)
{
    const QString unit = relay.instance.isEmpty() ? relay.unit : QStringLiteral("tor@") + relay.instance;
    return relay.nickname.isEmpty() ? unit : unit + QStringLiteral(" (") + relay.nickname + QLatin1Char(')');
}

PolledRelay observe(const ProbeRelay &relay)
{
    PolledRelay o;
    o.key = relay.unit;
    o.label = relayLabel(relay);
    o.running = relay.isRunning();
    o.state = relay.activeState;
    o.pid = relay.mainPid > 0 ? relay.mainPid : -1;
    o.startEpoch = relay.startEpoch;
    o.hwmKb = relay.hwmKb;
    return o;
}

HostObservation observe(const ProbeResult &result)
{
    HostObservation h;
    h.known = true;
    h.reachable = true;
    h.relaysKnown = true;
    for (const ProbeRelay &r : result.relays) {
        if (r.isValid())
            h.relays << observe(r);
    }
    return h;
}

HostObservation unreachable(const QString &error, bool relaysKnown, const QList<PolledRelay> &lastRelays)
{
    HostObservation h;
    h.known = true;
    h.reachable = false;
    h.relaysKnown = relaysKnown;
    h.error = error;
    h.relays = lastRelays;
    return h;
}

QList<EventRecord> diff(const QString &hostName, const HostObservation &previous,
                        const HostObservation &current)
{
    QList<EventRecord> events;
    const QString prefix = hostName + QStringLiteral(": ");

    if (!current.reachable) {
        if (!previous.known || previous.reachable)
            events << event(kHostUnreachable,
                            prefix + QStringLiteral("unreachable: ")
                                + (current.error.isEmpty() ? QStringLiteral("no answer") : current.error));
        return events;
    }
    if (previous.known && !previous.reachable)
        events << event(kHostReachable,
                        prefix + QStringLiteral("reachable again")
                            + (previous.error.isEmpty()
                                   ? QString()
                                   : QStringLiteral(" (was: ") + previous.error + QLatin1Char(')')));
    if (!previous.known || !previous.relaysKnown)
        return events;

    QHash<QString, const PolledRelay *> before;
    for (const PolledRelay &r : previous.relays)
        before.insert(r.key, &r);
    QHash<QString, const PolledRelay *> now;
    for (const PolledRelay &r : current.relays)
        now.insert(r.key, &r);

    for (const PolledRelay &r : current.relays) {
        if (!r.running)
            continue;
        const PolledRelay *b = before.value(r.key);
        if (!b || !b->running) {
            const QString detail = r.pid > 0 ? QStringLiteral(" (PID %1)").arg(r.pid) : QString();
            events << event(kRelayAppeared, prefix + r.label + QStringLiteral(" is running") + detail,
                            r.relayId);
            continue;
        }
        const QString why = restartReason(*b, r);
        if (!why.isEmpty())
            events << event(kRelayRestarted, prefix + r.label + QStringLiteral(" restarted: ") + why,
                            r.relayId != 0 ? r.relayId : b->relayId);
    }
    for (const PolledRelay &b : previous.relays) {
        if (!b.running)
            continue;
        const PolledRelay *n = now.value(b.key);
        if (n && n->running)
            continue;
        QString why;
        if (!n)
            why = QStringLiteral("is no longer on the host");
        else
            why = QStringLiteral("stopped")
                + (n->state.isEmpty() ? QString() : QStringLiteral(" (") + n->state + QLatin1Char(')'));
        events << event(kRelayVanished, prefix + b.label + QLatin1Char(' ') + why,
                        b.relayId != 0 ? b.relayId : (n ? n->relayId : 0));
    }
    return events;
}

} // namespace alloclab::pollevents
