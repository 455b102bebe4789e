#include "app/cli/cli.h"
#include "app/database.h"
#include "app/ssh/hostresolver.h"
#include "models/hosttarget.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace alloclab::cli {

namespace {

// "--name X" / "--name=X" out of args; false when the option has no value.
bool takeOption(QStringList *args, const QString &name, QString *value)
{
    for (qsizetype i = 0; i < args->size(); ++i) {
        const QString &a = args->at(i);
        if (a == name) {
            if (i + 1 >= args->size())
                return false;
            *value = args->at(i + 1);
            args->remove(i, 2);
            return true;
        }
        if (a.startsWith(name + QLatin1Char('='))) {
            *value = a.mid(name.size() + 1);
            args->remove(i);
            return true;
        }
    }
    return true;
}

QString describe(const ResolvedTarget &r)
{
    QString s = r.user + QLatin1Char('@') + r.hostName;
    if (r.port != 22)
        s += QLatin1Char(':') + QString::number(r.port);
    if (!r.addresses.isEmpty() && r.addresses.first().toString() != r.hostName)
        s += QStringLiteral(" (") + r.addresses.first().toString() + QLatin1Char(')');
    if (r.isAlias)
        s += QCoreApplication::translate("Cli", ", ssh_config alias");
    return s;
}

int hostsAdd(Context &ctx, const QStringList &argsIn)
{
    QStringList args = argsIn;
    QString name;
    if (!takeOption(&args, QStringLiteral("--name"), &name))
        return ctx.usage(QCoreApplication::translate("Cli", "Option '--name' needs a value."));
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QCoreApplication::translate(
            "Cli",
            "'hosts add' needs exactly one TARGET: an ssh_config alias, host, user@host, "
            "user@host:port or user@[IPv6]:port."));
    const ResolvedTarget r = HostResolver::resolveBlocking(args.first(), ctx.sshConfigPath);
    if (!r.target.isValid())
        return ctx.usage(r.error);
    if (!r.ok)
        return ctx.fail(r.error);
    if (name.isEmpty())
        name = r.target.suggestedName();
    if (!hosttarget::isValidName(name))
        return ctx.usage(hosttarget::nameError(name));
    Database db;
    QString error;
    if (!db.open(ctx.dbPath, Database::OpenMode::CreateIfMissing, &error))
        return ctx.fail(error);
    if (const auto existing = db.host(name))
        return ctx.fail(
            QCoreApplication::translate(
                "Cli",
                "A host named '%1' already exists (target %2). Choose another --name, or remove it "
                "first with 'hosts remove %1'.")
                .arg(name, existing->target));
    HostRecord h;
    h.name = name;
    h.target = r.target.toString();
    if (!db.upsertHost(h))
        return ctx.fail(db.lastError());
    if (ctx.json) {
        QJsonObject o;
        o.insert(QStringLiteral("name"), name);
        o.insert(QStringLiteral("target"), h.target);
        o.insert(QStringLiteral("host"), r.hostName);
        o.insert(QStringLiteral("user"), r.user);
        o.insert(QStringLiteral("port"), r.port);
        o.insert(QStringLiteral("alias"), r.isAlias);
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    } else if (!ctx.quiet) {
        *ctx.out << QCoreApplication::translate("Cli", "Added %1: %2").arg(name, describe(r)) << '\n';
    }
    return Ok;
}

int hostsImport(Context &ctx, const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(
            QCoreApplication::translate("Cli", "'hosts import' needs exactly one FILE (servers.txt)."));
    const QString path = args.first();
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return ctx.fail(QCoreApplication::translate("Cli", "Cannot read %1: %2").arg(path, f.errorString()));
    const hosttarget::ServersFile file = hosttarget::parseServersFile(QString::fromUtf8(f.readAll()));
    int bad = 0;
    for (const hosttarget::ServersError &e : file.errors) {
        *ctx.err << path << ':' << e.line << ": " << e.message << '\n';
        ++bad;
    }
    // Every name is resolved before anything is stored: a file with a typo stores nothing.
    QList<std::pair<HostRecord, ResolvedTarget>> toAdd;
    for (const hosttarget::ServersEntry &e : file.entries) {
        const ResolvedTarget r = HostResolver::resolveBlocking(e.text, ctx.sshConfigPath);
        if (!r.ok) {
            *ctx.err << path << ':' << e.line << ": " << r.error << '\n';
            ++bad;
            continue;
        }
        HostRecord h;
        h.name = r.target.suggestedName();
        h.target = r.target.toString();
        if (!hosttarget::isValidName(h.name)) {
            *ctx.err << path << ':' << e.line << ": " << hosttarget::nameError(h.name) << '\n';
            ++bad;
            continue;
        }
        toAdd.append({ h, r });
    }
    ctx.err->flush();
    if (bad > 0)
        return ctx.fail(
            QCoreApplication::translate("Cli", "%1 has %n error(s); nothing was imported.", nullptr, bad)
                .arg(path));
    Database db;
    QString error;
    if (!db.open(ctx.dbPath, Database::OpenMode::CreateIfMissing, &error))
        return ctx.fail(error);
    QJsonArray added;
    QJsonArray skipped;
    {
        Transaction tx(db);
        if (!tx.isActive())
            return ctx.fail(db.lastError());
        for (const auto &[h, r] : std::as_const(toAdd)) {
            if (const auto existing = db.host(h.name)) {
                skipped.append(h.name);
                if (!ctx.quiet && !ctx.json)
                    *ctx.out << QCoreApplication::translate("Cli", "Kept %1: already present (target %2)")
                                    .arg(h.name, existing->target)
                             << '\n';
                continue;
            }
            if (!db.upsertHost(h))
                return ctx.fail(db.lastError()); // rolled back: nothing half-imported
            added.append(h.name);
            if (!ctx.quiet && !ctx.json)
                *ctx.out << QCoreApplication::translate("Cli", "Added %1: %2").arg(h.name, describe(r))
                         << '\n';
        }
        if (!tx.commit())
            return ctx.fail(db.lastError());
    }
    if (ctx.json) {
        QJsonObject o;
        o.insert(QStringLiteral("added"), added);
        o.insert(QStringLiteral("kept"), skipped);
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
    }
    return Ok;
}

int hostsList(Context &ctx, const QStringList &args)
{
    if (!args.isEmpty())
        return ctx.usage(QCoreApplication::translate("Cli", "'hosts list' takes no arguments."));
    Database db;
    QString error;
    if (!db.open(ctx.dbPath, Database::OpenMode::CreateIfMissing, &error))
        return ctx.fail(error);
    const QList<HostRecord> hosts = db.hosts();
    if (ctx.json) {
        QJsonArray a;
        for (const HostRecord &h : hosts) {
            QJsonObject o;
            o.insert(QStringLiteral("name"), h.name);
            o.insert(QStringLiteral("target"), h.target);
            o.insert(QStringLiteral("note"), h.note);
            a.append(o);
        }
        QJsonObject o;
        o.insert(QStringLiteral("hosts"), a);
        *ctx.out << QJsonDocument(o).toJson(QJsonDocument::Compact) << '\n';
        return Ok;
    }
    for (const HostRecord &h : hosts)
        *ctx.out << h.name << '\t' << h.target << (h.note.isEmpty() ? QString() : QLatin1Char('\t') + h.note)
                 << '\n';
    if (hosts.isEmpty() && !ctx.quiet)
        *ctx.err << QCoreApplication::translate("Cli",
                                                "No hosts yet. Add one with 'alloclab-cli hosts add TARGET'.")
                 << '\n';
    return Ok;
}

int hostsRemove(Context &ctx, const QStringList &args)
{
    if (args.size() != 1 || args.first().startsWith(QLatin1Char('-')))
        return ctx.usage(QCoreApplication::translate("Cli", "'hosts remove' needs exactly one NAME."));
    Database db;
    QString error;
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    if (!db.removeHost(args.first()))
        return ctx.fail(db.lastError());
    if (!ctx.quiet && !ctx.json)
        *ctx.out << QCoreApplication::translate("Cli", "Removed %1 (its relays and samples are kept).")
                        .arg(args.first())
                 << '\n';
    return Ok;
}

int hostsEdit(Context &ctx, const QStringList &argsIn)
{
    QStringList args = argsIn;
    QString target;
    QString note;
    bool hasNote = args.contains(QStringLiteral("--note"))
        || std::any_of(args.cbegin(), args.cend(),
                       [](const QString &a) { return a.startsWith(QLatin1String("--note=")); });
    if (!takeOption(&args, QStringLiteral("--target"), &target)
        || !takeOption(&args, QStringLiteral("--note"), &note))
        return ctx.usage(QCoreApplication::translate("Cli", "Options '--target' and '--note' need a value."));
    if (args.size() != 1 || (target.isEmpty() && !hasNote))
        return ctx.usage(QCoreApplication::translate(
            "Cli", "'hosts edit' needs a NAME and --target TARGET and/or --note TEXT."));
    Database db;
    QString error;
    if (!db.open(ctx.dbPath, Database::OpenMode::ExistingOnly, &error))
        return ctx.fail(error);
    auto h = db.host(args.first());
    if (!h)
        return ctx.fail(QCoreApplication::translate("Cli", "There is no host named '%1' (see 'hosts list').")
                            .arg(args.first()));
    if (!target.isEmpty()) {
        const ResolvedTarget r = HostResolver::resolveBlocking(target, ctx.sshConfigPath);
        if (!r.target.isValid())
            return ctx.usage(r.error);
        if (!r.ok)
            return ctx.fail(r.error);
        h->target = r.target.toString();
    }
    if (hasNote)
        h->note = note;
    if (!db.upsertHost(*h))
        return ctx.fail(db.lastError());
    if (!ctx.quiet && !ctx.json)
        *ctx.out << QCoreApplication::translate("Cli", "Updated %1: %2").arg(h->name, h->target) << '\n';
    return Ok;
}

} // namespace

void registerHostCommands(CommandTable &table)
{
    table.add({ { QStringLiteral("hosts"), QStringLiteral("add") },
                QStringLiteral("hosts add TARGET [--name NAME]"),
                QCoreApplication::translate("Cli", "add a relay server"),
                hostsAdd });
    table.add({ { QStringLiteral("hosts"), QStringLiteral("import") },
                QStringLiteral("hosts import FILE"),
                QCoreApplication::translate("Cli", "add the servers listed in a servers.txt"),
                hostsImport });
    table.add({ { QStringLiteral("hosts"), QStringLiteral("list") },
                QStringLiteral("hosts list [--json]"),
                QCoreApplication::translate("Cli", "list the relay servers"),
                hostsList });
    table.add({ { QStringLiteral("hosts"), QStringLiteral("remove") },
                QStringLiteral("hosts remove NAME"),
                QCoreApplication::translate("Cli", "remove a relay server"),
                hostsRemove });
    table.add({ { QStringLiteral("hosts"), QStringLiteral("edit") },
                QStringLiteral("hosts edit NAME [--target TARGET] [--note TEXT]"),
                QCoreApplication::translate("Cli", "change a relay server's target or note"),
                hostsEdit });
}

} // namespace alloclab::cli
