#pragma once

// Finding the lab (tests/lab/labctl) from a test: its ssh_config, whether hosts are up, and
// running labctl commands. Tests QSKIP with the reason when the lab is not there.

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

#include <unistd.h>

namespace labenv {

inline QString labDir()
{
    const QString d = qEnvironmentVariable("LAB_DIR");
    return d.isEmpty() ? QStringLiteral("/var/tmp/alloclab-lab") : d;
}

inline QString sshConfig()
{
    return labDir() + QStringLiteral("/ssh_config");
}

inline QString labctl()
{
    const QString own = QStringLiteral(ALLOCLAB_SOURCE_DIR "/tests/lab/labctl");
    if (QFile::exists(own))
        return own;
    // Until the lab branch is merged: the lab developer's checkout.
    const QString wt = QStringLiteral("/work/wt-lab/tests/lab/labctl");
    return QFile::exists(wt) ? wt : QString();
}

inline QString address(int n)
{
    return QStringLiteral("10.200.%1.2").arg(n);
}

// Hosts that `labctl status` reports running with sshd active. Never probe addresses blindly:
// outside the lab's own links 10.200.N.2 may be routed elsewhere.
inline QStringList runningHosts()
{
    QProcess p;
    p.start(labctl(), { QStringLiteral("status") });
    if (!p.waitForFinished(30000) || p.exitCode() != 0)
        return {};
    QStringList hosts;
    const QStringList lines = QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (f.size() >= 5 && f.at(0).startsWith(QLatin1String("lab")) && f.at(3) == QLatin1String("running")
            && f.at(4) == QLatin1String("active"))
            hosts << f.at(0);
    }
    return hosts;
}

// Empty when hosts lab1..labN are usable, else why not.
inline QString unavailable(int hosts)
{
    if (::geteuid() != 0)
        return QStringLiteral("the lab needs root (run the lab tests as root)");
    if (labctl().isEmpty())
        return QStringLiteral("tests/lab/labctl not found");
    if (!QFile::exists(sshConfig()))
        return QStringLiteral("no lab ssh_config at %1 (start the lab: labctl up)").arg(sshConfig());
    const QStringList up = runningHosts();
    for (int i = 1; i <= hosts; ++i) {
        if (!up.contains(QStringLiteral("lab%1").arg(i)))
            return QStringLiteral("lab%1 is not up with sshd active (labctl status; labctl up)").arg(i);
    }
    return {};
}

// Runs labctl with args; returns stdout, or a null string on failure (message in *error).
inline QString run(const QStringList &args, QString *error = nullptr, int timeoutMs = 60000)
{
    QProcess p;
    p.start(labctl(), args);
    if (!p.waitForFinished(timeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (error)
            *error = QStringLiteral("labctl %1: %2")
                         .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(p.readAllStandardError()));
        return QString();
    }
    return QString::fromUtf8(p.readAllStandardOutput());
}

} // namespace labenv
