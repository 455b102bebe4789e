#pragma once

// One row per relay of a rollout: host, relay, group, from -> to allocator, state (text, colour,
// icon) and the latest message. Filled from the plan, then updated from the Deployer's
// RelayReports (rows are found by host/instance; an unknown relay gets a new row).

#include "app/deployexecutor.h"
#include "models/deployplan.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QIcon>
#include <QList>

namespace alloclab {

class RolloutModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        HostColumn,
        RelayColumn,
        GroupColumn,
        ChangeColumn,
        StateColumn,
        MessageColumn,
        ColumnCount
    };
    enum Role {
        StateRole = Qt::UserRole + 1, // int(RelayDeployState)
        ChangingRole, // bool: part of the plan's changes
    };

    explicit RolloutModel(QObject *parent = nullptr);

    void setPlan(const DeployPlan &plan);
    void clear();
    void updateRelay(const RelayReport &report);

    int rowOf(const QString &host, const QString &instance) const; // -1 when absent
    RelayDeployState state(int row) const;
    int count(RelayDeployState state) const;
    int changingCount() const; // relays the plan changes
    int activeCount() const; // changing, restarting, verifying, rolling back

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Presentation of a state, the same in the table, the log and the legend.
    static QString stateText(RelayDeployState state);
    static QColor stateColor(RelayDeployState state);
    static QIcon stateIcon(RelayDeployState state);
    // "glibc" for no preload, else the library's short name ("libjemalloc.so.2" -> "jemalloc").
    static QString allocatorLabel(const QString &libraryPath);

private:
    struct Row {
        QString host;
        QString instance;
        QString group;
        QString from; // what the process maps now
        QString to; // what it will run
        QString fromPath;
        QString toPath;
        bool changing = false;
        RelayDeployState state = RelayDeployState::Pending;
        QString message;
        qint64 pidBefore = 0;
        qint64 pidAfter = 0;
    };
    static QString key(const QString &host, const QString &instance);
    QList<Row> m_rows;
    QHash<QString, int> m_index;
};

} // namespace alloclab
