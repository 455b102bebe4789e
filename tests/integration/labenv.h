#pragma once

// Finding the lab (tests/lab/labctl) from a test: its ssh_config, whether hosts are up, and
// running labctl commands. Tests QSKIP with the reason when the lab is not there.

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTcpSocket>

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

// sshd of labN answers on port 22 (within 2 s).
inline bool hostUp(int n)
{
    QTcpSocket s;
    s.connectToHost(address(n), 22);
    return s.waitForConnected(2000);
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
    for (int i = 1; i <= hosts; ++i) {
        if (!hostUp(i))
            return QStringLiteral("lab%1 (%2:22) is not up (labctl status; labctl up)")
                .arg(i)
                .arg(address(i));
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
