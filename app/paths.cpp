#include "app/paths.h"

#include <QDir>
#include <QStandardPaths>

namespace alloclab::paths {

QString defaultDatabasePath()
{
    // GenericDataLocation keeps the path independent of the application name that the
    // GUI and the CLI each set, so both open the same file.
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base).filePath(QStringLiteral("alloclab/alloclab.sqlite"));
}

QString defaultSshConfigPath()
{
    return QDir::home().filePath(QStringLiteral(".ssh/config"));
}

} // namespace alloclab::paths
