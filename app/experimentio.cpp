#include "app/experimentio.h"

#include "app/database.h"
#include "models/assignmenthistory.h"
#include "models/groupcolors.h"
#include "models/groupfiles.h"
#include "models/torutils.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <map>

namespace alloclab::experimentio {

namespace {
BoardRelay boardRelay(const RelayRecord &r)
{
    BoardRelay b;
    b.relayId = r.id;
    b.host = r.server;
    b.instance = r.instance;
    b.nickname = r.nickname;
    b.fingerprint = r.fingerprint;
    return b;
}

bool readFile(const QString &path, QString *text, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ExperimentIo", "Cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    *text = QString::fromUtf8(f.readAll());
    return true;
}

bool writeFile(const QString &path, const QString &text, QString *error)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text.toUtf8()) < 0 || !f.commit()) {
        *error
            = QCoreApplication::translate("ExperimentIo", "Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}
} // namespace

AllocatorCatalog loadCatalog(Database &db)
{
    AllocatorCatalog catalog;
    const QList<AllocatorRecord> stored = db.allocators();
    for (const AllocatorRecord &a : stored) {
        if (AllocatorCatalog::isBuiltInId(a.id))
            catalog.setVersion(a.id, a.version);
        else
            catalog.addCustom(a); // an invalid stored entry stays out of the catalog (and of any shell)
    }
    const QList<HostRecord> hosts = db.hosts();
    for (const HostRecord &h : hosts)
        for (const AllocatorRecord &a : stored) {
            const QString p = db.allocatorHostPath(a.id, h.id);
            if (!p.isEmpty())
                catalog.setHostPath(a.id, h.name, p);
        }
    return catalog;
}

QList<BoardRelay> loadBoardRelays(Database &db)
{
    // Each relay's own latest sample: relays known only from imported history keep their last
    // RSS (marked "last seen"), not just those of the latest poll.
    const QList<SampleRecord> latest = db.latestSamples();
    QHash<Id, SampleRecord> byRelay;
    for (const SampleRecord &s : latest)
        byRelay.insert(s.relayId, s);
    QList<BoardRelay> out;
    const QList<RelayRecord> relays = db.relays();
    for (const RelayRecord &r : relays) {
        BoardRelay b = boardRelay(r);
        const auto it = byRelay.constFind(r.id);
        if (it != byRelay.constEnd()) {
            b.rssKb = it->rssKb;
            b.loadedAllocator = it->loadedAllocator;
            b.lastSeenMs = it->tsMs;
        }
        out << b;
    }
    return out;
}

QList<BoardGroup> boardGroups(const ExperimentRecord &experiment)
{
    QList<BoardGroup> out;
    for (const GroupRecord &g : experiment.groups)
        out << BoardGroup { g.letter, g.label, g.allocatorId,
                            QColor::isValidColorName(g.colour) ? QColor::fromString(g.colour)
                                                               : groupColor(g.letter) };
    return out;
}

std::optional<BoardState> loadBoard(Database &db, const QString &experimentName, QString *error)
{
    const auto e = db.experiment(experimentName);
    if (!e) {
        *error = db.lastError().isEmpty()
            ? QCoreApplication::translate(
                  "ExperimentIo", "There is no experiment named '%1' (see 'alloclab-cli experiment list').")
                  .arg(experimentName)
            : db.lastError();
        return std::nullopt;
    }
    BoardState state;
    state.experiment = *e;
    state.catalog = loadCatalog(db);
    state.relays = loadBoardRelays(db);
    QHash<Id, QString> letterOfGroup;
    for (const GroupRecord &g : e->groups)
        letterOfGroup.insert(g.id, g.letter);
    const QHash<Id, Id> current = assignments::current(db.assignments(e->id));
    for (const BoardRelay &r : std::as_const(state.relays)) {
        const Id g = current.value(r.relayId, 0);
        if (g != 0)
            state.letterByKey.insert(r.key(), letterOfGroup.value(g));
    }
    return state;
}

bool saveMembership(Database &db, const ExperimentRecord &experiment, const QHash<Id, Id> &groupByRelay,
                    qint64 nowMs, QString *error)
{
    Transaction t(db);
    if (!t.isActive()) {
        *error = db.lastError();
        return false;
    }
    const QList<AssignmentRecord> history = db.assignments(experiment.id);
    const QList<AssignmentRecord> next = assignments::apply(history, groupByRelay, nowMs, experiment.startMs);
    if (!db.setAssignments(experiment.id, next) || !t.commit()) {
        *error = db.lastError();
        return false;
    }
    return true;
}

bool saveBoardMembership(Database &db, const ExperimentRecord &experiment, const QList<BoardRelay> &relays,
                         const QHash<QString, QString> &letterByKey, qint64 nowMs, QString *error)
{
    QHash<QString, Id> groupOfLetter;
    for (const GroupRecord &g : experiment.groups)
        groupOfLetter.insert(g.letter, g.id);
    QHash<Id, Id> wanted;
    for (const BoardRelay &r : relays) {
        const QString letter = letterByKey.value(r.key());
        if (letter.isEmpty())
            continue;
        if (r.relayId == 0) {
            *error = QCoreApplication::translate(
                         "ExperimentIo", "Relay %1 is not in the database yet; refresh the fleet first.")
                         .arg(r.nickname);
            return false;
        }
        wanted.insert(r.relayId, groupOfLetter.value(letter));
    }
    return saveMembership(db, experiment, wanted, nowMs, error);
}

std::optional<RelayRecord> resolveRelay(Database &db, const QString &key, QString *error)
{
    const QList<RelayRecord> found = db.findRelays(key);
    if (found.size() == 1)
        return found.first();
    if (found.isEmpty()) {
        *error = db.lastError().isEmpty()
            ? QCoreApplication::translate(
                  "ExperimentIo",
                  "Relay '%1' is not known in the database: give a nickname, a fingerprint or host/instance "
                  "of a "
                  "relay seen by 'alloclab-cli collect --once' or imported with 'alloclab-cli import'.")
                  .arg(key)
            : db.lastError();
        return std::nullopt;
    }
    QStringList candidates;
    for (const RelayRecord &r : found)
        candidates << (r.instance.isEmpty()
                           ? QString(r.server + QStringLiteral(" (") + r.nickname + QLatin1Char(')'))
                           : QString(r.server + QLatin1Char('/') + r.instance));
    *error = QCoreApplication::translate(
                 "ExperimentIo", "'%1' matches %2 relays (%3): give host/instance or the fingerprint.")
                 .arg(key)
                 .arg(found.size())
                 .arg(candidates.join(QStringLiteral(", ")));
    return std::nullopt;
}

bool exportGroups(Database &db, const QString &experimentName, const QString &dir, QStringList *written,
                  QString *error)
{
    const auto state = loadBoard(db, experimentName, error);
    if (!state)
        return false;
    const QDir out(dir);
    if (!out.mkpath(QStringLiteral("groups"))) {
        *error = QCoreApplication::translate("ExperimentIo", "Cannot create the folder %1.")
                     .arg(out.filePath(QStringLiteral("groups")));
        return false;
    }
    QList<groupfiles::RelayConfigRow> rows;
    for (const GroupRecord &g : state->experiment.groups) {
        QStringList nicks;
        for (const BoardRelay &r : state->relays) {
            if (state->letterByKey.value(r.key()) != g.letter)
                continue;
            nicks << r.nickname;
            rows << groupfiles::RelayConfigRow {
                r.nickname, r.fingerprint, r.host,        r.instance,
                g.letter,   g.label,       g.allocatorId, state->catalog.pathFor(g.allocatorId, r.host)
            };
        }
        std::sort(nicks.begin(), nicks.end(),
                  [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
        const QString path
            = out.filePath(QStringLiteral("groups/") + groupfiles::fileName(g.letter, g.label));
        if (!writeFile(path, groupfiles::formatGroupFile(nicks), error))
            return false;
        *written << path;
    }
    const QString csv = out.filePath(QStringLiteral("relay_config.csv"));
    if (!writeFile(csv, groupfiles::formatRelayConfig(rows), error))
        return false;
    *written << csv;
    return true;
}

bool importGroups(Database &db, const QString &experimentName, const QStringList &paths, bool historical,
                  qint64 nowMs, QStringList *report, QString *error)
{
    const auto e = db.experiment(experimentName);
    if (!e) {
        *error
            = QCoreApplication::translate(
                  "ExperimentIo", "There is no experiment named '%1' (see 'alloclab-cli experiment list').")
                  .arg(experimentName);
        return false;
    }
    // Collect the files: group files per letter (current or historical), relay_config.csv.
    QStringList files;
    for (const QString &p : paths) {
        const QFileInfo fi(p);
        if (fi.isDir()) {
            QDir d(p);
            if (QFileInfo(d.filePath(QStringLiteral("groups"))).isDir())
                d.cd(QStringLiteral("groups"));
            for (const QString &n : d.entryList({ QStringLiteral("group_*.txt") }, QDir::Files, QDir::Name))
                files << d.filePath(n);
            // A folder written by 'export' holds the TorUtils relay_config.csv (relay settings, no
            // groups) under the same name: it is not ours to read here.
            const QString csv = QDir(p).filePath(QStringLiteral("relay_config.csv"));
            QFile f(csv);
            if (f.exists()
                && !(f.open(QIODevice::ReadOnly)
                     && torutils::detectFormat(f.read(64 * 1024)).kind == torutils::FileKind::RelayConfig))
                files << csv;
        } else if (fi.isFile()) {
            files << p;
        } else {
            *error = QCoreApplication::translate("ExperimentIo", "%1 does not exist.").arg(p);
            return false;
        }
    }
    std::map<QString, QString> groupFileOfLetter; // the file chosen for each letter
    QStringList csvFiles;
    for (const QString &f : std::as_const(files)) {
        groupfiles::GroupFileName name;
        if (groupfiles::parseFileName(f, &name)) {
            const bool preferred = name.historical == historical;
            if (preferred || !groupFileOfLetter.count(name.letter))
                groupFileOfLetter[name.letter] = f;
        } else if (QFileInfo(f).fileName().endsWith(QLatin1String(".csv"))) {
            csvFiles << f;
        } else {
            *error = QCoreApplication::translate(
                         "ExperimentIo",
                         "%1: not a group file (group_<LETTER>_<label>.txt) nor relay_config.csv.")
                         .arg(f);
            return false;
        }
    }

    QHash<QString, Id> groupOfLetter;
    for (const GroupRecord &g : e->groups)
        groupOfLetter.insert(g.letter, g.id);
    QStringList problems;
    QHash<Id, QString> letterOfRelay; // relay -> letter, to catch a relay listed in two groups
    QHash<Id, QString> whereListed;
    std::map<QString, QList<Id>> members;
    auto take = [&](const QString &where, const QString &letter, const QString &key) {
        if (!groupOfLetter.contains(letter)) {
            problems << QCoreApplication::translate("ExperimentIo", "%1: experiment '%2' has no group %3.")
                            .arg(where, experimentName, letter);
            return;
        }
        QString why;
        const auto r = resolveRelay(db, key, &why);
        if (!r) {
            problems << where + QStringLiteral(": ") + why;
            return;
        }
        if (letterOfRelay.contains(r->id) && letterOfRelay.value(r->id) != letter) {
            problems << QCoreApplication::translate(
                            "ExperimentIo",
                            "%1: %2 is also listed in group %3 (%4); a relay is in at most one group.")
                            .arg(where, key, letterOfRelay.value(r->id), whereListed.value(r->id));
            return;
        }
        letterOfRelay.insert(r->id, letter);
        whereListed.insert(r->id, where);
        members[letter] << r->id;
    };
    for (const auto &[letter, file] : groupFileOfLetter) {
        QString text, why;
        if (!readFile(file, &text, error))
            return false;
        const QStringList nicks = groupfiles::parseGroupFile(text, &why);
        if (!why.isEmpty()) {
            problems << file + QStringLiteral(": ") + why;
            continue;
        }
        members[letter]; // an empty file empties the group
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &n : nicks) {
            const int line = int(lines.indexOf(n)) + 1;
            take(QStringLiteral("%1:%2").arg(file).arg(line > 0 ? line : 0), letter, n);
        }
    }
    for (const QString &file : std::as_const(csvFiles)) {
        QString text, why;
        if (!readFile(file, &text, error))
            return false;
        const QList<groupfiles::RelayConfigRow> rows = groupfiles::parseRelayConfig(text, &why);
        if (!why.isEmpty()) {
            problems << file + QStringLiteral(": ") + why;
            continue;
        }
        for (int i = 0; i < rows.size(); ++i) {
            const groupfiles::RelayConfigRow &r = rows.at(i);
            const QString key = !r.fingerprint.isEmpty()       ? r.fingerprint
                : (!r.host.isEmpty() && !r.instance.isEmpty()) ? r.host + QLatin1Char('/') + r.instance
                                                               : r.nickname;
            if (r.group.isEmpty())
                continue;
            take(QStringLiteral("%1:%2").arg(file).arg(i + 2), r.group, key);
        }
    }
    if (!problems.isEmpty()) {
        const qsizetype shown = std::min<qsizetype>(problems.size(), 20);
        *error = QCoreApplication::translate("ExperimentIo", "Nothing was imported:") + QStringLiteral("\n  ")
            + problems.mid(0, shown).join(QStringLiteral("\n  "));
        if (problems.size() > shown)
            *error += QStringLiteral("\n  ")
                + QCoreApplication::translate("ExperimentIo", "… and %1 more.").arg(problems.size() - shown);
        return false;
    }

    // Groups named in the files get exactly the listed relays; the others keep theirs.
    QHash<Id, Id> wanted = assignments::current(db.assignments(e->id));
    for (const auto &[letter, ids] : members) {
        const Id gid = groupOfLetter.value(letter);
        for (auto it = wanted.begin(); it != wanted.end();)
            it = it.value() == gid ? wanted.erase(it) : std::next(it);
        for (Id id : ids)
            wanted.insert(id, gid);
        *report
            << QCoreApplication::translate("ExperimentIo", "group %1: %2 relays").arg(letter).arg(ids.size());
    }
    return saveMembership(db, *e, wanted, nowMs, error);
}

} // namespace alloclab::experimentio
