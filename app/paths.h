#pragma once

#include <QString>

namespace alloclab::paths {

// $XDG_DATA_HOME/alloclab/alloclab.sqlite: the one database the GUI and the CLI share.
QString defaultDatabasePath();
// ~/.ssh/config, the file libssh reads unless the operator names another.
QString defaultSshConfigPath();

} // namespace alloclab::paths
