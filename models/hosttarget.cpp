#include "models/hosttarget.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>

namespace alloclab {

namespace {

bool matches(const QString &s, const char *pattern)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
    return re.match(s).hasMatch();
}

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

bool HostTarget::mayBeAlias() const
{
    return isValid() && user.isEmpty() && port == 0 && !ipv6 && !hosttarget::isValidIpv4(host);
}

QString HostTarget::toString() const
{
    QString s;
    if (!user.isEmpty())
        s += user + QLatin1Char('@');
    if (ipv6 && port > 0)
        s += QLatin1Char('[') + host + QLatin1Char(']');
    else
        s += host;
    if (port > 0)
        s += QLatin1Char(':') + QString::number(port);
    return s;
}

QString HostTarget::suggestedName() const
{
    if (!ipv6)
        return host;
    // ':' and '%' are not allowed in names; keep the address readable.
    QString n = host;
    n.replace(QLatin1Char(':'), QLatin1Char('-'));
    n.replace(QLatin1Char('%'), QLatin1Char('_'));
    while (n.startsWith(QLatin1Char('-')))
        n.remove(0, 1);
    return n.isEmpty() ? QStringLiteral("ipv6") : n;
}

namespace hosttarget {

bool isValidUser(const QString &user)
{
    // POSIX portable user names (useradd's default rule); no leading '-' (option injection).
    return matches(user, "[A-Za-z_][A-Za-z0-9_.-]{0,31}");
}

bool isValidIpv4(const QString &text)
{
    if (!matches(text, "[0-9]{1,3}(\\.[0-9]{1,3}){3}"))
        return false;
    const QStringList parts = text.split(QLatin1Char('.'));
    for (const QString &p : parts) {
        if (p.toInt() > 255 || (p.size() > 1 && p.startsWith(QLatin1Char('0'))))
            return false;
    }
    return true;
}

bool isValidIpv6(const QString &text)
{
    QString addr = text;
    const qsizetype pct = addr.indexOf(QLatin1Char('%'));
    if (pct >= 0) {
        if (!matches(addr.mid(pct + 1), "[A-Za-z0-9_.-]{1,32}"))
            return false;
        addr.truncate(pct);
    }
    if (addr.isEmpty() || !matches(addr, "[0-9A-Fa-f:.]+"))
        return false;
    int groupsAllowed = 8;
    // A trailing dotted IPv4 counts as two groups.
    const qsizetype lastColon = addr.lastIndexOf(QLatin1Char(':'));
    if (lastColon < 0)
        return false;
    if (addr.indexOf(QLatin1Char('.')) >= 0) {
        if (!isValidIpv4(addr.mid(lastColon + 1)))
            return false;
        addr = addr.left(lastColon + 1) + QStringLiteral("0");
        groupsAllowed = 7;
    }
    const qsizetype dbl = addr.indexOf(QStringLiteral("::"));
    if (dbl >= 0 && addr.indexOf(QStringLiteral("::"), dbl + 1) >= 0)
        return false;
    auto groupsOk = [](const QString &part, int *count) {
        *count = 0;
        if (part.isEmpty())
            return true;
        const QStringList groups = part.split(QLatin1Char(':'));
        for (const QString &g : groups) {
            if (g.isEmpty() || g.size() > 4)
                return false;
        }
        *count = int(groups.size());
        return true;
    };
    int a = 0;
    int b = 0;
    if (dbl >= 0) {
        if (!groupsOk(addr.left(dbl), &a) || !groupsOk(addr.mid(dbl + 2), &b))
            return false;
        return a + b < groupsAllowed;
    }
    return groupsOk(addr, &a) && a == groupsAllowed;
}

bool isValidHostName(const QString &host)
{
    // RFC 1123 labels; '_' is tolerated because ssh_config aliases often use it. A leading '-'
    // is refused: it would read as an option to anything that runs ssh.
    if (host.isEmpty() || host.size() > 253)
        return false;
    const QStringList labels = host.split(QLatin1Char('.'));
    // An all-numeric last label would be read as an (invalid) IPv4 address (RFC 3696 2).
    if (labels.size() > 1 && matches(labels.last(), "[0-9]+"))
        return false;
    for (const QString &l : labels) {
        if (!matches(l, "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?"))
            return false;
    }
    return true;
}

bool isValidName(const QString &name)
{
    return matches(name, "[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
}

QString nameError(const QString &name)
{
    if (isValidName(name))
        return {};
    if (name.isEmpty())
        return QCoreApplication::translate("HostTarget", "The host name is empty.");
    if (name.size() > 64)
        return QCoreApplication::translate("HostTarget", "The host name is longer than 64 characters.");
    return QCoreApplication::translate(
               "HostTarget",
               "The host name '%1' may contain only letters, digits, '.', '_' and '-', and must start with "
               "a letter or a digit.")
        .arg(name);
}

HostTarget parse(const QString &input, QString *error)
{
    const QString text = input.trimmed();
    HostTarget t;
    auto fail = [&](const QString &m) {
        setError(error, m);
        return HostTarget();
    };
    if (text.isEmpty())
        return fail(
            QCoreApplication::translate("HostTarget",
                                        "The target is empty; expected an ssh_config alias, host, user@host, "
                                        "user@host:port or user@[IPv6]:port."));
    for (const QChar c : text) {
        if (c.isSpace() || c.unicode() < 0x20 || c.unicode() > 0x7e)
            return fail(QCoreApplication::translate(
                            "HostTarget",
                            "The target '%1' contains a space or a character that is not printable ASCII.")
                            .arg(text));
    }

    QString rest = text;
    const qsizetype at = rest.lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        t.user = rest.left(at);
        rest = rest.mid(at + 1);
        if (t.user.isEmpty())
            return fail(QCoreApplication::translate("HostTarget",
                                                    "The target '%1' has an empty user name before '@'.")
                            .arg(text));
        if (!isValidUser(t.user))
            return fail(QCoreApplication::translate(
                            "HostTarget",
                            "The user name '%1' is not valid: expected letters, digits, '_', '.' or '-', "
                            "starting with a letter or '_', at most 32 characters.")
                            .arg(t.user));
    }

    QString portText;
    bool hasPort = false;
    if (rest.startsWith(QLatin1Char('['))) {
        const qsizetype close = rest.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(QCoreApplication::translate(
                            "HostTarget",
                            "The target '%1' opens '[' but never closes it; expected [IPv6 address]:port.")
                            .arg(text));
        t.host = rest.mid(1, close - 1);
        t.ipv6 = true;
        const QString after = rest.mid(close + 1);
        if (!after.isEmpty()) {
            if (!after.startsWith(QLatin1Char(':')))
                return fail(
                    QCoreApplication::translate(
                        "HostTarget", "Unexpected '%1' after ']' in '%2'; expected ':port' or nothing.")
                        .arg(after, text));
            hasPort = true;
            portText = after.mid(1);
        }
        if (!isValidIpv6(t.host))
            return fail(
                QCoreApplication::translate("HostTarget", "'%1' inside [ ] is not a valid IPv6 address.")
                    .arg(t.host));
    } else if (rest.count(QLatin1Char(':')) > 1) {
        // Several colons and no brackets: a bare IPv6 address, which cannot carry a port.
        t.host = rest;
        t.ipv6 = true;
        if (!isValidIpv6(t.host))
            return fail(QCoreApplication::translate(
                            "HostTarget", "'%1' is not a valid IPv6 address; write a port as [address]:port.")
                            .arg(rest));
    } else {
        const qsizetype colon = rest.indexOf(QLatin1Char(':'));
        if (colon >= 0) {
            hasPort = true;
            portText = rest.mid(colon + 1);
            rest.truncate(colon);
        }
        t.host = rest;
        if (t.host.isEmpty())
            return fail(
                QCoreApplication::translate("HostTarget", "The target '%1' has no host name.").arg(text));
        if (!isValidIpv4(t.host) && !isValidHostName(t.host)) {
            if (matches(t.host, "[0-9.]+"))
                return fail(QCoreApplication::translate("HostTarget", "'%1' is not a valid IPv4 address.")
                                .arg(t.host));
            return fail(QCoreApplication::translate(
                            "HostTarget",
                            "The host name '%1' is not valid: expected letters, digits and '-' in "
                            "dot-separated labels (not starting or ending with '-'), at most 253 characters.")
                            .arg(t.host));
        }
    }

    if (hasPort) {
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!matches(portText, "[0-9]{1,5}") || !ok || port < 1 || port > 65535)
            return fail(
                QCoreApplication::translate(
                    "HostTarget", "The port '%1' in '%2' is not valid; expected a number from 1 to 65535.")
                    .arg(portText, text));
        t.port = port;
    }
    if (error)
        error->clear();
    return t;
}

ServersFile parseServersFile(const QString &content)
{
    ServersFile file;
    QHash<QString, int> firstLine;
    const QStringList lines = content.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNo = int(i + 1);
        QString line = lines.at(i);
        const qsizetype hash = line.indexOf(QLatin1Char('#'));
        if (hash >= 0)
            line.truncate(hash);
        line = line.trimmed(); // also drops a '\r' of CRLF files
        if (line.isEmpty())
            continue;
        if (line.contains(QLatin1Char(' ')) || line.contains(QLatin1Char('\t'))) {
            file.errors.append({ lineNo,
                                 QCoreApplication::translate(
                                     "HostTarget",
                                     "Expected one target on the line, found '%1'; put each target on its "
                                     "own line.")
                                     .arg(line) });
            continue;
        }
        QString err;
        const HostTarget t = parse(line, &err);
        if (!t.isValid()) {
            file.errors.append({ lineNo, err });
            continue;
        }
        const QString key = t.toString();
        if (firstLine.contains(key)) {
            file.errors.append(
                { lineNo,
                  QCoreApplication::translate("HostTarget", "'%1' is listed twice (first on line %2).")
                      .arg(line)
                      .arg(firstLine.value(key)) });
            continue;
        }
        firstLine.insert(key, lineNo);
        file.entries.append({ lineNo, line, t });
    }
    return file;
}

} // namespace hosttarget
} // namespace alloclab
