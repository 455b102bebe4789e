#include "ui/charts/chartexport.h"

#include "models/palette.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QPainter>

#include <memory>

namespace alloclab::chartexport {

QImage renderImage(ChartView *view, const QSize &size, qreal scale)
{
    return view->renderImage(size, scale);
}

bool savePng(ChartView *view, const QString &path, const QSize &size, qreal scale, QString *error)
{
    const QImage image = view->renderImage(size, scale);
    if (!image.save(path, "PNG")) {
        if (error)
            *error = QCoreApplication::translate("Charts", "Cannot write %1.")
                         .arg(QDir::toNativeSeparators(path));
        return false;
    }
    return true;
}

bool saveSvg(ChartView *view, const QString &path, const QSize &size, QString *error)
{
    return view->renderSvg(path, size, view->chart() ? view->chart()->title() : QString(), error);
}

void copyToClipboard(ChartView *view, const QSize &size, qreal scale)
{
    QGuiApplication::clipboard()->setImage(view->renderImage(size, scale));
}

QImage renderDashboard(const QList<ChartView *> &views, const QSize &tile, int columns, qreal scale,
                       const QString &title)
{
    columns = std::max(1, columns);
    const int rows = int((views.size() + columns - 1) / columns);
    const int header = title.isEmpty() ? 0 : 40;
    const QSize logical(tile.width() * columns, header + tile.height() * rows);
    QImage image(QSize(qRound(logical.width() * scale), qRound(logical.height() * scale)),
                 QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    const QColor bg = views.isEmpty() ? QColor(Qt::white) : views.first()->content().background;
    image.fill(bg);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    if (header > 0) {
        QFont f = painter.font();
        f.setPointSizeF(15);
        f.setBold(true);
        painter.setFont(f);
        painter.setPen(palette::foregroundFor(bg));
        painter.drawText(QRectF(12, 0, logical.width() - 24, header), Qt::AlignVCenter | Qt::AlignLeft,
                         title);
    }
    for (qsizetype i = 0; i < views.size(); ++i) {
        const QRectF target(
            QPointF(double((i % columns) * tile.width()), double(header + (i / columns) * tile.height())),
            QSizeF(tile));
        painter.save();
        painter.translate(target.topLeft());
        views.at(i)->renderInto(&painter, QRectF(QPointF(0, 0), target.size()));
        painter.restore();
    }
    painter.end();
    return image;
}

bool exportAll(const SeriesSet &set, const ChartOptions &chartOptions, const QString &dir,
               const ExportOptions &options, QStringList *written, QString *error)
{
    if (!QDir().mkpath(dir)) {
        if (error)
            *error = QCoreApplication::translate("Charts", "Cannot create the folder %1.")
                         .arg(QDir::toNativeSeparators(dir));
        return false;
    }
    const QList<ChartKind> kinds = charts::allKinds();
    for (const ChartKind kind : kinds) {
        // A view that is never shown: the chart is laid out and rendered at the export size.
        ChartView view;
        view.resize(options.size);
        view.setContent(charts::build(kind, set, chartOptions));
        const QString ext = options.format == Format::Svg ? QStringLiteral("svg") : QStringLiteral("png");
        const QString path = QDir(dir).filePath(charts::fileName(kind) + QLatin1Char('.') + ext);
        bool ok = false;
        if (options.format == Format::Svg) {
            ok = view.renderSvg(path, options.size, view.chart() ? view.chart()->title() : QString(), error,
                                false);
        } else {
            const QImage image = view.renderImage(options.size, options.scale, false);
            ok = image.save(path, "PNG");
            if (!ok && error)
                *error = QCoreApplication::translate("Charts", "Cannot write %1.")
                             .arg(QDir::toNativeSeparators(path));
        }
        if (!ok)
            return false;
        if (written)
            written->append(path);
    }
    return true;
}

} // namespace alloclab::chartexport
