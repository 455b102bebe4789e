#pragma once

#include "models/allocatorcatalog.h"
#include "models/proberesult.h"
#include "models/records.h"
#include "models/relaymime.h"

#include <QAbstractListModel>
#include <QColor>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <vector>

class QUndoStack;

namespace alloclab {

// A relay on the board: identity (key()), what the card shows, and the store's id.
struct BoardRelay {
    Id relayId = 0; // 0 when not (yet) in the store
    QString host;
    QString instance; // tor@INSTANCE; empty for the plain tor.service or when unknown (imports)
    QString nickname;
    QString fingerprint;
    qint64 rssKb = -1;
    QString loadedAllocator = QStringLiteral("?"); // resolved file from /proc/PID/maps, "" glibc, "?" unknown
    // When rssKb and loadedAllocator were measured if they come from the store (imported history,
    // an earlier poll); 0 = live (this session's probe) or never measured.
    qint64 lastSeenMs = 0;

    // Stable identity: fingerprint, else host/instance, else host/~nickname (imported rows).
    QString key() const;
    // What the MIME payload carries (models/relaymime.h).
    RelayRef ref() const;
    static BoardRelay fromRef(const RelayRef &ref);
    // A relay as the probe saw it on `host` (the HostRecord name), for the board after a fleet refresh.
    static BoardRelay fromProbe(const QString &host, const ProbeRelay &relay);
};

struct BoardGroup {
    QString letter; // "A"
    QString label; // "mimalloc301"
    QString allocatorId; // catalog id
    QColor colour; // invalid = groupColor(letter)
};

struct BoardWarning {
    enum Kind { Empty, TooSmall, UnevenHosts };
    Kind kind;
    QString text; // one translated sentence
};

class BoardModel;

// One column of the board as a list model, for a QListView. Rows are the column's relays that
// pass the board's filter, in the column's order. Drops (from another column or from the fleet
// view, MIME application/x-alloclab-relays, see models/relaymime.h) become one undoable move on the
// BoardModel; the model never removes rows on its own, so a view's MoveAction drag cannot delete relays
// twice.
class BoardColumnModel : public QAbstractListModel
{
    Q_OBJECT
public:
    BoardColumnModel(BoardModel *board, int column);

    int column() const { return m_column; }
    QString keyAt(int row) const { return m_rows.value(row); }
    int rowOf(const QString &key) const { return int(m_rows.indexOf(key)); }
    QStringList keys(const QModelIndexList &indexes) const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QHash<int, QByteArray> roleNames() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDropActions() const override;
    Qt::DropActions supportedDragActions() const override;

private:
    friend class BoardModel;
    void refresh(); // rebuild m_rows from the board (reset)
    void relayDataChanged();

    BoardModel *m_board;
    int m_column;
    QStringList m_rows;
};

// The experiment board: relays, groups, and which relay is in which group (at most one).
// Column 0 is "Unassigned", column i (i >= 1) is group i-1. Every membership change made through
// moveRelays()/distribute()/drops is a QUndoCommand on undoStack(); undo restores the exact previous
// columns, order included.
class BoardModel : public QObject
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1,
        HostRole,
        InstanceRole,
        NicknameRole,
        FingerprintRole,
        RssKbRole, // qint64, -1 unknown
        LoadedAllocatorRole, // raw: resolved file, "" glibc, "?" unknown
        LoadedLabelRole, // "mimalloc 2.0.9", "glibc", "unknown"
        MismatchRole, // bool: loaded allocator known and not the group's
        GroupLetterRole, // "" in Unassigned
        ColourRole, // QColor of the column
        LastSeenRole, // qint64 UTC epoch ms of the stored sample shown; 0 = live
    };
    static constexpr int kMinGroupSize = 10;

    explicit BoardModel(QObject *parent = nullptr);
    ~BoardModel() override;

    void setCatalog(const AllocatorCatalog &catalog);
    const AllocatorCatalog &catalog() const { return m_catalog; }

    // Replaces the groups; relays of groups that disappear go back to Unassigned. Clears undo.
    void setGroups(const QList<BoardGroup> &groups);
    QList<BoardGroup> groups() const { return m_groups; }
    int groupIndex(const QString &letter) const; // -1 when none

    // Replaces the relay data (a fresh fleet probe). Membership is kept by key; new relays go to
    // Unassigned, vanished ones leave their column. Undo history survives (it is kept by key).
    void setRelays(const QList<BoardRelay> &relays);
    // Adds relays not on the board yet to Unassigned (not undoable); returns how many were new.
    int addRelays(const QList<BoardRelay> &relays);
    QList<BoardRelay> relays() const;
    bool contains(const QString &key) const { return m_index.contains(key); }
    BoardRelay relay(const QString &key) const;
    // Finds a relay by fingerprint, host/instance, host/nickname, or a nickname unique on the board.
    QString findKey(const RelayRef &ref) const;

    // Sets membership wholesale (loading an experiment): key -> letter, others Unassigned. Clears undo.
    void setMembership(const QHash<QString, QString> &letterByKey);
    QHash<QString, QString> membership() const; // assigned relays only
    QString letterOf(const QString &key) const; // "" when unassigned or unknown

    int columnCount() const { return int(m_columns.size()); }
    BoardColumnModel *columnModel(int column) const;
    int columnOf(const QString &key) const; // -1 when unknown
    QStringList columnKeys(int column) const; // full order, ignoring the filter
    int count(int column) const { return int(m_columns.at(std::size_t(column)).size()); }
    QString columnTitle(int column) const; // "Unassigned" or "A · mimalloc301"
    QColor columnColour(int column) const;
    QString columnAllocatorId(int column) const; // "" for Unassigned
    int mismatchCount(int column) const; // relays whose loaded allocator is known and differs
    QList<BoardWarning> warnings(int column) const;

    // Undoable. Moves `keys` (in this order) to `column`, before the relay at full position `position`
    // of that column (-1 = at the end). Returns false when it changes nothing.
    bool moveRelays(const QStringList &keys, int column, int position = -1);
    // Undoable. Stratified random assignment of `keys` to the groups (sizes per group, in group order).
    bool distribute(const QStringList &keys, const QList<int> &sizes, quint64 seed, QString *error = nullptr);
    // Handles a drop of application/x-alloclab-relays on `column` before visible row `row` (-1: end).
    bool dropRelays(const QMimeData *data, int column, int row);
    QMimeData *mimeDataFor(const QStringList &keys) const;

    QUndoStack *undoStack() const { return m_undo; }

    void setFilter(const QString &text);
    QString filter() const { return m_filter; }
    bool matchesFilter(const QString &key) const;

    // For the undo commands: the membership as ordered key lists per column.
    using Snapshot = std::vector<QStringList>;
    Snapshot snapshot() const { return m_columns; }
    void restore(const Snapshot &columns);

Q_SIGNALS:
    void membershipChanged(); // any move, undo, redo, load
    void groupsChanged();
    void relaysChanged();
    void filterChanged(const QString &text);

private:
    void rebuildIndex();
    void applyColumns(Snapshot columns);
    QVariant relayData(const QString &key, int column, int role) const;
    friend class BoardColumnModel;

    AllocatorCatalog m_catalog;
    QList<BoardGroup> m_groups;
    std::vector<BoardRelay> m_relays;
    QHash<QString, int> m_index; // key -> m_relays index
    Snapshot m_columns;
    QHash<QString, int> m_columnOf;
    std::vector<BoardColumnModel *> m_columnModels;
    QString m_filter;
    QUndoStack *m_undo;
};

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::BoardRelay)
