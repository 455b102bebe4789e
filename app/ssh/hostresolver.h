#pragma once

#include "models/hosttarget.h"

#include <QHostAddress>
#include <QList>
#include <QObject>

namespace alloclab {

// A target checked before it is stored: syntax, the ssh_config alias (HostName/User/Port) and
// the address, so that a typo is caught when the host is added, not at the first poll.
struct ResolvedTarget {
    bool ok = false;
    QString error; // translated sentence when !ok
    QString text; // as typed
    HostTarget target;
    bool isAlias = false; // the target is an alias of the ssh_config
    QString hostName; // what will be connected to (the alias's HostName, or the host)
    QString user; // effective user (from the target, the ssh_config or the local user)
    int port = 22;
    QString proxyCommand; // ProxyJump/ProxyCommand: the address is resolved by the jump host
    QList<QHostAddress> addresses;
};

// Asynchronous: the name lookup runs in Qt's resolver threads, never on the caller's thread.
class HostResolver : public QObject
{
    Q_OBJECT
public:
    explicit HostResolver(QObject *parent = nullptr);
    ~HostResolver() override;

    // Starts a check; resolved() answers later (always queued) with the returned id. A newer
    // check does not cancel older ones (compare ids); abort() does.
    int check(const QString &text, const QString &sshConfig);
    void abort();

    // For the CLI: runs a local event loop until the answer (or timeoutMs) arrives.
    static ResolvedTarget resolveBlocking(const QString &text, const QString &sshConfig,
                                          int timeoutMs = 10000);

Q_SIGNALS:
    void resolved(int id, const alloclab::ResolvedTarget &result);

private:
    int m_next = 0;
    QList<int> m_lookups;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::ResolvedTarget)
