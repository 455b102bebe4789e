#include "app/ssh/sshsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>

#include <cerrno>
#include <libssh/libssh.h>
#include <poll.h>

namespace alloclab {

namespace {

QString fromC(const char *s)
{
    return s ? QString::fromUtf8(s) : QString();
}

QString getOption(ssh_session s, ssh_options_e opt)
{
    char *v = nullptr;
    if (ssh_options_get(s, opt, &v) != SSH_OK || !v)
        return {};
    const QString r = QString::fromUtf8(v);
    ssh_string_free_char(v);
    return r;
}

// ssh-ed25519 -> ed25519, ecdsa-sha2-nistp256 -> ecdsa, ssh-rsa -> rsa: the server's key file name.
QString keyFileType(const QString &keyType)
{
    for (const char *t : { "ed25519", "ecdsa", "rsa", "dsa" }) {
        if (keyType.contains(QLatin1String(t)))
            return QLatin1String(t);
    }
    return QStringLiteral("*");
}

QString seconds(int ms)
{
    return QString::number(ms / 1000.0, 'g', 3);
}

// What we send is a few kB (the probe, a request): it fits the channel window, so this does
// not wait for the remote to read.
bool writeAll(ssh_channel ch, const QByteArray &data)
{
    for (qsizetype off = 0; off < data.size();) {
        const int n = ssh_channel_write(ch, data.constData() + off,
                                        uint32_t(std::min<qsizetype>(data.size() - off, 32768)));
        if (n == SSH_ERROR)
            return false;
        off += n;
    }
    return true;
}

struct ChannelGuard {
    ssh_channel ch = nullptr;
    // Before the session is disconnected: nothing left to send on this channel.
    void release()
    {
        if (ch)
            ssh_channel_free(ch);
        ch = nullptr;
    }
    ~ChannelGuard()
    {
        if (ch) {
            ssh_channel_close(ch);
            ssh_channel_free(ch);
        }
    }
};

} // namespace

SshSession::SshSession(const QString &name)
    : m_name(name)
{ }

SshSession::~SshSession()
{
    disconnect();
    if (m_session)
        ssh_free(m_session);
}

bool SshSession::fail(const QString &message)
{
    m_lastError = m_name.isEmpty() ? message : m_name + QStringLiteral(": ") + message;
    return false;
}

QString SshSession::where() const
{
    const bool v6 = m_hostName.contains(QLatin1Char(':'));
    if (m_port == 22)
        return m_hostName;
    return (v6 ? QLatin1Char('[') + m_hostName + QLatin1Char(']') : m_hostName) + QLatin1Char(':')
        + QString::number(m_port);
}

bool SshSession::configure(const HostTarget &target, const QString &configPath)
{
    disconnect();
    if (m_session)
        ssh_free(m_session);
    m_session = ssh_new();
    if (!m_session)
        return fail(tr("could not create an SSH session (out of memory?)"));
    if (!target.isValid())
        return fail(tr("no target to connect to"));
    if (m_name.isEmpty())
        m_name = target.suggestedName();

    // Only the file we are told to read: never ~/.ssh/config behind the operator's back.
    int no = 0;
    ssh_options_set(m_session, SSH_OPTIONS_PROCESS_CONFIG, &no);
    // Order matters: the host first (the config's Host patterns match against it), explicit
    // user and port next (libssh keeps the first value it gets, like ssh), then the file.
    const QByteArray host = target.host.toUtf8();
    if (ssh_options_set(m_session, SSH_OPTIONS_HOST, host.constData()) != SSH_OK)
        return fail(tr("'%1' is not a usable host: %2").arg(target.host, fromC(ssh_get_error(m_session))));
    if (!target.user.isEmpty()) {
        const QByteArray user = target.user.toUtf8();
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    }
    if (target.port > 0) {
        const unsigned int port = unsigned(target.port);
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    }
    if (!configPath.isEmpty()) {
        const QFileInfo fi(configPath);
        if (!fi.exists()) {
            // A missing ~/.ssh/config is normal; a file the operator named must exist.
            if (configPath != QDir::home().filePath(QStringLiteral(".ssh/config")))
                return fail(tr("the ssh_config file %1 does not exist").arg(configPath));
        } else if (!fi.isReadable()) {
            return fail(tr("the ssh_config file %1 is not readable").arg(configPath));
        } else {
            const QByteArray path = QFile::encodeName(configPath);
            if (ssh_options_parse_config(m_session, path.constData()) != SSH_OK)
                return fail(tr("could not read the ssh_config file %1: %2")
                                .arg(configPath, fromC(ssh_get_error(m_session))));
        }
    }
    // libssh 0.10 lets the file's Port override an explicit one (User it keeps): restore what
    // the target says, as ssh does with its command line.
    if (target.port > 0) {
        const unsigned int port = unsigned(target.port);
        ssh_options_set(m_session, SSH_OPTIONS_PORT, &port);
    }
    if (!target.user.isEmpty()) {
        const QByteArray user = target.user.toUtf8();
        ssh_options_set(m_session, SSH_OPTIONS_USER, user.constData());
    }
    // The config's LogLevel would make libssh print to our stderr; its messages reach the
    // operator through lastError() instead.
    int verbosity = SSH_LOG_NOLOG;
    ssh_options_set(m_session, SSH_OPTIONS_LOG_VERBOSITY, &verbosity);
    // One probe is a few small packets each way: Nagle would add ~40 ms per round trip.
    int one = 1;
    ssh_options_set(m_session, SSH_OPTIONS_NODELAY, &one);
    long timeoutSec = std::max(1, (m_connectTimeoutMs + 999) / 1000);
    ssh_options_set(m_session, SSH_OPTIONS_TIMEOUT, &timeoutSec);

    m_hostName = getOption(m_session, SSH_OPTIONS_HOST);
    m_userName = getOption(m_session, SSH_OPTIONS_USER);
    if (m_userName.isEmpty())
        m_userName = qEnvironmentVariable("USER");
    unsigned int port = 22;
    if (ssh_options_get_port(m_session, &port) == SSH_OK && port > 0)
        m_port = int(port);
    m_knownHosts = getOption(m_session, SSH_OPTIONS_KNOWNHOSTS);
    if (m_knownHosts.isEmpty())
        m_knownHosts = QDir::home().filePath(QStringLiteral(".ssh/known_hosts"));
    m_knownHosts.replace(QLatin1String("%d"), QDir::homePath()); // libssh expands it at connect
    m_proxyCommand = getOption(m_session, SSH_OPTIONS_PROXYCOMMAND);
    if (m_proxyCommand.startsWith(QLatin1String("ssh "))
        && QStandardPaths::findExecutable(QStringLiteral("ssh")).isEmpty())
        return fail(tr("the ssh_config asks for ProxyJump, which libssh 0.10 implements by running the "
                       "ssh client, but no 'ssh' program is installed (install openssh-client)"));
    return true;
}

ExecResult SshSession::finished(ExecResult &r, const QElapsedTimer &timer, const QString &error)
{
    if (!error.isEmpty()) {
        fail(error);
        r.error = m_lastError;
    }
    r.elapsedMs = timer.nsecsElapsed() / 1e6;
    return r;
}

bool SshSession::waitSocket(int timeoutMs)
{
    const socket_t fd = ssh_get_fd(m_session);
    if (fd == SSH_INVALID_SOCKET)
        return false;
    pollfd p { fd, POLLIN, 0 };
    int r;
    do {
        r = ::poll(&p, 1, timeoutMs);
    } while (r < 0 && errno == EINTR);
    return r > 0;
}

bool SshSession::connectToHost()
{
    if (!m_session)
        return fail(tr("not configured"));
    if (m_connected)
        return true;
    m_fingerprint.clear();
    m_keyType.clear();
    QElapsedTimer timer;
    timer.start();
    // Non-blocking so that cancel and our own deadline apply during TCP connect and handshake.
    ssh_set_blocking(m_session, 0);
    int rc;
    for (;;) {
        rc = ssh_connect(m_session);
        if (rc != SSH_AGAIN)
            break;
        if (cancelled()) {
            ssh_disconnect(m_session);
            ssh_set_blocking(m_session, 1);
            return fail(tr("connection cancelled"));
        }
        const qint64 left = m_connectTimeoutMs - timer.elapsed();
        if (left <= 0) {
            ssh_disconnect(m_session);
            ssh_set_blocking(m_session, 1);
            return fail(tr("connection timed out after %1 s (is sshd running and %2 reachable?)")
                            .arg(seconds(m_connectTimeoutMs), where()));
        }
        // Short slices: libssh may also need the socket writable, which we do not poll for.
        waitSocket(int(std::min<qint64>(left, 10)));
    }
    ssh_set_blocking(m_session, 1);
    if (rc != SSH_OK) {
        const QString detail = fromC(ssh_get_error(m_session));
        ssh_disconnect(m_session);
        if (detail.contains(QLatin1String("refused"), Qt::CaseInsensitive))
            return fail(tr("connection refused by %1 (is sshd running and listening on port %2?)")
                            .arg(where())
                            .arg(m_port));
        if (detail.contains(QLatin1String("resolve"), Qt::CaseInsensitive)
            || detail.contains(QLatin1String("getaddrinfo"), Qt::CaseInsensitive))
            return fail(tr("cannot resolve the host name '%1' (a typo, or a missing ssh_config alias?): %2")
                            .arg(m_hostName, detail));
        if (timer.elapsed() >= m_connectTimeoutMs - 50
            || detail.contains(QLatin1String("timeout"), Qt::CaseInsensitive))
            return fail(tr("connection timed out after %1 s (is sshd running and %2 reachable?)")
                            .arg(seconds(m_connectTimeoutMs), where()));
        if (!m_proxyCommand.isEmpty())
            return fail(tr("could not connect to %1 through the proxy command '%2': %3")
                            .arg(where(), m_proxyCommand, detail));
        return fail(tr("could not connect to %1: %2").arg(where(), detail));
    }
    m_connected = true;
    m_connectMs = timer.nsecsElapsed() / 1e6;
    return true;
}

HostKeyStatus SshSession::checkHostKey()
{
    if (!m_connected) {
        fail(tr("not connected"));
        return HostKeyStatus::Error;
    }
    ssh_key key = nullptr;
    if (ssh_get_server_publickey(m_session, &key) != SSH_OK || !key) {
        fail(tr("the server sent no host key"));
        return HostKeyStatus::Error;
    }
    unsigned char *hash = nullptr;
    size_t hlen = 0;
    if (ssh_get_publickey_hash(key, SSH_PUBLICKEY_HASH_SHA256, &hash, &hlen) == SSH_OK) {
        char *fp = ssh_get_fingerprint_hash(SSH_PUBLICKEY_HASH_SHA256, hash, hlen);
        m_fingerprint = fromC(fp);
        ssh_string_free_char(fp);
        ssh_clean_pubkey_hash(&hash);
    }
    m_keyType = fromC(ssh_key_type_to_char(ssh_key_type(key)));
    ssh_key_free(key);

    const QString file = m_knownHosts;
    const QString removeCmd = QStringLiteral("ssh-keygen -R %1 -f %2")
                                  .arg(m_port == 22 ? m_hostName
                                                    : QLatin1Char('[') + m_hostName + QStringLiteral("]:")
                                               + QString::number(m_port),
                                       file);
    switch (ssh_session_is_known_server(m_session)) {
    case SSH_KNOWN_HOSTS_OK:
        return HostKeyStatus::Known;
    case SSH_KNOWN_HOSTS_NOT_FOUND:
    case SSH_KNOWN_HOSTS_UNKNOWN:
        fail(tr("the host key of %1 is not known (%2 key %3, not in %4)")
                 .arg(where(), m_keyType, m_fingerprint, file));
        return HostKeyStatus::Unknown;
    case SSH_KNOWN_HOSTS_CHANGED:
        fail(tr("REFUSED: the host key of %1 has CHANGED since it was recorded in %2 (now %3 key %4). "
                "Either the server was reinstalled or its keys were replaced, or someone is intercepting the "
                "connection. If you know the change is legitimate (ask the server's administrator, compare "
                "the fingerprint with `ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub` on the server), remove "
                "the "
                "old key with `%6` and connect again.")
                 .arg(where(), file, m_keyType, m_fingerprint, keyFileType(m_keyType), removeCmd));
        return HostKeyStatus::Changed;
    case SSH_KNOWN_HOSTS_OTHER:
        fail(
            tr("REFUSED: %1 offered a %2 host key (%3), but %4 records a key of another type for it. "
               "This can be a replaced server or an attack. If you know the change is legitimate, remove the "
               "old key with `%5` and connect again.")
                .arg(where(), m_keyType, m_fingerprint, file, removeCmd));
        return HostKeyStatus::OtherType;
    case SSH_KNOWN_HOSTS_ERROR:
        break;
    }
    fail(tr("could not check the host key against %1: %2").arg(file, fromC(ssh_get_error(m_session))));
    return HostKeyStatus::Error;
}

bool SshSession::rememberHostKey()
{
    if (!m_connected)
        return fail(tr("not connected"));
    const QFileInfo fi(m_knownHosts);
    if (!QDir().mkpath(fi.absolutePath()))
        return fail(tr("cannot create the folder %1 for known_hosts").arg(fi.absolutePath()));
    if (ssh_session_update_known_hosts(m_session) != SSH_OK)
        return fail(
            tr("could not add the host key to %1: %2").arg(m_knownHosts, fromC(ssh_get_error(m_session))));
    return true;
}

bool SshSession::authenticate()
{
    if (!m_connected)
        return fail(tr("not connected"));
    if (m_authenticated)
        return true;
    QElapsedTimer timer;
    timer.start();
    // publickey_auto tries ssh-agent first when SSH_AUTH_SOCK is set, then the IdentityFile
    // entries of the ssh_config (or ~/.ssh/id_ed25519, id_ecdsa, id_rsa). Keys with a passphrase
    // are used only through the agent: we never ask for or store a password.
    const int rc = ssh_userauth_publickey_auto(m_session, nullptr, nullptr);
    if (rc == SSH_AUTH_SUCCESS) {
        m_authenticated = true;
        m_connectMs += timer.nsecsElapsed() / 1e6;
        return true;
    }
    const QString detail = fromC(ssh_get_error(m_session));
    const bool agent = !qEnvironmentVariableIsEmpty("SSH_AUTH_SOCK");
    disconnect();
    if (rc == SSH_AUTH_ERROR)
        return fail(tr("authentication as '%1' on %2 failed: %3").arg(m_userName, where(), detail));
    return fail(tr("%1 refused every key for user '%2' (tried %3the IdentityFile keys of the ssh_config or "
                   "~/.ssh/id_*). Is the public key in ~%2/.ssh/authorized_keys on the server, and is a key "
                   "with a passphrase loaded into ssh-agent?")
                    .arg(where(), m_userName, agent ? tr("ssh-agent, then ") : QString()));
}

ExecResult SshSession::exec(const QByteArray &command, const QByteArray &stdinData, int timeoutMs)
{
    ExecResult r;
    QElapsedTimer timer;
    timer.start();
    auto finish = [&](const QString &error) {
        return finished(r, timer, error);
    };
    if (!m_connected || !m_authenticated) {
        r.connectionLost = true;
        return finish(tr("not connected"));
    }
    ChannelGuard ch;
    auto lost = [&](const QString &what) {
        r.connectionLost = true;
        const QString detail = fromC(ssh_get_error(m_session));
        ch.release();
        disconnect();
        return finish(tr("connection to %1 lost while %2: %3").arg(where(), what, detail));
    };

    ch.ch = ssh_channel_new(m_session);
    if (!ch.ch || ssh_channel_open_session(ch.ch) != SSH_OK)
        return lost(tr("opening a channel"));
    if (ssh_channel_request_exec(ch.ch, command.constData()) != SSH_OK)
        return lost(tr("starting the command"));
    if (!writeAll(ch.ch, stdinData))
        return lost(tr("sending the command's input"));
    ssh_channel_send_eof(ch.ch);

    char buf[32768];
    bool outEof = false;
    for (;;) {
        bool got = false;
        for (int stream = 0; stream < 2; ++stream) {
            const int n = ssh_channel_read_nonblocking(ch.ch, buf, sizeof buf, stream);
            if (n == SSH_ERROR)
                return lost(tr("reading the command's output"));
            if (n > 0) {
                got = true;
                (stream ? r.err : r.out).append(buf, n);
            }
        }
        if (r.out.size() + r.err.size() > m_outputLimit) {
            r.truncated = true;
            ssh_channel_request_send_signal(ch.ch, "TERM");
            return finish(
                tr("the command's output exceeded %1 MiB; it was stopped").arg(m_outputLimit >> 20));
        }
        if (got)
            continue;
        if (ssh_channel_is_eof(ch.ch) || ssh_channel_is_closed(ch.ch)) {
            outEof = true;
            break;
        }
        if (cancelled()) {
            r.cancelled = true;
            ssh_channel_request_send_signal(ch.ch, "TERM");
            return finish(tr("command cancelled"));
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0) {
            r.timedOut = true;
            ssh_channel_request_send_signal(ch.ch, "TERM");
            return finish(tr("the command did not finish within %1 s").arg(seconds(timeoutMs)));
        }
        // Wake on data at once; the slice bounds how late we notice a cancel.
        waitSocket(int(std::min<qint64>(left, 50)));
        if (!ssh_is_connected(m_session))
            return lost(tr("waiting for the command's output"));
    }
    Q_UNUSED(outEof);
    r.exitStatus = ssh_channel_get_exit_status(ch.ch);
    r.ok = r.exitStatus >= 0;
    if (!r.ok)
        return finish(tr("the command ended without an exit status (killed by a signal?)"));
    return finish(QString());
}

bool SshSession::startResident(const QByteArray &command, const QByteArray &init)
{
    stopResident();
    if (!m_connected || !m_authenticated)
        return fail(tr("not connected"));
    ssh_channel ch = ssh_channel_new(m_session);
    if (!ch || ssh_channel_open_session(ch) != SSH_OK
        || ssh_channel_request_exec(ch, command.constData()) != SSH_OK) {
        const QString detail = fromC(ssh_get_error(m_session));
        if (ch)
            ssh_channel_free(ch);
        if (!ssh_is_connected(m_session))
            disconnect();
        return fail(tr("could not start the resident probe on %1: %2").arg(where(), detail));
    }
    if (!writeAll(ch, init)) {
        const QString detail = fromC(ssh_get_error(m_session));
        ssh_channel_free(ch);
        if (!ssh_is_connected(m_session))
            disconnect();
        return fail(tr("could not start the resident probe on %1: %2").arg(where(), detail));
    }
    m_resident = ch;
    return true;
}

void SshSession::stopResident()
{
    if (!m_resident)
        return;
    if (m_session && ssh_is_connected(m_session)) {
        // EOF ends the remote shell once its current command is done; TERM ends that command.
        ssh_channel_request_send_signal(m_resident, "TERM");
        ssh_channel_send_eof(m_resident);
        ssh_channel_close(m_resident);
    }
    ssh_channel_free(m_resident);
    m_resident = nullptr;
}

ExecResult SshSession::requestResident(const QByteArray &request, const QByteArray &marker, int timeoutMs)
{
    ExecResult r;
    QElapsedTimer timer;
    timer.start();
    auto finish = [&](const QString &error) {
        return finished(r, timer, error);
    };
    auto end = [&](const QString &error) {
        stopResident();
        return finish(error);
    };
    auto lost = [&](const QString &what) {
        r.connectionLost = r.residentEnded = true;
        const QString detail = fromC(ssh_get_error(m_session));
        if (m_resident)
            ssh_channel_free(m_resident);
        m_resident = nullptr;
        disconnect();
        return finish(tr("connection to %1 lost while %2: %3").arg(where(), what, detail));
    };
    if (!m_connected || !m_authenticated) {
        r.connectionLost = r.residentEnded = true;
        return finish(tr("not connected"));
    }
    if (!m_resident) {
        r.residentEnded = true;
        return finish(tr("the resident probe is not running"));
    }
    if (!writeAll(m_resident, request))
        return lost(tr("sending a request to the resident probe"));
    // The marker line starts after a newline of its own, so output without a final newline
    // cannot hide it.
    const QByteArray needle = '\n' + marker;
    QByteArray out;
    qsizetype scanFrom = 0;
    char buf[32768];
    for (;;) {
        bool got = false;
        for (int stream = 0; stream < 2; ++stream) {
            const int n = ssh_channel_read_nonblocking(m_resident, buf, sizeof buf, stream);
            if (n == SSH_ERROR)
                return lost(tr("reading the resident probe's output"));
            if (n > 0) {
                got = true;
                (stream ? r.err : out).append(buf, n);
            }
        }
        const qsizetype at = out.indexOf(needle, scanFrom);
        if (at >= 0) {
            const qsizetype eol = out.indexOf('\n', at + needle.size());
            if (eol >= 0) {
                bool ok = false;
                const int status = out.mid(at + needle.size(), eol - at - needle.size()).toInt(&ok);
                if (!ok || eol + 1 != out.size()) {
                    r.residentEnded = true;
                    return end(tr("the resident probe on %1 answered out of turn").arg(where()));
                }
                r.out = out.left(at);
                r.exitStatus = status;
                r.ok = true;
                return finish(QString());
            }
        } else {
            scanFrom = std::max<qsizetype>(0, out.size() - needle.size());
        }
        if (out.size() + r.err.size() > m_outputLimit) {
            r.truncated = r.residentEnded = true;
            return end(tr("the command's output exceeded %1 MiB; it was stopped").arg(m_outputLimit >> 20));
        }
        if (got)
            continue;
        if (ssh_channel_is_eof(m_resident) || ssh_channel_is_closed(m_resident)) {
            r.residentEnded = true;
            r.exitStatus = ssh_channel_get_exit_status(m_resident);
            r.out = out;
            return end(tr("the resident probe on %1 ended (exit status %2)").arg(where()).arg(r.exitStatus));
        }
        if (cancelled()) {
            r.cancelled = r.residentEnded = true;
            return end(tr("command cancelled"));
        }
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0) {
            r.timedOut = r.residentEnded = true;
            return end(tr("the command did not finish within %1 s").arg(seconds(timeoutMs)));
        }
        waitSocket(int(std::min<qint64>(left, 50)));
        if (!ssh_is_connected(m_session))
            return lost(tr("waiting for the resident probe's output"));
    }
}

bool SshSession::keepalive()
{
    if (!m_connected || !m_authenticated)
        return false;
    // Opening a session channel needs the server's answer (a real round trip, bounded by the
    // session timeout) but starts no process on the host; SSH_MSG_IGNORE would get no answer
    // and a dead link would go unnoticed until TCP gives up, minutes later.
    ChannelGuard ch;
    ch.ch = ssh_channel_new(m_session);
    if (!ch.ch || ssh_channel_open_session(ch.ch) != SSH_OK) {
        const QString detail = fromC(ssh_get_error(m_session));
        ch.release();
        disconnect();
        return fail(tr("connection to %1 lost (no answer to a keepalive within %2 s): %3")
                        .arg(where(), seconds(m_connectTimeoutMs), detail));
    }
    return true;
}

bool SshSession::isConnected() const
{
    return m_connected && m_authenticated && m_session && ssh_is_connected(m_session);
}

void SshSession::disconnect()
{
    if (m_resident) {
        ssh_channel_free(m_resident);
        m_resident = nullptr;
    }
    if (m_session && m_connected)
        ssh_disconnect(m_session);
    m_connected = false;
    m_authenticated = false;
}

} // namespace alloclab
