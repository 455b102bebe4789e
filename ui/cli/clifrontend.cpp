// Defines the hooks of app/cli/frontend.h for alloclab-cli: the UI layer's commands and the
// application object they need.

#include "app/cli/frontend.h"
#include "ui/charts/chartscommand.h"

#include <QApplication>

namespace alloclab::cli {

namespace {
bool drawsCharts(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if (a == "charts" || a == "report")
            return true;
    }
    return false;
}
} // namespace

std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv)
{
    if (!drawsCharts(argc, argv))
        return std::make_unique<QCoreApplication>(argc, argv);
    // Headless by design (cron, ssh): never try to reach a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QApplication>(argc, argv);
}

void registerFrontendCommands(CommandTable &table)
{
    registerChartsCommands(table, databaseSeriesSource());
    registerReportCommands(table);
}

} // namespace alloclab::cli
