#include "models/boardmodel.h"

#include "models/distribute.h"
#include "models/groupcolors.h"
#include "models/units.h"

#include <QDateTime>
#include <QMimeData>
#include <QSet>
#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <map>

namespace alloclab {

namespace {

// One membership change; both directions are whole snapshots, so undo is exact (order included)
// however the change was made (drag, keyboard, menu, Distribute…).
class MembershipCommand : public QUndoCommand
{
public:
    MembershipCommand(BoardModel *board, BoardModel::Snapshot before, BoardModel::Snapshot after,
                      const QString &text)
        : QUndoCommand(text)
        , m_board(board)
        , m_before(std::move(before))
        , m_after(std::move(after))
    { }
    void redo() override { m_board->restore(m_after); }
    void undo() override { m_board->restore(m_before); }

private:
    BoardModel *m_board;
    BoardModel::Snapshot m_before;
    BoardModel::Snapshot m_after;
};

} // namespace

// ---------------------------------------------------------------- BoardRelay

QString BoardRelay::key() const
{
    if (!fingerprint.isEmpty())
        return fingerprint;
    if (!instance.isEmpty())
        return host + QLatin1Char('/') + instance;
    return host + QStringLiteral("/~") + nickname; // '~' cannot start an instance name
}

RelayRef BoardRelay::ref() const
{
    RelayRef r;
    r.host = host;
    r.instance = instance;
    r.unit
        = instance.isEmpty() ? QStringLiteral("tor.service") : QStringLiteral("tor@%1.service").arg(instance);
    r.fingerprint = fingerprint;
    r.nickname = nickname;
    return r;
}

BoardRelay BoardRelay::fromRef(const RelayRef &ref)
{
    BoardRelay r;
    r.host = ref.host;
    r.instance = ref.instance;
    r.nickname = ref.nickname;
    r.fingerprint = ref.fingerprint;
    return r;
}

BoardRelay BoardRelay::fromProbe(const QString &host, const ProbeRelay &relay)
{
    BoardRelay r;
    r.host = host;
    r.instance = relay.instance;
    r.nickname = relay.nickname;
    r.fingerprint = relay.fingerprint;
    r.rssKb = relay.rssKb;
    r.loadedAllocator = relay.loadedAllocator; // "" glibc, "?" unreadable: the same convention
    return r;
}

// ---------------------------------------------------------------- BoardColumnModel

BoardColumnModel::BoardColumnModel(BoardModel *board, int column)
    : QAbstractListModel(board)
    , m_board(board)
    , m_column(column)
{
    setObjectName(QStringLiteral("boardColumn%1").arg(column));
}

QStringList BoardColumnModel::keys(const QModelIndexList &indexes) const
{
    QList<int> rows;
    for (const QModelIndex &i : indexes)
        if (i.isValid() && i.model() == this && !rows.contains(i.row()))
            rows << i.row();
    std::sort(rows.begin(), rows.end());
    QStringList out;
    for (int r : std::as_const(rows))
        out << m_rows.at(r);
    return out;
}

int BoardColumnModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant BoardColumnModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    return m_board->relayData(m_rows.at(index.row()), m_column, role);
}

Qt::ItemFlags BoardColumnModel::flags(const QModelIndex &index) const
{
    // Items are not drop targets themselves: a drop on a card inserts before or after it.
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

QHash<int, QByteArray> BoardColumnModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(BoardModel::KeyRole, "key");
    names.insert(BoardModel::HostRole, "host");
    names.insert(BoardModel::InstanceRole, "instance");
    names.insert(BoardModel::NicknameRole, "nickname");
    names.insert(BoardModel::FingerprintRole, "fingerprint");
    names.insert(BoardModel::RssKbRole, "rssKb");
    names.insert(BoardModel::LoadedAllocatorRole, "loadedAllocator");
    names.insert(BoardModel::LoadedLabelRole, "loadedLabel");
    names.insert(BoardModel::MismatchRole, "mismatch");
    names.insert(BoardModel::GroupLetterRole, "groupLetter");
    names.insert(BoardModel::ColourRole, "colour");
    return names;
}

QStringList BoardColumnModel::mimeTypes() const
{
    return { QLatin1String(kRelayMimeType) };
}

QMimeData *BoardColumnModel::mimeData(const QModelIndexList &indexes) const
{
    const QStringList k = keys(indexes);
    if (k.isEmpty())
        return nullptr;
    return m_board->mimeDataFor(k);
}

bool BoardColumnModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                       const QModelIndex &) const
{
    return data && data->hasFormat(QLatin1String(kRelayMimeType))
        && (action == Qt::MoveAction || action == Qt::CopyAction);
}

bool BoardColumnModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                    const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    if (parent.isValid()) // dropped onto a card: insert before it
        row = parent.row();
    return m_board->dropRelays(data, m_column, row);
}

Qt::DropActions BoardColumnModel::supportedDropActions() const
{
    // Copy too: the fleet view offers its relays as a copy (they stay in the fleet).
    return Qt::MoveAction | Qt::CopyAction;
}

Qt::DropActions BoardColumnModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

void BoardColumnModel::refresh()
{
    QStringList rows;
    for (const QString &k : m_board->m_columns.at(std::size_t(m_column)))
        if (m_board->matchesFilter(k))
            rows << k;
    if (rows == m_rows)
        return;
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void BoardColumnModel::relayDataChanged()
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_rows.size()) - 1));
}

// ---------------------------------------------------------------- BoardModel

BoardModel::BoardModel(QObject *parent)
    : QObject(parent)
    , m_columns(1)
    , m_undo(new QUndoStack(this))
{
    m_undo->setObjectName(QStringLiteral("boardUndoStack"));
    m_columnModels.push_back(new BoardColumnModel(this, 0));
}

BoardModel::~BoardModel() = default;

void BoardModel::setCatalog(const AllocatorCatalog &catalog)
{
    m_catalog = catalog;
    for (BoardColumnModel *m : m_columnModels)
        m->relayDataChanged();
    Q_EMIT groupsChanged();
}

int BoardModel::groupIndex(const QString &letter) const
{
    for (int i = 0; i < m_groups.size(); ++i)
        if (m_groups.at(i).letter == letter)
            return i;
    return -1;
}

void BoardModel::setGroups(const QList<BoardGroup> &groups)
{
    const QList<BoardGroup> old = m_groups;
    Snapshot columns(std::size_t(groups.size()) + 1);
    columns[0] = m_columns.at(0);
    for (int i = 0; i < old.size(); ++i) {
        const QStringList &keys = m_columns.at(std::size_t(i) + 1);
        int to = -1;
        for (int j = 0; j < groups.size(); ++j)
            if (groups.at(j).letter == old.at(i).letter)
                to = j;
        columns[std::size_t(to + 1)] += keys;
    }
    m_groups = groups;
    for (BoardGroup &g : m_groups)
        if (!g.colour.isValid())
            g.colour = groupColor(g.letter);

    std::vector<BoardColumnModel *> retired(m_columnModels.begin() + 1, m_columnModels.end());
    m_columnModels.resize(1);
    m_columns = Snapshot(columns.size());
    m_columns[0] = columns[0];
    for (std::size_t c = 1; c < columns.size(); ++c)
        m_columnModels.push_back(new BoardColumnModel(this, int(c)));
    m_undo->clear();
    applyColumns(std::move(columns));
    Q_EMIT groupsChanged();
    // Views switch to the new column models on groupsChanged(); only then do the old ones go.
    for (BoardColumnModel *m : retired)
        delete m;
}

void BoardModel::setRelays(const QList<BoardRelay> &relays)
{
    m_relays.assign(relays.begin(), relays.end());
    rebuildIndex();
    Snapshot columns = m_columns;
    applyColumns(std::move(columns));
    for (BoardColumnModel *m : m_columnModels)
        m->relayDataChanged();
    Q_EMIT relaysChanged();
}

int BoardModel::addRelays(const QList<BoardRelay> &relays)
{
    int added = 0;
    for (const BoardRelay &r : relays) {
        if (m_index.contains(r.key()))
            continue;
        m_relays.push_back(r);
        m_index.insert(r.key(), int(m_relays.size()) - 1);
        ++added;
    }
    if (added) {
        Snapshot columns = m_columns;
        applyColumns(std::move(columns));
        Q_EMIT relaysChanged();
    }
    return added;
}

QList<BoardRelay> BoardModel::relays() const
{
    return QList<BoardRelay>(m_relays.begin(), m_relays.end());
}

BoardRelay BoardModel::relay(const QString &key) const
{
    const auto it = m_index.constFind(key);
    return it == m_index.constEnd() ? BoardRelay() : m_relays.at(std::size_t(*it));
}

QString BoardModel::findKey(const RelayRef &ref) const
{
    if (!ref.fingerprint.isEmpty() && m_index.contains(ref.fingerprint))
        return ref.fingerprint;
    QString byNick;
    int nickMatches = 0;
    for (const BoardRelay &r : m_relays) {
        if (!ref.instance.isEmpty() && r.host == ref.host && r.instance == ref.instance)
            return r.key();
        if (!ref.nickname.isEmpty() && r.nickname == ref.nickname) {
            if (r.host == ref.host && !ref.host.isEmpty())
                return r.key();
            byNick = r.key();
            ++nickMatches;
        }
    }
    // A bare nickname (group files) identifies a relay only when it is unique on the board.
    if (ref.fingerprint.isEmpty() && ref.instance.isEmpty() && nickMatches == 1)
        return byNick;
    const QString key = BoardRelay::fromRef(ref).key();
    return m_index.contains(key) ? key : QString();
}

void BoardModel::setMembership(const QHash<QString, QString> &letterByKey)
{
    Snapshot columns(m_columns.size());
    for (const BoardRelay &r : m_relays) {
        const int g = groupIndex(letterByKey.value(r.key()));
        columns[std::size_t(g + 1)] << r.key();
    }
    m_undo->clear();
    applyColumns(std::move(columns));
}

QHash<QString, QString> BoardModel::membership() const
{
    QHash<QString, QString> out;
    for (std::size_t c = 1; c < m_columns.size(); ++c)
        for (const QString &k : m_columns.at(c))
            out.insert(k, m_groups.at(int(c) - 1).letter);
    return out;
}

QString BoardModel::letterOf(const QString &key) const
{
    const int c = columnOf(key);
    return c >= 1 ? m_groups.at(c - 1).letter : QString();
}

BoardColumnModel *BoardModel::columnModel(int column) const
{
    return column >= 0 && column < columnCount() ? m_columnModels.at(std::size_t(column)) : nullptr;
}

int BoardModel::columnOf(const QString &key) const
{
    return m_columnOf.value(key, -1);
}

QStringList BoardModel::columnKeys(int column) const
{
    return column >= 0 && column < columnCount() ? m_columns.at(std::size_t(column)) : QStringList();
}

QString BoardModel::columnTitle(int column) const
{
    if (column <= 0)
        return tr("Unassigned");
    const BoardGroup &g = m_groups.at(column - 1);
    return g.label.isEmpty() ? g.letter : g.letter + QStringLiteral(" · ") + g.label;
}

QColor BoardModel::columnColour(int column) const
{
    return column <= 0 ? unassignedColor() : m_groups.at(column - 1).colour;
}

QString BoardModel::columnAllocatorId(int column) const
{
    return column <= 0 ? QString() : m_groups.at(column - 1).allocatorId;
}

int BoardModel::mismatchCount(int column) const
{
    if (column <= 0 || column >= columnCount())
        return 0;
    int n = 0;
    for (const QString &k : m_columns.at(std::size_t(column)))
        n += relayData(k, column, MismatchRole).toBool() ? 1 : 0;
    return n;
}

QList<BoardWarning> BoardModel::warnings(int column) const
{
    QList<BoardWarning> out;
    if (column <= 0 || column >= columnCount())
        return out;
    const QStringList &keys = m_columns.at(std::size_t(column));
    const int n = int(keys.size());
    if (n == 0) {
        out << BoardWarning { BoardWarning::Empty, tr("No relays yet.") };
        return out;
    }
    if (n < kMinGroupSize)
        out << BoardWarning { BoardWarning::TooSmall,
                              (n == 1 ? tr("Only 1 relay: too few to compare (at least %1).")
                                      : tr("Only %n relays: too few to compare (at least %1).", nullptr, n))
                                  .arg(kMinGroupSize) };

    // Host mix of this group against the mix of every relay in a group.
    std::map<QString, int> all;
    int total = 0;
    for (std::size_t c = 1; c < m_columns.size(); ++c)
        for (const QString &k : m_columns.at(c)) {
            ++all[relay(k).host];
            ++total;
        }
    if (all.size() < 2)
        return out;
    std::map<QString, int> mine;
    for (const QString &k : keys)
        ++mine[relay(k).host];
    double tvd = 0;
    QString worstHost;
    double worstDeviation = 0;
    for (const auto &[host, cnt] : all) {
        const double expected = double(n) * cnt / total;
        const int have = mine.count(host) ? mine.at(host) : 0;
        tvd += std::abs(double(have) / n - double(cnt) / total) / 2;
        if (std::abs(have - expected) > worstDeviation) {
            worstDeviation = std::abs(have - expected);
            worstHost = host;
        }
    }
    // Total variation distance > 0.25 and at least two relays off: more than sampling noise.
    if (tvd > 0.25 && worstDeviation >= 2) {
        const int have = mine.count(worstHost) ? mine.at(worstHost) : 0;
        out << BoardWarning { BoardWarning::UnevenHosts,
                              tr("Hosts uneven: %1 has %2 of %3 (%4 %), %5 % overall.")
                                  .arg(worstHost.isEmpty() ? tr("(no host)") : worstHost)
                                  .arg(have)
                                  .arg(n)
                                  .arg(qRound(100.0 * have / n))
                                  .arg(qRound(100.0 * all.at(worstHost) / total)) };
    }
    return out;
}

bool BoardModel::moveRelays(const QStringList &keys, int column, int position)
{
    if (column < 0 || column >= columnCount())
        return false;
    QStringList moving;
    for (const QString &k : keys)
        if (m_index.contains(k) && !moving.contains(k))
            moving << k;
    if (moving.isEmpty())
        return false;
    const QSet<QString> movingSet(moving.begin(), moving.end());

    Snapshot after = m_columns;
    const QStringList &target = m_columns.at(std::size_t(column));
    // The anchor is the first relay at or after `position` that is not itself moving.
    QString anchor;
    if (position >= 0)
        for (qsizetype i = position; i < target.size(); ++i)
            if (!movingSet.contains(target.at(i))) {
                anchor = target.at(i);
                break;
            }
    for (QStringList &col : after)
        col.removeIf([&](const QString &k) { return movingSet.contains(k); });
    QStringList &dest = after[std::size_t(column)];
    const qsizetype at = anchor.isEmpty() ? dest.size() : dest.indexOf(anchor);
    for (qsizetype i = 0; i < moving.size(); ++i)
        dest.insert(at + i, moving.at(i));
    if (after == m_columns)
        return false;

    const QString where = column == 0 ? tr("Unassigned") : tr("group %1").arg(m_groups.at(column - 1).letter);
    const QString text = moving.size() == 1
        ? tr("Move %1 to %2").arg(relay(moving.first()).nickname, where)
        : tr("Move %n relays to %1", nullptr, int(moving.size())).arg(where);
    m_undo->push(new MembershipCommand(this, m_columns, after, text));
    return true;
}

bool BoardModel::distribute(const QStringList &keys, const QList<int> &sizes, quint64 seed, QString *error)
{
    if (sizes.size() != m_groups.size()) {
        if (error)
            *error = tr("Give one size per group (%1 groups).").arg(m_groups.size());
        return false;
    }
    QStringList chosen;
    for (const QString &k : keys)
        if (m_index.contains(k) && !chosen.contains(k))
            chosen << k;
    // The selection's order must not change the outcome: the seed alone decides.
    std::sort(chosen.begin(), chosen.end());
    QList<DistributeItem> items;
    for (const QString &k : std::as_const(chosen)) {
        const BoardRelay r = relay(k);
        items << DistributeItem { r.host, r.rssKb };
    }
    const QList<int> groupOf = alloclab::distribute(items, sizes, seed, error);
    if (groupOf.size() != items.size())
        return false;

    Snapshot after = m_columns;
    const QSet<QString> chosenSet(chosen.begin(), chosen.end());
    for (QStringList &col : after)
        col.removeIf([&](const QString &k) { return chosenSet.contains(k); });
    std::vector<QStringList> added(after.size());
    for (qsizetype i = 0; i < chosen.size(); ++i)
        added[std::size_t(groupOf.at(i) + 1)] << chosen.at(i);
    for (std::size_t c = 0; c < after.size(); ++c) {
        std::sort(added[c].begin(), added[c].end(), [&](const QString &a, const QString &b) {
            return relay(a).nickname.compare(relay(b).nickname, Qt::CaseInsensitive) < 0;
        });
        after[c] += added[c];
    }
    if (after == m_columns)
        return true;
    m_undo->push(new MembershipCommand(
        this, m_columns, after, tr("Distribute %n relays (seed %1)", nullptr, int(chosen.size())).arg(seed)));
    return true;
}

bool BoardModel::dropRelays(const QMimeData *data, int column, int row)
{
    if (!data || column < 0 || column >= columnCount())
        return false;
    const QList<RelayRef> refs = relayRefsFromMimeData(data);
    QStringList keys;
    QList<BoardRelay> unknown;
    for (const RelayRef &ref : refs) {
        const QString k = findKey(ref);
        if (!k.isEmpty()) {
            keys << k;
            continue;
        }
        // A relay the board has not seen (fleet probed after the board was filled): add it first,
        // outside the undo history, so that undoing the drop leaves it in Unassigned.
        const BoardRelay r = BoardRelay::fromRef(ref);
        unknown << r;
        keys << r.key();
    }
    addRelays(unknown);
    const BoardColumnModel *m = columnModel(column);
    int position = -1;
    if (row >= 0 && row < m->rowCount())
        position = int(m_columns.at(std::size_t(column)).indexOf(m->keyAt(row)));
    return moveRelays(keys, column, position) || !unknown.isEmpty();
}

QMimeData *BoardModel::mimeDataFor(const QStringList &keys) const
{
    QList<RelayRef> refs;
    QStringList names;
    for (const QString &k : keys) {
        if (!m_index.contains(k))
            continue;
        const BoardRelay r = relay(k);
        refs << r.ref();
        names << (r.nickname.isEmpty() ? k : r.nickname);
    }
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kRelayMimeType), encodeRelayRefs(refs));
    mime->setText(names.join(QLatin1Char('\n'))); // for text editors and chat
    return mime;
}

void BoardModel::setFilter(const QString &text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    for (BoardColumnModel *m : m_columnModels)
        m->refresh();
    Q_EMIT filterChanged(text);
}

bool BoardModel::matchesFilter(const QString &key) const
{
    if (m_filter.trimmed().isEmpty())
        return true;
    const BoardRelay r = relay(key);
    const QString loaded = m_catalog.loadedLabel(r.loadedAllocator, r.host);
    // Every word must match somewhere: "lab2 jemalloc" narrows to jemalloc relays on lab2.
    const QStringList words = m_filter.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &w : words) {
        if (!r.nickname.contains(w, Qt::CaseInsensitive) && !r.host.contains(w, Qt::CaseInsensitive)
            && !r.instance.contains(w, Qt::CaseInsensitive) && !r.fingerprint.contains(w, Qt::CaseInsensitive)
            && !loaded.contains(w, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

void BoardModel::restore(const Snapshot &columns)
{
    applyColumns(columns);
}

void BoardModel::rebuildIndex()
{
    m_index.clear();
    for (std::size_t i = 0; i < m_relays.size(); ++i)
        m_index.insert(m_relays[i].key(), int(i));
}

void BoardModel::applyColumns(Snapshot columns)
{
    // Enforce the invariant whatever the snapshot says: every known relay in exactly one column.
    columns.resize(m_columns.size());
    QSet<QString> seen;
    for (QStringList &col : columns)
        col.removeIf([&](const QString &k) {
            if (!m_index.contains(k) || seen.contains(k))
                return true;
            seen.insert(k);
            return false;
        });
    for (const BoardRelay &r : m_relays)
        if (!seen.contains(r.key()))
            columns[0] << r.key();

    const bool changed = columns != m_columns;
    m_columns = std::move(columns);
    m_columnOf.clear();
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        for (const QString &k : m_columns[c])
            m_columnOf.insert(k, int(c));
    for (BoardColumnModel *m : m_columnModels)
        m->refresh();
    if (changed)
        Q_EMIT membershipChanged();
}

QVariant BoardModel::relayData(const QString &key, int column, int role) const
{
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd())
        return {};
    const BoardRelay &r = m_relays.at(std::size_t(*it));
    auto mismatch = [&] {
        if (column <= 0 || r.loadedAllocator == QLatin1String("?"))
            return false;
        return m_catalog.idForLoaded(r.loadedAllocator, r.host) != columnAllocatorId(column);
    };
    switch (role) {
    case Qt::DisplayRole:
    case NicknameRole:
        return r.nickname.isEmpty() ? r.instance : r.nickname;
    case Qt::ToolTipRole: {
        QString tip = QStringLiteral("<b>%1</b><br>").arg(r.nickname.toHtmlEscaped())
            + tr("Host: %1").arg(r.host.toHtmlEscaped());
        if (!r.instance.isEmpty())
            tip += QStringLiteral("<br>") + tr("Instance: tor@%1").arg(r.instance.toHtmlEscaped());
        if (!r.fingerprint.isEmpty())
            tip += QStringLiteral("<br><tt>%1</tt>").arg(r.fingerprint);
        tip += QStringLiteral("<br>")
            + tr("RSS: %1").arg(r.rssKb >= 0 ? units::formatKiB(r.rssKb) : tr("unknown"));
        if (r.lastSeenMs > 0)
            tip += QStringLiteral("<br>")
                + tr("Not live: last seen %1 UTC (the latest stored sample)")
                      .arg(QDateTime::fromMSecsSinceEpoch(r.lastSeenMs, Qt::UTC)
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        tip += QStringLiteral("<br>")
            + tr("Loaded allocator: %1")
                  .arg(m_catalog.loadedLabel(r.loadedAllocator, r.host).toHtmlEscaped());
        if (mismatch())
            tip += QStringLiteral("<br>")
                + tr("Not the group's allocator (%1): deploy to apply it.")
                      .arg(m_catalog.displayName(columnAllocatorId(column)).toHtmlEscaped());
        return tip;
    }
    case KeyRole:
        return key;
    case HostRole:
        return r.host;
    case InstanceRole:
        return r.instance;
    case FingerprintRole:
        return r.fingerprint;
    case RssKbRole:
        return r.rssKb;
    case LoadedAllocatorRole:
        return r.loadedAllocator;
    case LoadedLabelRole:
        return m_catalog.loadedLabel(r.loadedAllocator, r.host);
    case MismatchRole:
        return mismatch();
    case GroupLetterRole:
        return column <= 0 ? QString() : m_groups.at(column - 1).letter;
    case ColourRole:
        return columnColour(column);
    case LastSeenRole:
        return r.lastSeenMs;
    default:
        return {};
    }
}

} // namespace alloclab
