#include "ui/charts/chartscontroller.h"

#include "app/seriesquery.h"
#include "app/store.h"
#include "ui/charts/chartstab.h"

namespace alloclab {

ChartsController::ChartsController(ChartsTab *tab, QObject *parent)
    : QObject(parent)
    , m_tab(tab)
{
    // Polls of several hosts land within a few hundred ms of each other: one query for all.
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(300);
    connect(&m_coalesce, &QTimer::timeout, this, &ChartsController::startQuery);
    m_awaitTimer.setSingleShot(true);
    m_awaitTimer.setInterval(2000);
    connect(&m_awaitTimer, &QTimer::timeout, this, [this] {
        if (m_awaitExperiments) {
            m_awaitExperiments = false;
            startQuery();
        }
    });
    if (tab)
        connect(tab, &ChartsTab::experimentChanged, this, &ChartsController::setExperiment);
}

ChartsController::~ChartsController() = default;

void ChartsController::setStore(Store *store)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_store = store;
    ++m_generation; // answers from the previous store are stale
    m_inFlight = false;
    m_again = false;
    m_awaitExperiments = false;
    if (!store)
        return;
    m_connections << connect(store, &Store::opened, this, [this] {
        m_awaitExperiments = true;
        m_awaitTimer.start();
        refreshExperiments();
    });
    m_connections << connect(store, &Store::pollWritten, this, &ChartsController::refresh);
    m_connections << connect(store, &Store::experimentSaved, this, [this] {
        refreshExperiments();
        refresh();
    });
    m_connections << connect(store, &Store::assignmentsSaved, this, &ChartsController::refresh);
    m_connections << connect(store, &Store::experimentsAvailable, this,
                             [this](const QList<ExperimentRecord> &experiments) {
                                 // The tab may pick the latest experiment (or the last
                                 // choice) unless one was asked for explicitly already.
                                 if (m_tab)
                                     m_tab->setExperiments(experiments, !m_chosen);
                                 if (m_awaitExperiments) {
                                     m_awaitExperiments = false;
                                     m_coalesce.stop();
                                     startQuery();
                                 }
                             });
    if (store->isOpen()) {
        // The first query waits for the experiment list: the default choice may not be the
        // whole fleet, whose series would be thrown away (bounded by the coalescing timer
        // should the list never come).
        m_awaitExperiments = true;
        refreshExperiments();
        m_coalesce.stop();
        m_awaitTimer.start();
    }
}

void ChartsController::refresh()
{
    if (!m_coalesce.isActive())
        m_coalesce.start();
}

void ChartsController::setExperiment(const QString &name)
{
    m_chosen = true;
    if (name == m_experiment && m_shownAny)
        return;
    m_experiment = name;
    m_coalesce.stop();
    startQuery(); // the user chose: answer now
}

void ChartsController::refreshExperiments()
{
    if (m_store && m_store->isOpen())
        m_store->queryExperiments();
}

void ChartsController::startQuery()
{
    if (!m_store || !m_store->isOpen() || m_awaitExperiments)
        return;
    if (m_inFlight) {
        // The reader thread is busy with our previous query; one more after it, not a queue.
        m_again = true;
        return;
    }
    m_inFlight = true;
    const quint64 generation = ++m_generation;
    const QString experiment = m_experiment;
    QPointer<ChartsController> self(this);
    Store *store = m_store;
    store->run(
        [generation, experiment, self, store](Database &db) {
            SeriesQuery q;
            q.experiment = experiment;
            SeriesSet set;
            QString error;
            if (!querySeriesSet(db, q, &set, &error) && error.isEmpty())
                error = db.lastError();
            // Posted to the store (it outlives its queued jobs); SELF is checked on the GUI thread.
            QMetaObject::invokeMethod(
                store,
                [self, generation, experiment, set = std::move(set), error] {
                    if (self)
                        self->onSeries(generation, experiment, set, error);
                },
                Qt::QueuedConnection);
        },
        false);
}

void ChartsController::onSeries(quint64 generation, const QString &experiment, const SeriesSet &set,
                                const QString &error)
{
    if (generation != m_generation)
        return; // a newer query (or another store) superseded this one
    m_inFlight = false;
    if (!error.isEmpty()) {
        Q_EMIT queryFailed(error);
    } else if (m_tab && experiment == m_experiment) {
        if (m_shownAny && experiment == m_shownExperiment)
            m_tab->updateSeriesSet(set);
        else
            m_tab->setSeriesSet(set);
        m_shownExperiment = experiment;
        m_shownAny = true;
        Q_EMIT seriesSetApplied(generation);
    }
    if (m_again || experiment != m_experiment) {
        m_again = false;
        startQuery();
    }
}

} // namespace alloclab
