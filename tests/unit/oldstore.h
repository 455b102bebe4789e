// Database files as an older AllocLab (or another program) left them, for the migration tests.
#pragma once

#include "app/database.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtGlobal>

#include <sqlite3.h>

namespace alloclab::test {

// The SQL that takes an empty file to schema `version`, as the AllocLab of that version did.
inline QByteArray schemaSql(int version)
{
    QByteArray sql;
    for (int v = 1; v <= version; ++v)
        sql += Database::migrationSql(v).toUtf8();
    if (version > 0)
        sql += "PRAGMA user_version = " + QByteArray::number(version)
            + "; PRAGMA application_id = " + QByteArray::number(Database::ApplicationId) + ";";
    return sql;
}

// Runs SQL on a file with the plain C API, not through Database.
inline bool rawExec(const QString &path, const QByteArray &sql)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    char *msg = nullptr;
    const int rc = sqlite3_exec(db, sql.constData(), nullptr, nullptr, &msg);
    if (rc != SQLITE_OK)
        qWarning("sqlite: %s", msg);
    sqlite3_free(msg);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

} // namespace alloclab::test
