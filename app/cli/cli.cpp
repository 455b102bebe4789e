#include "app/cli/cli.h"

#include "app/appinfo.h"
#include "app/paths.h"

#include <QCoreApplication>

#include <algorithm>
#include <unistd.h>

namespace alloclab::cli {

namespace {

void printHelp(const CommandTable &table, QTextStream &out)
{
    out << QCoreApplication::translate("Cli", "Usage: alloclab-cli [common options] COMMAND [options]")
        << '\n'
        << '\n'
        << QCoreApplication::translate(
               "Cli", "Measure which memory allocator keeps your Tor relays small, then roll it out.")
        << '\n'
        << '\n'
        << QCoreApplication::translate("Cli", "Commands:") << '\n';
    // The summary column follows the longest synopsis up to a cap; a synopsis longer than the
    // cap gets its summary on the next line, indented to the column, so the two never touch.
    constexpr qsizetype kMaxColumn = 48;
    qsizetype column = 0;
    for (const Command &c : table.commands())
        column = std::max(column, std::min(c.synopsis.size(), kMaxColumn));
    column += 3;
    for (const Command &c : table.commands()) {
        out << "  " << c.synopsis;
        if (c.synopsis.size() + 3 > column)
            out << '\n' << QString(2 + column, QLatin1Char(' '));
        else
            out << QString(column - c.synopsis.size(), QLatin1Char(' '));
        out << c.summary << '\n';
    }
    out << '\n'
        << QCoreApplication::translate("Cli", "Common options:") << '\n'
        << "  --db PATH           "
        << QCoreApplication::translate("Cli", "database file (default: %1)").arg(paths::defaultDatabasePath())
        << '\n'
        << "  --ssh-config FILE   "
        << QCoreApplication::translate("Cli", "ssh_config to read, like ssh -F (default: ~/.ssh/config)")
        << '\n'
        << "  --json              "
        << QCoreApplication::translate("Cli", "machine-readable output on stdout, one JSON document") << '\n'
        << "  -q, --quiet         " << QCoreApplication::translate("Cli", "print only errors") << '\n'
        << "  --lang LANG         " << QCoreApplication::translate("Cli", "language of the messages, e.g. de")
        << '\n'
        << "  -h, --help          "
        << QCoreApplication::translate("Cli", "show this help, or a command's help") << '\n'
        << "  --version           "
        << QCoreApplication::translate("Cli", "show the versions of AllocLab, Qt, libssh and SQLite") << '\n'
        << '\n'
        << QCoreApplication::translate("Cli", "Exit status: 0 success, 1 the operation failed, 2 bad usage.")
        << '\n';
}
} // namespace

void Context::progress(const QString &line) const
{
    if (stderrIsTerminal && !quiet && err)
        *err << line << '\n' << Qt::flush;
}

int Context::fail(const QString &message) const
{
    *err << "alloclab-cli: " << message << '\n' << Qt::flush;
    return Failed;
}

int Context::usage(const QString &message) const
{
    *err << "alloclab-cli: " << message << '\n'
         << QCoreApplication::translate("Cli", "Try 'alloclab-cli --help'.") << '\n'
         << Qt::flush;
    return Usage;
}

void CommandTable::add(Command cmd)
{
    // A real command replaces the placeholder registered under the same words.
    for (Command &c : m_commands) {
        if (c.words == cmd.words) {
            c = std::move(cmd);
            return;
        }
    }
    m_commands.push_back(std::move(cmd));
}

const Command *CommandTable::find(const QStringList &args, int *consumed) const
{
    const Command *best = nullptr;
    int bestLen = 0;
    for (const Command &c : m_commands) {
        const int n = int(c.words.size());
        if (n > bestLen && n <= args.size() && args.mid(0, n) == c.words) {
            best = &c;
            bestLen = n;
        }
    }
    *consumed = bestLen;
    return best;
}

int run(const QStringList &arguments, QTextStream &out, QTextStream &err,
        const std::function<void(CommandTable &)> &more)
{
    CommandTable table;
    registerPlaceholderCommands(table);
    registerStoreCommands(table);
    registerDataCommands(table);
    registerExperimentCommands(table);
    registerHostCommands(table);
    registerFleetCommands(table);
    registerCollectCommands(table);
    registerDeployCommands(table);
    // Command families register here, each from its own app/cli/cmd_*.cpp.
    if (more)
        more(table); // families above app/ (charts), last so they replace their placeholders

    Context ctx;
    ctx.out = &out;
    ctx.err = &err;
    ctx.dbPath = paths::defaultDatabasePath();
    ctx.sshConfigPath = paths::defaultSshConfigPath();
    ctx.stderrIsTerminal = ::isatty(STDERR_FILENO) == 1;

    // Common options may stand anywhere; take them out, leave the rest in order.
    QStringList rest;
    bool help = false;
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        auto value = [&](const char *name, QString *target) -> int {
            const QString opt = QLatin1String(name);
            if (a == opt) {
                if (i + 1 >= arguments.size())
                    return -1;
                *target = arguments.at(++i);
                return 1;
            }
            if (a.startsWith(opt + QLatin1Char('='))) {
                *target = a.mid(opt.size() + 1);
                return 1;
            }
            return 0;
        };
        QString ignored;
        int r = 0;
        if ((r = value("--db", &ctx.dbPath)) || (r = value("--ssh-config", &ctx.sshConfigPath))
            || (r = value("--lang", &ignored))) {
            if (r < 0)
                return ctx.usage(QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(a));
            continue;
        }
        if (a == QLatin1String("--json"))
            ctx.json = true;
        else if (a == QLatin1String("-q") || a == QLatin1String("--quiet"))
            ctx.quiet = true;
        else if (a == QLatin1String("-h") || a == QLatin1String("--help"))
            help = true;
        else if (a == QLatin1String("--version") && rest.isEmpty()) {
            // Only before a command: after one, --version is the command's own (allocators add).

            out << "alloclab-cli " << appinfo::version() << '\n'
                << "Qt " << appinfo::qtVersion() << '\n'
                << "libssh " << appinfo::libsshVersion() << '\n'
                << "SQLite " << appinfo::sqliteVersion() << '\n';
            return Ok;
        } else
            rest << a;
    }

    if (rest.isEmpty()) {
        printHelp(table, help ? out : err);
        return help ? Ok : Usage;
    }
    int consumed = 0;
    const Command *cmd = table.find(rest, &consumed);
    if (!cmd)
        return ctx.usage(
            QCoreApplication::translate("Cli", "Unknown command '%1'.").arg(rest.join(QLatin1Char(' '))));
    if (help) {
        out << QCoreApplication::translate("Cli", "Usage: alloclab-cli %1").arg(cmd->synopsis) << '\n'
            << cmd->summary << '\n';
        return Ok;
    }
    return cmd->run(ctx, rest.mid(consumed));
}

void registerPlaceholderCommands(CommandTable &table)
{
    struct Spec {
        const char *words;
        const char *synopsis;
        const char *summary;
    };
    static const Spec specs[] = {
        { "hosts add", "hosts add TARGET [--name NAME]", QT_TRANSLATE_NOOP("Cli", "add a relay server") },
        { "hosts import", "hosts import FILE",
          QT_TRANSLATE_NOOP("Cli", "add the servers listed in a servers.txt") },
        { "hosts list", "hosts list", QT_TRANSLATE_NOOP("Cli", "list the relay servers") },
        { "hosts remove", "hosts remove NAME", QT_TRANSLATE_NOOP("Cli", "remove a relay server") },
        { "fleet", "fleet [--host NAME]...",
          QT_TRANSLATE_NOOP("Cli", "show every relay with its memory and allocator") },
        { "collect", "collect --once | --interval DURATION",
          QT_TRANSLATE_NOOP("Cli", "poll memory into the database") },
        { "import", "import PATH... [--server NAME] [--tz ZONE]",
          QT_TRANSLATE_NOOP("Cli", "import TorUtils CSV files") },
        { "export", "export DIR [--experiment NAME]", QT_TRANSLATE_NOOP("Cli", "export TorUtils CSV files") },
        { "experiment create", "experiment create NAME --group L=ALLOCATOR...",
          QT_TRANSLATE_NOOP("Cli", "create an experiment") },
        { "experiment assign", "experiment assign NAME LETTER RELAY...",
          QT_TRANSLATE_NOOP("Cli", "put relays into a group") },
        { "experiment list", "experiment list", QT_TRANSLATE_NOOP("Cli", "list the experiments") },
        { "experiment show", "experiment show NAME",
          QT_TRANSLATE_NOOP("Cli", "show an experiment's groups") },
        { "allocators list", "allocators list", QT_TRANSLATE_NOOP("Cli", "list the allocator catalog") },
        { "allocators add", "allocators add ID --name T --version V --path P",
          QT_TRANSLATE_NOOP("Cli", "add a custom allocator") },
        { "allocators check", "allocators check [--host NAME]...",
          QT_TRANSLATE_NOOP("Cli", "check the libraries on the hosts") },
        { "summary", "summary [--experiment NAME] [--at T]",
          QT_TRANSLATE_NOOP("Cli", "rank the groups of an experiment") },
        { "charts", "charts DIR [--size WxH] [--format png|svg]",
          QT_TRANSLATE_NOOP("Cli", "write the seven charts") },
        { "report", "report DIR [--experiment NAME]",
          QT_TRANSLATE_NOOP("Cli", "write a whole report folder") },
        { "deploy", "deploy --experiment NAME [--dry-run] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "deploy an experiment's allocators") },
        { "rollout", "rollout --allocator ID [--dry-run] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "roll one allocator out to every relay") },
        { "rollback", "rollback --experiment NAME [--dry-run] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "restore every relay's previous allocator") },
    };
    for (const Spec &s : specs) {
        Command c;
        c.words = QString::fromLatin1(s.words).split(QLatin1Char(' '));
        c.synopsis = QString::fromLatin1(s.synopsis);
        c.summary = QCoreApplication::translate("Cli", s.summary);
        const QString name = QString::fromLatin1(s.words);
        c.run = [name](Context &ctx, const QStringList &) {
            return ctx.fail(QCoreApplication::translate("Cli", "'%1' is not implemented yet.").arg(name));
        };
        table.add(std::move(c));
    }
}

} // namespace alloclab::cli
