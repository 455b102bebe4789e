#include "app/cli/cli.h"
#include "app/database.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace alloclab::cli {

namespace {

int runBackup(Context &ctx, const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(
            QCoreApplication::translate("Cli", "'backup' needs exactly one argument: the new file."));
    const QString target = args.first();
    Database db;
    QString error;
    // The source must exist: a backup never creates an empty database to copy.
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    ctx.progress(QCoreApplication::translate("Cli", "Copying %1 to %2 ...").arg(ctx.dbPath, target));
    if (!db.backupTo(target))
        return ctx.fail(db.lastError());
    const DatabaseCounts c = db.counts();
    if (ctx.json) {
        QJsonObject o;
        o.insert(QStringLiteral("source"), ctx.dbPath);
        o.insert(QStringLiteral("backup"), target);
        o.insert(QStringLiteral("schema_version"), Database::schemaVersion());
        o.insert(QStringLiteral("relays"), c.relays);
        o.insert(QStringLiteral("samples"), c.samples);
        o.insert(QStringLiteral("events"), c.events);
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (!ctx.quiet) {
        *ctx.out << QCoreApplication::translate("Cli",
                                                "Backed up %1 to %2 (%3 relays, %4 samples, %5 events).")
                        .arg(ctx.dbPath, target)
                        .arg(c.relays)
                        .arg(c.samples)
                        .arg(c.events)
                 << '\n';
    }
    return Ok;
}

} // namespace

void registerStoreCommands(CommandTable &table)
{
    Command c;
    c.words = QStringList { QStringLiteral("backup") };
    c.synopsis = QStringLiteral("backup FILE");
    c.summary = QCoreApplication::translate("Cli", "copy the database into a new file, safely while in use");
    c.run = runBackup;
    table.add(std::move(c));
}

} // namespace alloclab::cli
