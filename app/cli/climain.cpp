#include "app/cli/cli.h"
#include "app/translator.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("AllocLab"));
    QCoreApplication::setApplicationName(QStringLiteral("alloclab-cli"));
    alloclab::installTranslators(app, alloclab::languageFromArguments(QCoreApplication::arguments()));

    QTextStream out(stdout);
    QTextStream err(stderr);
    return alloclab::cli::run(QCoreApplication::arguments(), out, err);
}
