#include "app/cli/cli.h"
#include "app/database.h"
#include "app/exporter.h"
#include "app/importer.h"
#include "app/summaryquery.h"
#include "models/torutils.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

namespace alloclab::cli {

namespace {

// Options of one command: "--name VALUE" / "--name=VALUE" (repeatable) and flags.
struct Parsed {
    QStringList positional;
    QHash<QString, QStringList> values;
    QSet<QString> flags;
    QString error;
};

Parsed parseArgs(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions)
{
    Parsed p;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--"))) {
            p.positional << a;
            continue;
        }
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString name = eq > 0 ? a.left(eq) : a;
        if (valueOptions.contains(name)) {
            if (eq > 0)
                p.values[name] << a.mid(eq + 1);
            else if (i + 1 < args.size())
                p.values[name] << args.at(++i);
            else
                p.error = QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(name);
        } else if (flagOptions.contains(name) && eq < 0) {
            p.flags.insert(name);
        } else {
            p.error = QCoreApplication::translate("Cli", "Unknown option '%1'.").arg(a);
        }
        if (!p.error.isEmpty())
            break;
    }
    return p;
}

bool zoneFrom(const Parsed &p, QTimeZone *zone, QString *error)
{
    const QString tz = p.values.value(QStringLiteral("--tz")).value(0);
    if (tz.isEmpty() || tz == QLatin1String("UTC")) {
        *zone = QTimeZone::utc();
        return true;
    }
    *zone = QTimeZone(tz.toUtf8());
    if (!zone->isValid()) {
        *error = QCoreApplication::translate(
                     "Cli", "Unknown time zone '%1' (use an IANA name such as Europe/Berlin).")
                     .arg(tz);
        return false;
    }
    return true;
}

bool timeFrom(const Parsed &p, const char *option, const QTimeZone &zone, qint64 *ms, QString *error)
{
    const QString v = p.values.value(QLatin1String(option)).value(0);
    if (v.isEmpty())
        return true;
    torutils::TimestampParser tp(zone);
    if (!tp.parse(v.toUtf8(), ms)) {
        *error = QCoreApplication::translate(
                     "Cli", "%1 expects an ISO 8601 time such as 2026-01-08T20:47:02, got '%2'.")
                     .arg(QLatin1String(option), v);
        return false;
    }
    return true;
}

int runImport(Context &ctx, const QStringList &args)
{
    const Parsed p = parseArgs(args,
                               { QStringLiteral("--server"), QStringLiteral("--tz"),
                                 QStringLiteral("--experiment"), QStringLiteral("--groups") },
                               { QStringLiteral("--skip-bad-rows") });
    if (!p.error.isEmpty())
        return ctx.usage(p.error);
    if (p.positional.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "'import' needs a folder or files to read."));
    ImportOptions o;
    o.paths = p.positional;
    o.server = p.values.value(QStringLiteral("--server")).value(0);
    o.experiment = p.values.value(QStringLiteral("--experiment")).value(0);
    for (const QString &g : p.values.value(QStringLiteral("--groups")))
        o.groupFiles << g.split(QLatin1Char(','), Qt::SkipEmptyParts);
    o.skipBadRows = p.flags.contains(QStringLiteral("--skip-bad-rows"));
    QString error;
    if (!zoneFrom(p, &o.naiveZone, &error))
        return ctx.usage(error);
    Database db;
    if (!db.open(ctx.dbPath, Database::OpenMode::CreateIfMissing, &error))
        return ctx.fail(error);
    const ImportReport r = Importer::run(db, o, [&ctx](int percent, const QString &what) {
        ctx.progress(QCoreApplication::translate("Cli", "Importing %1 ... %2%").arg(what).arg(percent));
        return true;
    });
    for (const QString &w : r.warnings)
        *ctx.err << QCoreApplication::translate("Cli", "warning: %1").arg(w) << '\n';
    for (const QString &e : r.errors)
        *ctx.err << e << '\n';
    ctx.err->flush();
    if (ctx.json) {
        QJsonObject j;
        j.insert(QStringLiteral("ok"), r.ok);
        j.insert(QStringLiteral("relays"), r.relays);
        j.insert(QStringLiteral("samples_added"), r.samplesAdded);
        j.insert(QStringLiteral("aggregates_added"), r.aggregatesAdded);
        j.insert(QStringLiteral("events_added"), r.eventsAdded);
        j.insert(QStringLiteral("diagnostics_added"), r.diagnosticsAdded);
        j.insert(QStringLiteral("settings_added"), r.settingsAdded);
        j.insert(QStringLiteral("experiment"), r.experiment);
        j.insert(QStringLiteral("groups"), r.groups);
        j.insert(QStringLiteral("assignments"), r.assignments);
        QJsonArray files;
        for (const ImportFileResult &f : r.files)
            files.append(QJsonObject { { QStringLiteral("path"), f.path },
                                       { QStringLiteral("kind"), f.kind },
                                       { QStringLiteral("rows"), f.rows },
                                       { QStringLiteral("rejected"), f.rejected },
                                       { QStringLiteral("added"), f.added } });
        j.insert(QStringLiteral("files"), files);
        j.insert(QStringLiteral("errors"), QJsonArray::fromStringList(r.errors));
        j.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(r.warnings));
        *ctx.out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
    } else if (r.ok && !ctx.quiet) {
        for (const ImportFileResult &f : r.files)
            *ctx.out << QCoreApplication::translate("Cli", "%1 (%2): %3 rows, %4 new, %5 rejected")
                            .arg(f.path, f.kind)
                            .arg(f.rows)
                            .arg(f.added)
                            .arg(f.rejected)
                     << '\n';
        *ctx.out << QCoreApplication::translate(
                        "Cli",
                        "Imported %1 samples, %2 aggregates, %3 events, %4 diagnostics rows of %5 relays.")
                        .arg(r.samplesAdded)
                        .arg(r.aggregatesAdded)
                        .arg(r.eventsAdded)
                        .arg(r.diagnosticsAdded)
                        .arg(r.relays)
                 << '\n';
        if (r.settingsAdded > 0)
            *ctx.out << QCoreApplication::translate("Cli", "Relay settings: %1 new or changed.")
                            .arg(r.settingsAdded)
                     << '\n';
        if (!r.experiment.isEmpty())
            *ctx.out << QCoreApplication::translate("Cli", "Experiment '%1': %2 groups, %3 assignments.")
                            .arg(r.experiment)
                            .arg(r.groups)
                            .arg(r.assignments)
                     << '\n';
    }
    return r.ok ? Ok : Failed;
}

int runExport(Context &ctx, const QStringList &args)
{
    const Parsed p = parseArgs(args,
                               { QStringLiteral("--experiment"), QStringLiteral("--from"),
                                 QStringLiteral("--to"), QStringLiteral("--tz"), QStringLiteral("--host") },
                               { QStringLiteral("--naive-times") });
    if (!p.error.isEmpty())
        return ctx.usage(p.error);
    if (p.positional.size() != 1)
        return ctx.usage(
            QCoreApplication::translate("Cli", "'export' needs exactly one folder to write into."));
    ExportOptions o;
    o.dir = p.positional.first();
    o.experiment = p.values.value(QStringLiteral("--experiment")).value(0);
    o.servers = p.values.value(QStringLiteral("--host"));
    o.naiveTimes = p.flags.contains(QStringLiteral("--naive-times"));
    QString error;
    if (!zoneFrom(p, &o.zone, &error) || !timeFrom(p, "--from", o.zone, &o.fromMs, &error)
        || !timeFrom(p, "--to", o.zone, &o.toMs, &error))
        return ctx.usage(error);
    Database db;
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    ExportReport r;
    if (!exportData(db, o, &r, &error))
        return ctx.fail(error);
    if (ctx.json) {
        QJsonObject j { { QStringLiteral("samples"), r.samples },
                        { QStringLiteral("aggregates"), r.aggregates },
                        { QStringLiteral("events"), r.events },
                        { QStringLiteral("diagnostics"), r.diagnostics },
                        { QStringLiteral("groups"), r.groups },
                        { QStringLiteral("relay_config_rows"), r.relayConfigRows },
                        { QStringLiteral("files"), QJsonArray::fromStringList(r.files) } };
        *ctx.out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
    } else if (!ctx.quiet) {
        *ctx.out
            << QCoreApplication::translate(
                   "Cli",
                   "Wrote %1 samples, %2 aggregates, %3 events, %4 diagnostics rows, %5 group files to %6.")
                   .arg(r.samples)
                   .arg(r.aggregates)
                   .arg(r.events)
                   .arg(r.diagnostics)
                   .arg(r.groups)
                   .arg(o.dir)
            << '\n';
        if (r.relayConfigRows > 0)
            *ctx.out << QCoreApplication::translate("Cli",
                                                    "Wrote %1 rows of relay settings (relay_config.csv).")
                            .arg(r.relayConfigRows)
                     << '\n';
    }
    return Ok;
}

int runSummary(Context &ctx, const QStringList &args)
{
    const Parsed p = parseArgs(args,
                               { QStringLiteral("--experiment"), QStringLiteral("--at"),
                                 QStringLiteral("--tz"), QStringLiteral("--window-days") },
                               { QStringLiteral("--markdown") });
    if (!p.error.isEmpty())
        return ctx.usage(p.error);
    if (!p.positional.isEmpty())
        return ctx.usage(
            QCoreApplication::translate("Cli", "'summary' takes no arguments besides its options."));
    SummaryQuery q;
    q.experiment = p.values.value(QStringLiteral("--experiment")).value(0);
    QString error;
    QTimeZone zone;
    if (!zoneFrom(p, &zone, &error) || !timeFrom(p, "--at", zone, &q.atMs, &error))
        return ctx.usage(error);
    const QString w = p.values.value(QStringLiteral("--window-days")).value(0);
    if (!w.isEmpty()) {
        bool ok = false;
        const double days = w.toDouble(&ok);
        if (!ok || days <= 0)
            return ctx.usage(
                QCoreApplication::translate("Cli", "--window-days expects a positive number, got '%1'.")
                    .arg(w));
        q.windowMs = qint64(days * 86400000.0);
    }
    Database db;
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    summary::Summary s;
    if (!querySummary(db, q, &s, &error))
        return ctx.fail(error);
    if (ctx.json)
        *ctx.out << QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact) << '\n';
    else
        *ctx.out << s.toMarkdown();
    if (!s.atMs)
        return ctx.fail(QCoreApplication::translate("Cli", "There are no samples at or before that time."));
    return Ok;
}

} // namespace

void registerDataCommands(CommandTable &table)
{
    table.add(
        { { QStringLiteral("import") },
          QStringLiteral("import PATH... [--server NAME] [--tz ZONE] [--experiment NAME] [--groups FILE,...] "
                         "[--skip-bad-rows]"),
          QCoreApplication::translate("Cli", "import TorUtils CSV files"),
          runImport });
    table.add(
        { { QStringLiteral("export") },
          QStringLiteral("export DIR [--experiment NAME] [--from T] [--to T] [--host NAME]... [--tz ZONE] "
                         "[--naive-times]"),
          QCoreApplication::translate("Cli", "export TorUtils CSV files"),
          runExport });
    table.add({ { QStringLiteral("summary") },
                QStringLiteral("summary [--experiment NAME] [--at T] [--tz ZONE] [--window-days N] [--json]"),
                QCoreApplication::translate("Cli", "rank the groups of an experiment"),
                runSummary });
}

} // namespace alloclab::cli
