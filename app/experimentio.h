#pragma once

#include "models/allocatorcatalog.h"
#include "models/boardmodel.h"
#include "models/records.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// Experiments between the store and the board: loading a board's state, saving its membership
// (with history once the experiment runs), and the group files (groups/group_<L>_<label>.txt,
// relay_config.csv). Synchronous on a Database: for the CLI and for jobs run on the store's thread
// (Store::run), never on the GUI thread.
namespace alloclab {

class Database;

namespace experimentio {

// The catalog as stored: allocators and their per-host paths.
AllocatorCatalog loadCatalog(Database &db);
// Every relay in the store as a board relay, with RSS and loaded allocator of its latest sample.
QList<BoardRelay> loadBoardRelays(Database &db);

struct BoardState {
    ExperimentRecord experiment;
    AllocatorCatalog catalog;
    QList<BoardRelay> relays;
    QHash<QString, QString> letterByKey; // current (open) membership: relay key -> group letter
};
// Empty with *error when there is no such experiment or the store fails.
std::optional<BoardState> loadBoard(Database &db, const QString &experimentName, QString *error);

// The board's groups for an experiment record.
QList<BoardGroup> boardGroups(const ExperimentRecord &experiment);

// Saves the wanted membership (relay id -> group id; absent = in no group) at nowMs: before the
// experiment starts the planned rows are rewritten, once it runs the history keeps from/to.
bool saveMembership(Database &db, const ExperimentRecord &experiment, const QHash<Id, Id> &groupByRelay,
                    qint64 nowMs, QString *error);
// The same from a board's membership (relay key -> letter) and its relays (for the ids).
bool saveBoardMembership(Database &db, const ExperimentRecord &experiment, const QList<BoardRelay> &relays,
                         const QHash<QString, QString> &letterByKey, qint64 nowMs, QString *error);

// Resolves what an operator typed (nickname, fingerprint or host/instance) to one relay in the
// store. Empty with *error saying why: unknown (and what to run first) or ambiguous (and the
// candidates).
std::optional<RelayRecord> resolveRelay(Database &db, const QString &key, QString *error);

// Writes DIR/groups/group_<L>_<label>.txt (current membership, nicknames sorted) and
// DIR/relay_config.csv. *written lists the files.
bool exportGroups(Database &db, const QString &experimentName, const QString &dir, QStringList *written,
                  QString *error);

// Reads group files and/or relay_config.csv (PATH may be a file or a folder holding them, or a
// folder with groups/). For each group letter found, that group's membership becomes the listed
// relays. *_historical.txt files are used instead of the current ones with `historical`.
// All or nothing: any unknown relay, unknown group or relay listed in two groups fails the
// import with every problem listed (file:line), and nothing is changed.
bool importGroups(Database &db, const QString &experimentName, const QStringList &paths, bool historical,
                  qint64 nowMs, QStringList *report, QString *error);

} // namespace experimentio
} // namespace alloclab
