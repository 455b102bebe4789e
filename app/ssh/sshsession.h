#pragma once

#include "models/hosttarget.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

class QElapsedTimer;

#include <functional>

struct ssh_session_struct;
struct ssh_channel_struct;

namespace alloclab {

// What one remote command produced.
struct ExecResult {
    bool ok = false; // the command ran to its end; exitStatus is its status
    int exitStatus = -1;
    QByteArray out;
    QByteArray err;
    QString error; // why it did not run to its end (timeout, cancel, lost connection, ...)
    bool timedOut = false;
    bool cancelled = false;
    bool truncated = false; // output exceeded the limit; the command was stopped
    bool connectionLost = false; // the session is unusable; reconnect before the next command
    bool residentEnded = false; // requestResident(): the resident command is gone; start it again
    double elapsedMs = 0;
};

enum class HostKeyStatus {
    Known, // matches known_hosts
    Unknown, // no entry for this host (or no known_hosts file yet)
    Changed, // an entry exists with a different key: refused, always
    OtherType, // known_hosts has a key of another type for this host: refused like Changed
    Error, // could not be checked (unreadable file, no key)
};

// One SSH connection (libssh 0.10), used from one thread only. Blocking calls are bounded by
// the connect timeout (connect, handshake, auth) or by the command timeout (exec), and check
// the cancel flag while they wait.
class SshSession
{
    Q_DECLARE_TR_FUNCTIONS(SshSession)
public:
    static constexpr qint64 DefaultOutputLimit = 16 * 1024 * 1024;

    // name: what messages call the host ("lab2").
    explicit SshSession(const QString &name = QString());
    ~SshSession();
    SshSession(const SshSession &) = delete;
    SshSession &operator=(const SshSession &) = delete;

    // Applies the target and then the ssh_config like `ssh -F configPath`: options given in the
    // target (user, port) win over the file. Empty configPath: no file is read. Returns false
    // with lastError() when the target or the file is not usable. Call before connectToHost().
    bool configure(const HostTarget &target, const QString &configPath);
    void setConnectTimeout(int ms) { m_connectTimeoutMs = ms; }
    void setOutputLimit(qint64 bytes) { m_outputLimit = bytes; }
    // Polled while waiting (every few ms): true stops the connect or command in flight.
    void setCancelCheck(std::function<bool()> cancelled) { m_cancel = std::move(cancelled); }

    // Effective settings after the ssh_config (for messages, known_hosts and tests).
    QString name() const { return m_name; }
    QString hostName() const { return m_hostName; }
    QString userName() const { return m_userName; }
    int port() const { return m_port; }
    QString knownHostsPath() const { return m_knownHosts; }
    QString proxyCommand() const { return m_proxyCommand; }

    // TCP connect and SSH handshake; the host key is not judged yet (see checkHostKey()).
    bool connectToHost();
    HostKeyStatus checkHostKey();
    QString hostKeyFingerprint() const { return m_fingerprint; } // "SHA256:..." as ssh prints it
    QString hostKeyType() const { return m_keyType; }
    // Records the current server key in known_hosts (trust and remember / --accept-new).
    bool rememberHostKey();
    // Public key authentication: ssh-agent (when SSH_AUTH_SOCK is set), then the key files
    // (IdentityFile from the ssh_config, else ~/.ssh/id_*).
    bool authenticate();

    // Runs `command` (through the login shell of the remote user), writes stdinData to its
    // stdin, then closes it. Waits at most timeoutMs; stops at once when the cancel flag is set.
    ExecResult exec(const QByteArray &command, const QByteArray &stdinData, int timeoutMs);

    // A long-running command on a channel of its own that answers requests written to its
    // stdin (the resident probe). Started once per connection; each request then costs one
    // round trip and no new process on the host for a channel, a login shell or sudo.
    // init is written right after the command starts (e.g. the definitions of a shell).
    bool startResident(const QByteArray &command, const QByteArray &init);
    // Writes request, then reads stdout until the line "<marker><exit status>" that the request
    // must print after a newline of its own; what came before it is ExecResult::out. A failed
    // request (timeout, cancel, too much output, the command ended) stops the resident.
    ExecResult requestResident(const QByteArray &request, const QByteArray &marker, int timeoutMs);
    void stopResident();
    bool hasResident() const { return m_resident != nullptr; }

    // Cheap traffic so NAT and firewalls keep the connection; false when it is gone.
    bool keepalive();
    bool isConnected() const;
    void disconnect();

    QString lastError() const { return m_lastError; }
    double connectMs() const { return m_connectMs; } // TCP + handshake + auth of the last connect

private:
    bool fail(const QString &message);
    bool waitSocket(int timeoutMs);
    // The end of exec() and requestResident(): the error (if any) recorded, the time taken.
    ExecResult finished(ExecResult &r, const QElapsedTimer &timer, const QString &error);
    bool cancelled() const { return m_cancel && m_cancel(); }
    QString where() const; // "10.200.2.2" or "[::1]:2222"

    ssh_session_struct *m_session = nullptr;
    ssh_channel_struct *m_resident = nullptr;
    QString m_name;
    QString m_hostName;
    QString m_userName;
    int m_port = 22;
    QString m_knownHosts;
    QString m_proxyCommand;
    QString m_fingerprint;
    QString m_keyType;
    QString m_lastError;
    int m_connectTimeoutMs = 10000;
    qint64 m_outputLimit = DefaultOutputLimit;
    std::function<bool()> m_cancel;
    bool m_connected = false;
    bool m_authenticated = false;
    double m_connectMs = 0;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::ExecResult)
Q_DECLARE_METATYPE(alloclab::HostKeyStatus)
