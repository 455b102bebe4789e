#include "ui/relaycarddelegate.h"

#include "models/boardmodel.h"
#include "models/units.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace alloclab {

namespace {
constexpr int kMargin = 3; // around a card
constexpr int kPad = 7; // inside a card
const QColor kWarn(0xD5, 0x5E, 0x00); // Okabe–Ito vermillion: "not the group's allocator"
} // namespace

RelayCardDelegate::RelayCardDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

QSize RelayCardDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    const QFontMetrics fm(option.font);
    return QSize(200, 2 * kMargin + 2 * kPad + fm.height() * 2 + 6);
}

void RelayCardDelegate::paint(QPainter *p, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = option.palette;
    const bool selected = option.state & QStyle::State_Selected;
    const bool hover = option.state & QStyle::State_MouseOver;
    const QColor colour = index.data(BoardModel::ColourRole).value<QColor>();
    const bool mismatch = index.data(BoardModel::MismatchRole).toBool();

    const QRectF card = QRectF(option.rect).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    QPainterPath path;
    path.addRoundedRect(card, 5, 5);
    // The application's Base (white on light themes), not the view's: the column tray is darker.
    QColor bg = QGuiApplication::palette().color(QPalette::Base);
    if (selected)
        bg = pal.color(QPalette::Highlight);
    else if (hover)
        bg = pal.color(QPalette::AlternateBase);
    p->fillPath(path, bg);
    p->setPen(QPen(selected ? pal.color(QPalette::Highlight).darker(120) : pal.color(QPalette::Mid), 1));
    p->drawPath(path);

    // The group's colour as a strip on the left: which column a card belongs to, even in a drag.
    p->save();
    p->setClipPath(path);
    p->fillRect(QRectF(card.left(), card.top(), 4, card.height()), colour);
    p->restore();

    const QColor text = selected ? pal.color(QPalette::HighlightedText) : pal.color(QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(selected ? 0.85 : 0.6);

    const QRectF inner = card.adjusted(kPad + 3, kPad - 2, -kPad, -kPad);
    QFont bold = option.font;
    bold.setBold(true);
    const QFontMetrics fmBold(bold);
    const QFontMetrics fm(option.font);
    const qreal line1 = inner.top();
    const qreal line2 = line1 + fmBold.height() + 1;

    // Line 1: nickname (bold) ... RSS
    const qint64 rss = index.data(BoardModel::RssKbRole).toLongLong();
    const QString rssText = rss >= 0 ? units::formatKiB(rss) : QStringLiteral("–");
    const int rssWidth = fmBold.horizontalAdvance(rssText);
    p->setFont(bold);
    p->setPen(text);
    p->drawText(QRectF(inner.right() - rssWidth, line1, rssWidth, fmBold.height()), Qt::AlignRight, rssText);
    const QString nick = fmBold.elidedText(index.data(BoardModel::NicknameRole).toString(), Qt::ElideRight,
                                           int(inner.width() - rssWidth - 8));
    p->drawText(QRectF(inner.left(), line1, inner.width() - rssWidth - 8, fmBold.height()), Qt::AlignLeft,
                nick);

    // Line 2: host/instance ... loaded allocator (with a badge when it is not the group's)
    p->setFont(option.font);
    QString loaded = index.data(BoardModel::LoadedLabelRole).toString();
    const int badge = mismatch ? fm.height() : 0;
    const int loadedWidth = std::min(fm.horizontalAdvance(loaded), int(inner.width() / 2));
    loaded = fm.elidedText(loaded, Qt::ElideMiddle, loadedWidth);
    const QRectF loadedRect(inner.right() - loadedWidth, line2, loadedWidth, fm.height());
    p->setPen(mismatch && !selected ? kWarn : dim);
    p->drawText(loadedRect, Qt::AlignRight, loaded);
    if (mismatch) {
        const QRectF b(loadedRect.left() - badge - 4, line2 + 1, badge - 2, badge - 2);
        p->setPen(Qt::NoPen);
        p->setBrush(kWarn);
        p->drawEllipse(b);
        QFont bf = bold;
        bf.setPointSizeF(bf.pointSizeF() * 0.8);
        p->setFont(bf);
        p->setPen(Qt::white);
        p->drawText(b, Qt::AlignCenter, QStringLiteral("!"));
        p->setFont(option.font);
    }
    const QString instance = index.data(BoardModel::InstanceRole).toString();
    QString where = index.data(BoardModel::HostRole).toString();
    if (!instance.isEmpty() && instance != index.data(BoardModel::NicknameRole).toString())
        where += QStringLiteral(" · ") + instance;
    const qreal whereWidth = loadedRect.left() - badge - 10 - inner.left();
    p->setPen(dim);
    p->drawText(QRectF(inner.left(), line2, whereWidth, fm.height()), Qt::AlignLeft,
                fm.elidedText(where, Qt::ElideRight, int(whereWidth)));

    // RSS bar: a quick visual comparison down a column.
    if (rss > 0 && m_maxRssKb > 0) {
        const qreal w = (card.width() - 4) * std::min(1.0, double(rss) / double(m_maxRssKb));
        QColor bar = colour;
        bar.setAlphaF(selected ? 0.9 : 0.55);
        p->save();
        p->setClipPath(path);
        p->fillRect(QRectF(card.left() + 4, card.bottom() - 3, w, 3), bar);
        p->restore();
    }

    if (option.state & QStyle::State_HasFocus) {
        p->setPen(QPen(pal.color(QPalette::Highlight), 1, Qt::DotLine));
        p->setBrush(Qt::NoBrush);
        p->drawRoundedRect(card.adjusted(1.5, 1.5, -1.5, -1.5), 4, 4);
    }
    p->restore();
}

} // namespace alloclab
