#include "app/ssh/hostworker.h"

#include "app/probescript.h"
#include "models/hosttarget.h"
#include "models/probeparser.h"

#include <QTimer>

namespace alloclab {

QString hostStateName(HostState state)
{
    switch (state) {
    case HostState::Idle:
        return QCoreApplication::translate("HostState", "idle");
    case HostState::Connecting:
        return QCoreApplication::translate("HostState", "connecting");
    case HostState::Connected:
        return QCoreApplication::translate("HostState", "connected");
    case HostState::Probing:
        return QCoreApplication::translate("HostState", "probing");
    case HostState::HostKeyUnknown:
        return QCoreApplication::translate("HostState", "host key unknown");
    case HostState::Backoff:
        return QCoreApplication::translate("HostState", "reconnecting");
    case HostState::Failed:
        return QCoreApplication::translate("HostState", "failed");
    case HostState::HostKeyChanged:
        return QCoreApplication::translate("HostState", "refused: host key changed");
    }
    return {};
}

HostWorker::HostWorker(const HostRecord &host, const HostWorkerSettings &settings,
                       std::shared_ptr<CancelToken> cancel, std::shared_ptr<std::atomic_bool> stop)
    : m_host(host)
    , m_settings(settings)
    , m_token(std::move(cancel))
    , m_stop(std::move(stop))
    , m_keepalive(new QTimer(this))
    , m_reconnect(new QTimer(this))
{
    // Children move with the worker to its thread, so the timers fire there.
    m_keepalive->setSingleShot(true);
    m_reconnect->setSingleShot(true);
    connect(m_keepalive, &QTimer::timeout, this, &HostWorker::onKeepalive);
    connect(m_reconnect, &QTimer::timeout, this, &HostWorker::onReconnect);
}

HostWorker::~HostWorker() = default;

void HostWorker::setState(HostState state, const QString &message)
{
    m_state = state;
    Q_EMIT stateChanged(m_host.name, state, message);
}

void HostWorker::applySettings(const HostWorkerSettings &settings)
{
    const bool reconnect = settings.sshConfig != m_settings.sshConfig
        || settings.connectTimeoutMs != m_settings.connectTimeoutMs;
    m_settings = settings;
    if (reconnect && m_session) {
        m_session->disconnect();
        m_session.reset();
    }
}

void HostWorker::shutdown()
{
    m_keepalive->stop();
    m_reconnect->stop();
    m_session.reset();
}

bool HostWorker::ensureConnected(quint64 generation, QString *error)
{
    m_currentGeneration = generation;
    if (m_session && m_session->isConnected())
        return true;
    m_reconnect->stop();
    if (!m_session) {
        m_session = std::make_unique<SshSession>(m_host.name);
        m_session->setCancelCheck(
            [this] { return stopping() || m_currentGeneration <= m_token->cancelledUpTo.load(); });
    }
    m_session->setConnectTimeout(m_settings.connectTimeoutMs);
    QString parseError;
    const HostTarget target = hosttarget::parse(m_host.target, &parseError);
    if (!target.isValid()) {
        *error = m_host.name + QStringLiteral(": ") + parseError;
        return false;
    }
    if (!m_session->configure(target, m_settings.sshConfig)) {
        *error = m_session->lastError();
        return false;
    }
    setState(HostState::Connecting);
    if (!m_session->connectToHost()) {
        *error = m_session->lastError();
        return false;
    }
    const HostKeyStatus key = m_session->checkHostKey();
    if (key == HostKeyStatus::Unknown) {
        const QString fp = m_session->hostKeyFingerprint();
        bool accept = false;
        bool remember = false;
        if (m_settings.hostKeyPolicy == HostKeyPolicy::AcceptNew) {
            accept = remember = true;
        } else if (!m_trustedOnce.isEmpty() && m_trustedOnce == fp) {
            accept = true;
            remember = m_rememberTrusted;
        }
        if (!accept) {
            *error = m_session->lastError();
            m_session->disconnect();
            if (m_settings.hostKeyPolicy == HostKeyPolicy::Ask) {
                if (m_refused) {
                    *error += tr("; you refused it");
                } else {
                    m_pendingFingerprint = fp;
                    setState(HostState::HostKeyUnknown, fp);
                    Q_EMIT hostKeyUnknown(m_host.name, fp);
                }
            } else {
                *error += tr(". Check the fingerprint with the server's administrator, then run again with "
                             "--accept-new to record it.");
            }
            return false;
        }
        if (remember && !m_session->rememberHostKey()) {
            *error = m_session->lastError();
            m_session->disconnect();
            return false;
        }
        m_rememberTrusted = false; // written once is enough
    } else if (key != HostKeyStatus::Known) {
        *error = m_session->lastError();
        m_session->disconnect();
        if (key == HostKeyStatus::Changed || key == HostKeyStatus::OtherType)
            setState(HostState::HostKeyChanged, *error);
        return false;
    }
    if (!m_session->authenticate()) {
        *error = m_session->lastError();
        return false;
    }
    m_failures = 0;
    m_everConnected = true;
    setState(HostState::Connected,
             tr("connected in %1 ms").arg(QString::number(m_session->connectMs(), 'f', 1)));
    return true;
}

void HostWorker::runProbe(quint64 generation)
{
    ExecResult r;
    QString error;
    if (!ensureConnected(generation, &error)) {
        if (m_state != HostState::HostKeyUnknown && m_state != HostState::HostKeyChanged)
            setState(HostState::Failed, error);
        ++m_failures;
        Q_EMIT failed(m_host.name, generation, error);
        return;
    }
    setState(HostState::Probing);
    r = probeRoundTrip();
    if (!r.ok) {
        setState(r.connectionLost ? HostState::Backoff : HostState::Connected, r.error);
        if (r.connectionLost)
            scheduleReconnect();
        Q_EMIT failed(m_host.name, generation, r.error);
        return;
    }
    ProbeResult result = ProbeParser::parse(r.out);
    if (!result.ok) {
        QString msg = tr("%1: the probe's output could not be read: %2").arg(m_host.name, result.error);
        if (r.exitStatus != 0 || !r.err.isEmpty())
            msg += tr(" (exit status %1: %2)")
                       .arg(r.exitStatus)
                       .arg(QString::fromUtf8(r.err.left(500)).trimmed());
        setState(HostState::Connected, msg);
        Q_EMIT failed(m_host.name, generation, msg);
        restartKeepalive();
        return;
    }
    setState(HostState::Connected);
    Q_EMIT probeFinished(m_host.name, generation, result, r.elapsedMs);
    restartKeepalive();
}

ExecResult HostWorker::probeRoundTrip()
{
    // The resident probe, started on the first poll of a connection; when it is gone (the
    // shell ended, a timeout stopped it) it is started again once, and when it cannot run at
    // all, the probe runs as one exec.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (!m_session->hasResident()
            && !m_session->startResident(QByteArray(kProbeCommand), residentProbeInit()))
            break;
        const quint64 nonce = ++m_probeNonce;
        ExecResult r = m_session->requestResident(residentProbeRequest(nonce), residentProbeMarker(nonce),
                                                  m_settings.commandTimeoutMs);
        if (r.ok || !r.residentEnded || r.connectionLost || r.timedOut || r.cancelled || r.truncated)
            return r;
    }
    if (!m_session->isConnected()) {
        ExecResult r;
        r.connectionLost = true;
        r.error = m_session->lastError();
        return r;
    }
    return m_session->exec(QByteArray(kProbeCommand), probeScript(), m_settings.commandTimeoutMs);
}

void HostWorker::runCommand(quint64 generation, const QByteArray &command, const QByteArray &stdinData)
{
    QString error;
    if (!ensureConnected(generation, &error)) {
        if (m_state != HostState::HostKeyUnknown && m_state != HostState::HostKeyChanged)
            setState(HostState::Failed, error);
        ExecResult r;
        r.error = error;
        r.connectionLost = true;
        Q_EMIT commandFinished(m_host.name, generation, r);
        return;
    }
    setState(HostState::Probing);
    const ExecResult r = m_session->exec(command, stdinData, m_settings.commandTimeoutMs);
    setState(r.connectionLost ? HostState::Backoff : HostState::Connected, r.error);
    if (r.connectionLost)
        scheduleReconnect();
    else
        restartKeepalive();
    Q_EMIT commandFinished(m_host.name, generation, r);
}

void HostWorker::trustHostKey(const QString &fingerprint, bool remember)
{
    if (fingerprint.isEmpty() || fingerprint != m_pendingFingerprint)
        return; // an answer to a question we no longer ask (the key changed meanwhile)
    m_trustedOnce = fingerprint;
    m_rememberTrusted = remember;
    m_refused = false;
    m_pendingFingerprint.clear();
    setState(HostState::Idle);
}

void HostWorker::refuseHostKey()
{
    m_pendingFingerprint.clear();
    m_refused = true;
    setState(HostState::Failed, tr("%1: host key refused").arg(m_host.name));
}

void HostWorker::restartKeepalive()
{
    if (m_settings.keepaliveMs > 0)
        m_keepalive->start(m_settings.keepaliveMs);
}

void HostWorker::onKeepalive()
{
    if (!m_session || !m_session->isConnected())
        return;
    if (m_session->keepalive()) {
        restartKeepalive();
        return;
    }
    setState(HostState::Backoff, m_session->lastError());
    scheduleReconnect();
}

void HostWorker::scheduleReconnect()
{
    if (!m_settings.autoReconnect || !m_everConnected || stopping())
        return;
    // 1 s, 2 s, 4 s ... capped: a host that is down costs almost nothing.
    const int shift = std::min(m_failures, 16);
    const qint64 delay
        = std::min<qint64>(qint64(m_settings.backoffInitialMs) << shift, m_settings.backoffMaxMs);
    m_reconnect->start(int(delay));
    setState(HostState::Backoff, tr("%1: reconnecting in %2 s").arg(m_host.name).arg(delay / 1000.0));
}

void HostWorker::onReconnect()
{
    QString error;
    if (ensureConnected(m_token->cancelledUpTo.load() + 1, &error)) {
        restartKeepalive();
        return;
    }
    ++m_failures;
    if (m_state == HostState::HostKeyUnknown || m_state == HostState::HostKeyChanged)
        return;
    setState(HostState::Backoff, error);
    scheduleReconnect();
}

} // namespace alloclab
