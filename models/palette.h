#pragma once

#include <QColor>
#include <QString>

namespace alloclab::palette {

// Okabe & Ito (2008), "Color Universal Design": eight colours that readers with the common
// colour-vision deficiencies can still tell apart. One colour per group letter everywhere
// (board, fleet badges, every chart): A is index 0, B index 1, ... wrapping after the list.
// Black is left out of the rotation (it is the text colour in light themes).
int okabeItoCount();
QColor okabeIto(int index);

// The colour of group LETTER ("A".."Z"): the same as groupColor() (models/groupcolors.h),
// the assignment the board and the fleet badges use; grey for an empty or unknown letter.
QColor groupColour(const QString &letter);

// A variant that keeps enough contrast on BACKGROUND: on dark backgrounds the darkest hues
// (blue, vermillion, reddish purple) are lightened so lines stay visible; hue is kept so the
// group is still recognisable.
QColor groupColourOn(const QString &letter, const QColor &background);

// Black or white, whichever reads better on BACKGROUND (text, axes, marker labels).
QColor foregroundFor(const QColor &background);
bool isDark(const QColor &background);

// WCAG 2.x relative luminance and contrast ratio (1..21).
double relativeLuminance(const QColor &c);
double contrastRatio(const QColor &a, const QColor &b);

} // namespace alloclab::palette
