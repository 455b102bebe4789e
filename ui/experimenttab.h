#pragma once

#include "app/experimentio.h"
#include "models/records.h"

#include <QPointer>
#include <QStackedWidget>

class QAction;
class QTimer;

namespace alloclab {

class BoardModel;
class BoardView;
class EmptyState;
class Store;

// The Experiment tab: an empty state until there is an experiment, then the board. With a Store,
// it loads the latest experiment, saves every membership change (coalesced, on the store's
// writer thread) and runs group file import/export there; without one, it works in memory.
class ExperimentTab : public QStackedWidget
{
    Q_OBJECT
public:
    explicit ExperimentTab(QWidget *parent = nullptr);
    ~ExperimentTab() override;

    void setStore(Store *store);
    // The action that opens the New Experiment dialog (shown on the empty state).
    void setNewExperimentAction(QAction *action);

    BoardModel *board() const { return m_board; }
    BoardView *boardView() const { return m_view; }
    EmptyState *emptyState() const { return m_empty; }
    ExperimentRecord experiment() const { return m_experiment; }

public Q_SLOTS:
    void newExperiment();
    void distribute();
    // Loads an experiment by name from the store (the newest when empty).
    void loadExperiment(const QString &name = QString());
    // Fresh relays from the fleet (e.g. after a probe): membership is kept by key.
    void setFleetRelays(const QList<alloclab::BoardRelay> &relays);
    // Shows an experiment without a store (tests, demos).
    void showState(const alloclab::experimentio::BoardState &state);

Q_SIGNALS:
    void activity(const QString &message); // one line for the Activity log
    void experimentLoaded(const QString &name);

private:
    void scheduleSave();
    void saveNow();
    void importGroups();
    void exportGroups();

    BoardModel *m_board;
    BoardView *m_view;
    EmptyState *m_empty;
    QPointer<Store> m_store;
    ExperimentRecord m_experiment;
    QTimer *m_saveTimer;
    bool m_loading = false;
};

} // namespace alloclab
