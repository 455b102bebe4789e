#include "models/groupcolors.h"

#include <array>
#include <cmath>

namespace alloclab {

namespace {
constexpr std::array<QRgb, 8> kOkabeIto
    = { 0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0xD55E00, 0x56B4E9, 0xF0E442, 0x999999 };

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

QColor groupColor(const QString &letter)
{
    if (letter.size() != 1)
        return unassignedColor();
    const QChar c = letter.at(0).toUpper();
    if (c < QLatin1Char('A') || c > QLatin1Char('Z'))
        return unassignedColor();
    const int index = c.unicode() - 'A';
    const QColor base = QColor::fromRgb(kOkabeIto[std::size_t(index % 8)]);
    switch (index / 8) {
    case 0:
        return base;
    case 2:
        return base.lighter(140);
    default:
        return base.darker(140);
    }
}

QString groupColorName(const QString &letter)
{
    return groupColor(letter).name(QColor::HexRgb);
}

QColor unassignedColor()
{
    return QColor(0x6E, 0x76, 0x81);
}

QColor contrastingTextColor(const QColor &background)
{
    const double l = 0.2126 * channel(background.redF()) + 0.7152 * channel(background.greenF())
        + 0.0722 * channel(background.blueF());
    // Contrast against black (l+0.05)/0.05 vs against white 1.05/(l+0.05); equal at l ~ 0.179.
    return l > 0.179 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace alloclab
