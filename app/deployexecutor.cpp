#include "app/deployexecutor.h"

#include "models/hosttarget.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>

namespace alloclab {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

QString label(const QString &path)
{
    return path.isEmpty() ? QStringLiteral("glibc") : path;
}

// Lines "ok N" / "fail N" / "queued N" of a change or restart script.
QList<int> indicesWith(const QByteArray &out, const QByteArray &word)
{
    QList<int> r;
    for (const QByteArray &line : out.split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        bool ok = false;
        if (f.size() == 2 && f.at(0) == word) {
            const int n = f.at(1).toInt(&ok);
            if (ok)
                r << n;
        }
    }
    return r;
}

struct InspectOutcome {
    bool ok = false;
    bool lost = false;
    QString error;
};

InspectOutcome runInspect(RemoteExec &remote, const QList<remote::InspectItem> &items, int timeoutMs,
                          QList<RelayObservation> *obs)
{
    InspectOutcome o;
    const remote::Script s = remote::inspect(items);
    if (!s.ok()) {
        o.error = s.error;
        return o;
    }
    const ExecResult r = remote.exec(s.text, timeoutMs);
    if (!r.ok) {
        o.lost = true;
        o.error = r.error;
        return o;
    }
    if (r.exitStatus != 0) {
        o.error = HostDeployExecutor::tr("the inspect script failed (exit %1): %2")
                      .arg(r.exitStatus)
                      .arg(QString::fromUtf8(r.err).trimmed().left(500));
        return o;
    }
    o.ok = remote::parseInspect(r.out, int(items.size()), obs, &o.error);
    return o;
}

} // namespace

// --- SshRemoteExec -------------------------------------------------------------------------

SshRemoteExec::SshRemoteExec(const QString &name, const QString &target, const QString &configPath)
    : m_name(name)
    , m_target(target)
    , m_config(configPath)
{ }

SshRemoteExec::~SshRemoteExec() = default;

bool SshRemoteExec::connect(QString *error)
{
    m_session = std::make_unique<SshSession>(m_name);
    QString perr;
    const HostTarget t = hosttarget::parse(m_target, &perr);
    if (!t.isValid()) {
        *error = perr;
        return false;
    }
    if (!m_session->configure(t, m_config) || !m_session->connectToHost()) {
        *error = m_session->lastError();
        return false;
    }
    switch (m_session->checkHostKey()) {
    case HostKeyStatus::Known:
        break;
    case HostKeyStatus::Unknown:
        *error = tr("%1: the host key (%2) is not in known_hosts; trust it first (fleet --accept-new).")
                     .arg(m_name, m_session->hostKeyFingerprint());
        return false;
    case HostKeyStatus::Changed:
    case HostKeyStatus::OtherType:
        *error
            = tr("%1: the host key has CHANGED (%2); refused.").arg(m_name, m_session->hostKeyFingerprint());
        return false;
    case HostKeyStatus::Error:
        *error = m_session->lastError();
        return false;
    }
    if (!m_session->authenticate()) {
        *error = m_session->lastError();
        return false;
    }
    const ExecResult id = m_session->exec("id -u", {}, 15000);
    if (!id.ok || id.exitStatus != 0) {
        *error = tr("%1: 'id -u' failed: %2").arg(m_name, id.error);
        return false;
    }
    m_root = id.out.trimmed() == "0";
    if (!m_root) {
        const ExecResult sudo = m_session->exec("sudo -n true", {}, 15000);
        if (!sudo.ok || sudo.exitStatus != 0) {
            *error
                = tr("%1: user %2 has no passwordless sudo, which deploying needs. Add to sudoers (visudo): "
                     "'%2 ALL=(root) NOPASSWD: ALL'")
                      .arg(m_name, m_session->userName());
            return false;
        }
    }
    return true;
}

ExecResult SshRemoteExec::exec(const QByteArray &script, int timeoutMs)
{
    if (!m_session || !m_session->isConnected()) {
        ExecResult r;
        r.connectionLost = true;
        r.error = tr("%1: not connected").arg(m_name);
        return r;
    }
    ExecResult r = m_session->exec(remote::shellCommand(m_root), script, timeoutMs);
    if (!r.ok && (r.timedOut || r.connectionLost))
        m_session->disconnect(); // the state of the channel is unknown: start afresh
    return r;
}

// --- states and reports ----------------------------------------------------------------------

QString relayDeployStateName(RelayDeployState state)
{
    switch (state) {
    case RelayDeployState::Pending:
        return HostDeployExecutor::tr("pending");
    case RelayDeployState::Skipped:
        return HostDeployExecutor::tr("unchanged");
    case RelayDeployState::Changing:
        return HostDeployExecutor::tr("writing");
    case RelayDeployState::Restarting:
        return HostDeployExecutor::tr("restarting");
    case RelayDeployState::Verifying:
        return HostDeployExecutor::tr("verifying");
    case RelayDeployState::VerifiedNew:
        return HostDeployExecutor::tr("verified new");
    case RelayDeployState::Failed:
        return HostDeployExecutor::tr("failed");
    case RelayDeployState::RollingBack:
        return HostDeployExecutor::tr("rolling back");
    case RelayDeployState::VerifiedOld:
        return HostDeployExecutor::tr("verified old");
    case RelayDeployState::RollbackFailed:
        return HostDeployExecutor::tr("rollback failed");
    case RelayDeployState::NotStarted:
        return HostDeployExecutor::tr("not started");
    case RelayDeployState::Unknown:
        return HostDeployExecutor::tr("unknown");
    }
    return {};
}

bool isTerminal(RelayDeployState s)
{
    return s == RelayDeployState::Skipped || s == RelayDeployState::VerifiedNew
        || s == RelayDeployState::VerifiedOld || s == RelayDeployState::RollbackFailed
        || s == RelayDeployState::NotStarted || s == RelayDeployState::Unknown
        || s == RelayDeployState::Failed;
}

bool DeployReport::ok() const
{
    if (aborted || halted || failures > 0)
        return false;
    for (const HostReport &h : hosts)
        if (!h.completed)
            return false;
    return true;
}

QString DeployReport::summary() const
{
    QString s;
    for (const HostReport &h : hosts) {
        int n[12] = {};
        for (const RelayReport &r : h.relays)
            ++n[int(r.state)];
        s += HostDeployExecutor::tr(
                 "%1: %2; %3 verified new, %4 unchanged, %5 rolled back, %6 failed, %7 not started")
                 .arg(h.host,
                      h.completed ? HostDeployExecutor::tr("completed")
                                  : (h.error.isEmpty() ? HostDeployExecutor::tr("stopped") : h.error))
                 .arg(n[int(RelayDeployState::VerifiedNew)])
                 .arg(n[int(RelayDeployState::Skipped)])
                 .arg(n[int(RelayDeployState::VerifiedOld)])
                 .arg(n[int(RelayDeployState::Failed)] + n[int(RelayDeployState::RollbackFailed)]
                      + n[int(RelayDeployState::Unknown)])
                 .arg(n[int(RelayDeployState::NotStarted)] + n[int(RelayDeployState::Pending)])
            + QLatin1Char('\n');
        for (const RelayReport &r : h.relays) {
            if (r.state == RelayDeployState::Failed || r.state == RelayDeployState::RollbackFailed
                || r.state == RelayDeployState::VerifiedOld || r.state == RelayDeployState::Unknown)
                s += QStringLiteral("  %1 %2: %3\n")
                         .arg(remote::unitName(r.instance), relayDeployStateName(r.state), r.message);
        }
    }
    if (halted)
        s += HostDeployExecutor::tr("The rollout HALTED after %n failed relay(s).", nullptr, failures)
            + QLatin1Char('\n');
    if (aborted)
        s += HostDeployExecutor::tr("The rollout was aborted after the batch in flight.") + QLatin1Char('\n');
    return s;
}

// --- HostDeployExecutor ----------------------------------------------------------------------

HostDeployExecutor::HostDeployExecutor(RemoteExec &remote, const QString &host,
                                       const QList<DeployRelayInput> &relays, const DeployOptions &options,
                                       const ExecutorOptions &exec, DeployControl &control,
                                       Callbacks callbacks)
    : m_remote(remote)
    , m_host(host)
    , m_inputs(relays)
    , m_options(options)
    , m_exec(exec)
    , m_control(control)
    , m_cb(std::move(callbacks))
{
    m_report.host = host;
    for (const DeployRelayInput &in : relays) {
        RelayReport r;
        r.host = host;
        r.instance = in.instance;
        r.allocatorId = in.allocatorId;
        r.group = in.group;
        r.relayId = in.relayId;
        r.groupId = in.groupId;
        m_report.relays << r;
    }
}

bool HostDeployExecutor::inspect(RemoteExec &remote, QList<DeployRelayInput> &relays,
                                 DeployOptions::Mode mode, int timeoutMs, QString *error)
{
    QList<remote::InspectItem> items;
    for (const DeployRelayInput &in : std::as_const(relays))
        items.append({ in.instance, mode == DeployOptions::Mode::Deploy ? in.wantedPath : QString() });
    QList<RelayObservation> obs;
    InspectOutcome o = runInspect(remote, items, timeoutMs, &obs);
    if (o.ok && mode == DeployOptions::Mode::Rollback) {
        // Second pass: look for the library the backup preloads.
        bool again = false;
        for (qsizetype i = 0; i < items.size(); ++i) {
            QString p;
            if (obs.at(i).orig == RelayObservation::Backup::Content
                && remote::parseDropIn(obs.at(i).origContent, &p)) {
                items[i].wantedPath = p;
                again = true;
            }
        }
        if (again)
            o = runInspect(remote, items, timeoutMs, &obs);
    }
    if (!o.ok) {
        *error = o.error;
        return false;
    }
    for (qsizetype i = 0; i < relays.size(); ++i)
        relays[i].now = obs.at(i);
    return true;
}

RelayReport *HostDeployExecutor::report(const QString &instance)
{
    for (RelayReport &r : m_report.relays)
        if (r.instance == instance)
            return &r;
    return nullptr;
}

void HostDeployExecutor::setState(const QString &instance, RelayDeployState state, const QString &message,
                                  qint64 pidBefore, qint64 pidAfter)
{
    RelayReport *r = report(instance);
    if (!r)
        return;
    r->state = state;
    r->message = message;
    r->tsMs = nowMs();
    if (pidBefore >= 0)
        r->pidBefore = pidBefore;
    if (pidAfter >= 0)
        r->pidAfter = pidAfter;
    if (m_cb.relay)
        m_cb.relay(*r);
}

void HostDeployExecutor::waitWhilePaused()
{
    while (m_control.paused.load() && !m_control.aborted.load())
        QThread::msleep(100);
}

HostDeployExecutor::Outcome HostDeployExecutor::execScript(const QByteArray &script, QByteArray *out,
                                                           QString *error)
{
    const ExecResult r = m_remote.exec(script, m_exec.execTimeoutMs);
    if (!r.ok) {
        *error = r.error;
        return Outcome::ConnectionLost;
    }
    *out = r.out;
    if (r.exitStatus != 0) {
        *error = tr("remote script failed (exit %1): %2")
                     .arg(r.exitStatus)
                     .arg(QString::fromUtf8(r.err + r.out).trimmed().left(500));
        return Outcome::Error;
    }
    return Outcome::Done;
}

HostDeployExecutor::Outcome HostDeployExecutor::inspectItems(const QList<remote::InspectItem> &items,
                                                             QList<RelayObservation> *obs, QString *error)
{
    const InspectOutcome o = runInspect(m_remote, items, m_exec.execTimeoutMs, obs);
    if (o.ok)
        return Outcome::Done;
    *error = o.error;
    return o.lost ? Outcome::ConnectionLost : Outcome::Error;
}

bool HostDeployExecutor::reconnect()
{
    QElapsedTimer t;
    t.start();
    QString err;
    while (t.elapsed() < m_exec.reconnectMs) {
        if (m_remote.connect(&err)) {
            if (m_cb.step)
                m_cb.step(QStringLiteral("reconnect"), {}, tr("reconnected; re-reading every relay"), true);
            return true;
        }
        m_lastError = err;
        QThread::msleep(2000);
    }
    return false;
}

HostReport HostDeployExecutor::run()
{
    QString err;
    if (!m_remote.connect(&err)) {
        m_report.error = tr("cannot connect: %1").arg(err);
        for (RelayReport &r : m_report.relays)
            r.state = RelayDeployState::NotStarted;
        if (m_cb.step)
            m_cb.step(QStringLiteral("connect"), {}, err, false);
        return m_report;
    }
    for (;;) {
        const Outcome o = runOnce();
        if (o == Outcome::ConnectionLost) {
            if (m_cb.step)
                m_cb.step(QStringLiteral("connection_lost"), {}, m_lastError, false);
            if (reconnect())
                continue;
            m_report.error
                = tr("connection lost (%1); resume re-reads every relay from the host").arg(m_lastError);
            for (RelayReport &r : m_report.relays) {
                if (m_inFlight.contains(r.instance))
                    setState(r.instance, RelayDeployState::Unknown,
                             tr("the connection was lost while it was being changed; a resume re-reads it"));
                else if (!isTerminal(r.state) || r.state == RelayDeployState::Pending)
                    setState(r.instance, RelayDeployState::NotStarted, tr("the connection was lost"));
            }
        }
        break;
    }
    return m_report;
}

bool HostDeployExecutor::preflight(const HostPlan &plan, QString *error)
{
    QStringList problems;
    for (const PlannedRelay &r : plan.relays) {
        const RelayObservation &o = r.input.now;
        const QString unit = remote::unitName(r.input.instance);
        if (!o.unitOk) {
            problems << tr("%1 does not exist (LoadState %2)").arg(unit, o.loadState);
            continue;
        }
        if (r.action == PlannedRelay::Action::Skip || r.action == PlannedRelay::Action::Forget)
            continue;
        if (m_options.mode == DeployOptions::Mode::Deploy && !r.input.wantedPath.isEmpty()
            && o.libraryReadable != 1)
            problems << tr("%1 is missing or not readable (wanted by %2)").arg(r.input.wantedPath, unit);
        if (!o.dirWritable)
            problems
                << tr("the drop-in directory %1 is not writable").arg(remote::dropInDir(r.input.instance));
        if (!o.stateDirWritable)
            problems << tr("the state directory %1 is not writable").arg(remote::stateDir());
    }
    problems.removeDuplicates();
    if (problems.isEmpty())
        return true;
    *error = tr("preflight failed, nothing was changed: %1").arg(problems.join(QStringLiteral("; ")));
    return false;
}

HostDeployExecutor::Outcome HostDeployExecutor::runOnce()
{
    QList<DeployRelayInput> rel = m_inputs;
    QString err;
    {
        QList<remote::InspectItem> items;
        for (const DeployRelayInput &in : std::as_const(rel))
            items.append(
                { in.instance, m_options.mode == DeployOptions::Mode::Deploy ? in.wantedPath : QString() });
        QList<RelayObservation> obs;
        Outcome o = inspectItems(items, &obs, &err);
        if (o == Outcome::Done && m_options.mode == DeployOptions::Mode::Rollback) {
            for (qsizetype i = 0; i < items.size(); ++i) {
                QString p;
                if (obs.at(i).orig == RelayObservation::Backup::Content
                    && remote::parseDropIn(obs.at(i).origContent, &p))
                    items[i].wantedPath = p;
            }
            o = inspectItems(items, &obs, &err);
        }
        if (o != Outcome::Done) {
            m_lastError = err;
            if (o == Outcome::Error) {
                m_report.error = tr("cannot read the relays: %1").arg(err);
                for (RelayReport &r : m_report.relays)
                    r.state = RelayDeployState::NotStarted;
            }
            return o;
        }
        for (qsizetype i = 0; i < rel.size(); ++i)
            rel[i].now = obs.at(i);
    }
    QStringList errors;
    HostPlan plan = deployplan::planHost(m_host, rel, m_options, &errors);
    if (!errors.isEmpty()) {
        m_report.error = errors.join(QStringLiteral("; "));
        for (RelayReport &r : m_report.relays)
            setState(r.instance, RelayDeployState::NotStarted, m_report.error);
        return Outcome::Error;
    }
    if (!preflight(plan, &err)) {
        m_report.error = err;
        if (m_cb.step)
            m_cb.step(QStringLiteral("preflight"), {}, err, false);
        for (const PlannedRelay &r : std::as_const(plan.relays))
            setState(r.input.instance, RelayDeployState::NotStarted, err);
        return Outcome::Error;
    }
    m_report.preflightOk = true;
    if (m_cb.step)
        m_cb.step(QStringLiteral("preflight"), {},
                  tr("preflight ok: %n relay(s) to change", nullptr, plan.changeCount()), true);

    // Relays restarted before a lost connection that now look right: verify them (settle) only.
    QList<VerifyItem> leftover;
    for (const PlannedRelay &r : std::as_const(plan.relays)) {
        if (!m_inFlight.contains(r.input.instance))
            continue;
        if (r.action == PlannedRelay::Action::Skip) {
            VerifyItem v;
            v.instance = r.input.instance;
            v.expectPath = m_options.mode == DeployOptions::Mode::Deploy ? r.input.wantedPath : r.expectPath;
            v.oldPid = -1;
            leftover << v;
        }
    }
    for (const PlannedRelay &r : std::as_const(plan.relays)) {
        RelayReport *rep = report(r.input.instance);
        if (rep)
            rep->changing = rep->changing || r.action != PlannedRelay::Action::Skip
                || m_inFlight.contains(r.input.instance);
        if (r.action == PlannedRelay::Action::Skip && !m_inFlight.contains(r.input.instance)
            && (!rep || rep->state == RelayDeployState::Pending
                || rep->state == RelayDeployState::NotStarted))
            setState(r.input.instance, RelayDeployState::Skipped, r.reason);
        else if (r.action != PlannedRelay::Action::Skip && r.action != PlannedRelay::Action::Forget)
            setState(r.input.instance, RelayDeployState::Pending, r.reason, r.input.now.mainPid);
    }
    if (!leftover.isEmpty()) {
        const Outcome o = verify(leftover);
        if (o != Outcome::Done)
            return o;
        for (const VerifyItem &v : std::as_const(leftover)) {
            m_inFlight.removeAll(v.instance);
            if (v.ok)
                setState(v.instance, RelayDeployState::VerifiedNew, tr("verified after reconnecting"), -1,
                         v.newPid);
            else
                setState(v.instance, RelayDeployState::Unknown, v.reason);
        }
    }

    for (const PlannedBatch &b : std::as_const(plan.batches)) {
        waitWhilePaused();
        if (m_control.aborted.load() || m_control.halted.load()) {
            const QString why = m_control.aborted.load() ? tr("aborted before this batch")
                                                         : tr("halted: too many failures");
            for (int idx : b.relays)
                setState(plan.relays.at(idx).input.instance, RelayDeployState::NotStarted, why);
            for (const PlannedBatch &rest : std::as_const(plan.batches))
                for (int idx : rest.relays)
                    if (report(plan.relays.at(idx).input.instance)->state == RelayDeployState::Pending)
                        setState(plan.relays.at(idx).input.instance, RelayDeployState::NotStarted, why);
            return Outcome::Stopped;
        }
        const Outcome o = runBatch(plan, b);
        if (o != Outcome::Done)
            return o;
    }

    // Rollback: relays already as before lose their (now useless) backups too.
    if (m_options.mode == DeployOptions::Mode::Rollback) {
        QStringList forget;
        for (const PlannedRelay &r : std::as_const(plan.relays))
            if (r.action == PlannedRelay::Action::Forget)
                forget << r.input.instance;
        if (!forget.isEmpty()) {
            QByteArray out;
            const Outcome o = execScript(remote::forgetBackups(forget).text, &out, &err);
            if (o == Outcome::ConnectionLost)
                return o;
            for (const QString &inst : std::as_const(forget))
                setState(inst, RelayDeployState::Skipped,
                         o == Outcome::Done ? tr("already as before AllocLab; backup removed") : err);
        }
    }
    m_report.completed = true;
    return Outcome::Done;
}

HostDeployExecutor::Outcome HostDeployExecutor::runBatch(HostPlan &plan, const PlannedBatch &batch)
{
    QString err;
    QByteArray out;
    QStringList units;
    for (int idx : batch.relays) {
        // In flight from the first write on: a connection lost from here leaves the relay's
        // state unknown (the drop-in may be written), never "not started".
        if (!m_inFlight.contains(plan.relays.at(idx).input.instance))
            m_inFlight << plan.relays.at(idx).input.instance;
        setState(plan.relays.at(idx).input.instance, RelayDeployState::Changing, plan.relays.at(idx).reason);
        units << remote::unitName(plan.relays.at(idx).input.instance);
    }
    // 1. drop-ins + one daemon-reload
    Outcome o = execScript(batch.change.text, &out, &err);
    if (o == Outcome::ConnectionLost) {
        m_lastError = err;
        return o;
    }
    if (m_cb.step)
        m_cb.step(QStringLiteral("write_dropins"), {},
                  (batch.canary ? tr("canary: ") : QString()) + units.join(QStringLiteral(", "))
                      + (o == Outcome::Done ? QString() : QStringLiteral(": ") + err),
                  o == Outcome::Done);
    const QList<int> written = indicesWith(out, "ok");
    const bool reloaded = out.contains("reload ok\n");
    QList<int> failedIdx;
    QStringList failedWhy;
    QList<int> toRestart;
    for (qsizetype i = 0; i < batch.relays.size(); ++i) {
        if (o == Outcome::Done && reloaded && written.contains(int(i)))
            toRestart << batch.relays.at(i);
        else {
            failedIdx << batch.relays.at(i);
            failedWhy << (reloaded ? tr("writing the drop-in failed") : tr("daemon-reload failed"));
            if (!err.isEmpty())
                failedWhy.last() += QStringLiteral(": ") + err;
        }
    }
    // 2. the PIDs before, then the restarts
    QList<VerifyItem> items;
    if (!toRestart.isEmpty()) {
        QList<remote::InspectItem> ii;
        for (int idx : std::as_const(toRestart))
            ii.append({ plan.relays.at(idx).input.instance, plan.relays.at(idx).expectPath });
        QList<RelayObservation> before;
        o = inspectItems(ii, &before, &err);
        if (o != Outcome::Done) {
            m_lastError = err;
            return o == Outcome::ConnectionLost ? o : Outcome::Error;
        }
        QList<remote::RestartItem> rs;
        for (qsizetype i = 0; i < toRestart.size(); ++i) {
            const PlannedRelay &r = plan.relays.at(toRestart.at(i));
            rs.append({ r.input.instance, r.jitterMs });
            VerifyItem v;
            v.instance = r.input.instance;
            v.expectPath = r.expectPath;
            v.expectUnknown = r.expectUnknown;
            v.oldPid = before.at(i).mainPid;
            items << v;
            setState(r.input.instance, RelayDeployState::Restarting, QString(), before.at(i).mainPid);
        }
        o = execScript(remote::restart(rs).text, &out, &err);
        if (o == Outcome::ConnectionLost) {
            m_lastError = err;
            return o;
        }
        if (m_cb.step)
            m_cb.step(QStringLiteral("restart"), {}, units.join(QStringLiteral(", ")), o == Outcome::Done);
        for (VerifyItem &v : items)
            setState(v.instance, RelayDeployState::Verifying, QString());
        // 3. verify
        o = verify(items);
        if (o != Outcome::Done)
            return o;
    }
    QStringList verified;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const VerifyItem &v = items.at(i);
        m_inFlight.removeAll(v.instance);
        if (v.ok) {
            verified << v.instance;
            setState(v.instance, RelayDeployState::VerifiedNew,
                     tr("runs %1 (PID %2)")
                         .arg(v.expectUnknown ? tr("its previous drop-in") : label(v.expectPath))
                         .arg(v.newPid),
                     -1, v.newPid);
            if (m_cb.step)
                m_cb.step(QStringLiteral("verify"), v.instance,
                          tr("verified %1, PID %2").arg(label(v.expectPath)).arg(v.newPid), true);
        } else {
            failedIdx << toRestart.at(i);
            failedWhy << v.reason;
        }
    }
    if (m_options.mode == DeployOptions::Mode::Rollback && !verified.isEmpty()) {
        QByteArray fout;
        if (execScript(remote::forgetBackups(verified).text, &fout, &err) == Outcome::ConnectionLost)
            m_lastError = err; // the backups stay; a second rollback only forgets them
    }
    if (failedIdx.isEmpty())
        return Outcome::Done;
    for (qsizetype i = 0; i < failedIdx.size(); ++i) {
        const QString &inst = plan.relays.at(failedIdx.at(i)).input.instance;
        setState(inst, RelayDeployState::Failed, failedWhy.at(i));
        if (m_cb.step)
            m_cb.step(QStringLiteral("verify"), inst, failedWhy.at(i), false);
    }
    if (m_control.failures.fetch_add(int(failedIdx.size())) + int(failedIdx.size()) >= m_exec.maxFailures)
        m_control.halted.store(true);
    if (m_options.mode == DeployOptions::Mode::Deploy)
        return rollbackRelays(plan, failedIdx, failedWhy);
    return Outcome::Done;
}

HostDeployExecutor::Outcome HostDeployExecutor::rollbackRelays(HostPlan &plan, const QList<int> &relayIdx,
                                                               const QStringList &reasons)
{
    QList<remote::ChangeItem> ch;
    for (int idx : relayIdx) {
        ch.append({ plan.relays.at(idx).input.instance, remote::ChangeItem::Kind::RestorePrev, {} });
        setState(plan.relays.at(idx).input.instance, RelayDeployState::RollingBack,
                 reasons.at(ch.size() - 1));
    }
    QString err;
    QByteArray out;
    Outcome o = execScript(remote::change(ch).text, &out, &err);
    if (o == Outcome::ConnectionLost) {
        m_lastError = err;
        return o;
    }
    const QList<int> restored = indicesWith(out, "ok");
    QList<VerifyItem> items;
    QList<remote::InspectItem> ii;
    QList<int> which;
    for (qsizetype i = 0; i < relayIdx.size(); ++i) {
        const PlannedRelay &r = plan.relays.at(relayIdx.at(i));
        if (!restored.contains(int(i)) || !out.contains("reload ok\n")) {
            setState(r.input.instance, RelayDeployState::RollbackFailed,
                     tr("%1; restoring the previous drop-in failed: %2").arg(reasons.at(i), err));
            continue;
        }
        VerifyItem v;
        v.instance = r.input.instance;
        // After a plain restart the backup predates this run: only "up with a new PID" is checkable.
        v.expectUnknown = r.action == PlannedRelay::Action::Restart;
        v.expectPath = r.previousPath;
        items << v;
        which << int(i);
        ii.append({ v.instance, v.expectPath });
    }
    if (items.isEmpty())
        return Outcome::Done;
    QList<RelayObservation> before;
    o = inspectItems(ii, &before, &err);
    if (o != Outcome::Done) {
        m_lastError = err;
        return o == Outcome::ConnectionLost ? o : Outcome::Error;
    }
    QList<remote::RestartItem> rs;
    for (qsizetype i = 0; i < items.size(); ++i) {
        items[i].oldPid = before.at(i).mainPid;
        rs.append({ items.at(i).instance, 0 });
        m_inFlight << items.at(i).instance;
    }
    o = execScript(remote::restart(rs).text, &out, &err);
    if (o == Outcome::ConnectionLost) {
        m_lastError = err;
        return o;
    }
    o = verify(items);
    if (o != Outcome::Done)
        return o;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const VerifyItem &v = items.at(i);
        m_inFlight.removeAll(v.instance);
        const QString why = reasons.at(which.at(i));
        if (v.ok)
            setState(v.instance, RelayDeployState::VerifiedOld,
                     tr("rolled back to %1 after: %2")
                         .arg(v.expectUnknown ? tr("its previous drop-in") : label(v.expectPath), why),
                     -1, v.newPid);
        else
            setState(v.instance, RelayDeployState::RollbackFailed,
                     tr("%1; rollback failed too: %2").arg(why, v.reason));
        if (m_cb.step)
            m_cb.step(QStringLiteral("rollback"), v.instance, v.ok ? tr("restored and verified") : v.reason,
                      v.ok);
    }
    return Outcome::Done;
}

HostDeployExecutor::Outcome HostDeployExecutor::verify(QList<VerifyItem> &items)
{
    QList<remote::InspectItem> ii;
    for (const VerifyItem &v : std::as_const(items))
        ii.append({ v.instance, v.expectPath });
    QList<qint64> restarts(items.size(), -1);
    QList<bool> pending(items.size(), true);
    QElapsedTimer t;
    t.start();
    QString err;
    QList<RelayObservation> obs;
    auto libraryOk = [](const VerifyItem &v, const RelayObservation &o, QString *why) {
        if (v.expectUnknown || deployplan::processMatches(o, v.expectPath))
            return true;
        if (v.expectPath.isEmpty())
            *why = tr("a preload is still active in PID %1 (maps: %2, LD_PRELOAD: %3)")
                       .arg(o.mainPid)
                       .arg(o.loadedAllocator, o.processPreload);
        else
            *why = tr("%1 is not loaded in PID %2 (not in /proc/%2/maps; loaded allocator: %3)")
                       .arg(v.expectPath)
                       .arg(o.mainPid)
                       .arg(o.loadedAllocator.isEmpty() ? QStringLiteral("none") : o.loadedAllocator);
        return false;
    };
    // Phase 1: back with a new PID and the right library.
    for (;;) {
        const Outcome o = inspectItems(ii, &obs, &err);
        if (o != Outcome::Done) {
            m_lastError = err;
            return o == Outcome::ConnectionLost ? o : Outcome::Error;
        }
        int left = 0;
        for (qsizetype i = 0; i < items.size(); ++i) {
            if (!pending.at(i))
                continue;
            VerifyItem &v = items[i];
            const RelayObservation &ob = obs.at(i);
            if (ob.activeState == QLatin1String("failed")) {
                v.reason = tr("the unit failed to start");
                pending[i] = false;
            } else if (ob.isActive() && (v.oldPid < 0 || ob.mainPid != v.oldPid)) {
                pending[i] = false;
                v.newPid = ob.mainPid;
                restarts[i] = ob.nRestarts;
                if (libraryOk(v, ob, &v.reason))
                    v.ok = true;
            } else {
                ++left;
            }
        }
        if (left == 0)
            break;
        if (t.elapsed() > m_exec.restartTimeoutMs) {
            for (qsizetype i = 0; i < items.size(); ++i)
                if (pending.at(i))
                    items[i].reason = tr("not back with a new PID within %1 s (state %2, PID %3)")
                                          .arg(m_exec.restartTimeoutMs / 1000)
                                          .arg(obs.at(i).activeState)
                                          .arg(obs.at(i).mainPid);
            break;
        }
        QThread::msleep(quint32(m_exec.pollMs));
    }
    bool settling = false;
    for (const VerifyItem &v : std::as_const(items))
        settling = settling || v.ok;
    if (!settling)
        return Outcome::Done;
    // Phase 2: still the same process after the settle time (no crash, no restart loop).
    QThread::msleep(quint32(qMax(0, m_exec.settleMs)));
    const Outcome o = inspectItems(ii, &obs, &err);
    if (o != Outcome::Done) {
        m_lastError = err;
        return o == Outcome::ConnectionLost ? o : Outcome::Error;
    }
    for (qsizetype i = 0; i < items.size(); ++i) {
        VerifyItem &v = items[i];
        if (!v.ok)
            continue;
        const RelayObservation &ob = obs.at(i);
        if (!ob.isActive() || ob.mainPid != v.newPid) {
            v.ok = false;
            v.reason = tr("did not stay up: after %1 s the state is %2 with PID %3 (was %4)")
                           .arg(m_exec.settleMs / 1000.0)
                           .arg(ob.activeState)
                           .arg(ob.mainPid)
                           .arg(v.newPid);
        } else if (restarts.at(i) >= 0 && ob.nRestarts != restarts.at(i)) {
            v.ok = false;
            v.reason = tr("restart loop: systemd restarted it %n time(s) during the settle time", nullptr,
                          int(ob.nRestarts - restarts.at(i)));
        } else if (!libraryOk(v, ob, &v.reason)) {
            v.ok = false;
        }
    }
    return Outcome::Done;
}

} // namespace alloclab
