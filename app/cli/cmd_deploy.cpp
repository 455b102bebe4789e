// deploy / rollout / rollback: plan from the store and the hosts, show it, confirm, execute
// through the same Deployer the GUI uses.

#include "app/cli/cli.h"
#include "app/database.h"
#include "app/deployer.h"

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

QString tr(const char *text)
{
    return QCoreApplication::translate("Cli", text);
}

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
                *error = tr("Option '%1' needs a value.").arg(o);
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
                *error = tr("Option '%1' needs a whole number >= %2, not '%3'.").arg(o).arg(min).arg(s);
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
            *error = tr("Unknown option '%1'.").arg(o);
            return false;
        }
        if (!ok)
            return false;
    }
    if (allowAllocator && a->allocator.isEmpty()) {
        *error = tr("--allocator ID is required.");
        return false;
    }
    if (!allowAllocator && a->experiment.isEmpty()) {
        *error = tr("--experiment NAME is required.");
        return false;
    }
    return true;
}

// The library an allocator uses on a host ("" = glibc).
QString pathOn(Database &db, const AllocatorRecord &a, Id hostId)
{
    const QString special = db.allocatorHostPath(a.id, hostId);
    return special.isEmpty() ? a.path : special;
}

// Relays of an experiment's open assignments, each with its group's allocator.
bool experimentInputs(Database &db, const QString &name, QList<DeployRelayInput> *out, Id *experimentId,
                      QString *error)
{
    const std::optional<ExperimentRecord> e = db.experiment(name);
    if (!e) {
        *error = db.lastError().isEmpty() ? tr("No experiment named '%1'.").arg(name) : db.lastError();
        return false;
    }
    *experimentId = e->id;
    QHash<Id, GroupRecord> groups;
    for (const GroupRecord &g : e->groups)
        groups.insert(g.id, g);
    for (const AssignmentRecord &as : db.assignments(e->id)) {
        if (as.toMs != 0 || !groups.contains(as.groupId))
            continue;
        const std::optional<RelayRecord> r = db.relay(as.relayId);
        const GroupRecord g = groups.value(as.groupId);
        const std::optional<AllocatorRecord> a = db.allocator(g.allocatorId);
        if (!r || !a) {
            *error = tr("Relay %1 or allocator '%2' of group %3 is not in the database.")
                         .arg(as.relayId)
                         .arg(g.allocatorId, g.letter);
            return false;
        }
        const std::optional<HostRecord> h = db.host(r->hostId);
        if (!h || r->instance.isEmpty()) {
            *error = tr("Relay %1 (%2) has no known host and instance; run 'fleet' first.")
                         .arg(r->nickname.isEmpty() ? r->fingerprint : r->nickname, r->server);
            return false;
        }
        DeployRelayInput in;
        in.host = h->name;
        in.instance = r->instance;
        in.wantedPath = pathOn(db, *a, h->id);
        in.allocatorId = a->id;
        in.group = g.letter;
        in.relayId = r->id;
        in.groupId = g.id;
        *out << in;
    }
    if (out->isEmpty()) {
        *error = tr("Experiment '%1' has no relays assigned.").arg(name);
        return false;
    }
    return true;
}

bool rolloutInputs(Database &db, const DeployArgs &a, QList<DeployRelayInput> *out, QString *error)
{
    const std::optional<AllocatorRecord> alloc = db.allocator(a.allocator);
    if (!alloc) {
        *error = tr("No allocator '%1' (see 'allocators list').").arg(a.allocator);
        return false;
    }
    const QList<HostRecord> hosts = db.hosts();
    for (const QString &h : a.hosts) {
        bool found = false;
        for (const HostRecord &r : hosts)
            found = found || r.name == h;
        if (!found) {
            *error = tr("No host named '%1' (see 'hosts list').").arg(h);
            return false;
        }
    }
    for (const HostRecord &h : hosts) {
        if (!a.hosts.isEmpty() && !a.hosts.contains(h.name))
            continue;
        for (const RelayRecord &r : db.relaysOfHost(h.id)) {
            if (r.instance.isEmpty())
                continue;
            DeployRelayInput in;
            in.host = h.name;
            in.instance = r.instance;
            in.wantedPath = pathOn(db, *alloc, h.id);
            in.allocatorId = alloc->id;
            in.relayId = r.id;
            *out << in;
        }
    }
    if (out->isEmpty()) {
        *error = tr("No relays known on the chosen hosts; run 'fleet' or 'collect --once' first.");
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

    ctx.progress(tr("Reading the relays' state from the hosts ..."));
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
        return ctx.fail(tr("The plan was refused; nothing was changed."));
    }
    if (a.dryRun) {
        *ctx.out << text << Qt::flush;
        return Ok;
    }
    if (plan.isEmpty()) {
        if (!ctx.quiet)
            *ctx.out << tr("Every relay is already as wanted; nothing to do.") << '\n';
        return Ok;
    }
    if (!a.yes) {
        const bool terminal = ::isatty(STDIN_FILENO) == 1 && ::isatty(STDOUT_FILENO) == 1;
        if (!terminal) {
            *ctx.err << text;
            return ctx.fail(tr("Not on a terminal and no --yes: nothing was changed. Review the plan above "
                               "(or --dry-run) and run again with --yes."));
        }
        *ctx.out
            << text << '\n'
            << tr("Change %1 relay(s) on %2 host(s)? [y/N] ").arg(plan.changeCount()).arg(plan.hosts.size())
            << Qt::flush;
        char answer[16] = {};
        if (!std::fgets(answer, sizeof answer, stdin) || (answer[0] != 'y' && answer[0] != 'Y'))
            return ctx.fail(tr("Not confirmed: nothing was changed."));
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
    bool ok = kind == 1 ? rolloutInputs(db, a, &inputs, &error)
                        : experimentInputs(db, a.experiment, &inputs, &experimentId, &error);
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
        { "deploy", "deploy --experiment NAME [--dry-run] [--batch N] [--canary N] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "deploy an experiment's allocators (canary, batches, verified)"), 0 },
        { "rollout", "rollout --allocator ID [--host NAME]... [--dry-run] [--batch N] [--canary N] [--yes]",
          QT_TRANSLATE_NOOP("Cli", "roll one allocator out to every relay"), 1 },
        { "rollback", "rollback --experiment NAME [--dry-run] [--yes]",
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
