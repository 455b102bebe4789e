#include "ui/charts/chartexport.h"

#include "models/palette.h"

#include <QClipboard>
#include <QCoreApplication>
#include <QDir>
#include <QGuiApplication>
#include <QPainter>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

namespace alloclab::chartexport {

namespace {
// Qt maps PNG "quality" 0..100 to zlib levels 9..0: 80 is level 1, several times faster than
// the default level with files about a fifth larger (charts are mostly flat colour).
constexpr int kPngQuality = 80;
} // namespace

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
    // Three charts (box plot, distribution, comparison) show one snapshot: find it once.
    ChartOptions o = chartOptions;
    if (o.atMs <= 0)
        o.atMs = charts::snapshotFor(set, o);
    // PNG encoding (a third of the time) runs on the thread pool while the next chart is built
    // and rendered here; QImage and the PNG writer are reentrant. Charts stay on this thread.
    QList<QFuture<bool>> saves;
    QStringList paths;
    bool ok = true;
    const QList<ChartKind> kinds = charts::allKinds();
    for (const ChartKind kind : kinds) {
        // A view that is never shown: the chart is laid out and rendered at the export size.
        ChartView view;
        view.resize(options.size);
        view.setContent(charts::build(kind, set, o));
        const QString ext = options.format == Format::Svg ? QStringLiteral("svg") : QStringLiteral("png");
        const QString path = QDir(dir).filePath(charts::fileName(kind) + QLatin1Char('.') + ext);
        paths << path;
        if (options.format == Format::Svg) {
            ok = view.renderSvg(path, options.size, view.chart() ? view.chart()->title() : QString(), error,
                                false);
            if (!ok)
                break;
        } else {
            const QImage image = view.renderImage(options.size, options.scale, false);
            saves << QtConcurrent::run([image, path] { return image.save(path, "PNG", kPngQuality); });
        }
    }
    for (qsizetype i = 0; i < saves.size(); ++i) {
        if (!saves[i].result() && ok) {
            ok = false;
            if (error)
                *error = QCoreApplication::translate("Charts", "Cannot write %1.")
                             .arg(QDir::toNativeSeparators(paths.at(i)));
        }
    }
    if (!ok)
        return false;
    if (written)
        written->append(paths);
    return true;
}

} // namespace alloclab::chartexport
