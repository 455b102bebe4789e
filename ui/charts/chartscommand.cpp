#include "ui/charts/chartscommand.h"

#include "ui/charts/chartexport.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

namespace alloclab::cli {

namespace {

int runCharts(Context &ctx, const QStringList &args, const SeriesSetSource &source)
{
    QString dir, experiment;
    chartexport::ExportOptions eo;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        auto value = [&](QString *target) {
            if (i + 1 >= args.size())
                return false;
            *target = args.at(++i);
            return true;
        };
        QString v;
        if (a == QLatin1String("--experiment")) {
            if (!value(&experiment))
                return ctx.usage(QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(a));
        } else if (a == QLatin1String("--size")) {
            if (!value(&v))
                return ctx.usage(QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(a));
            static const QRegularExpression re(QStringLiteral("^(\\d{2,5})x(\\d{2,5})$"));
            const QRegularExpressionMatch m = re.match(v);
            const int w = m.hasMatch() ? m.captured(1).toInt() : 0,
                      h = m.hasMatch() ? m.captured(2).toInt() : 0;
            if (w < 200 || h < 150 || w > 10000 || h > 10000)
                return ctx.usage(
                    QCoreApplication::translate(
                        "Cli", "--size expects WIDTHxHEIGHT between 200x150 and 10000x10000, got '%1'.")
                        .arg(v));
            eo.size = QSize(w, h);
        } else if (a == QLatin1String("--scale")) {
            bool ok = false;
            if (!value(&v) || (eo.scale = v.toDouble(&ok), !ok) || eo.scale < 0.5 || eo.scale > 4)
                return ctx.usage(
                    QCoreApplication::translate("Cli", "--scale expects a number from 0.5 to 4, got '%1'.")
                        .arg(v));
        } else if (a == QLatin1String("--format")) {
            if (!value(&v) || (v != QLatin1String("png") && v != QLatin1String("svg")))
                return ctx.usage(
                    QCoreApplication::translate("Cli", "--format expects png or svg, got '%1'.").arg(v));
            eo.format = v == QLatin1String("svg") ? chartexport::Format::Svg : chartexport::Format::Png;
        } else if (a.startsWith(QLatin1Char('-'))) {
            return ctx.usage(QCoreApplication::translate("Cli", "Unknown option '%1'.").arg(a));
        } else if (dir.isEmpty()) {
            dir = a;
        } else {
            return ctx.usage(QCoreApplication::translate("Cli", "Unexpected argument '%1'.").arg(a));
        }
    }
    if (dir.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "charts needs the folder to write into."));
    if (!qobject_cast<QApplication *>(QCoreApplication::instance()))
        return ctx.fail(
            QCoreApplication::translate("Cli", "Drawing charts needs a QApplication (internal error)."));

    SeriesSet set;
    QString error;
    if (!source || !source(ctx, experiment, &set, &error))
        return ctx.fail(error.isEmpty() ? QCoreApplication::translate("Cli", "No chart data source.")
                                        : error);
    if (set.isEmpty())
        return ctx.fail(
            experiment.isEmpty()
                ? QCoreApplication::translate("Cli", "There are no samples to chart yet.")
                : QCoreApplication::translate("Cli", "Experiment '%1' has no samples yet.").arg(experiment));
    QStringList written;
    ChartOptions options; // reports are light
    if (!chartexport::exportAll(set, options, dir, eo, &written, &error))
        return ctx.fail(error);
    if (ctx.json) {
        QStringList names;
        for (const QString &p : std::as_const(written))
            names << QStringLiteral("\"%1\"").arg(
                QDir::fromNativeSeparators(p).replace(QLatin1Char('"'), QStringLiteral("\\\"")));
        *ctx.out << "{\"files\":[" << names.join(QLatin1Char(',')) << "]}\n";
    } else if (!ctx.quiet) {
        for (const QString &p : std::as_const(written))
            *ctx.out << p << '\n';
    }
    return Ok;
}

} // namespace

void registerChartsCommands(CommandTable &table, SeriesSetSource source)
{
    Command c;
    c.words = { QStringLiteral("charts") };
    c.synopsis = QStringLiteral("charts DIR [--experiment NAME] [--size WxH] [--scale S] [--format png|svg]");
    c.summary = QCoreApplication::translate("Cli", "write the seven charts");
    c.run = [source](Context &ctx, const QStringList &args) {
        return runCharts(ctx, args, source);
    };
    table.add(std::move(c));
}

} // namespace alloclab::cli
