// Build tool: writes an empty database of the current schema, made by the migrations in
// app/database.cpp. It is compiled into the application as :/store/empty.sqlite, and
// Database::open copies it for a new file instead of replaying the migrations.
// This tool has no such resource, so its own Database::open runs them.

#include "app/database.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: alloclab-emptydb OUTPUT\n");
        return 2;
    }
    const QString out = args.at(1);
    for (const char *suffix : { "", "-wal", "-shm" })
        QFile::remove(out + QLatin1String(suffix));
    alloclab::Database db;
    QString error;
    if (!db.open(out, alloclab::Database::OpenMode::CreateIfMissing, &error)) {
        std::fprintf(stderr, "alloclab-emptydb: %s\n", qPrintable(error));
        return 1;
    }
    db.close();
    return 0;
}
