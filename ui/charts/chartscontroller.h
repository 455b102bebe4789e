#pragma once

#include "app/store.h"
#include "models/seriesset.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace alloclab {

class ChartsTab;

// Feeds a ChartsTab from a Store: the series of the chosen experiment (or the whole fleet) are
// built on the store's reader thread (app/seriesquery.h), never on the GUI thread. Each query
// carries a generation number and only the answer to the latest one is shown; refresh() calls
// are coalesced, and while a query runs at most one more is queued behind it.
class ChartsController : public QObject
{
    Q_OBJECT
public:
    explicit ChartsController(ChartsTab *tab, QObject *parent = nullptr);
    ~ChartsController() override;

    // Follows STORE (null detaches): refreshes when it opens, after each written poll, and when
    // experiments or assignments change (the experiment list too).
    void setStore(Store *store);
    Store *store() const { return m_store; }

    QString experiment() const { return m_experiment; }
    quint64 generation() const { return m_generation; }
    bool isQuerying() const { return m_inFlight; }

public Q_SLOTS:
    // New data may be there (a poll arrived): query again, at most once per coalescing interval.
    void refresh();
    // EMPTY = whole fleet. Rebuilds the charts once the new series arrive.
    void setExperiment(const QString &name);
    void refreshExperiments();

Q_SIGNALS:
    // The tab shows the series of GENERATION.
    void seriesSetApplied(quint64 generation);
    void queryFailed(const QString &message);

private:
    void startQuery();
    void onSeries(quint64 generation, const QString &experiment, const SeriesSet &set, const QString &error);

    QPointer<ChartsTab> m_tab;
    QPointer<Store> m_store;
    QTimer m_coalesce;
    QString m_experiment;
    QString m_shownExperiment; // what the tab shows; same experiment = live update, keep zoom
    bool m_shownAny = false;
    quint64 m_generation = 0;
    bool m_inFlight = false;
    bool m_again = false;
    bool m_chosen = false; // setExperiment was called: no default choice from the tab
    bool m_awaitExperiments = false; // the first query waits for the experiment list
    QTimer m_awaitTimer;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace alloclab
