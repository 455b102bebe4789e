#include "app/probescript.h"

#include <QFile>

namespace alloclab {

QByteArray probeScript()
{
    // Compiled in; a missing resource is a build error caught by tst_probescript.
    QFile f(QStringLiteral(":/probe/probe.sh"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

QByteArray residentProbeInit()
{
    // A function whose body is a subshell: the probe's `exec awk`, `set -f` and variables end
    // with each run and never touch the resident shell.
    const QByteArray script = probeScript();
    if (script.isEmpty())
        return {};
    return "alloclab_probe() (\n" + script + "\n)\n";
}

QByteArray residentProbeMarker(quint64 nonce)
{
    return "alloclab-probe-done-" + QByteArray::number(nonce) + ' ';
}

QByteArray residentProbeRequest(quint64 nonce)
{
    // stdin of the probe is /dev/null: the shell's own stdin carries the next requests.
    return "alloclab_probe </dev/null; printf '\\n%s%s\\n' '" + residentProbeMarker(nonce) + "' \"$?\"\n";
}

} // namespace alloclab
