#include "ui/charts/chartstab.h"

#include "ui/charts/chartexport.h"
#include "ui/charts/chartscontroller.h"
#include "ui/charts/chartview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPalette>
#include <QScopedValueRollback>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace alloclab {

ChartsTab::ChartsTab(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_toolbar = new QToolBar(this);
    m_toolbar->setObjectName(QStringLiteral("chartsToolbar"));
    layout->addWidget(m_toolbar);

    m_experiment = new QComboBox(this);
    m_experiment->setObjectName(QStringLiteral("experimentChooser"));
    m_experiment->addItem(tr("Whole fleet"), QString());
    m_experiment->setToolTip(tr("Experiment to chart"));
    m_experiment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_toolbar->addWidget(m_experiment);
    connect(m_experiment, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT experimentChanged(m_experiment->currentData().toString()); });
    connect(m_experiment, &QComboBox::activated, this,
            [this] { chooseExperiment(m_experiment->currentData().toString()); });

    m_metric = new QComboBox(this);
    m_metric->setObjectName(QStringLiteral("metricChooser"));
    m_metric->addItem(tr("RSS"));
    m_metric->addItem(tr("Peak RSS (HWM)"));
    m_toolbar->addWidget(m_metric);

    m_timeBase = new QComboBox(this);
    m_timeBase->setObjectName(QStringLiteral("timeBaseChooser"));
    m_timeBase->addItem(tr("Wall clock"));
    m_timeBase->addItem(tr("Since relay start"));
    m_timeBase->setToolTip(tr("Uptime-aligned: compares groups that started on different days fairly"));
    m_toolbar->addWidget(m_timeBase);

    m_band = new QComboBox(this);
    m_band->addItem(tr("Band: interquartile"));
    m_band->addItem(tr("Band: min–max"));
    m_toolbar->addWidget(m_band);

    m_statistic = new QComboBox(this);
    m_statistic->addItem(tr("Compare means"));
    m_statistic->addItem(tr("Compare medians"));
    m_toolbar->addWidget(m_statistic);

    m_toolbar->addWidget(new QLabel(tr(" Relays: "), this));
    m_topN = new QSpinBox(this);
    m_topN->setRange(0, 10000);
    m_topN->setSpecialValueText(tr("all"));
    m_topN->setToolTip(tr("Show only the N largest relays in the trajectories"));
    m_toolbar->addWidget(m_topN);

    for (QComboBox *c : { m_metric, m_timeBase, m_band, m_statistic })
        connect(c, &QComboBox::currentIndexChanged, this, [this] { readControls(); });
    connect(m_topN, &QSpinBox::valueChanged, this, [this] { readControls(); });

    m_toolbar->addSeparator();
    auto *exportButton = new QToolButton(this);
    exportButton->setText(tr("Export"));
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(exportButton);
    menu->addAction(tr("Export all charts…"), this, &ChartsTab::exportAllInteractive);
    menu->addAction(tr("Export dashboard image…"), this, &ChartsTab::exportDashboardInteractive);
    menu->addAction(tr("Copy dashboard to clipboard"), this,
                    [this] { QApplication::clipboard()->setImage(dashboardImage()); });
    exportButton->setMenu(menu);
    m_toolbar->addWidget(exportButton);

    // The visible time range of the time charts, as dates and as presets; follows zooming.
    m_rangeBar = new QToolBar(this);
    m_rangeBar->setObjectName(QStringLiteral("chartsRangeBar"));
    layout->addWidget(m_rangeBar);
    m_rangeBar->addWidget(new QLabel(tr("Time range: "), this));
    auto makeEdit = [this](const QString &name, const QString &tip) {
        auto *e = new QDateTimeEdit(this);
        e->setObjectName(name);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setCalendarPopup(true);
        e->setToolTip(tip);
        connect(e, &QDateTimeEdit::dateTimeChanged, this, [this] { onEditorsChanged(); });
        return e;
    };
    m_from = makeEdit(QStringLiteral("rangeFrom"), tr("Start of the visible time range"));
    m_to = makeEdit(QStringLiteral("rangeTo"), tr("End of the visible time range"));
    m_rangeBar->addWidget(m_from);
    m_rangeBar->addWidget(new QLabel(tr(" to "), this));
    m_rangeBar->addWidget(m_to);
    m_rangeBar->addSeparator();
    auto preset = [this](const QString &text, const QString &name, const QString &tip, ChartView::Preset p) {
        QAction *a = m_rangeBar->addAction(text);
        a->setObjectName(name);
        a->setToolTip(tip);
        connect(a, &QAction::triggered, this, [this, p] { applyPreset(p); });
    };
    preset(tr("24 h"), QStringLiteral("preset24h"), tr("Show the last 24 hours of data"), ChartView::Day);
    preset(tr("7 days"), QStringLiteral("preset7d"), tr("Show the last 7 days of data"), ChartView::Week);
    preset(tr("All"), QStringLiteral("presetAll"), tr("Show all data (Home)"), ChartView::All);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *grid = new QWidget(scroll);
    auto *gl = new QGridLayout(grid);
    const QList<ChartKind> kinds = charts::allKinds();
    for (qsizetype i = 0; i < kinds.size(); ++i) {
        auto *v = new ChartView(grid);
        v->setObjectName(charts::fileName(kinds.at(i)));
        v->setMinimumSize(480, 340);
        v->setContextMenuPolicy(Qt::ActionsContextMenu);
        auto *save = new QAction(tr("Save as PNG or SVG…"), v);
        connect(save, &QAction::triggered, this, [this, v] { exportOneInteractive(v); });
        auto *copy = new QAction(tr("Copy to clipboard"), v);
        connect(copy, &QAction::triggered, this,
                [v] { chartexport::copyToClipboard(v, QSize(1200, 700), 1.0); });
        auto *reset = new QAction(tr("Reset zoom (Home)"), v);
        connect(reset, &QAction::triggered, v, &ChartView::resetZoom);
        v->addActions({ save, copy, reset });
        gl->addWidget(v, int(i / 2), int(i % 2));
        m_views.append(v);
        connect(v, &ChartView::xRangeChanged, this,
                [this, v](double min, double max) { onViewRangeChanged(v, min, max); });
    }
    scroll->setWidget(grid);
    layout->addWidget(scroll, 1);

    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(40);
    connect(&m_coalesce, &QTimer::timeout, this, &ChartsTab::applyPending);
    // Dark theme: follow the application palette.
    m_options.dark = palette().color(QPalette::Window).lightness() < 128;
    updateRangeEditors();
}

const char *const ChartsTab::kExperimentKey = "charts/experiment";

ChartsTab::~ChartsTab() = default;

void ChartsTab::setExperiments(const QStringList &names)
{
    const QString current = currentExperiment();
    {
        const QSignalBlocker block(m_experiment);
        while (m_experiment->count() > 1)
            m_experiment->removeItem(1);
        for (const QString &n : names)
            m_experiment->addItem(n, n);
        m_experiment->setCurrentIndex(qMax(0, m_experiment->findData(current)));
    }
    if (currentExperiment() != current)
        Q_EMIT experimentChanged(currentExperiment()); // the shown one was removed
}

void ChartsTab::setExperiments(const QList<ExperimentRecord> &experiments, bool allowDefault)
{
    QStringList names;
    const ExperimentRecord *latest = nullptr;
    for (const ExperimentRecord &e : experiments) {
        names << e.name;
        if (!latest || e.startMs > latest->startMs || (e.startMs == latest->startMs && e.id > latest->id))
            latest = &e;
    }
    if (!allowDefault || m_experimentDefaulted || m_userChoseExperiment || !latest) {
        setExperiments(names);
        return;
    }
    m_experimentDefaulted = true;
    // The last choice of an earlier session wins while it exists; else the latest experiment.
    const QSettings settings;
    QString wanted = latest->name;
    if (settings.contains(QLatin1String(kExperimentKey))) {
        const QString saved = settings.value(QLatin1String(kExperimentKey)).toString();
        if (saved.isEmpty() || names.contains(saved))
            wanted = saved;
    }
    const QString current = currentExperiment();
    {
        const QSignalBlocker block(m_experiment);
        setExperiments(names);
        m_experiment->setCurrentIndex(qMax(0, m_experiment->findData(wanted)));
    }
    if (currentExperiment() != current)
        Q_EMIT experimentChanged(currentExperiment());
}

void ChartsTab::chooseExperiment(const QString &name)
{
    m_userChoseExperiment = true;
    QSettings().setValue(QLatin1String(kExperimentKey), name);
}

QString ChartsTab::currentExperiment() const
{
    return m_experiment->currentData().toString();
}

void ChartsTab::setCurrentExperiment(const QString &name)
{
    const int i = m_experiment->findData(name);
    if (i < 0)
        return;
    chooseExperiment(name);
    m_experiment->setCurrentIndex(i); // emits experimentChanged through currentIndexChanged
}

void ChartsTab::setStore(Store *store)
{
    if (!m_controller)
        m_controller = new ChartsController(this, this);
    m_controller->setStore(store);
}

void ChartsTab::refresh()
{
    if (m_controller)
        m_controller->refresh();
}

void ChartsTab::setSeriesSet(const SeriesSet &set)
{
    m_set = set;
    m_hasPending = false;
    // Another experiment or a first load: a custom range of other data may show nothing.
    if (m_rangeMode == RangeMode::Custom
        && (set.isEmpty() || m_rangeMax < double(set.firstMs()) || m_rangeMin > double(set.lastMs())))
        m_rangeMode = RangeMode::All;
    rebuild();
}

void ChartsTab::updateSeriesSet(const SeriesSet &set)
{
    m_pending = set;
    m_hasPending = true;
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChartsTab::applyPending()
{
    if (!m_hasPending)
        return;
    m_set = std::move(m_pending);
    m_hasPending = false;
    const QList<ChartKind> kinds = charts::allKinds();
    {
        const QScopedValueRollback<bool> guard(m_syncingRange, true);
        for (qsizetype i = 0; i < kinds.size(); ++i)
            m_views.at(i)->updateContent(charts::build(kinds.at(i), m_set, m_options));
    }
    // "Last 24 h" slides with new data; a custom range stays where the user put it.
    if (m_rangeMode == RangeMode::Day || m_rangeMode == RangeMode::Week)
        applyRangeMode();
    updateRangeEditors();
}

void ChartsTab::setOptions(const ChartOptions &options)
{
    m_options = options;
    const QSignalBlocker b1(m_metric), b2(m_timeBase), b3(m_band), b4(m_statistic), b5(m_topN);
    m_metric->setCurrentIndex(options.metric == Metric::Rss ? 0 : 1);
    m_timeBase->setCurrentIndex(options.timeBase == TimeBase::WallClock ? 0 : 1);
    m_band->setCurrentIndex(options.band == ChartOptions::Band::Interquartile ? 0 : 1);
    m_statistic->setCurrentIndex(options.statistic == ChartOptions::Statistic::Mean ? 0 : 1);
    m_topN->setValue(options.topN);
    rebuild();
}

void ChartsTab::readControls()
{
    m_options.metric = m_metric->currentIndex() == 0 ? Metric::Rss : Metric::Hwm;
    m_options.timeBase = m_timeBase->currentIndex() == 0 ? TimeBase::WallClock : TimeBase::Uptime;
    m_options.band
        = m_band->currentIndex() == 0 ? ChartOptions::Band::Interquartile : ChartOptions::Band::MinMax;
    m_options.statistic
        = m_statistic->currentIndex() == 0 ? ChartOptions::Statistic::Mean : ChartOptions::Statistic::Median;
    m_options.topN = m_topN->value();
    rebuild();
    Q_EMIT optionsChanged();
}

void ChartsTab::rebuild()
{
    const QList<ChartKind> kinds = charts::allKinds();
    {
        const QScopedValueRollback<bool> guard(m_syncingRange, true);
        for (qsizetype i = 0; i < kinds.size(); ++i)
            m_views.at(i)->setContent(charts::build(kinds.at(i), m_set, m_options));
    }
    applyRangeMode(); // a new metric or time base keeps the chosen range
}

QList<ChartView *> ChartsTab::timeViews(bool uptime) const
{
    QList<ChartView *> out;
    for (ChartView *v : m_views) {
        if (v->content().zoomable && v->content().uptime == uptime)
            out << v;
    }
    return out;
}

QPair<double, double> ChartsTab::timeRange() const
{
    const QList<ChartView *> views = timeViews(false);
    return views.isEmpty() ? QPair<double, double>(0, 0) : views.first()->xRange();
}

void ChartsTab::setTimeRange(double min, double max)
{
    if (!(max > min))
        return;
    m_rangeMode = RangeMode::Custom;
    m_rangeMin = min;
    m_rangeMax = max;
    applyRangeMode();
}

void ChartsTab::applyPreset(ChartView::Preset preset)
{
    m_rangeMode = preset == ChartView::Day ? RangeMode::Day
        : preset == ChartView::Week        ? RangeMode::Week
                                           : RangeMode::All;
    applyRangeMode();
}

void ChartsTab::applyRangeMode()
{
    {
        const QScopedValueRollback<bool> guard(m_syncingRange, true);
        for (ChartView *v : std::as_const(m_views)) {
            if (!v->content().zoomable)
                continue;
            switch (m_rangeMode) {
            case RangeMode::All:
                v->resetZoom();
                break;
            case RangeMode::Day:
                v->applyPreset(ChartView::Day);
                break;
            case RangeMode::Week:
                v->applyPreset(ChartView::Week);
                break;
            case RangeMode::Custom:
                // In days since start the dates mean nothing: those charts show everything.
                if (v->content().uptime)
                    v->resetZoom();
                else
                    v->setXRange(std::max(m_rangeMin, v->content().homeMin),
                                 std::min(m_rangeMax, v->content().homeMax));
                break;
            }
        }
    }
    updateRangeEditors();
}

void ChartsTab::onViewRangeChanged(ChartView *source, double min, double max)
{
    if (m_syncingRange)
        return;
    // A zoom, pan or reset in one chart: the other time charts and the editors follow.
    const ChartContent &c = source->content();
    if (min <= c.homeMin && max >= c.homeMax) {
        m_rangeMode = RangeMode::All;
    } else if (!c.uptime) {
        m_rangeMode = RangeMode::Custom;
        m_rangeMin = min;
        m_rangeMax = max;
    }
    {
        const QScopedValueRollback<bool> guard(m_syncingRange, true);
        const QList<ChartView *> views = timeViews(c.uptime);
        for (ChartView *v : views) {
            if (v == source)
                continue;
            if (m_rangeMode == RangeMode::All)
                v->resetZoom();
            else
                v->setXRange(min, max);
        }
    }
    updateRangeEditors();
}

void ChartsTab::updateRangeEditors()
{
    const QList<ChartView *> views = timeViews(false);
    const bool enabled = !views.isEmpty();
    m_from->setEnabled(enabled);
    m_to->setEnabled(enabled);
    if (!enabled)
        return;
    double homeMin = views.first()->content().homeMin, homeMax = views.first()->content().homeMax;
    for (const ChartView *v : views) {
        homeMin = std::min(homeMin, v->content().homeMin);
        homeMax = std::max(homeMax, v->content().homeMax);
    }
    const auto [min, max] = views.first()->xRange();
    const QSignalBlocker b1(m_from), b2(m_to);
    // Whole minutes outward, so the bounds never cut off the first or the last sample.
    const qint64 minute = 60 * 1000;
    const auto floorMinute = [minute](double ms) {
        return qint64(std::floor(ms / double(minute))) * minute;
    };
    const auto ceilMinute = [minute](double ms) {
        return qint64(std::ceil(ms / double(minute))) * minute;
    };
    const QDateTime lo = QDateTime::fromMSecsSinceEpoch(floorMinute(homeMin));
    const QDateTime hi = QDateTime::fromMSecsSinceEpoch(ceilMinute(homeMax));
    m_from->setDateTimeRange(lo, hi);
    m_to->setDateTimeRange(lo, hi);
    m_from->setDateTime(QDateTime::fromMSecsSinceEpoch(floorMinute(min)));
    m_to->setDateTime(QDateTime::fromMSecsSinceEpoch(ceilMinute(max)));
}

void ChartsTab::onEditorsChanged()
{
    const double from = double(m_from->dateTime().toMSecsSinceEpoch());
    const double to = double(m_to->dateTime().toMSecsSinceEpoch());
    if (to > from)
        setTimeRange(from, to);
}

ChartView *ChartsTab::view(ChartKind kind) const
{
    return m_views.value(charts::allKinds().indexOf(kind));
}

bool ChartsTab::exportAll(const QString &dir, const QSize &size, qreal scale, bool svg, QString *error)
{
    chartexport::ExportOptions eo;
    eo.size = size;
    eo.scale = scale;
    eo.format = svg ? chartexport::Format::Svg : chartexport::Format::Png;
    return chartexport::exportAll(m_set, m_options, dir, eo, nullptr, error);
}

QImage ChartsTab::dashboardImage(const QSize &tile, qreal scale) const
{
    return chartexport::renderDashboard(m_views, tile, 2, scale,
                                        m_set.title.isEmpty() ? tr("AllocLab charts") : m_set.title);
}

void ChartsTab::exportAllInteractive()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export all charts into"));
    if (dir.isEmpty())
        return;
    QString error;
    if (!exportAll(dir, QSize(1200, 700), devicePixelRatioF(), false, &error))
        QMessageBox::warning(this, tr("Export all charts"), error);
}

void ChartsTab::exportDashboardInteractive()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export dashboard"), QStringLiteral("dashboard.png"), tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!dashboardImage(QSize(900, 520), devicePixelRatioF()).save(path, "PNG"))
        QMessageBox::warning(this, tr("Export dashboard"), tr("Cannot write %1.").arg(path));
}

void ChartsTab::exportOneInteractive(ChartView *view)
{
    QString filter;
    const QString path
        = QFileDialog::getSaveFileName(this, tr("Save chart"), view->objectName() + QStringLiteral(".png"),
                                       tr("PNG images (*.png);;SVG drawings (*.svg)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    const bool ok = path.endsWith(QLatin1String(".svg"), Qt::CaseInsensitive)
        ? chartexport::saveSvg(view, path, QSize(1200, 700), &error)
        : chartexport::savePng(view, path, QSize(1200, 700), devicePixelRatioF(), &error);
    if (!ok)
        QMessageBox::warning(this, tr("Save chart"), error);
}

} // namespace alloclab
