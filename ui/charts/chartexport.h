#pragma once

#include "ui/charts/chartbuilders.h"

#include <QImage>
#include <QSize>
#include <QStringList>

namespace alloclab::chartexport {

enum class Format { Png, Svg };

struct ExportOptions {
    QSize size { 1200, 700 }; // logical pixels (SVG: user units)
    qreal scale = 1.0; // device pixels per logical pixel (PNG; 2 for HiDPI)
    Format format = Format::Png;
};

// The chart shown by VIEW at SIZE x SCALE (its current zoom kept), decimated for that width.
QImage renderImage(ChartView *view, const QSize &size, qreal scale = 1.0);
bool savePng(ChartView *view, const QString &path, const QSize &size, qreal scale, QString *error);
bool saveSvg(ChartView *view, const QString &path, const QSize &size, QString *error);
void copyToClipboard(ChartView *view, const QSize &size, qreal scale = 1.0);

// All VIEWS in one image: a grid of COLUMNS tiles of TILE size under a title line.
QImage renderDashboard(const QList<ChartView *> &views, const QSize &tile, int columns, qreal scale,
                       const QString &title);

// The seven charts of SET as DIR/memory_*.png|svg (the names reports and the CLI use).
// Builds its own offscreen views, so it works without a visible window (QT_QPA_PLATFORM=offscreen).
bool exportAll(const SeriesSet &set, const ChartOptions &chartOptions, const QString &dir,
               const ExportOptions &options, QStringList *written, QString *error);

} // namespace alloclab::chartexport
