#pragma once

#include <QStyledItemDelegate>

namespace alloclab {

// Draws a relay of the board as a compact card: nickname in bold and RSS on the first line,
// host/instance and the allocator really loaded on the second, a thin bar for RSS relative to the
// largest relay on the board, and an orange "!" badge when the loaded allocator is not the group's
// (the relay needs a deploy). Data comes from BoardModel roles.
class RelayCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    explicit RelayCardDelegate(QObject *parent = nullptr);

    // The RSS that fills the bar completely (the board's largest relay).
    void setMaxRssKb(qint64 kb) { m_maxRssKb = kb; }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    qint64 m_maxRssKb = 0;
};

} // namespace alloclab
