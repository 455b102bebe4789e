#pragma once

#include <QColor>
#include <QString>

// One colour per group, used everywhere (board header, fleet badge, every chart).
// Okabe–Ito, the palette that stays distinguishable for the common colour-vision deficiencies,
// assigned by letter so that "B" has the same colour in every experiment and every export:
//   A #0072B2 blue          B #E69F00 orange       C #009E73 bluish green   D #CC79A7 reddish purple
//   E #D55E00 vermillion    F #56B4E9 sky blue     G #F0E442 yellow         H #999999 grey
// (Okabe–Ito's black is replaced by grey for H: black is unreadable as a header on dark themes.)
// I..P repeat A..H darker, Q..X lighter, Y/Z darker again; anything else is neutral grey.
namespace alloclab {

QColor groupColor(const QString &letter);
// "#rrggbb", what GroupRecord::colour stores.
QString groupColorName(const QString &letter);
// The Unassigned column and relays outside every group.
QColor unassignedColor();
// Black or white, whichever reads better on `background` (WCAG relative luminance).
QColor contrastingTextColor(const QColor &background);

} // namespace alloclab
