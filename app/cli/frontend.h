#pragma once

// The seam between alloclab-cli's main() (app/cli/climain.cpp) and the layers above app/.
// Commands that draw (charts, reports) need QtWidgets and a QApplication, which app/ must not
// include. These two functions are declared here and defined by whoever links the executable
// (ui/cli/clifrontend.cpp for alloclab-cli): link-time dependency inversion, no QtWidgets
// include in app/, and tests of app/ link without the UI.

#include "app/cli/cli.h"

#include <QCoreApplication>

#include <memory>

namespace alloclab::cli {

// A QApplication on the offscreen platform when ARGV names a command that draws, else a
// plain QCoreApplication (no display, no fonts loaded for the other commands).
std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);

// Registers the command families implemented above app/ (e.g. "charts").
void registerFrontendCommands(CommandTable &table);

} // namespace alloclab::cli
