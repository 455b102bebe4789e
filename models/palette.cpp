#include "models/palette.h"

#include "models/groupcolors.h"

#include <cmath>

namespace alloclab::palette {

namespace {
// Order chosen so the first five groups (the usual experiment) are the most distinct hues:
// orange, sky blue, bluish green, vermillion, blue, reddish purple, yellow.
constexpr QRgb kOkabeIto[] = {
    0xE69F00, // orange
    0x56B4E9, // sky blue
    0x009E73, // bluish green
    0xD55E00, // vermillion
    0x0072B2, // blue
    0xCC79A7, // reddish purple
    0xF0E442, // yellow
};
constexpr int kCount = int(sizeof(kOkabeIto) / sizeof(kOkabeIto[0]));

double channel(double c)
{
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}
} // namespace

int okabeItoCount()
{
    return kCount;
}

QColor okabeIto(int index)
{
    const int i = ((index % kCount) + kCount) % kCount;
    return QColor(kOkabeIto[i]);
}

QColor groupColour(const QString &letter)
{
    // The board's assignment (models/groupcolors.h) is the one every view uses: A is blue
    // there, so the charts must not run their own rotation.
    return groupColor(letter);
}

double relativeLuminance(const QColor &c)
{
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    if (la < lb)
        std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

bool isDark(const QColor &background)
{
    return relativeLuminance(background) < 0.18;
}

QColor foregroundFor(const QColor &background)
{
    return isDark(background) ? QColor(0xEE, 0xEE, 0xEE) : QColor(0x22, 0x22, 0x22);
}

QColor groupColourOn(const QString &letter, const QColor &background)
{
    QColor c = groupColour(letter);
    // On dark backgrounds aim at WCAG's 3:1 for graphical objects. On light ones the Okabe-Ito
    // hues are kept as published (thick lines, fills) and only yellow is darkened, otherwise
    // the same group would look different on the board and in the report.
    const double wanted = isDark(background) ? 3.0 : 1.6;
    for (int step = 0; step < 12 && contrastRatio(c, background) < wanted; ++step)
        c = isDark(background) ? c.lighter(112) : c.darker(112);
    return c;
}

} // namespace alloclab::palette
