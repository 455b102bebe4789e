#include "app/paths.h"
#include "app/translator.h"
#include "ui/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("AllocLab"));
    QApplication::setApplicationName(QStringLiteral("alloclab"));
    QApplication::setApplicationVersion(QStringLiteral(ALLOCLAB_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.alloclab.AllocLab"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/alloclab.svg")));
    alloclab::installTranslators(app, alloclab::languageFromArguments(QApplication::arguments()));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Measure which memory allocator keeps your Tor relays small."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption({ QStringLiteral("lang"),
                       QCoreApplication::translate("main", "Language of the interface, e.g. de."),
                       QStringLiteral("LANG") });
    const QCommandLineOption sshConfig(
        QStringLiteral("ssh-config"),
        QCoreApplication::translate("main", "ssh_config file to read, like ssh -F."), QStringLiteral("FILE"));
    parser.addOption(sshConfig);
    const QCommandLineOption db(
        QStringLiteral("db"),
        QCoreApplication::translate("main", "Database file to open (default: the preference, else %1).")
            .arg(alloclab::paths::defaultDatabasePath()),
        QStringLiteral("PATH"));
    parser.addOption(db);
    parser.process(app);
    if (parser.isSet(sshConfig))
        QSettings().setValue(QStringLiteral("ssh/configPath"), parser.value(sshConfig));

    // --db is for this run only; Preferences stores a lasting choice (database/path).
    alloclab::MainWindow window(parser.isSet(db) ? parser.value(db) : QString());
    window.show();
    return app.exec();
}
