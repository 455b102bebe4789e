#include "ui/rolloutmodel.h"

#include "models/groupcolors.h"

#include <QFileInfo>
#include <QFont>
#include <QFontDatabase>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace alloclab {

RolloutModel::RolloutModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

QString RolloutModel::key(const QString &host, const QString &instance)
{
    return host + QLatin1Char('/') + instance;
}

QString RolloutModel::allocatorLabel(const QString &libraryPath)
{
    if (libraryPath.isEmpty())
        return QStringLiteral("glibc");
    QString n = QFileInfo(libraryPath).fileName();
    if (n.startsWith(QLatin1String("lib")))
        n = n.mid(3);
    const qsizetype so = n.indexOf(QLatin1String(".so"));
    if (so > 0)
        n.truncate(so);
    return n;
}

void RolloutModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    endResetModel();
}

void RolloutModel::setPlan(const DeployPlan &plan)
{
    beginResetModel();
    m_rows.clear();
    m_index.clear();
    const bool rollback = plan.options.mode == DeployOptions::Mode::Rollback;
    for (const HostPlan &h : plan.hosts) {
        for (const PlannedRelay &p : h.relays) {
            Row r;
            r.host = h.host;
            r.instance = p.input.instance;
            r.group = p.input.group;
            r.fromPath = p.input.now.loadedAllocator;
            r.from = allocatorLabel(r.fromPath);
            if (!p.input.now.isActive())
                r.from = tr("not running");
            r.toPath = rollback ? p.expectPath : p.input.wantedPath;
            r.to = p.expectUnknown ? tr("as before AllocLab") : allocatorLabel(r.toPath);
            if (!rollback && !p.input.allocatorId.isEmpty() && r.to != p.input.allocatorId)
                r.to = p.input.allocatorId + QStringLiteral(" (") + allocatorLabel(r.toPath)
                    + QLatin1Char(')');
            r.changing = p.action != PlannedRelay::Action::Skip && p.action != PlannedRelay::Action::Forget;
            r.state = r.changing ? RelayDeployState::Pending : RelayDeployState::Skipped;
            r.message = p.reason;
            r.pidBefore = p.input.now.mainPid;
            m_index.insert(key(r.host, r.instance), int(m_rows.size()));
            m_rows << r;
        }
    }
    endResetModel();
}

void RolloutModel::updateRelay(const RelayReport &report)
{
    const QString k = key(report.host, report.instance);
    int row = m_index.value(k, -1);
    if (row < 0) {
        row = int(m_rows.size());
        beginInsertRows(QModelIndex(), row, row);
        Row r;
        r.host = report.host;
        r.instance = report.instance;
        r.group = report.group;
        r.from = QStringLiteral("?");
        r.to = report.allocatorId.isEmpty() ? QStringLiteral("?") : report.allocatorId;
        m_rows << r;
        m_index.insert(k, row);
        endInsertRows();
    }
    Row &r = m_rows[row];
    r.state = report.state;
    r.message = report.message;
    r.changing = r.changing || report.changing;
    if (report.pidBefore > 0)
        r.pidBefore = report.pidBefore;
    if (report.pidAfter > 0)
        r.pidAfter = report.pidAfter;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int RolloutModel::rowOf(const QString &host, const QString &instance) const
{
    return m_index.value(key(host, instance), -1);
}

RelayDeployState RolloutModel::state(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).state : RelayDeployState::Pending;
}

int RolloutModel::count(RelayDeployState state) const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.state == state ? 1 : 0;
    return n;
}

int RolloutModel::changingCount() const
{
    int n = 0;
    for (const Row &r : m_rows)
        n += r.changing ? 1 : 0;
    return n;
}

int RolloutModel::activeCount() const
{
    return count(RelayDeployState::Changing) + count(RelayDeployState::Restarting)
        + count(RelayDeployState::Verifying) + count(RelayDeployState::RollingBack);
}

int RolloutModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int RolloutModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RolloutModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows.at(index.row());
    if (role == StateRole)
        return int(r.state);
    if (role == ChangingRole)
        return r.changing;
    switch (index.column()) {
    case HostColumn:
        if (role == Qt::DisplayRole)
            return r.host;
        break;
    case RelayColumn:
        if (role == Qt::DisplayRole)
            return r.instance.isEmpty() ? QStringLiteral("tor") : r.instance;
        if (role == Qt::ToolTipRole)
            return remote::unitName(r.instance);
        break;
    case GroupColumn:
        if (role == Qt::DisplayRole)
            return r.group;
        if (role == Qt::BackgroundRole && !r.group.isEmpty())
            return groupColor(r.group);
        if (role == Qt::ForegroundRole && !r.group.isEmpty())
            return contrastingTextColor(groupColor(r.group));
        if (role == Qt::TextAlignmentRole)
            return int(Qt::AlignCenter);
        break;
    case ChangeColumn:
        if (role == Qt::DisplayRole)
            return r.changing ? tr("%1 → %2").arg(r.from, r.to) : tr("%1 (no change)").arg(r.to);
        if (role == Qt::ToolTipRole)
            return tr("now: %1\nafter: %2")
                .arg(r.fromPath.isEmpty() ? QStringLiteral("glibc") : r.fromPath,
                     r.toPath.isEmpty() ? QStringLiteral("glibc") : r.toPath);
        if (role == Qt::ForegroundRole && !r.changing)
            return QColor(0x6e, 0x77, 0x81);
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateText(r.state);
        if (role == Qt::DecorationRole)
            return stateIcon(r.state);
        if (role == Qt::ForegroundRole)
            return stateColor(r.state);
        if (role == Qt::FontRole) {
            QFont f;
            f.setBold(r.state == RelayDeployState::Failed || r.state == RelayDeployState::RollbackFailed
                      || r.state == RelayDeployState::Unknown);
            return f;
        }
        if (role == Qt::ToolTipRole && (r.pidBefore > 0 || r.pidAfter > 0))
            return tr("PID %1 → %2")
                .arg(r.pidBefore)
                .arg(r.pidAfter > 0 ? QString::number(r.pidAfter) : QStringLiteral("…"));
        break;
    case MessageColumn:
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
            if (!r.message.isEmpty())
                return r.message;
            if (r.state == RelayDeployState::Restarting)
                return tr("restart queued (with jitter)");
            if (r.state == RelayDeployState::Verifying)
                return tr("waiting for: active, a new PID, the library mapped, stable for the settle time");
            return r.message;
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant RolloutModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case HostColumn:
        return tr("Host");
    case RelayColumn:
        return tr("Relay");
    case GroupColumn:
        return tr("Group");
    case ChangeColumn:
        return tr("Allocator");
    case StateColumn:
        return tr("State");
    case MessageColumn:
        return tr("Message");
    default:
        return {};
    }
}

QString RolloutModel::stateText(RelayDeployState state)
{
    switch (state) {
    case RelayDeployState::Pending:
        return tr("Pending");
    case RelayDeployState::Skipped:
        return tr("Already right");
    case RelayDeployState::Changing:
        return tr("Writing drop-in");
    case RelayDeployState::Restarting:
        return tr("Restarting");
    case RelayDeployState::Verifying:
        return tr("Verifying");
    case RelayDeployState::VerifiedNew:
        return tr("Verified");
    case RelayDeployState::Failed:
        return tr("Failed");
    case RelayDeployState::RollingBack:
        return tr("Rolling back");
    case RelayDeployState::VerifiedOld:
        return tr("Rolled back");
    case RelayDeployState::RollbackFailed:
        return tr("Rollback failed");
    case RelayDeployState::NotStarted:
        return tr("Not started");
    case RelayDeployState::Unknown:
        return tr("Unknown");
    }
    return {};
}

QColor RolloutModel::stateColor(RelayDeployState state)
{
    // Readable as text on light and dark bases; red/green never the only cue (icon + words).
    switch (state) {
    case RelayDeployState::VerifiedNew:
        return QColor(0x1a, 0x7f, 0x37);
    case RelayDeployState::Changing:
    case RelayDeployState::Restarting:
    case RelayDeployState::Verifying:
        return QColor(0x09, 0x69, 0xda);
    case RelayDeployState::Failed:
    case RelayDeployState::RollbackFailed:
        return QColor(0xcf, 0x22, 0x2e);
    case RelayDeployState::RollingBack:
    case RelayDeployState::VerifiedOld:
        return QColor(0xbc, 0x4c, 0x00);
    case RelayDeployState::Unknown:
        return QColor(0x82, 0x50, 0xdf);
    case RelayDeployState::Pending:
    case RelayDeployState::Skipped:
    case RelayDeployState::NotStarted:
        break;
    }
    return QColor(0x6e, 0x77, 0x81);
}

QIcon RolloutModel::stateIcon(RelayDeployState state)
{
    // Drawn, not themed: the same shapes on every platform and in offscreen screenshots.
    static QHash<int, QIcon> cache;
    const auto it = cache.constFind(int(state));
    if (it != cache.constEnd())
        return *it;
    QIcon icon;
    for (const int size : { 16, 32 }) {
        QPixmap pm(size, size);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor c = stateColor(state);
        const qreal s = size;
        const QRectF box(s * 0.06, s * 0.06, s * 0.88, s * 0.88);
        QPen pen(Qt::white, s * 0.12, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        switch (state) {
        case RelayDeployState::Pending:
        case RelayDeployState::NotStarted:
            p.setPen(QPen(c, s * 0.1));
            p.setBrush(Qt::NoBrush);
            p.drawEllipse(box.adjusted(s * 0.05, s * 0.05, -s * 0.05, -s * 0.05));
            if (state == RelayDeployState::NotStarted)
                p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
            break;
        case RelayDeployState::Skipped:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(box);
            p.setPen(pen);
            p.drawLine(QPointF(s * 0.3, s * 0.42), QPointF(s * 0.7, s * 0.42));
            p.drawLine(QPointF(s * 0.3, s * 0.6), QPointF(s * 0.7, s * 0.6));
            break;
        case RelayDeployState::VerifiedNew:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(box);
            p.setPen(pen);
            p.drawPolyline(QPolygonF(
                { QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68), QPointF(s * 0.72, s * 0.34) }));
            break;
        case RelayDeployState::Failed:
        case RelayDeployState::RollbackFailed:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(box);
            p.setPen(pen);
            p.drawLine(QPointF(s * 0.33, s * 0.33), QPointF(s * 0.67, s * 0.67));
            p.drawLine(QPointF(s * 0.67, s * 0.33), QPointF(s * 0.33, s * 0.67));
            break;
        case RelayDeployState::Changing:
        case RelayDeployState::Restarting:
        case RelayDeployState::Verifying:
        case RelayDeployState::RollingBack: {
            // A circular arrow: work in progress (rolling back in amber).
            p.setPen(QPen(c, s * 0.14, Qt::SolidLine, Qt::RoundCap));
            p.setBrush(Qt::NoBrush);
            const QRectF arc = box.adjusted(s * 0.12, s * 0.12, -s * 0.12, -s * 0.12);
            p.drawArc(arc, 90 * 16, 270 * 16);
            QPainterPath head;
            head.moveTo(arc.center().x(), arc.top() - s * 0.14);
            head.lineTo(arc.center().x() + s * 0.2, arc.top());
            head.lineTo(arc.center().x(), arc.top() + s * 0.14);
            head.closeSubpath();
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawPath(head);
            break;
        }
        case RelayDeployState::VerifiedOld: {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(box);
            p.setPen(pen);
            // A "back" arrow.
            p.drawLine(QPointF(s * 0.7, s * 0.5), QPointF(s * 0.3, s * 0.5));
            p.drawPolyline(QPolygonF(
                { QPointF(s * 0.46, s * 0.33), QPointF(s * 0.3, s * 0.5), QPointF(s * 0.46, s * 0.67) }));
            break;
        }
        case RelayDeployState::Unknown: {
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(box);
            QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
            f.setBold(true);
            f.setPixelSize(int(s * 0.7));
            p.setFont(f);
            p.setPen(Qt::white);
            p.drawText(QRectF(0, 0, s, s), Qt::AlignCenter, QStringLiteral("?"));
            break;
        }
        }
        p.end();
        icon.addPixmap(pm);
    }
    cache.insert(int(state), icon);
    return icon;
}

} // namespace alloclab
