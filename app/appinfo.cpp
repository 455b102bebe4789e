#include "app/appinfo.h"

#include <libssh/libssh.h>
#include <sqlite3.h>

namespace alloclab::appinfo {

QString version()
{
    return QStringLiteral(ALLOCLAB_VERSION);
}

QString qtVersion()
{
    return QString::fromLatin1(qVersion());
}

QString libsshVersion()
{
    // ssh_version(0) returns e.g. "0.10.6/openssl/zlib"; keep only the number.
    const QString full = QString::fromLatin1(ssh_version(0));
    return full.section(QLatin1Char('/'), 0, 0);
}

QString sqliteVersion()
{
    return QString::fromLatin1(sqlite3_libversion());
}

} // namespace alloclab::appinfo
