#pragma once

#include "models/proberesult.h"
#include "models/relaymime.h"

#include <QAbstractItemModel>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace alloclab {

// Tree host -> relays for the Fleet dock. Updates are applied in place (insert / remove /
// dataChanged, never a reset) so selection, expansion and scroll position survive polls.
class FleetModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn, // host name / relay instance (unit for tor.service)
        StateColumn, // host: connection state; relay: systemd state
        NicknameColumn, // host: relay count
        FingerprintColumn, // host: round trip; relay: short fingerprint (full in tooltip)
        RssColumn, // host: sum of relay RSS
        HwmColumn, // host: MemAvailable
        ConfiguredColumn, // configured allocator (LD_PRELOAD)
        LoadedColumn, // loaded allocator, warning on mismatch
        UptimeColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        SortRole = Qt::UserRole + 1, // raw numbers (kB, s, ms) or strings for sorting
        RelayKeyRole, // QString "host/unit"; empty for host rows
        IsHostRole, // bool
        HostNameRole, // QString, on host and relay rows
        MismatchRole, // bool: loaded allocator differs from configured
        NeedsRestartRole, // bool: drop-in newer than the process
        InvalidRole, // QString reason; empty when valid
        ConnectionStateRole, // ConnectionState (int) on host rows
    };
    Q_ENUM(Role)

    enum class ConnectionState { Connecting, Connected, Error, HostKeyUnknown, HostKeyChanged };
    Q_ENUM(ConnectionState)

    explicit FleetModel(QObject *parent = nullptr);
    ~FleetModel() override;

    // Hosts keep the order they were added in.
    void addHost(const QString &host);
    void removeHost(const QString &host);
    QStringList hosts() const;
    void setConnectionState(const QString &host, ConnectionState state, const QString &message = {});
    void setRoundTripMs(const QString &host, qint64 ms);
    // Merges a probe result: relays matched by unit are updated, new ones inserted, vanished
    // ones removed. A failed result (ok == false) sets the host to Error and keeps the relays.
    void updateHost(const QString &host, const ProbeResult &result);

    QModelIndex hostIndex(const QString &host, int column = 0) const;
    QModelIndex relayIndex(const QString &host, const QString &unit, int column = 0) const;
    // The relay behind an index (nullptr for host rows / invalid indexes).
    const ProbeRelay *relayAt(const QModelIndex &index) const;
    // Valid relays under the given indexes (host rows expand to all their relays), deduplicated.
    QList<RelayRef> relayRefs(const QModelIndexList &indexes) const;
    // Selected rows as tab-separated text (display strings), one line per row, for copy.
    QString toTsv(const QModelIndexList &indexes) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override;

private:
    struct Host;
    QVariant hostData(const Host &h, int column, int role) const;
    QVariant relayData(const Host &h, const ProbeRelay &r, int column, int role) const;
    int hostRow(const QString &host) const;

    std::vector<std::unique_ptr<Host>> m_hosts;
};

// Sorting on FleetModel::SortRole and a recursive, case-insensitive filter over all columns:
// a host stays visible when one of its relays matches.
class FleetFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit FleetFilterModel(QObject *parent = nullptr);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
};

} // namespace alloclab
