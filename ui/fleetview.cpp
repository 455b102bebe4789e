#include "ui/fleetview.h"

#include "models/fleetmodel.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPainter>
#include <QTreeView>
#include <QVBoxLayout>

namespace alloclab {

QColor AllocatorBadgeDelegate::badgeColour()
{
    return QColor(0xE6, 0x7E, 0x22); // amber: noticeable, not an error red
}

void AllocatorBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                   const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    if (!index.data(FleetModel::InvalidRole).toString().isEmpty())
        opt.palette.setColor(QPalette::Text, opt.palette.color(QPalette::Disabled, QPalette::Text));
    const bool badge = index.column() == FleetModel::LoadedColumn
        && index.data(FleetModel::MismatchRole).toBool() && !index.data(FleetModel::IsHostRole).toBool();
    if (!badge) {
        QStyledItemDelegate::paint(painter, opt, index);
        return;
    }
    const int d = qMax(8, opt.rect.height() - 6);
    const QRect circle(opt.rect.right() - d - 3, opt.rect.center().y() - d / 2, d, d);
    opt.rect.setRight(circle.left() - 2);
    QStyledItemDelegate::paint(painter, opt, index);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColour());
    painter->drawEllipse(circle);
    painter->setPen(Qt::white);
    QFont f = opt.font;
    f.setBold(true);
    f.setPixelSize(qMax(6, d - 4));
    painter->setFont(f);
    painter->drawText(circle, Qt::AlignCenter, QStringLiteral("!"));
    painter->restore();
}

FleetView::FleetView(FleetModel *model, QWidget *parent)
    : QWidget(parent)
    , m_model(model)
    , m_proxy(new FleetFilterModel(this))
    , m_filter(new QLineEdit(this))
    , m_tree(new QTreeView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setPlaceholderText(tr("Filter relays, nicknames, fingerprints..."));
    m_filter->setClearButtonEnabled(true);
    m_filter->setObjectName(QStringLiteral("fleetFilter"));
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_tree->setObjectName(QStringLiteral("fleetTree"));
    m_tree->setModel(m_proxy);
    m_tree->setItemDelegate(new AllocatorBadgeDelegate(m_tree));
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(FleetModel::NameColumn, Qt::AscendingOrder);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setStretchLastSection(false);

    // Hosts open when they appear; polls change rows in place, so nothing collapses later.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &parent, int first, int last) {
                if (parent.isValid())
                    return;
                for (int r = first; r <= last; ++r)
                    m_tree->expand(m_proxy->index(r, 0));
            });
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        m_tree->expand(m_proxy->index(r, 0));

    auto *copy = new QAction(tr("Copy"), m_tree);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &FleetView::copySelection);
    m_tree->addAction(copy);
    m_tree->setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { emit relaySelectionChanged(selectedRelays()); });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_filter);
    layout->addWidget(m_tree);
}

QModelIndexList FleetView::selectedSourceRows() const
{
    QModelIndexList out;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows)
        out << m_proxy->mapToSource(i);
    return out;
}

QList<RelayRef> FleetView::selectedRelays() const
{
    return m_model->relayRefs(selectedSourceRows());
}

void FleetView::copySelection() const
{
    const QString tsv = m_model->toTsv(selectedSourceRows());
    if (!tsv.isEmpty())
        QGuiApplication::clipboard()->setText(tsv);
}

} // namespace alloclab
