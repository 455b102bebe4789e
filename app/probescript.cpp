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

} // namespace alloclab
