#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// Targets as the operator types them (CLI.md "hosts add"): an ssh_config alias, `host`,
// `user@host`, `user@host:port`, `user@[v6]:port` or `[v6]:port`. Pure syntax: whether a bare
// word is an alias or a DNS name is decided later against the ssh_config (app/ssh/sshconfig.h).
namespace alloclab {

struct HostTarget {
    QString user; // empty: from the ssh_config, else the local user
    QString host; // alias, DNS name, IPv4 or IPv6 address (without brackets)
    int port = 0; // 0: from the ssh_config, else 22
    bool ipv6 = false; // host is an IPv6 literal

    bool isValid() const { return !host.isEmpty(); }
    // A bare word with no user, port or address syntax: may name an ssh_config alias.
    bool mayBeAlias() const;
    // Canonical text that parse() reads back to the same target (IPv6 bracketed when a port follows).
    QString toString() const;
    // Default host name for the database: the alias or the host part.
    QString suggestedName() const;

    friend bool operator==(const HostTarget &a, const HostTarget &b)
    {
        return a.user == b.user && a.host == b.host && a.port == b.port && a.ipv6 == b.ipv6;
    }
    friend bool operator!=(const HostTarget &a, const HostTarget &b) { return !(a == b); }
};

namespace hosttarget {

// Parses one target. On error returns an invalid target and sets *error to a translated
// sentence saying what is wrong and what was expected.
HostTarget parse(const QString &text, QString *error = nullptr);

bool isValidUser(const QString &user);
bool isValidHostName(const QString &host); // RFC 1123 DNS name or alias-like word
bool isValidIpv4(const QString &text);
bool isValidIpv6(const QString &text); // without brackets; an optional %zone is accepted

// The name a host is stored under: letters, digits, '.', '_', '-', starting with a letter or digit.
bool isValidName(const QString &name);
QString nameError(const QString &name); // empty when valid

struct ServersEntry {
    int line = 0; // 1-based
    QString text; // the target as written
    HostTarget target;
};

struct ServersError {
    int line = 0;
    QString message;
};

struct ServersFile {
    QList<ServersEntry> entries;
    QList<ServersError> errors;
};

// servers.txt: one target a line; '#' starts a comment; blank lines are ignored. A target
// that appears twice is reported on its second line. Every line is checked (all errors are
// returned, not just the first).
ServersFile parseServersFile(const QString &content);

} // namespace hosttarget
} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::HostTarget)
