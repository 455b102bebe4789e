#include "models/deployplan.h"

#include "models/units.h"

#include <QCoreApplication>
#include <QHash>
#include <QRandomGenerator>

namespace alloclab {

namespace {

QString label(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("glibc") : path;
}

bool changes(PlannedRelay::Action a)
{
    return a == PlannedRelay::Action::Put || a == PlannedRelay::Action::Remove
        || a == PlannedRelay::Action::Restart || a == PlannedRelay::Action::RestoreOrig;
}

// The path a drop-in preloads: "" for none; *known false when the content is not ours.
QString pathOfDropIn(bool exists, const QByteArray &content, bool *known)
{
    *known = true;
    if (!exists)
        return {};
    QString p;
    if (remote::parseDropIn(content, &p))
        return p;
    *known = false;
    return {};
}

void planDeploy(PlannedRelay &r)
{
    const RelayObservation &o = r.input.now;
    const QString &want = r.input.wantedPath;
    r.newDropIn = remote::dropInContent(want);
    r.expectPath = want;
    bool prevKnown = true;
    r.previousPath = pathOfDropIn(o.dropInExists, o.dropInContent, &prevKnown);
    if (!prevKnown)
        r.previousPath = o.configuredPreload;
    const bool fileRight
        = want.isEmpty() ? !o.dropInExists : (o.dropInExists && o.dropInContent == r.newDropIn);
    const bool systemdRight = o.configuredPreload == want;
    const bool processRight = deployplan::processMatches(o, want);
    if (fileRight && systemdRight && processRight) {
        r.action = PlannedRelay::Action::Skip;
        r.reason = QCoreApplication::translate("DeployPlan", "already %1: left alone").arg(label(want));
    } else if (fileRight) {
        r.action = PlannedRelay::Action::Restart;
        r.reason = QCoreApplication::translate(
            "DeployPlan", "drop-in already right, the running process is not: reload and restart");
    } else {
        r.action = want.isEmpty() ? PlannedRelay::Action::Remove : PlannedRelay::Action::Put;
        r.reason
            = QCoreApplication::translate("DeployPlan", "%1 -> %2").arg(label(r.previousPath), label(want));
    }
}

void planRollback(PlannedRelay &r)
{
    const RelayObservation &o = r.input.now;
    using B = RelayObservation::Backup;
    bool prevKnown = true;
    r.previousPath = pathOfDropIn(o.dropInExists, o.dropInContent, &prevKnown);
    if (o.orig == B::None) {
        r.action = PlannedRelay::Action::Skip;
        r.reason = QCoreApplication::translate("DeployPlan", "never changed by AllocLab: left alone");
        return;
    }
    r.newDropIn = o.orig == B::Content ? o.origContent : QByteArray();
    bool known = true;
    r.expectPath = pathOfDropIn(o.orig == B::Content, r.newDropIn, &known);
    r.expectUnknown = !known;
    const bool fileRight
        = o.orig == B::Absent ? !o.dropInExists : (o.dropInExists && o.dropInContent == r.newDropIn);
    const bool processRight = r.expectUnknown ? o.isActive() : deployplan::processMatches(o, r.expectPath);
    if (fileRight && processRight) {
        r.action = PlannedRelay::Action::Forget;
        r.reason = QCoreApplication::translate("DeployPlan",
                                               "already as before AllocLab (%1): only the backup is removed")
                       .arg(r.expectUnknown ? QCoreApplication::translate("DeployPlan", "custom drop-in")
                                            : label(r.expectPath));
    } else {
        r.action = PlannedRelay::Action::RestoreOrig;
        r.reason = QCoreApplication::translate("DeployPlan", "%1 -> %2 (as before AllocLab)")
                       .arg(prevKnown ? label(r.previousPath)
                                      : QCoreApplication::translate("DeployPlan", "custom drop-in"),
                            r.expectUnknown ? QCoreApplication::translate("DeployPlan", "custom drop-in")
                                            : label(r.expectPath));
    }
}

remote::ChangeItem::Kind changeKind(PlannedRelay::Action a)
{
    switch (a) {
    case PlannedRelay::Action::Put:
        return remote::ChangeItem::Kind::Put;
    case PlannedRelay::Action::Remove:
        return remote::ChangeItem::Kind::Remove;
    case PlannedRelay::Action::RestoreOrig:
        return remote::ChangeItem::Kind::RestoreOrig;
    default:
        return remote::ChangeItem::Kind::ReloadOnly;
    }
}

void indentInto(QString &out, const QByteArray &text, const QString &prefix)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i == lines.size() - 1 && lines.at(i).isEmpty())
            break;
        out += prefix + QString::fromUtf8(lines.at(i)) + QLatin1Char('\n');
    }
}

} // namespace

int HostPlan::changeCount() const
{
    int n = 0;
    for (const PlannedRelay &r : relays)
        if (r.action != PlannedRelay::Action::Skip)
            ++n;
    return n;
}

int DeployPlan::changeCount() const
{
    int n = 0;
    for (const HostPlan &h : hosts)
        n += h.changeCount();
    return n;
}

namespace deployplan {

bool processMatches(const RelayObservation &o, const QString &path)
{
    if (!o.isActive())
        return false;
    if (path.isEmpty())
        return o.loadedAllocator.isEmpty() && o.processPreload.isEmpty();
    return o.wantedInMaps;
}

HostPlan planHost(const QString &host, const QList<DeployRelayInput> &relays, const DeployOptions &options,
                  QStringList *errors)
{
    HostPlan hp;
    hp.host = host;
    QRandomGenerator rng(options.seed ^ qHash(host));
    QList<int> changing;
    QStringList seenUnits;
    for (const DeployRelayInput &in : relays) {
        PlannedRelay r;
        r.input = in;
        const QString err = remote::checkRelay(
            in.instance, options.mode == DeployOptions::Mode::Deploy ? in.wantedPath : QString());
        const QString unit = remote::unitName(in.instance);
        if (!err.isEmpty()) {
            errors->append(QStringLiteral("%1: %2").arg(host, err));
            r.reason = err;
        } else if (seenUnits.contains(unit)) {
            errors->append(
                QCoreApplication::translate("DeployPlan", "%1: relay %2 is listed twice").arg(host, unit));
            r.reason = QCoreApplication::translate("DeployPlan", "listed twice");
        } else if (!in.now.seen) {
            errors->append(QCoreApplication::translate("DeployPlan",
                                                       "%1: the state of %2 has not been read from the host")
                               .arg(host, unit));
            r.reason = QCoreApplication::translate("DeployPlan", "state not read");
        } else if (!in.now.isActive()) {
            r.reason = QCoreApplication::translate("DeployPlan", "not running (%1): left alone")
                           .arg(in.now.activeState);
        } else if (options.mode == DeployOptions::Mode::Deploy) {
            planDeploy(r);
        } else {
            planRollback(r);
        }
        seenUnits.append(unit);
        if (changes(r.action)) {
            r.jitterMs = options.jitterMaxMs > 0 ? int(rng.bounded(options.jitterMaxMs + 1)) : 0;
            changing.append(int(hp.relays.size()));
        }
        hp.relays.append(r);
    }
    const int canary = qBound(0, options.canary, int(changing.size()));
    const int batch = qMax(1, options.batchSize);
    qsizetype i = 0;
    while (i < changing.size()) {
        PlannedBatch b;
        b.canary = i == 0 && canary > 0;
        const qsizetype n = b.canary ? canary : batch;
        b.relays = changing.mid(i, n);
        i += b.relays.size();
        QList<remote::ChangeItem> ch;
        QList<remote::RestartItem> rs;
        for (int idx : std::as_const(b.relays)) {
            PlannedRelay &r = hp.relays[idx];
            r.canary = b.canary;
            ch.append({ r.input.instance, changeKind(r.action), r.expectPath });
            rs.append({ r.input.instance, r.jitterMs });
        }
        b.change = remote::change(ch);
        b.restart = remote::restart(rs);
        if (!b.change.error.isEmpty())
            errors->append(QStringLiteral("%1: %2").arg(host, b.change.error));
        if (!b.restart.error.isEmpty())
            errors->append(QStringLiteral("%1: %2").arg(host, b.restart.error));
        hp.batches.append(b);
    }
    return hp;
}

DeployPlan plan(const QList<DeployRelayInput> &relays, const DeployOptions &options)
{
    DeployPlan p;
    p.options = options;
    QStringList hostOrder;
    QHash<QString, QList<DeployRelayInput>> byHost;
    for (const DeployRelayInput &in : relays) {
        if (!byHost.contains(in.host))
            hostOrder.append(in.host);
        byHost[in.host].append(in);
    }
    for (const QString &h : std::as_const(hostOrder)) {
        if (h.isEmpty()) {
            p.errors.append(QCoreApplication::translate("DeployPlan", "A relay has no host."));
            continue;
        }
        p.hosts.append(planHost(h, byHost.value(h), options, &p.errors));
    }
    return p;
}

QString actionName(PlannedRelay::Action action)
{
    switch (action) {
    case PlannedRelay::Action::Skip:
        return QCoreApplication::translate("DeployPlan", "unchanged");
    case PlannedRelay::Action::Put:
        return QCoreApplication::translate("DeployPlan", "write drop-in");
    case PlannedRelay::Action::Remove:
        return QCoreApplication::translate("DeployPlan", "remove drop-in");
    case PlannedRelay::Action::Restart:
        return QCoreApplication::translate("DeployPlan", "restart");
    case PlannedRelay::Action::RestoreOrig:
        return QCoreApplication::translate("DeployPlan", "restore");
    case PlannedRelay::Action::Forget:
        return QCoreApplication::translate("DeployPlan", "forget backup");
    }
    return {};
}

QString renderDryRun(const DeployPlan &plan)
{
    QString out;
    const bool rollback = plan.options.mode == DeployOptions::Mode::Rollback;
    // Two counts in one sentence: each is its own plural ("1 relay", "7 relays").
    out += QCoreApplication::translate("DeployPlan",
                                       "%1: %2 to change on %3; batches of %4, canary %5 per host")
               .arg(rollback ? QCoreApplication::translate("DeployPlan", "Rollback plan")
                             : QCoreApplication::translate("DeployPlan", "Deploy plan"),
                    units::relayCount(plan.changeCount()), units::hostCount(plan.hosts.size()))
               .arg(plan.options.batchSize)
               .arg(plan.options.canary)
        + QLatin1Char('\n');
    for (const QString &e : plan.errors)
        out += QCoreApplication::translate("DeployPlan", "REFUSED: %1").arg(e) + QLatin1Char('\n');
    for (const HostPlan &h : plan.hosts) {
        out += QLatin1Char('\n')
            + QCoreApplication::translate("DeployPlan", "== host %1: %2 of %n relay(s) change", nullptr,
                                          int(h.relays.size()))
                  .arg(h.host)
                  .arg(h.changeCount())
            + QLatin1Char('\n');
        for (const PlannedRelay &r : h.relays) {
            const QString unit = remote::unitName(r.input.instance);
            const bool touchesFile = r.action == PlannedRelay::Action::Put
                || r.action == PlannedRelay::Action::Remove || r.action == PlannedRelay::Action::RestoreOrig;
            out += QStringLiteral("%1 %2  [%3]%4 %5\n")
                       .arg(r.action == PlannedRelay::Action::Skip ? QLatin1Char('=') : QLatin1Char('*'))
                       .arg(unit, actionName(r.action),
                            r.canary ? QCoreApplication::translate("DeployPlan", " (canary)") : QString(),
                            r.reason);
            if (!touchesFile)
                continue;
            const QString file = remote::dropInPath(r.input.instance);
            const RelayObservation &o = r.input.now;
            out += QStringLiteral("    --- %1%2\n")
                       .arg(file,
                            o.dropInExists ? QString()
                                           : QCoreApplication::translate("DeployPlan", " (absent)"));
            out += QStringLiteral("    +++ %1%2\n")
                       .arg(file,
                            r.newDropIn.isEmpty() ? QCoreApplication::translate("DeployPlan", " (absent)")
                                                  : QString());
            if (o.dropInExists)
                indentInto(out, o.dropInContent, QStringLiteral("    -"));
            indentInto(out, r.newDropIn, QStringLiteral("    +"));
        }
        for (qsizetype b = 0; b < h.batches.size(); ++b) {
            const PlannedBatch &batch = h.batches.at(b);
            QStringList units;
            for (int idx : batch.relays)
                units << remote::unitName(h.relays.at(idx).input.instance);
            out += QLatin1Char('\n')
                + QCoreApplication::translate("DeployPlan", "-- batch %1%2: %3")
                      .arg(b + 1)
                      .arg(batch.canary ? QCoreApplication::translate("DeployPlan", " (canary)") : QString(),
                           units.join(QStringLiteral(", ")))
                + QLatin1Char('\n');
            out += QCoreApplication::translate(
                       "DeployPlan", "   1. drop-ins and one daemon-reload; stdin of `%1` (`%2` as root):")
                       .arg(QString::fromLatin1(remote::shellCommand(false)),
                            QString::fromLatin1(remote::shellCommand(true)))
                + QLatin1Char('\n');
            indentInto(out, batch.change.text, QStringLiteral("      | "));
            out += QCoreApplication::translate("DeployPlan", "   2. restarts with jitter:")
                + QLatin1Char('\n');
            indentInto(out, batch.restart.text, QStringLiteral("      | "));
            out += QCoreApplication::translate(
                       "DeployPlan",
                       "   3. verify each relay: active, new MainPID, the library in /proc/PID/maps (none "
                       "for "
                       "glibc), "
                       "still the same PID after the settle time; a failing relay is restored from its "
                       "backup.")
                + QLatin1Char('\n');
        }
    }
    return out;
}

} // namespace deployplan
} // namespace alloclab
