#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

#include <functional>
#include <vector>

namespace alloclab::cli {

enum ExitCode { Ok = 0, Failed = 1, Usage = 2 };

// Options every command accepts (CLI.md, "Common"); parsed before the command's own.
struct Context {
    QString dbPath;
    QString sshConfigPath;
    bool json = false;
    bool quiet = false;
    bool stderrIsTerminal = false;
    QTextStream *out = nullptr;
    QTextStream *err = nullptr;

    // Progress only goes to a terminal, never into a pipe or a log.
    void progress(const QString &line) const;
    int fail(const QString &message) const; // prints to stderr, returns Failed
    int usage(const QString &message) const; // prints to stderr, returns Usage
};

struct Command {
    QStringList words; // e.g. {"hosts", "add"}
    QString synopsis; // e.g. "hosts add TARGET [--name NAME]"
    QString summary; // one translated line
    // args: what follows the command words, common options removed.
    std::function<int(Context &, const QStringList &args)> run;
};

class CommandTable
{
public:
    void add(Command cmd);
    const Command *find(const QStringList &args, int *consumed) const;
    const std::vector<Command> &commands() const { return m_commands; }

private:
    std::vector<Command> m_commands;
};

// Entry point shared by alloclab-cli and the tests: runs one command line. MORE registers
// command families from layers above app/ (see app/cli/frontend.h), after app/'s own.
int run(const QStringList &arguments, QTextStream &out, QTextStream &err,
        const std::function<void(CommandTable &)> &more = {});

// Each command family registers itself here; a family that is not built yet answers
// "not implemented yet" with exit status 1.
void registerPlaceholderCommands(CommandTable &table);
// backup (app/cli/cmd_store.cpp)
void registerStoreCommands(CommandTable &table);
// import, export, summary (app/cli/cmd_data.cpp).
void registerDataCommands(CommandTable &table);
void registerExperimentCommands(CommandTable &table);
void registerHostCommands(CommandTable &table);
void registerFleetCommands(CommandTable &table);
// collect (app/cli/cmd_collect.cpp).
void registerCollectCommands(CommandTable &table);
// deploy, rollout, rollback (app/cli/cmd_deploy.cpp).
void registerDeployCommands(CommandTable &table);

} // namespace alloclab::cli
