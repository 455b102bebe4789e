#include "ui/relaycarddelegate.h"

#include "models/boardmodel.h"
#include "models/units.h"

#include <QApplication>
#include <QDateTime>
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
    return QSize(170, 2 * kMargin + 2 * kPad + fm.height() * 2 + 6); // the width follows the column
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

    // Line 1: nickname (bold) ... RSS. A stored (not live) RSS is dimmed and italic: it is history.
    const qint64 rss = index.data(BoardModel::RssKbRole).toLongLong();
    const qint64 lastSeenMs = index.data(BoardModel::LastSeenRole).toLongLong();
    const bool stale = lastSeenMs > 0 && rss >= 0;
    const QString rssText = rss >= 0 ? units::formatKiB(rss) : QStringLiteral("–");
    QFont rssFont = bold;
    rssFont.setItalic(stale);
    const QFontMetrics fmRss(rssFont);
    const int rssWidth = fmRss.horizontalAdvance(rssText);
    p->setFont(rssFont);
    p->setPen(stale ? dim : text);
    p->drawText(QRectF(inner.right() - rssWidth, line1, rssWidth, fmBold.height()), Qt::AlignRight, rssText);
    p->setFont(bold);
    p->setPen(text);
    const QString nick = fmBold.elidedText(index.data(BoardModel::NicknameRole).toString(), Qt::ElideRight,
                                           int(inner.width() - rssWidth - 8));
    p->drawText(QRectF(inner.left(), line1, inner.width() - rssWidth - 8, fmBold.height()), Qt::AlignLeft,
                nick);

    // Line 2: host/instance ... loaded allocator (with a badge when it is not the group's)
    p->setFont(option.font);
    QString loaded = index.data(BoardModel::LoadedLabelRole).toString();
    if (stale) {
        const QDateTime seen = QDateTime::fromMSecsSinceEpoch(lastSeenMs).toLocalTime();
        const QString when = seen.date() == QDate::currentDate()
            ? seen.toString(QStringLiteral("HH:mm"))
            : seen.toString(QStringLiteral("yyyy-MM-dd"));
        // The longest form that fits: a narrow card shows the date whole rather than "…en DATE"
        // (the tooltip says it in full).
        const QStringList forms = index.data(BoardModel::LoadedAllocatorRole).toString() == QLatin1String("?")
            ? QStringList { tr("last seen %1").arg(when), when }
            : QStringList { tr("%1 · last seen %2").arg(loaded, when), tr("%1 · %2").arg(loaded, when),
                            when };
        const qreal room = inner.width() * 0.72;
        loaded = forms.constLast();
        for (const QString &f : forms) {
            if (fm.horizontalAdvance(f) + 2 <= room) {
                loaded = f;
                break;
            }
        }
    }
    const int badge = mismatch ? fm.height() : 0;
    // +2: horizontalAdvance() rounds, and a text 0.4 px wider than its box is elided ("g…c").
    // "last seen DATE" may take most of the line: the host stays readable, the instance gives way.
    const int loadedWidth
        = std::min(fm.horizontalAdvance(loaded) + 2, int(inner.width() * (stale ? 0.72 : 0.5)));
    // A stale label keeps its end (the date); a library name its both ends.
    loaded = fm.elidedText(loaded, stale ? Qt::ElideLeft : Qt::ElideMiddle, loadedWidth);
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
