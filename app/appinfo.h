#pragma once

#include <QString>

namespace alloclab::appinfo {

QString version(); // AllocLab's own version
QString qtVersion(); // the Qt the program runs with
QString libsshVersion(); // the libssh the program runs with
QString sqliteVersion(); // the SQLite the program runs with

} // namespace alloclab::appinfo
