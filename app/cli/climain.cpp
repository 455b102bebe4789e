#include "app/cli/cli.h"
#include "app/cli/frontend.h"
#include "app/translator.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    const std::unique_ptr<QCoreApplication> app = alloclab::cli::createApplication(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AllocLab"));
    QCoreApplication::setApplicationName(QStringLiteral("alloclab-cli"));
    alloclab::installTranslators(*app, alloclab::languageFromArguments(QCoreApplication::arguments()));

    QTextStream out(stdout);
    QTextStream err(stderr);
    return alloclab::cli::run(QCoreApplication::arguments(), out, err,
                              &alloclab::cli::registerFrontendCommands);
}
