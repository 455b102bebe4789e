#pragma once

#include "models/relaymime.h"

#include <QStyledItemDelegate>
#include <QWidget>

class QLineEdit;
class QTreeView;

namespace alloclab {

class FleetFilterModel;
class FleetModel;

// Draws a warning badge in the Loaded column when the loaded allocator differs from the
// configured one (FleetModel::MismatchRole), and greys out invalid relays.
class AllocatorBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static QColor badgeColour();
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

// The Fleet dock's content: filter box over a sortable host -> relay tree; multi-select,
// Ctrl+C copies the selected rows as TSV, selected relays can be dragged (MIME
// application/x-alloclab-relays). The model is not owned.
class FleetView : public QWidget
{
    Q_OBJECT
public:
    explicit FleetView(FleetModel *model, QWidget *parent = nullptr);

    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    FleetFilterModel *proxyModel() const { return m_proxy; }

    // Valid relays in the selection (a selected host counts as all its relays).
    QList<RelayRef> selectedRelays() const;

public Q_SLOTS:
    void copySelection() const;

Q_SIGNALS:
    void relaySelectionChanged(const QList<alloclab::RelayRef> &relays);

private:
    QModelIndexList selectedSourceRows() const;

    FleetModel *m_model;
    FleetFilterModel *m_proxy;
    QLineEdit *m_filter;
    QTreeView *m_tree;
};

} // namespace alloclab
