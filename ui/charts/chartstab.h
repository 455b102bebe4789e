#pragma once

#include "models/records.h"
#include "models/seriesset.h"
#include "ui/charts/chartbuilders.h"
#include "ui/charts/chartview.h"

#include <QTimer>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QSpinBox;
class QToolBar;
class QToolButton;

namespace alloclab {

class ChartsController;
class Store;

// The Charts tab: the seven charts of one experiment (or the whole fleet) in a grid under a
// toolbar (experiment, metric, time base, band, top-N, presets, export). Fed with SeriesSet
// values; live updates are coalesced and replace the data of the existing series.
class ChartsTab : public QWidget
{
    Q_OBJECT
public:
    explicit ChartsTab(QWidget *parent = nullptr);
    ~ChartsTab() override;

    // Rebuilds every chart.
    void setSeriesSet(const SeriesSet &set);
    // Live data (a new poll): coalesced to one update per ~40 ms; time charts keep their
    // series and zoom and only get new points through replace().
    void updateSeriesSet(const SeriesSet &set);
    const SeriesSet &seriesSet() const { return m_set; }

    // Experiments the chooser offers; the first entry is the whole fleet. The current choice is
    // kept when it is still offered.
    void setExperiments(const QStringList &names);
    // Same, and until the user has chosen (here or in an earlier session, QSettings key
    // kExperimentKey) selects the last choice or else the latest experiment (most recent start)
    // instead of the whole fleet, when ALLOWDEFAULT.
    void setExperiments(const QList<ExperimentRecord> &experiments, bool allowDefault = true);
    static const char *const kExperimentKey;
    QString currentExperiment() const; // empty = whole fleet
    void setCurrentExperiment(const QString &name); // emits experimentChanged when it changes

    // Feeds the tab from STORE (queries on the store's reader thread, refreshes on new polls and
    // experiment changes); see ChartsController. Null detaches.
    void setStore(Store *store);
    ChartsController *controller() const { return m_controller; }
    // New polls arrived (when the caller knows before the store does); coalesced.
    void refresh();

    // The visible time range of the wall-clock charts (epoch ms), shown in the From/To editors
    // and kept the same on every time chart: zooming one moves the others and the editors.
    QPair<double, double> timeRange() const;
    void setTimeRange(double min, double max);
    void applyPreset(ChartView::Preset preset);
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }

    ChartOptions options() const { return m_options; }
    void setOptions(const ChartOptions &options);

    ChartView *view(ChartKind kind) const;
    QList<ChartView *> views() const { return m_views; }

    // Export actions (the buttons ask for a file/folder first and then call these).
    bool exportAll(const QString &dir, const QSize &size, qreal scale, bool svg, QString *error);
    QImage dashboardImage(const QSize &tile = QSize(900, 520), qreal scale = 1.0) const;

Q_SIGNALS:
    void experimentChanged(const QString &name); // empty = whole fleet
    void optionsChanged();

private:
    void rebuild();
    void applyPending();
    void readControls();
    void exportAllInteractive();
    void exportDashboardInteractive();
    void exportOneInteractive(ChartView *view);
    void chooseExperiment(const QString &name); // the user's choice: remembered
    void onViewRangeChanged(ChartView *source, double min, double max);
    void applyRangeMode();
    void updateRangeEditors();
    void onEditorsChanged();
    QList<ChartView *> timeViews(bool uptime) const;

    enum class RangeMode { All, Day, Week, Custom };

    SeriesSet m_set;
    SeriesSet m_pending;
    bool m_hasPending = false;
    ChartOptions m_options;
    QTimer m_coalesce;
    QList<ChartView *> m_views;
    QComboBox *m_experiment = nullptr;
    QComboBox *m_metric = nullptr;
    QComboBox *m_timeBase = nullptr;
    QComboBox *m_band = nullptr;
    QComboBox *m_statistic = nullptr;
    QSpinBox *m_topN = nullptr;
    QToolBar *m_toolbar = nullptr;
    QToolBar *m_rangeBar = nullptr;
    QDateTimeEdit *m_from = nullptr;
    QDateTimeEdit *m_to = nullptr;
    RangeMode m_rangeMode = RangeMode::All;
    double m_rangeMin = 0, m_rangeMax = 0; // RangeMode::Custom
    bool m_syncingRange = false;
    bool m_experimentDefaulted = false;
    bool m_userChoseExperiment = false;
    ChartsController *m_controller = nullptr;
};

} // namespace alloclab
