#include "models/fleetmodel.h"

#include "models/probeparser.h"
#include "models/units.h"

#include <QCoreApplication>
#include <QMimeData>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace alloclab {

struct FleetModel::Host {
    QString name;
    ConnectionState state = ConnectionState::Connecting;
    QString message;
    qint64 rttMs = -1;
    bool probed = false;
    ProbeHost facts;
    ProbePrivilege privilege = ProbePrivilege::Unknown;
    QString sudoersLine;
    QList<ProbeRelay> relays;
};

namespace {

// Remote strings may carry control characters (a hostile directory name with a newline):
// show them, but harmlessly.
QString printable(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (!c.isPrint())
            c = QChar(0xFFFD);
    }
    return out;
}

QString shortFingerprint(const QString &fp)
{
    return fp.size() > 8 ? fp.left(8) + QChar(0x2026) : fp;
}

QString groupedFingerprint(const QString &fp)
{
    QStringList parts;
    for (int i = 0; i < fp.size(); i += 4)
        parts << fp.mid(i, 4);
    return parts.join(QLatin1Char(' '));
}

QString stateText(FleetModel::ConnectionState s, const QString &message)
{
    switch (s) {
    case FleetModel::ConnectionState::Connecting:
        return QCoreApplication::translate("FleetModel", "connecting");
    case FleetModel::ConnectionState::Connected:
        return QCoreApplication::translate("FleetModel", "connected");
    case FleetModel::ConnectionState::Error:
        return message.isEmpty() ? QCoreApplication::translate("FleetModel", "error")
                                 : QCoreApplication::translate("FleetModel", "error: %1").arg(message);
    case FleetModel::ConnectionState::HostKeyUnknown:
        return QCoreApplication::translate("FleetModel", "host key unknown");
    case FleetModel::ConnectionState::HostKeyChanged:
        return QCoreApplication::translate("FleetModel", "REFUSED: host key CHANGED");
    }
    return {};
}

qint64 uptimeOf(const ProbeHost &h, const ProbeRelay &r)
{
    if (!r.isRunning() || r.startEpoch < 0 || h.nowEpoch < 0)
        return -1;
    return qMax<qint64>(0, h.nowEpoch - r.startEpoch);
}

QString relayName(const ProbeRelay &r)
{
    return printable(r.instance.isEmpty() ? r.unit : r.instance);
}

} // namespace

FleetModel::FleetModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

FleetModel::~FleetModel() = default;

int FleetModel::hostRow(const QString &host) const
{
    for (size_t i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i]->name == host)
            return int(i);
    }
    return -1;
}

void FleetModel::addHost(const QString &host)
{
    if (hostRow(host) >= 0)
        return;
    const int row = int(m_hosts.size());
    beginInsertRows({}, row, row);
    auto h = std::make_unique<Host>();
    h->name = host;
    m_hosts.push_back(std::move(h));
    endInsertRows();
}

void FleetModel::removeHost(const QString &host)
{
    const int row = hostRow(host);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_hosts.erase(m_hosts.begin() + row);
    endRemoveRows();
}

QStringList FleetModel::hosts() const
{
    QStringList out;
    for (const auto &h : m_hosts)
        out << h->name;
    return out;
}

void FleetModel::setConnectionState(const QString &host, ConnectionState state, const QString &message)
{
    const int row = hostRow(host);
    if (row < 0)
        return;
    Host &h = *m_hosts[size_t(row)];
    h.state = state;
    h.message = message;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void FleetModel::setRoundTripMs(const QString &host, qint64 ms)
{
    const int row = hostRow(host);
    if (row < 0)
        return;
    m_hosts[size_t(row)]->rttMs = ms;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void FleetModel::updateHost(const QString &host, const ProbeResult &result)
{
    int row = hostRow(host);
    if (row < 0) {
        addHost(host);
        row = hostRow(host);
    }
    Host &h = *m_hosts[size_t(row)];
    const QModelIndex parentIndex = index(row, 0);
    if (!result.ok) {
        // Keep the last known relays: a garbled poll must not make a fleet disappear.
        h.state = ConnectionState::Error;
        h.message = result.error;
        emit dataChanged(parentIndex, index(row, ColumnCount - 1));
        return;
    }
    h.state = ConnectionState::Connected;
    h.message.clear();
    h.probed = true;
    h.facts = result.host;
    h.privilege = result.privilege;
    h.sudoersLine = result.sudoersLine();

    // 1. Remove relays that are gone (from the back, so rows stay valid).
    QSet<QString> incoming;
    for (const ProbeRelay &r : result.relays)
        incoming.insert(r.key());
    for (int i = int(h.relays.size()) - 1; i >= 0; --i) {
        if (incoming.contains(h.relays[i].key()))
            continue;
        beginRemoveRows(parentIndex, i, i);
        h.relays.removeAt(i);
        endRemoveRows();
    }
    // 2. Update the ones we have in place, 3. append the new ones in one insert.
    QHash<QString, int> rowOf;
    for (int i = 0; i < h.relays.size(); ++i)
        rowOf.insert(h.relays[i].key(), i);
    QList<ProbeRelay> added;
    for (const ProbeRelay &r : result.relays) {
        const auto it = rowOf.constFind(r.key());
        if (it == rowOf.constEnd()) {
            added.append(r);
            rowOf.insert(r.key(), -1); // a duplicate key in one result is added once
            continue;
        }
        if (it.value() >= 0)
            h.relays[it.value()] = r;
    }
    if (!h.relays.isEmpty())
        emit dataChanged(index(0, 0, parentIndex),
                         index(int(h.relays.size()) - 1, ColumnCount - 1, parentIndex));
    if (!added.isEmpty()) {
        const int first = int(h.relays.size());
        beginInsertRows(parentIndex, first, first + int(added.size()) - 1);
        h.relays.append(added);
        endInsertRows();
    }
    emit dataChanged(parentIndex, index(row, ColumnCount - 1));
}

QModelIndex FleetModel::hostIndex(const QString &host, int column) const
{
    const int row = hostRow(host);
    return row < 0 ? QModelIndex() : index(row, column);
}

QModelIndex FleetModel::relayIndex(const QString &host, const QString &unit, int column) const
{
    const int row = hostRow(host);
    if (row < 0)
        return {};
    const Host &h = *m_hosts[size_t(row)];
    for (int i = 0; i < h.relays.size(); ++i) {
        if (h.relays[i].unit == unit)
            return index(i, column, index(row, 0));
    }
    return {};
}

const ProbeRelay *FleetModel::relayAt(const QModelIndex &idx) const
{
    if (!idx.isValid() || idx.model() != this || !idx.internalPointer())
        return nullptr;
    const Host *h = static_cast<const Host *>(idx.internalPointer());
    return idx.row() < h->relays.size() ? &h->relays[idx.row()] : nullptr;
}

QList<RelayRef> FleetModel::relayRefs(const QModelIndexList &indexes) const
{
    QList<RelayRef> out;
    QSet<QString> seen;
    auto add = [&](const Host &h, const ProbeRelay &r) {
        if (!r.isValid())
            return;
        const QString key = h.name + QLatin1Char('/') + r.key();
        if (seen.contains(key))
            return;
        seen.insert(key);
        out.append(RelayRef { h.name, r.unit, r.instance, r.fingerprint, r.nickname });
    };
    for (const QModelIndex &idx : indexes) {
        if (!idx.isValid() || idx.model() != this)
            continue;
        if (const ProbeRelay *r = relayAt(idx)) {
            add(*static_cast<const Host *>(idx.internalPointer()), *r);
        } else if (!idx.parent().isValid() && idx.row() < int(m_hosts.size())) {
            const Host &h = *m_hosts[size_t(idx.row())];
            for (const ProbeRelay &r : h.relays)
                add(h, r);
        }
    }
    return out;
}

QString FleetModel::toTsv(const QModelIndexList &indexes) const
{
    // One line per row, in model order, whatever order the selection came in.
    QList<QPair<QPair<int, int>, QModelIndex>> rows;
    QSet<QPair<int, int>> seen;
    for (const QModelIndex &idx : indexes) {
        if (!idx.isValid() || idx.model() != this)
            continue;
        const QModelIndex p = idx.parent();
        const QPair<int, int> key = p.isValid() ? qMakePair(p.row(), idx.row()) : qMakePair(idx.row(), -1);
        if (seen.contains(key))
            continue;
        seen.insert(key);
        rows.append({ key, idx.siblingAtColumn(0) });
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    QStringList lines;
    for (const auto &row : rows) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c) {
            QString cell = data(row.second.siblingAtColumn(c), Qt::DisplayRole).toString();
            cell.replace(QLatin1Char('\t'), QLatin1Char(' '));
            cell.replace(QLatin1Char('\n'), QLatin1Char(' '));
            cells << cell;
        }
        lines << cells.join(QLatin1Char('\t'));
    }
    return lines.isEmpty() ? QString() : lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QModelIndex FleetModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < int(m_hosts.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    if (parent.internalPointer() || parent.row() >= int(m_hosts.size()))
        return {}; // relays have no children
    Host *h = m_hosts[size_t(parent.row())].get();
    return row < h->relays.size() ? createIndex(row, column, h) : QModelIndex();
}

QModelIndex FleetModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const Host *h = static_cast<const Host *>(child.internalPointer());
    for (size_t i = 0; i < m_hosts.size(); ++i) {
        if (m_hosts[i].get() == h)
            return createIndex(int(i), 0, nullptr);
    }
    return {};
}

int FleetModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_hosts.size());
    if (parent.internalPointer() || parent.column() != 0 || parent.row() >= int(m_hosts.size()))
        return 0;
    return int(m_hosts[size_t(parent.row())]->relays.size());
}

int FleetModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FleetModel::data(const QModelIndex &idx, int role) const
{
    if (!idx.isValid() || idx.model() != this)
        return {};
    if (const ProbeRelay *r = relayAt(idx))
        return relayData(*static_cast<const Host *>(idx.internalPointer()), *r, idx.column(), role);
    if (!idx.internalPointer() && idx.row() < int(m_hosts.size()))
        return hostData(*m_hosts[size_t(idx.row())], idx.column(), role);
    return {};
}

QVariant FleetModel::hostData(const Host &h, int column, int role) const
{
    qint64 rssSum = -1;
    for (const ProbeRelay &r : h.relays) {
        if (r.rssKb >= 0)
            rssSum = qMax<qint64>(rssSum, 0) + r.rssKb;
    }
    const qint64 hostUptime
        = h.facts.nowEpoch >= 0 && h.facts.bootEpoch >= 0 ? h.facts.nowEpoch - h.facts.bootEpoch : -1;
    switch (role) {
    case IsHostRole:
        return true;
    case HostNameRole:
        return h.name;
    case RelayKeyRole:
        return QString();
    case ConnectionStateRole:
        return int(h.state);
    case MismatchRole: {
        for (const ProbeRelay &r : h.relays) {
            if (r.allocatorMismatch)
                return true;
        }
        return false;
    }
    case NeedsRestartRole:
        return false;
    case InvalidRole:
        return QString();
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return h.name;
        case StateColumn:
            return stateText(h.state, h.message);
        case NicknameColumn:
            return h.probed ? units::relayCount(h.relays.size()) : QString();
        case FingerprintColumn:
            return h.rttMs >= 0 ? QCoreApplication::translate("FleetModel", "%1 ms").arg(h.rttMs) : QString();
        case RssColumn:
            return h.probed ? units::formatKiB(rssSum) : QString();
        case HwmColumn:
            return h.probed ? QCoreApplication::translate("FleetModel", "%1 free")
                                  .arg(units::formatKiB(h.facts.memAvailableKb))
                            : QString();
        case ConfiguredColumn:
            if (h.privilege == ProbePrivilege::None)
                return QCoreApplication::translate("FleetModel", "no sudo");
            return QString();
        case UptimeColumn:
            return h.probed ? units::formatDuration(hostUptime) : QString();
        default:
            return QString();
        }
    case SortRole:
        switch (column) {
        case NameColumn:
            return h.name;
        case StateColumn:
            return int(h.state);
        case NicknameColumn:
            return qint64(h.relays.size());
        case FingerprintColumn:
            return h.rttMs;
        case RssColumn:
            return rssSum;
        case HwmColumn:
            return h.facts.memAvailableKb;
        case UptimeColumn:
            return hostUptime;
        default:
            return data(index(hostRow(h.name), column), Qt::DisplayRole);
        }
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << h.name + QStringLiteral(": ") + stateText(h.state, h.message);
        // What a changed key means and the exact command that resolves it.
        if (h.state == ConnectionState::HostKeyChanged && !h.message.isEmpty())
            lines << h.message;
        if (h.probed) {
            lines << QCoreApplication::translate("FleetModel", "%1, kernel %2, tor %3")
                         .arg(printable(h.facts.os), printable(h.facts.kernel),
                              h.facts.torVersion.isEmpty() ? QStringLiteral("-")
                                                           : printable(h.facts.torVersion));
            lines << QCoreApplication::translate("FleetModel", "Memory: %1 available of %2, load %3")
                         .arg(units::formatKiB(h.facts.memAvailableKb), units::formatKiB(h.facts.memTotalKb))
                         .arg(h.facts.load1, 0, 'f', 2);
            if (!h.sudoersLine.isEmpty())
                lines << QCoreApplication::translate(
                             "FleetModel",
                             "Without sudo the loaded allocator cannot be read. Add to "
                             "sudoers (visudo): %1")
                             .arg(h.sudoersLine);
        }
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant FleetModel::relayData(const Host &h, const ProbeRelay &r, int column, int role) const
{
    const qint64 uptime = uptimeOf(h.facts, r);
    switch (role) {
    case IsHostRole:
        return false;
    case HostNameRole:
        return h.name;
    case RelayKeyRole:
        return QString(h.name + QLatin1Char('/') + r.key());
    case MismatchRole:
        return r.allocatorMismatch;
    case NeedsRestartRole:
        return r.needsRestart;
    case InvalidRole:
        return r.invalidReason;
    case ConnectionStateRole:
        return int(h.state);
    case Qt::DisplayRole:
        switch (column) {
        case NameColumn:
            return relayName(r);
        case StateColumn:
            if (!r.isValid())
                return QCoreApplication::translate("FleetModel", "invalid");
            return r.subState.isEmpty()
                ? printable(r.activeState)
                : printable(r.activeState) + QStringLiteral(" (") + printable(r.subState) + QLatin1Char(')');
        case NicknameColumn:
            return printable(r.nickname);
        case FingerprintColumn:
            return printable(shortFingerprint(r.fingerprint));
        case RssColumn:
            return r.isRunning() ? units::formatKiB(r.rssKb) : QString();
        case HwmColumn:
            return r.isRunning() ? units::formatKiB(r.hwmKb) : QString();
        case ConfiguredColumn: {
            QString s = printable(ProbeParser::allocatorLabel(r.configuredPreload));
            if (r.preloadMissing)
                s += QCoreApplication::translate("FleetModel", " (missing)");
            return s;
        }
        case LoadedColumn:
            if (!r.isRunning())
                return QString();
            return QString(printable(ProbeParser::allocatorLabel(r.loadedAllocator))
                           + (r.allocatorMismatch ? QStringLiteral(" !") : QString()));
        case UptimeColumn:
            return r.isRunning() ? units::formatDuration(uptime) : QString();
        default:
            return QString();
        }
    case SortRole:
        switch (column) {
        case RssColumn:
            return r.rssKb;
        case HwmColumn:
            return r.hwmKb;
        case UptimeColumn:
            return uptime;
        default:
            return relayData(h, r, column, Qt::DisplayRole);
        }
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << printable(r.unit);
        if (!r.isValid())
            lines << QCoreApplication::translate("FleetModel", "Invalid, never used in a command: %1")
                         .arg(r.invalidReason);
        if (!r.fingerprint.isEmpty())
            lines << groupedFingerprint(printable(r.fingerprint));
        else if (h.privilege == ProbePrivilege::None)
            lines << QCoreApplication::translate("FleetModel", "Fingerprint not readable without sudo.");
        if (r.isRunning())
            lines << QCoreApplication::translate("FleetModel", "PID %1, RSS %2, peak %3, VmSize %4")
                         .arg(r.mainPid)
                         .arg(units::formatKiB(r.rssKb), units::formatKiB(r.hwmKb),
                              units::formatKiB(r.vmSizeKb));
        if (!r.configuredPreload.isEmpty())
            lines << QCoreApplication::translate("FleetModel", "Configured LD_PRELOAD: %1")
                         .arg(printable(r.configuredPreload));
        if (r.preloadMissing)
            lines << QCoreApplication::translate("FleetModel",
                                                 "A configured library does not exist on the host.");
        if (r.isRunning() && r.loadedUnknown())
            lines << QCoreApplication::translate("FleetModel", "Loaded allocator: unknown (needs sudo)");
        else if (r.isRunning() && !r.loadedAllocator.isEmpty())
            lines
                << QCoreApplication::translate("FleetModel", "Loaded: %1").arg(printable(r.loadedAllocator));
        if (r.allocatorMismatch)
            lines << QCoreApplication::translate("FleetModel",
                                                 "The loaded allocator differs from the configured one.");
        if (r.needsRestart)
            lines << QCoreApplication::translate(
                "FleetModel", "Needs a restart: the configuration changed after it started.");
        return lines.join(QLatin1Char('\n'));
    }
    default:
        return {};
    }
}

QVariant FleetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return QCoreApplication::translate("FleetModel", "Relay");
    case StateColumn:
        return QCoreApplication::translate("FleetModel", "State");
    case NicknameColumn:
        return QCoreApplication::translate("FleetModel", "Nickname");
    case FingerprintColumn:
        return QCoreApplication::translate("FleetModel", "Fingerprint");
    case RssColumn:
        return QCoreApplication::translate("FleetModel", "RSS");
    case HwmColumn:
        return QCoreApplication::translate("FleetModel", "Peak (HWM)");
    case ConfiguredColumn:
        return QCoreApplication::translate("FleetModel", "Configured");
    case LoadedColumn:
        return QCoreApplication::translate("FleetModel", "Loaded");
    case UptimeColumn:
        return QCoreApplication::translate("FleetModel", "Uptime");
    default:
        return {};
    }
}

Qt::ItemFlags FleetModel::flags(const QModelIndex &idx) const
{
    if (!idx.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (const ProbeRelay *r = relayAt(idx)) {
        f |= Qt::ItemNeverHasChildren;
        if (r->isValid())
            f |= Qt::ItemIsDragEnabled;
        return f;
    }
    return f | Qt::ItemIsDragEnabled;
}

QStringList FleetModel::mimeTypes() const
{
    return { QLatin1String(kRelayMimeType), QStringLiteral("text/plain") };
}

QMimeData *FleetModel::mimeData(const QModelIndexList &indexes) const
{
    const QList<RelayRef> refs = relayRefs(indexes);
    if (refs.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kRelayMimeType), encodeRelayRefs(refs));
    mime->setText(toTsv(indexes));
    return mime;
}

Qt::DropActions FleetModel::supportedDragActions() const
{
    return Qt::CopyAction;
}

FleetFilterModel::FleetFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortRole(FleetModel::SortRole);
    setFilterKeyColumn(-1);
}

bool FleetFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent))
        return true;
    // Also match what is only in the tooltip: the full fingerprint and the unit.
    const auto *fleet = qobject_cast<const FleetModel *>(sourceModel());
    if (!fleet)
        return false;
    const ProbeRelay *r = fleet->relayAt(fleet->index(sourceRow, 0, sourceParent));
    if (!r)
        return false;
    const QRegularExpression re = filterRegularExpression();
    return re.match(r->fingerprint).hasMatch() || re.match(r->unit).hasMatch();
}

} // namespace alloclab
