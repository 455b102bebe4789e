// Temporary stand-in until the probe implementation (branch probe) is merged: CMake compiles
// this file only while models/probeparser.cpp or app/probescript.cpp is missing.
#include "app/probescript.h"
#include "models/probeparser.h"

#include <QCoreApplication>

namespace alloclab {

#ifndef ALLOCLAB_HAVE_PROBESCRIPT
QByteArray probeScript()
{
    return QByteArrayLiteral("echo alloclab-probe-placeholder; hostname\n");
}
#endif

#ifndef ALLOCLAB_HAVE_PROBEPARSER
ProbeResult ProbeParser::parse(const QByteArray &output)
{
    ProbeResult r;
    r.ok = output.startsWith("alloclab-probe-placeholder");
    r.error = r.ok ? QString() : QStringLiteral("placeholder probe parser");
    r.host.hostname = QString::fromUtf8(output.split('\n').value(1));
    return r;
}
int ProbeResult::invalidCount() const
{
    return 0;
}
int ProbeResult::runningCount() const
{
    return 0;
}
QString ProbeResult::sudoersLine() const
{
    return {};
}
QString ProbeParser::allocatorLabel(const QString &s)
{
    return s;
}
#endif

} // namespace alloclab
