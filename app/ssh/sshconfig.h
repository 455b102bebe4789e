#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace alloclab {

// What an ssh_config says about one alias, as libssh will apply it.
struct SshConfigHost {
    QString alias;
    QString hostName; // the HostName, or the alias itself when the file names none
    QString user; // the user libssh logs in as (the local user when the file names none)
    int port = 22;
    QString proxyCommand; // ProxyJump / ProxyCommand, empty when direct
    QString file; // where the alias is defined
    int line = 0;
};

// A small reader of ssh_config for listing aliases (the Add Host dialog, `hosts add`); the
// effective values come from libssh itself so that they match what the connection will use.
class SshConfig
{
    Q_DECLARE_TR_FUNCTIONS(SshConfig)
public:
    // Every concrete alias of `Host` lines (patterns with *, ? or ! are skipped), in file order,
    // following Include. A missing file gives an empty list and no error.
    static QList<SshConfigHost> aliases(const QString &configPath, QString *error = nullptr);
    // True when `name` is one of the concrete aliases of the file.
    static bool hasAlias(const QString &configPath, const QString &name);
    // What libssh makes of `name` (an alias or any host) with this file: HostName, User, Port.
    static SshConfigHost resolve(const QString &configPath, const QString &name);
};

} // namespace alloclab
