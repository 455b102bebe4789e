// The "report" command: one folder an operator can publish as it is.

#include "app/appinfo.h"
#include "app/database.h"
#include "app/exporter.h"
#include "app/seriesquery.h"
#include "app/summaryquery.h"
#include "ui/charts/chartexport.h"
#include "ui/charts/chartscommand.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

namespace alloclab::cli {

namespace {

QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

bool writeText(const QString &path, const QString &text, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        *error = QCoreApplication::translate("Cli", "Could not write %1: %2.").arg(path, f.errorString());
        return false;
    }
    return true;
}

// Markdown table cells must not break the table.
QString cell(QString s)
{
    return s.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

int runReport(Context &ctx, const QStringList &args)
{
    QString dir, experiment;
    chartexport::ExportOptions eo;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a == QLatin1String("--experiment") || a == QLatin1String("--size")) {
            if (i + 1 >= args.size())
                return ctx.usage(QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(a));
            const QString v = args.at(++i);
            if (a == QLatin1String("--experiment")) {
                experiment = v;
                continue;
            }
            static const QRegularExpression re(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
            const QRegularExpressionMatch m = re.match(v);
            const int w = m.hasMatch() ? m.captured(1).toInt() : 0,
                      h = m.hasMatch() ? m.captured(2).toInt() : 0;
            if (w < 200 || h < 150 || w > 10000 || h > 10000)
                return ctx.usage(
                    QCoreApplication::translate(
                        "Cli", "--size expects WIDTHxHEIGHT between 200x150 and 10000x10000, got '%1'.")
                        .arg(v));
            eo.size = QSize(w, h);
        } else if (a.startsWith(QLatin1Char('-'))) {
            return ctx.usage(QCoreApplication::translate("Cli", "Unknown option '%1'.").arg(a));
        } else if (dir.isEmpty()) {
            dir = a;
        } else {
            return ctx.usage(QCoreApplication::translate("Cli", "Unexpected argument '%1'.").arg(a));
        }
    }
    if (dir.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "report needs the folder to write into."));
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return ctx.fail(
            QCoreApplication::translate("Cli", "Drawing a report needs a QApplication (internal error)."));

    QString error;
    Database db;
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    std::optional<ExperimentRecord> exp;
    if (!experiment.isEmpty()) {
        exp = db.experiment(experiment);
        if (!exp)
            return ctx.fail(QCoreApplication::translate("Cli", "There is no experiment named '%1' in %2.")
                                .arg(experiment, ctx.dbPath));
    } else {
        const QList<ExperimentRecord> all = db.experiments();
        if (!all.isEmpty())
            exp = all.last(); // the summary's default too
    }
    if (!QDir().mkpath(dir))
        return ctx.fail(QCoreApplication::translate("Cli", "Could not create the folder %1.").arg(dir));

    // Data first: the CSVs and group files in the TorUtils formats.
    ExportOptions xo;
    xo.dir = dir;
    xo.experiment = exp ? exp->name : QString();
    ExportReport xr;
    if (!exportData(db, xo, &xr, &error))
        return ctx.fail(error);

    summary::Summary sum;
    if (exp) {
        SummaryQuery sq;
        sq.experiment = exp->name;
        if (!querySummary(db, sq, &sum, &error))
            return ctx.fail(error);
    }

    SeriesQuery q;
    q.experiment = exp ? exp->name : QString();
    SeriesSet set;
    if (!querySeriesSet(db, q, &set, &error))
        return ctx.fail(error);
    QStringList charts;
    if (!set.isEmpty()) {
        ChartOptions co;
        co.atMs = sum.atMs; // the comparison chart shows the summary's snapshot
        if (!chartexport::exportAll(set, co, QDir(dir).filePath(QStringLiteral("charts")), eo, &charts,
                                    &error))
            return ctx.fail(error);
    }

    const QString title = exp ? exp->name : QCoreApplication::translate("Cli", "Fleet");
    QString md;
    md += QStringLiteral("# %1\n\n").arg(title);
    if (exp && !exp->hypothesis.isEmpty())
        md += QCoreApplication::translate("Cli", "**Hypothesis:** %1").arg(exp->hypothesis)
            + QStringLiteral("\n\n");
    if (exp && !exp->notes.isEmpty())
        md += exp->notes + QStringLiteral("\n\n");
    if (exp) {
        md += QCoreApplication::translate("Cli", "## Groups") + QStringLiteral("\n\n");
        md += QCoreApplication::translate("Cli", "| Group | Label | Allocator | Relays |")
            + QLatin1Char('\n');
        md += QStringLiteral("|---|---|---|---|\n");
        QHash<QString, int> relays;
        for (const RelaySeries &r : std::as_const(set.relays))
            ++relays[r.group]; // one entry per relay and group (membership periods merged)
        for (const GroupRecord &g : std::as_const(exp->groups)) {
            const int gi = set.groupIndex(g.letter);
            md += QStringLiteral("| %1 | %2 | %3 | %4 |\n")
                      .arg(cell(g.letter), cell(g.label),
                           cell(gi >= 0 ? set.groups.at(gi).label : g.allocatorId))
                      .arg(relays.value(g.letter));
        }
        md += QLatin1Char('\n');
        md += QCoreApplication::translate("Cli", "## Summary") + QStringLiteral("\n\n");
        if (sum.atMs > 0) {
            md += sum.toMarkdown() + QLatin1Char('\n'); // names the snapshot and the worst/best ratio
        } else {
            md += QCoreApplication::translate("Cli", "No samples yet.") + QStringLiteral("\n\n");
        }
    }
    if (!charts.isEmpty()) {
        md += QCoreApplication::translate("Cli", "## Charts") + QStringLiteral("\n\n");
        for (const ChartKind k : charts::allKinds()) {
            const QString file = QStringLiteral("charts/") + charts::fileName(k)
                + (eo.format == chartexport::Format::Svg ? QStringLiteral(".svg") : QStringLiteral(".png"));
            md += QStringLiteral("### %1\n\n![%1](%2)\n\n").arg(charts::title(k), file);
        }
    }
    if (!writeText(QDir(dir).filePath(QStringLiteral("REPORT.md")), md, &error))
        return ctx.fail(error);

    QString readme;
    readme += QStringLiteral("# %1\n\n")
                  .arg(QCoreApplication::translate("Cli", "AllocLab report: %1").arg(title));
    readme += QCoreApplication::translate("Cli", "Written by AllocLab %1 on %2 (UTC) from %3.")
                  .arg(appinfo::version(), isoUtc(QDateTime::currentMSecsSinceEpoch()),
                       QFileInfo(ctx.dbPath).fileName())
        + QStringLiteral("\n\n");
    readme += QCoreApplication::translate(
                  "Cli", "- `REPORT.md`: the experiment, its groups, the summary and the charts")
        + QLatin1Char('\n');
    const QDir root(QFileInfo(dir).absoluteFilePath());
    for (const QString &f : std::as_const(xr.files))
        readme += QStringLiteral("- `%1`\n").arg(root.relativeFilePath(QFileInfo(f).absoluteFilePath()));
    for (const QString &f : std::as_const(charts))
        readme += QStringLiteral("- `%1`\n").arg(root.relativeFilePath(QFileInfo(f).absoluteFilePath()));
    readme += QLatin1Char('\n')
        + QCoreApplication::translate(
                  "Cli",
                  "The CSV files are in the TorUtils formats: `alloclab-cli import` and the "
                  "TorUtils scripts read them back.")
        + QLatin1Char('\n');
    if (!writeText(QDir(dir).filePath(QStringLiteral("README.md")), readme, &error))
        return ctx.fail(error);

    QStringList files = { QDir(dir).filePath(QStringLiteral("README.md")),
                          QDir(dir).filePath(QStringLiteral("REPORT.md")) };
    files += xr.files;
    files += charts;
    if (ctx.json) {
        QJsonObject j;
        j.insert(QStringLiteral("dir"), dir);
        j.insert(QStringLiteral("experiment"), exp ? exp->name : QString());
        j.insert(QStringLiteral("files"), QJsonArray::fromStringList(files));
        *ctx.out << QJsonDocument(j).toJson(QJsonDocument::Compact) << '\n';
    } else if (!ctx.quiet) {
        for (const QString &f : std::as_const(files))
            *ctx.out << f << '\n';
    }
    return Ok;
}

} // namespace

SeriesSetSource databaseSeriesSource()
{
    return [](const Context &ctx, const QString &experiment, SeriesSet *set, QString *error) {
        Database db;
        if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, error))
            return false;
        SeriesQuery q;
        q.experiment = experiment;
        return querySeriesSet(db, q, set, error);
    };
}

void registerReportCommands(CommandTable &table)
{
    Command c;
    c.words = { QStringLiteral("report") };
    c.synopsis = QStringLiteral("report DIR [--experiment NAME] [--size WxH]");
    c.summary
        = QCoreApplication::translate("Cli", "write a report folder (Markdown, CSVs, group files, charts)");
    c.run = [](Context &ctx, const QStringList &args) {
        return runReport(ctx, args);
    };
    table.add(std::move(c));
}

} // namespace alloclab::cli
