#include "app/allocatorchecker.h"
#include "app/cli/cli.h"
#include "app/database.h"
#include "app/experimentio.h"
#include "models/allocatorcatalog.h"
#include "models/assignmenthistory.h"
#include "models/boardmodel.h"
#include "models/groupcolors.h"
#include "models/validation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>

namespace alloclab::cli {

namespace {

// Options of one command: --opt VALUE / --opt=VALUE (repeatable), flags, and positionals.
struct Options {
    QStringList positional;
    QMultiHash<QString, QString> values;
    QSet<QString> flags;
    QString error;
    QString value(const QString &name) const { return values.value(name); }
    QStringList all(const QString &name) const
    {
        QStringList v = values.values(name);
        std::reverse(v.begin(), v.end()); // QMultiHash returns the newest first
        return v;
    }
};

Options parseOptions(const QStringList &args, const QStringList &valueOptions, const QStringList &flagOptions)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (!a.startsWith(QLatin1String("--")) || a == QLatin1String("--")) {
            o.positional << a;
            continue;
        }
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
        if (flagOptions.contains(name) && eq < 0) {
            o.flags.insert(name);
        } else if (valueOptions.contains(name)) {
            if (eq >= 0)
                o.values.insert(name, a.mid(eq + 1));
            else if (i + 1 < args.size())
                o.values.insert(name, args.at(++i));
            else {
                o.error = QCoreApplication::translate("Cli", "Option '%1' needs a value.").arg(a);
                return o;
            }
        } else {
            o.error = QCoreApplication::translate("Cli", "Unknown option '%1'.").arg(a);
            return o;
        }
    }
    return o;
}

bool openDb(Context &ctx, Database &db, Database::OpenMode mode = Database::OpenMode::CreateIfMissing)
{
    QString error;
    if (!db.open(ctx.dbPath, mode, &error)) {
        ctx.fail(error);
        return false;
    }
    return true;
}

void printJson(Context &ctx, const QJsonValue &v)
{
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    *ctx.out << doc.toJson(QJsonDocument::Indented);
}

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QString();
}

// ------------------------------------------------------------------ experiment create

int runCreate(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(
        args, { QStringLiteral("group"), QStringLiteral("hypothesis"), QStringLiteral("notes") }, {});
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() != 1)
        return ctx.usage(QCoreApplication::translate("Cli", "'experiment create' needs exactly one NAME."));
    const QStringList groupSpecs = o.all(QStringLiteral("group"));
    if (groupSpecs.size() < 2)
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "An experiment compares at least two groups: give --group LETTER=ALLOCATOR_ID[:LABEL] "
            "twice or more."));
    Database db;
    if (!openDb(ctx, db))
        return Failed;
    const AllocatorCatalog catalog = experimentio::loadCatalog(db);

    ExperimentRecord e;
    e.name = o.positional.first().trimmed();
    e.hypothesis = o.value(QStringLiteral("hypothesis"));
    e.notes = o.value(QStringLiteral("notes"));
    if (e.name.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "The experiment name is empty."));
    static const QRegularExpression spec(QStringLiteral("^([A-Z])=([^:]+)(?::(.*))?$"));
    static const QRegularExpression label(QStringLiteral("^[A-Za-z0-9.+-]{1,32}$"));
    QSet<QString> letters;
    for (const QString &g : groupSpecs) {
        const QRegularExpressionMatch m = spec.match(g);
        if (!m.hasMatch())
            return ctx.usage(
                QCoreApplication::translate(
                    "Cli",
                    "--group '%1': expected LETTER=ALLOCATOR_ID[:LABEL] with LETTER A to Z, e.g. "
                    "B=mimalloc:mimalloc209.")
                    .arg(g));
        GroupRecord r;
        r.letter = m.captured(1);
        r.allocatorId = m.captured(2);
        r.label = m.capturedLength(3) > 0 ? m.captured(3) : r.allocatorId;
        r.colour = groupColorName(r.letter);
        if (letters.contains(r.letter))
            return ctx.usage(QCoreApplication::translate("Cli", "Group %1 is given twice.").arg(r.letter));
        letters.insert(r.letter);
        if (!catalog.contains(r.allocatorId))
            return ctx.fail(
                QCoreApplication::translate(
                    "Cli",
                    "Group %1: there is no allocator '%2' in the catalog (see 'alloclab-cli allocators "
                    "list'; add one with 'alloclab-cli allocators add').")
                    .arg(r.letter, r.allocatorId));
        if (!label.match(r.label).hasMatch())
            return ctx.usage(
                QCoreApplication::translate(
                    "Cli",
                    "Group %1: the label '%2' may contain only letters, digits and . + - (at most 32); "
                    "it names the file group_%1_<label>.txt.")
                    .arg(r.letter, r.label));
        e.groups << r;
    }
    std::sort(e.groups.begin(), e.groups.end(),
              [](const GroupRecord &a, const GroupRecord &b) { return a.letter < b.letter; });
    if (db.experiment(e.name))
        return ctx.fail(QCoreApplication::translate(
                            "Cli", "An experiment named '%1' exists already; choose another name.")
                            .arg(e.name));
    if (db.upsertExperiment(e) == 0)
        return ctx.fail(db.lastError());
    if (!ctx.quiet && !ctx.json) {
        QStringList gs;
        for (const GroupRecord &g : std::as_const(e.groups))
            gs << QStringLiteral("%1 %2 (%3)").arg(g.letter, g.label, catalog.displayName(g.allocatorId));
        *ctx.out << QCoreApplication::translate("Cli", "Created experiment '%1' with groups %2.")
                        .arg(e.name, gs.join(QStringLiteral(", ")))
                 << '\n';
    }
    return Ok;
}

// ------------------------------------------------------------------ experiment assign

int runAssign(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args, {}, {});
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() < 3)
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "'experiment assign' needs NAME, a group LETTER (or '-' for none) and at least one "
            "RELAY."));
    const QString name = o.positional.at(0);
    const QString letter = o.positional.at(1);
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    const auto e = db.experiment(name);
    if (!e)
        return ctx.fail(QCoreApplication::translate(
                            "Cli", "There is no experiment named '%1' (see 'alloclab-cli experiment list').")
                            .arg(name));
    Id groupId = 0;
    QStringList known;
    for (const GroupRecord &g : e->groups) {
        known << g.letter;
        if (g.letter == letter)
            groupId = g.id;
    }
    if (groupId == 0 && letter != QLatin1String("-"))
        return ctx.fail(QCoreApplication::translate("Cli", "Experiment '%1' has no group '%2' (groups: %3).")
                            .arg(name, letter, known.join(QLatin1Char(' '))));

    // Resolve every relay first: all or nothing.
    QStringList problems;
    QList<RelayRecord> relays;
    for (const QString &key : o.positional.mid(2)) {
        QString why;
        const auto r = experimentio::resolveRelay(db, key, &why);
        if (r)
            relays << *r;
        else
            problems << why;
    }
    if (!problems.isEmpty())
        return ctx.fail(problems.join(QStringLiteral("\n")) + QStringLiteral("\n")
                        + QCoreApplication::translate("Cli", "Nothing was assigned."));

    QHash<Id, Id> wanted = assignments::current(db.assignments(e->id));
    for (const RelayRecord &r : std::as_const(relays)) {
        if (groupId == 0)
            wanted.remove(r.id);
        else
            wanted.insert(r.id, groupId); // a relay is in at most one group: this replaces its old one
    }
    QString error;
    if (!experimentio::saveMembership(db, *e, wanted, QDateTime::currentMSecsSinceEpoch(), &error))
        return ctx.fail(error);
    int inGroup = 0;
    for (Id g : std::as_const(wanted))
        inGroup += g == groupId ? 1 : 0;
    if (!ctx.quiet) {
        if (groupId == 0)
            *ctx.out << QCoreApplication::translate("Cli", "Took %1 relays out of the groups of '%2'.")
                            .arg(relays.size())
                            .arg(name)
                     << '\n';
        else
            *ctx.out << QCoreApplication::translate(
                            "Cli", "Assigned %1 relays to group %2 of '%3'; the group has %4 relays now.")
                            .arg(relays.size())
                            .arg(letter, name)
                            .arg(inGroup)
                     << '\n';
    }
    if (groupId != 0 && inGroup < BoardModel::kMinGroupSize)
        *ctx.err << QCoreApplication::translate(
                        "Cli", "Note: group %1 has fewer than %2 relays, too few to compare.")
                        .arg(letter)
                        .arg(BoardModel::kMinGroupSize)
                 << '\n';
    return Ok;
}

// ------------------------------------------------------------------ experiment list / show

int runList(Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "'experiment list' takes no arguments."));
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    const QList<ExperimentRecord> list = db.experiments();
    if (!db.lastError().isEmpty() && list.isEmpty())
        return ctx.fail(db.lastError());
    QJsonArray array;
    for (const ExperimentRecord &e : list) {
        const QHash<Id, Id> current = assignments::current(db.assignments(e.id));
        QStringList letters;
        for (const GroupRecord &g : e.groups)
            letters << g.letter;
        if (ctx.json) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), e.name);
            o.insert(QStringLiteral("groups"), QJsonArray::fromStringList(letters));
            o.insert(QStringLiteral("relays"), int(current.size()));
            o.insert(QStringLiteral("start"), timeText(e.startMs));
            o.insert(QStringLiteral("end"), timeText(e.endMs));
            array.append(o);
        } else {
            *ctx.out << e.name << "\t" << letters.join(QString()) << "\t"
                     << QCoreApplication::translate("Cli", "%1 relays").arg(current.size()) << "\t"
                     << (e.startMs > 0
                             ? QCoreApplication::translate("Cli", "started %1").arg(timeText(e.startMs))
                             : QCoreApplication::translate("Cli", "planned"))
                     << '\n';
        }
    }
    if (ctx.json)
        printJson(ctx, QJsonObject { { QStringLiteral("experiments"), array } });
    else if (list.isEmpty() && !ctx.quiet)
        *ctx.out << QCoreApplication::translate(
            "Cli", "No experiments yet; create one with 'alloclab-cli experiment create'.")
                 << '\n';
    return Ok;
}

int runShow(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args, {}, {});
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() != 1)
        return ctx.usage(QCoreApplication::translate("Cli", "'experiment show' needs exactly one NAME."));
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    QString error;
    const auto state = experimentio::loadBoard(db, o.positional.first(), &error);
    if (!state)
        return ctx.fail(error);
    // The board model computes what the GUI shows: counts, warnings, mismatches.
    BoardModel board;
    board.setCatalog(state->catalog);
    board.setGroups(experimentio::boardGroups(state->experiment));
    board.setRelays(state->relays);
    board.setMembership(state->letterByKey);
    const ExperimentRecord &e = state->experiment;
    if (ctx.json) {
        QJsonObject root;
        root.insert(QStringLiteral("name"), e.name);
        root.insert(QStringLiteral("hypothesis"), e.hypothesis);
        root.insert(QStringLiteral("notes"), e.notes);
        root.insert(QStringLiteral("start"), timeText(e.startMs));
        root.insert(QStringLiteral("end"), timeText(e.endMs));
        QJsonArray groups;
        for (int c = 1; c < board.columnCount(); ++c) {
            const GroupRecord &g = e.groups.at(c - 1);
            QJsonObject go;
            go.insert(QStringLiteral("letter"), g.letter);
            go.insert(QStringLiteral("label"), g.label);
            go.insert(QStringLiteral("allocator"), g.allocatorId);
            go.insert(QStringLiteral("allocator_name"), state->catalog.displayName(g.allocatorId));
            go.insert(QStringLiteral("colour"), board.columnColour(c).name());
            go.insert(QStringLiteral("count"), board.count(c));
            QJsonArray relays;
            for (const QString &k : board.columnKeys(c)) {
                const BoardRelay r = board.relay(k);
                relays.append(QJsonObject { { QStringLiteral("host"), r.host },
                                            { QStringLiteral("instance"), r.instance },
                                            { QStringLiteral("nickname"), r.nickname },
                                            { QStringLiteral("fingerprint"), r.fingerprint },
                                            { QStringLiteral("rss_kb"), double(r.rssKb) },
                                            { QStringLiteral("last_seen"), timeText(r.lastSeenMs) },
                                            { QStringLiteral("loaded_allocator"), r.loadedAllocator } });
            }
            go.insert(QStringLiteral("relays"), relays);
            QJsonArray warnings;
            for (const BoardWarning &w : board.warnings(c))
                warnings.append(w.text);
            go.insert(QStringLiteral("warnings"), warnings);
            go.insert(QStringLiteral("needs_deploy"), board.mismatchCount(c));
            groups.append(go);
        }
        root.insert(QStringLiteral("groups"), groups);
        root.insert(QStringLiteral("unassigned"), board.count(0));
        printJson(ctx, root);
        return Ok;
    }
    *ctx.out << e.name << '\n';
    if (!e.hypothesis.isEmpty())
        *ctx.out << QCoreApplication::translate("Cli", "Hypothesis: %1").arg(e.hypothesis) << '\n';
    *ctx.out << (e.startMs > 0 ? QCoreApplication::translate("Cli", "Started: %1").arg(timeText(e.startMs))
                               : QCoreApplication::translate("Cli", "Planned, not started"))
             << '\n';
    for (int c = 1; c < board.columnCount(); ++c) {
        const GroupRecord &g = e.groups.at(c - 1);
        QStringList nicks;
        for (const QString &k : board.columnKeys(c))
            nicks << board.relay(k).nickname;
        *ctx.out << '\n'
                 << QCoreApplication::translate("Cli", "Group %1 %2 (%3): %4 relays")
                        .arg(g.letter, g.label, state->catalog.displayName(g.allocatorId))
                        .arg(board.count(c))
                 << '\n';
        if (!nicks.isEmpty())
            *ctx.out << "  " << nicks.join(QStringLiteral(" ")) << '\n';
        for (const BoardWarning &w : board.warnings(c))
            if (w.kind != BoardWarning::Empty)
                *ctx.out << "  ! " << w.text << '\n';
        if (board.mismatchCount(c) > 0)
            *ctx.out << "  ! "
                     << QCoreApplication::translate("Cli",
                                                    "%1 relays run another allocator (deploy to apply).")
                            .arg(board.mismatchCount(c))
                     << '\n';
    }
    return Ok;
}

// ------------------------------------------------------------------ experiment import-groups / export-groups

int runExportGroups(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args, {}, {});
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() != 2)
        return ctx.usage(
            QCoreApplication::translate("Cli", "'experiment export-groups' needs NAME and DIR."));
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    QStringList written;
    QString error;
    if (!experimentio::exportGroups(db, o.positional.at(0), o.positional.at(1), &written, &error))
        return ctx.fail(error);
    if (!ctx.quiet)
        for (const QString &f : std::as_const(written))
            *ctx.out << QCoreApplication::translate("Cli", "wrote %1").arg(f) << '\n';
    return Ok;
}

int runImportGroups(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args, {}, { QStringLiteral("historical") });
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() < 2)
        return ctx.usage(QCoreApplication::translate(
            "Cli", "'experiment import-groups' needs NAME and at least one PATH."));
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    QStringList report;
    QString error;
    if (!experimentio::importGroups(db, o.positional.at(0), o.positional.mid(1),
                                    o.flags.contains(QStringLiteral("historical")),
                                    QDateTime::currentMSecsSinceEpoch(), &report, &error))
        return ctx.fail(error);
    if (!ctx.quiet)
        *ctx.out << QCoreApplication::translate("Cli", "Imported into '%1': %2")
                        .arg(o.positional.at(0), report.join(QStringLiteral(", ")))
                 << '\n';
    return Ok;
}

// ------------------------------------------------------------------ allocators

int runAllocatorsList(Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "'allocators list' takes no arguments."));
    Database db;
    if (!openDb(ctx, db))
        return Failed;
    const QList<AllocatorRecord> list = db.allocators();
    const AllocatorCatalog catalog = experimentio::loadCatalog(db);
    QJsonArray array;
    for (const AllocatorRecord &a : list) {
        const bool builtIn = AllocatorCatalog::isBuiltInId(a.id);
        QJsonArray overrides;
        for (const AllocatorOverride &ov : catalog.overrides())
            if (ov.allocatorId == a.id)
                overrides.append(
                    QJsonObject { { QStringLiteral("host"), ov.host }, { QStringLiteral("path"), ov.path } });
        if (ctx.json) {
            array.append(QJsonObject { { QStringLiteral("id"), a.id },
                                       { QStringLiteral("name"), a.name },
                                       { QStringLiteral("version"), a.version },
                                       { QStringLiteral("path"), a.path },
                                       { QStringLiteral("sha256"), a.sha256 },
                                       { QStringLiteral("builtin"), builtIn },
                                       { QStringLiteral("host_paths"), overrides } });
            continue;
        }
        *ctx.out << a.id << '\t' << catalog.displayName(a.id) << '\t'
                 << (a.path.isEmpty() ? QCoreApplication::translate("Cli", "(no preload)") : a.path) << '\t'
                 << (builtIn ? QCoreApplication::translate("Cli", "built-in")
                             : QCoreApplication::translate("Cli", "custom"))
                 << '\n';
        for (const QJsonValue &v : std::as_const(overrides))
            *ctx.out << "  "
                     << QCoreApplication::translate("Cli", "on %1: %2")
                            .arg(v[QStringLiteral("host")].toString(), v[QStringLiteral("path")].toString())
                     << '\n';
    }
    if (ctx.json)
        printJson(ctx, QJsonObject { { QStringLiteral("allocators"), array } });
    return Ok;
}

int runAllocatorsAdd(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args,
                                   { QStringLiteral("name"), QStringLiteral("version"),
                                     QStringLiteral("path"), QStringLiteral("sha256") },
                                   {});
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() != 1 || o.value(QStringLiteral("name")).isEmpty()
        || o.value(QStringLiteral("path")).isEmpty())
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "'allocators add' needs ID, --name TEXT and --path PATH (--version V and --sha256 HEX "
            "are optional)."));
    AllocatorRecord a { o.positional.first(), o.value(QStringLiteral("name")),
                        o.value(QStringLiteral("version")), o.value(QStringLiteral("path")),
                        o.value(QStringLiteral("sha256")).toLower() };
    const QString invalid = AllocatorCatalog::validate(a);
    if (!invalid.isEmpty())
        return ctx.fail(invalid);
    Database db;
    if (!openDb(ctx, db))
        return Failed;
    if (db.allocator(a.id))
        return ctx.fail(
            QCoreApplication::translate(
                "Cli", "An allocator with id '%1' exists already (see 'alloclab-cli allocators list').")
                .arg(a.id));
    if (!db.upsertAllocator(a))
        return ctx.fail(db.lastError());
    if (!ctx.quiet)
        *ctx.out << QCoreApplication::translate("Cli", "Added allocator %1: %2 %3 at %4.")
                        .arg(a.id, a.name, a.version, a.path)
                 << '\n';
    return Ok;
}

int runAllocatorsSetPath(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args, { QStringLiteral("host") }, {});
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (o.positional.size() < 1 || o.positional.size() > 2 || o.value(QStringLiteral("host")).isEmpty())
        return ctx.usage(QCoreApplication::translate(
            "Cli", "'allocators set-path' needs ID, --host NAME and PATH (no PATH: back to the default)."));
    const QString id = o.positional.at(0);
    const QString path = o.positional.value(1);
    if (!path.isEmpty()) {
        const QString invalid = validation::libraryPathError(path);
        if (!invalid.isEmpty())
            return ctx.fail(invalid);
    }
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    const auto host = db.host(o.value(QStringLiteral("host")));
    if (!host)
        return ctx.fail(
            QCoreApplication::translate("Cli", "There is no host named '%1' (see 'alloclab-cli hosts list').")
                .arg(o.value(QStringLiteral("host"))));
    if (!db.allocator(id))
        return ctx.fail(QCoreApplication::translate(
                            "Cli", "There is no allocator '%1' (see 'alloclab-cli allocators list').")
                            .arg(id));
    if (id == QLatin1String("glibc"))
        return ctx.fail(QCoreApplication::translate("Cli", "glibc is never preloaded; it has no path."));
    if (!db.setAllocatorHostPath(id, host->id, path))
        return ctx.fail(db.lastError());
    if (!ctx.quiet)
        *ctx.out << (path.isEmpty()
                         ? QCoreApplication::translate("Cli", "%1 on %2 uses the default path again.")
                               .arg(id, host->name)
                         : QCoreApplication::translate("Cli", "%1 on %2: %3").arg(id, host->name, path))
                 << '\n';
    return Ok;
}

QString orDash(const QString &s)
{
    return s.isEmpty() ? QStringLiteral("-") : s;
}

// Every non-glibc entry (after the host's path override) on every selected host, all hosts in
// parallel over their own SSH sessions; a host that cannot be reached is reported and fails the
// command, the others are still printed. Found versions and checksums are stored.
int runAllocatorsCheck(Context &ctx, const QStringList &args)
{
    const Options o = parseOptions(args,
                                   { QStringLiteral("host"), QStringLiteral("allocator"),
                                     QStringLiteral("connect-timeout"), QStringLiteral("command-timeout") },
                                   { QStringLiteral("dry-run"), QStringLiteral("accept-new") });
    if (!o.error.isEmpty())
        return ctx.usage(o.error);
    if (!o.positional.isEmpty())
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "'allocators check' takes only --host NAME, --allocator ID, --accept-new, --connect-timeout S, "
            "--command-timeout S and --dry-run."));
    HostWorkerSettings settings;
    settings.sshConfig = ctx.sshConfigPath;
    settings.hostKeyPolicy
        = o.flags.contains(QStringLiteral("accept-new")) ? HostKeyPolicy::AcceptNew : HostKeyPolicy::Refuse;
    settings.keepaliveMs = 0;
    settings.autoReconnect = false;
    settings.commandTimeoutMs = 60000;
    for (const QString &opt : { QStringLiteral("connect-timeout"), QStringLiteral("command-timeout") }) {
        if (!o.values.contains(opt))
            continue;
        bool ok = false;
        const double sec = o.value(opt).toDouble(&ok);
        if (!ok || sec <= 0 || sec > 3600)
            return ctx.usage(
                QCoreApplication::translate("Cli", "'--%1' needs a number of seconds (0 < s <= 3600).")
                    .arg(opt));
        (opt == QLatin1String("connect-timeout") ? settings.connectTimeoutMs : settings.commandTimeoutMs)
            = int(sec * 1000);
    }
    Database db;
    if (!openDb(ctx, db, Database::OpenMode::ExistingOnly))
        return Failed;
    const AllocatorCatalog catalog = experimentio::loadCatalog(db);
    QList<HostRecord> hosts;
    const QStringList wantedHosts = o.all(QStringLiteral("host"));
    for (const HostRecord &h : db.hosts())
        if (wantedHosts.isEmpty() || wantedHosts.contains(h.name))
            hosts << h;
    for (const QString &h : wantedHosts)
        if (std::none_of(hosts.begin(), hosts.end(), [&](const HostRecord &r) { return r.name == h; }))
            return ctx.fail(QCoreApplication::translate(
                                "Cli", "There is no host named '%1' (see 'alloclab-cli hosts list').")
                                .arg(h));
    if (hosts.isEmpty())
        return ctx.fail(
            QCoreApplication::translate("Cli", "No hosts to check; add one with 'alloclab-cli hosts add'."));
    const QStringList wantedAllocators = o.all(QStringLiteral("allocator"));
    for (const QString &id : wantedAllocators) {
        if (!catalog.contains(id))
            return ctx.fail(QCoreApplication::translate(
                                "Cli", "There is no allocator '%1' (see 'alloclab-cli allocators list').")
                                .arg(id));
        if (catalog.pathFor(id).isEmpty() && id == QLatin1String("glibc"))
            return ctx.fail(QCoreApplication::translate(
                "Cli", "glibc is never preloaded; there is no library to check."));
    }
    if (o.flags.contains(QStringLiteral("dry-run"))) {
        for (const HostRecord &h : std::as_const(hosts)) {
            for (const AllocatorCheck &c : catalog.plannedChecks(h.name, wantedAllocators)) {
                QString error;
                const QString cmd = AllocatorCatalog::checkCommand(c.path, &error);
                if (cmd.isEmpty())
                    return ctx.fail(
                        QCoreApplication::translate("Cli", "%1 on %2: %3").arg(c.allocatorId, h.name, error));
                *ctx.out << "# " << h.name << ' ' << c.allocatorId << '\n' << cmd << '\n';
            }
        }
        return Ok;
    }

    AllocatorChecker checker;
    checker.setSettings(settings);
    QEventLoop loop;
    QObject::connect(&checker, &AllocatorChecker::checkAvailable, &loop, [&](const AllocatorHostCheck &r) {
        ctx.progress(r.ok ? QCoreApplication::translate("Cli", "%1: checked").arg(r.host)
                          : QCoreApplication::translate("Cli", "%1: failed").arg(r.host));
    });
    QObject::connect(&checker, &AllocatorChecker::finished, &loop, &QEventLoop::quit);
    checker.start(hosts, catalog, wantedAllocators);
    if (checker.isRunning()) {
        // Each host is bounded by its own timeouts; this only guards against a bug.
        QTimer::singleShot(settings.connectTimeoutMs + settings.commandTimeoutMs + 30000, &loop,
                           [&] { checker.cancel(); });
        loop.exec();
    }
    QList<AllocatorHostCheck> results = checker.results();
    int failed = 0;
    for (AllocatorHostCheck &r : results) {
        if (r.ok)
            continue;
        ++failed;
        if (r.error.isEmpty())
            r.error = QCoreApplication::translate("Cli", "%1: no answer in time").arg(r.host);
        *ctx.err << "alloclab-cli: "
                 << QCoreApplication::translate("Cli", "host %1 was not checked: %2").arg(r.host, r.error)
                 << '\n';
    }
    QString storeError;
    if (!AllocatorChecker::store(db, results, &storeError))
        *ctx.err << "alloclab-cli: "
                 << QCoreApplication::translate("Cli", "the results were not stored: %1").arg(storeError)
                 << '\n';

    if (ctx.json) {
        QJsonArray jsonHosts;
        for (const AllocatorHostCheck &r : std::as_const(results)) {
            QJsonObject ho { { QStringLiteral("name"), r.host }, { QStringLiteral("ok"), r.ok } };
            if (!r.ok)
                ho.insert(QStringLiteral("error"), r.error);
            QJsonArray checks;
            for (const AllocatorCheck &c : r.checks) {
                if (!r.ok)
                    break;
                const auto entry = catalog.find(c.allocatorId);
                checks.append(
                    QJsonObject { { QStringLiteral("allocator"), c.allocatorId },
                                  { QStringLiteral("path"), c.path },
                                  { QStringLiteral("present"), c.present },
                                  { QStringLiteral("readable"), c.readable },
                                  { QStringLiteral("sha256"), c.sha256 },
                                  { QStringLiteral("expected_sha256"), entry ? entry->sha256 : QString() },
                                  { QStringLiteral("sha256_mismatch"), catalog.sha256Mismatch(c) },
                                  { QStringLiteral("resolved"), c.resolvedPath },
                                  { QStringLiteral("package"), c.package },
                                  { QStringLiteral("package_version"), c.packageVersion },
                                  { QStringLiteral("version"), c.version } });
            }
            ho.insert(QStringLiteral("checks"), checks);
            jsonHosts.append(ho);
        }
        printJson(ctx, QJsonObject { { QStringLiteral("hosts"), jsonHosts } });
    } else {
        if (!ctx.quiet)
            *ctx.out << "host\tallocator\tpath\tpresent\treadable\tsha256\tversion\n";
        for (const AllocatorHostCheck &r : std::as_const(results)) {
            if (!r.ok)
                continue;
            for (const AllocatorCheck &c : r.checks) {
                QString sha = c.sha256.left(12);
                if (catalog.sha256Mismatch(c))
                    sha += QStringLiteral("!=expected");
                *ctx.out << QStringList { c.host,
                                          c.allocatorId,
                                          c.path,
                                          c.present ? QStringLiteral("yes") : QStringLiteral("no"),
                                          c.readable ? QStringLiteral("yes") : QStringLiteral("no"),
                                          orDash(sha),
                                          orDash(c.version) }
                                .join(QLatin1Char('\t'))
                         << '\n';
            }
        }
    }
    ctx.out->flush();
    ctx.err->flush();
    return failed ? Failed : Ok;
}

void add(CommandTable &table, const char *words, const char *synopsis, const char *summary,
         std::function<int(Context &, const QStringList &)> run)
{
    Command c;
    c.words = QString::fromLatin1(words).split(QLatin1Char(' '));
    c.synopsis = QString::fromLatin1(synopsis);
    c.summary = QCoreApplication::translate("Cli", summary);
    c.run = std::move(run);
    table.add(std::move(c));
}

} // namespace

void registerExperimentCommands(CommandTable &table)
{
    add(table, "experiment create", "experiment create NAME --group L=ALLOCATOR[:LABEL]... [--hypothesis T]",
        QT_TRANSLATE_NOOP("Cli", "create an experiment"), runCreate);
    add(table, "experiment assign", "experiment assign NAME LETTER|- RELAY...",
        QT_TRANSLATE_NOOP("Cli", "put relays into a group ('-': into none)"), runAssign);
    add(table, "experiment list", "experiment list", QT_TRANSLATE_NOOP("Cli", "list the experiments"),
        runList);
    add(table, "experiment show", "experiment show NAME",
        QT_TRANSLATE_NOOP("Cli", "show an experiment's groups"), runShow);
    add(table, "experiment export-groups", "experiment export-groups NAME DIR",
        QT_TRANSLATE_NOOP("Cli", "write groups/*.txt and relay_config.csv"), runExportGroups);
    add(table, "experiment import-groups", "experiment import-groups NAME PATH... [--historical]",
        QT_TRANSLATE_NOOP("Cli", "read group files or relay_config.csv into an experiment"), runImportGroups);
    add(table, "allocators list", "allocators list", QT_TRANSLATE_NOOP("Cli", "list the allocator catalog"),
        runAllocatorsList);
    add(table, "allocators add", "allocators add ID --name T --version V --path P",
        QT_TRANSLATE_NOOP("Cli", "add a custom allocator"), runAllocatorsAdd);
    add(table, "allocators set-path", "allocators set-path ID --host NAME [PATH]",
        QT_TRANSLATE_NOOP("Cli", "use another library path on one host"), runAllocatorsSetPath);
    add(table, "allocators check",
        "allocators check [--host NAME]... [--allocator ID]... [--accept-new] [--json] [--dry-run]",
        QT_TRANSLATE_NOOP("Cli", "check the libraries on the hosts"), runAllocatorsCheck);
}

} // namespace alloclab::cli
