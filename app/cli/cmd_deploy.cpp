// deploy / rollout / rollback: plan from the store and the hosts, show it, confirm, execute
// through the same Deployer the GUI uses.

#include "app/cli/cli.h"
#include "app/database.h"
#include "app/deployer.h"
#include "app/deployinputs.h"
#include "models/units.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <unistd.h>

namespace alloclab::cli {

namespace {

struct DeployArgs {
    QString experiment;
    QString allocator;
    QStringList hosts;
    bool dryRun = false;
    bool yes = false;
    int batch = 5;
    int canary = 1;
    int maxFailures = 1;
    int settleSeconds = 10;
};

// Parses the options of the three commands; false + usage message on bad input.
bool parseArgs(const QStringList &args, DeployArgs *a, bool allowAllocator, bool allowBatch, QString *error)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &o = args.at(i);
        auto value = [&](QString *v) {
            if (i + 1 >= args.size()) {
                *error = QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(o);
                return false;
            }
            *v = args.at(++i);
            return true;
        };
        auto number = [&](int *v, int min) {
            QString s;
            if (!value(&s))
                return false;
            bool ok = false;
            *v = s.toInt(&ok);
            if (!ok || *v < min) {
                *error
                    = QCoreApplication::translate("Cli", "Option '%1' needs a whole number >= %2, not '%3'.")
                          .arg(o)
                          .arg(min)
                          .arg(s);
                return false;
            }
            return true;
        };
        bool ok = true;
        if (o == QLatin1String("--dry-run"))
            a->dryRun = true;
        else if (o == QLatin1String("--yes") || o == QLatin1String("-y"))
            a->yes = true;
        else if (o == QLatin1String("--experiment") && !allowAllocator)
            ok = value(&a->experiment);
        else if (o == QLatin1String("--allocator") && allowAllocator)
            ok = value(&a->allocator);
        else if (o == QLatin1String("--host") && allowAllocator) {
            QString h;
            ok = value(&h);
            a->hosts << h;
        } else if (o == QLatin1String("--batch") && allowBatch)
            ok = number(&a->batch, 1);
        else if (o == QLatin1String("--canary") && allowBatch)
            ok = number(&a->canary, 0);
        else if (o == QLatin1String("--max-failures"))
            ok = number(&a->maxFailures, 1);
        else if (o == QLatin1String("--settle"))
            ok = number(&a->settleSeconds, 0);
        else {
            *error = QCoreApplication::translate("Cli", "Unknown option '%1'.").arg(o);
            return false;
        }
        if (!ok)
            return false;
    }
    if (allowAllocator && a->allocator.isEmpty()) {
        *error = QCoreApplication::translate("Cli", "--allocator ID is required.");
        return false;
    }
    if (!allowAllocator && a->experiment.isEmpty()) {
        *error = QCoreApplication::translate("Cli", "--experiment NAME is required.");
        return false;
    }
    return true;
}

QJsonObject reportJson(const DeployReport &rep)
{
    QJsonArray hosts;
    for (const HostReport &h : rep.hosts) {
        QJsonArray relays;
        for (const RelayReport &r : h.relays)
            relays.append(QJsonObject { { QStringLiteral("instance"), r.instance },
                                        { QStringLiteral("state"), relayDeployStateName(r.state) },
                                        { QStringLiteral("message"), r.message },
                                        { QStringLiteral("pid_before"), r.pidBefore },
                                        { QStringLiteral("pid_after"), r.pidAfter } });
        hosts.append(QJsonObject { { QStringLiteral("name"), h.host },
                                   { QStringLiteral("preflight_ok"), h.preflightOk },
                                   { QStringLiteral("completed"), h.completed },
                                   { QStringLiteral("error"), h.error },
                                   { QStringLiteral("relays"), relays } });
    }
    return QJsonObject { { QStringLiteral("ok"), rep.ok() },
                         { QStringLiteral("halted"), rep.halted },
                         { QStringLiteral("aborted"), rep.aborted },
                         { QStringLiteral("failures"), rep.failures },
                         { QStringLiteral("hosts"), hosts } };
}

// Shared by the three commands once the relays and the mode are known.
int execute(Context &ctx, Database &db, const QList<DeployRelayInput> &inputs, const DeployArgs &a,
            DeployOptions::Mode mode, Id experimentId)
{
    Deployer d;
    d.setSshConfig(ctx.sshConfigPath);
    QHash<QString, QString> targets;
    for (const HostRecord &h : db.hosts())
        targets.insert(h.name, h.target.isEmpty() ? h.name : h.target);
    d.setHostTargets(targets);
    ExecutorOptions eo;
    eo.maxFailures = a.maxFailures;
    eo.settleMs = a.settleSeconds * 1000;
    d.setExecutorOptions(eo);
    d.setDatabase(&db, experimentId);

    DeployOptions opt;
    opt.mode = mode;
    opt.batchSize = a.batch;
    opt.canary = a.canary;
    opt.seed = quint32(QDateTime::currentMSecsSinceEpoch());

    ctx.progress(QCoreApplication::translate("Cli", "Reading the relays' state from the hosts ..."));
    QEventLoop loop;
    DeployPlan plan;
    QObject::connect(&d, &Deployer::planAvailable, &loop, [&](const DeployPlan &p) {
        plan = p;
        loop.quit();
    });
    d.prepare(inputs, opt);
    loop.exec();

    const QString text = deployplan::renderDryRun(plan);
    if (!plan.isValid()) {
        *ctx.err << text;
        return ctx.fail(QCoreApplication::translate("Cli", "The plan was refused; nothing was changed."));
    }
    if (a.dryRun) {
        *ctx.out << text << Qt::flush;
        return Ok;
    }
    if (plan.isEmpty()) {
        if (!ctx.quiet)
            *ctx.out << QCoreApplication::translate("Cli", "Every relay is already as wanted; nothing to do.")
                     << '\n';
        return Ok;
    }
    if (!a.yes) {
        const bool terminal = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1;
        if (!terminal) {
            *ctx.err << text;
            return ctx.fail(QCoreApplication::translate(
                "Cli",
                "Not on a terminal and no --yes: nothing was changed. Review the plan above "
                "(or --dry-run) and run again with --yes."));
        }
        *ctx.out << text << '\n'
                 << QCoreApplication::translate("Cli", "Change %1 on %2? [y/N] ")
                        .arg(units::relayCount(plan.changeCount()), units::hostCount(plan.hosts.size()))
                 << Qt::flush;
        char answer[16] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
            return ctx.fail(QCoreApplication::translate("Cli", "Not confirmed: nothing was changed."));
    }

    QObject::connect(&d, &Deployer::relayStateChanged, &d,
                     [&ctx](const QString &host, const QString &inst, int state, const QString &msg) {
                         ctx.progress(QStringLiteral("%1 %2: %3 %4")
                                          .arg(host, remote::unitName(inst),
                                               relayDeployStateName(RelayDeployState(state)), msg));
                     });
    DeployReport report;
    QObject::connect(&d, &Deployer::finished, &loop, [&](const DeployReport &r) {
        report = r;
        loop.quit();
    });
    d.start(plan);
    loop.exec();
    if (ctx.json)
        *ctx.out << QJsonDocument(reportJson(report)).toJson(QJsonDocument::Compact) << '\n';
    else if (!ctx.quiet || !report.ok())
        *(report.ok() ? ctx.out : ctx.err) << report.summary() << Qt::flush;
    return report.ok() ? Ok : Failed;
}

int runCommand(Context &ctx, const QStringList &args, int kind)
{
    DeployArgs a;
    QString error;
    if (!parseArgs(args, &a, kind == 1, kind != 2, &error))
        return ctx.usage(error);
    Database db;
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    QList<DeployRelayInput> inputs;
    Id experimentId = 0;
    bool ok = kind == 1 ? deployinputs::forRollout(db, a.allocator, a.hosts, &inputs, &error)
                        : deployinputs::forExperiment(db, a.experiment, &inputs, &experimentId, &error);
    if (!ok)
        return ctx.fail(error);
    return execute(ctx, db, inputs, a,
                   kind == 2 ? DeployOptions::Mode::Rollback : DeployOptions::Mode::Deploy, experimentId);
}

} // namespace

void registerDeployCommands(CommandTable &table)
{
    struct Spec {
        const char *word;
        const char *synopsis;
        const char *summary;
        int kind;
    };
    static const Spec specs[] = {
        { "deploy",
          "deploy --experiment NAME [--dry-run] [--batch N] [--canary N] [--settle S] [--max-failures N] "
          "[--yes]",
          QT_TRANSLATE_NOOP("Cli", "deploy an experiment's allocators (canary, batches, verified)"), 0 },
        { "rollout",
          "rollout --allocator ID [--host NAME]... [--dry-run] [--batch N] [--canary N] [--settle S] "
          "[--max-failures N] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "roll one allocator out to every relay"), 1 },
        { "rollback", "rollback --experiment NAME [--dry-run] [--settle S] [--max-failures N] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "restore every relay's state from before the experiment"), 2 },
    };
    for (const Spec &s : specs) {
        Command c;
        c.words = QStringList { QString::fromLatin1(s.word) };
        c.synopsis = QString::fromLatin1(s.synopsis);
        c.summary = QCoreApplication::translate("Cli", s.summary);
        const int kind = s.kind;
        c.run = [kind](Context &ctx, const QStringList &args) {
            return runCommand(ctx, args, kind);
        };
        table.add(std::move(c));
    }
}

} // namespace alloclab::cli
