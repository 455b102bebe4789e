#include "app/ssh/sshconfig.h"

#include "app/ssh/sshsession.h"
#include "models/hosttarget.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <QTextStream>

namespace alloclab {

namespace {

// keyword [=] arguments, as ssh_config(5) writes them.
bool splitLine(const QString &raw, QString *keyword, QStringList *args)
{
    QString line = raw.trimmed();
    if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
        return false;
    static const QRegularExpression re(QStringLiteral("^([A-Za-z]+)\\s*(?:=\\s*|\\s+)(.*)$"));
    const QRegularExpressionMatch m = re.match(line);
    if (!m.hasMatch())
        return false;
    *keyword = m.captured(1).toLower();
    *args = m.captured(2).split(QRegularExpression(QStringLiteral("\\s+")), Qt::SkipEmptyParts);
    for (QString &a : *args) {
        if (a.size() >= 2 && a.startsWith(QLatin1Char('"')) && a.endsWith(QLatin1Char('"')))
            a = a.mid(1, a.size() - 2);
    }
    return true;
}

void collect(const QString &path, QList<SshConfigHost> *out, QSet<QString> *seen, int depth, QString *error)
{
    if (depth > 8)
        return; // Include loops: ssh stops too
    QFile f(path);
    if (!f.exists())
        return;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error && error->isEmpty())
            *error = SshConfig::tr("cannot read %1: %2").arg(path, f.errorString());
        return;
    }
    QTextStream in(&f);
    int lineNo = 0;
    // An Include inside a Host/Match block only applies when that block matches (ssh_config(5));
    // libssh, which resolves the aliases, follows the same rule. Listing follows Includes at the
    // top level and in `Host *` blocks, which apply to every alias.
    bool includeApplies = true;
    while (!in.atEnd()) {
        const QString raw = in.readLine();
        ++lineNo;
        QString kw;
        QStringList args;
        if (!splitLine(raw, &kw, &args))
            continue;
        if (kw == QLatin1String("match")) {
            includeApplies = args.value(0).compare(QLatin1String("all"), Qt::CaseInsensitive) == 0;
        } else if (kw == QLatin1String("include")) {
            if (!includeApplies)
                continue;
            for (const QString &pattern : std::as_const(args)) {
                QString p = pattern;
                if (p.startsWith(QLatin1String("~/")))
                    p = QDir::home().filePath(p.mid(2));
                else if (!QFileInfo(p).isAbsolute())
                    p = QDir::home().filePath(QStringLiteral(".ssh/") + p);
                const QFileInfo pi(p);
                const QStringList matches
                    = QDir(pi.absolutePath()).entryList({ pi.fileName() }, QDir::Files, QDir::Name);
                for (const QString &m : matches)
                    collect(QDir(pi.absolutePath()).filePath(m), out, seen, depth + 1, error);
            }
        } else if (kw == QLatin1String("host")) {
            includeApplies = args.contains(QStringLiteral("*"));
            for (const QString &a : std::as_const(args)) {
                if (a.contains(QLatin1Char('*')) || a.contains(QLatin1Char('?'))
                    || a.startsWith(QLatin1Char('!')))
                    continue;
                if (seen->contains(a))
                    continue;
                seen->insert(a);
                SshConfigHost h;
                h.alias = a;
                h.file = path;
                h.line = lineNo;
                out->append(h);
            }
        }
    }
}

} // namespace

QList<SshConfigHost> SshConfig::aliases(const QString &configPath, QString *error)
{
    QList<SshConfigHost> list;
    QSet<QString> seen;
    if (error)
        error->clear();
    collect(configPath, &list, &seen, 0, error);
    for (SshConfigHost &h : list) {
        const SshConfigHost r = resolve(configPath, h.alias);
        h.hostName = r.hostName;
        h.user = r.user;
        h.port = r.port;
        h.proxyCommand = r.proxyCommand;
    }
    return list;
}

bool SshConfig::hasAlias(const QString &configPath, const QString &name)
{
    QList<SshConfigHost> list;
    QSet<QString> seen;
    collect(configPath, &list, &seen, 0, nullptr);
    return seen.contains(name);
}

SshConfigHost SshConfig::resolve(const QString &configPath, const QString &name)
{
    SshConfigHost h;
    h.alias = name;
    h.hostName = name;
    HostTarget t;
    t.host = name;
    SshSession s;
    // No network: configure() only applies the options.
    if (s.configure(t, configPath)) {
        h.hostName = s.hostName();
        h.user = s.userName();
        h.port = s.port();
        h.proxyCommand = s.proxyCommand();
    }
    h.file = configPath;
    return h;
}

} // namespace alloclab
