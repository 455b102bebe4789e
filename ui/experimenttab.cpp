#include "ui/experimenttab.h"

#include "app/database.h"
#include "app/store.h"
#include "models/boardmodel.h"
#include "ui/boardview.h"
#include "ui/emptystate.h"
#include "ui/experimentdialog.h"

#include <QAction>
#include <QDateTime>
#include <QFileDialog>
#include <QMessageBox>
#include <QTimer>

namespace alloclab {

ExperimentTab::ExperimentTab(QWidget *parent)
    : QStackedWidget(parent)
    , m_board(new BoardModel(this))
    , m_view(new BoardView(m_board, this))
    , m_empty(new EmptyState(
          tr("No experiment yet"),
          tr("An experiment compares allocators on your own relays. Create one, then drag "
             "relays from the Fleet into its groups (A: mimalloc 3.0.1, B: mimalloc 2.0.9, …)."),
          this))
    , m_saveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("experimentTab"));
    m_empty->setObjectName(QStringLiteral("experimentEmptyState"));
    addWidget(m_empty);
    addWidget(m_view);
    setCurrentWidget(m_empty);

    // A drag session can be many quick moves: save once it settles.
    m_saveTimer->setSingleShot(true);
    m_saveTimer->setInterval(400);
    connect(m_saveTimer, &QTimer::timeout, this, &ExperimentTab::saveNow);
    connect(m_board, &BoardModel::membershipChanged, this, &ExperimentTab::scheduleSave);
    connect(m_view, &BoardView::importRequested, this, &ExperimentTab::importGroups);
    connect(m_view, &BoardView::exportRequested, this, &ExperimentTab::exportGroups);
}

ExperimentTab::~ExperimentTab()
{
    if (m_saveTimer->isActive())
        saveNow(); // a move made just before closing is not lost
}

void ExperimentTab::setStore(Store *store)
{
    m_store = store;
    if (m_store && m_store->isOpen())
        loadExperiment();
    else if (m_store)
        connect(
            m_store, &Store::opened, this, [this] { loadExperiment(); }, Qt::SingleShotConnection);
}

void ExperimentTab::setNewExperimentAction(QAction *action)
{
    m_empty->addAction(action);
}

void ExperimentTab::showState(const experimentio::BoardState &state)
{
    m_loading = true;
    m_experiment = state.experiment;
    m_board->setCatalog(state.catalog);
    m_board->setGroups(experimentio::boardGroups(state.experiment));
    m_board->setRelays(state.relays);
    m_board->setMembership(state.letterByKey);
    m_view->setExperiment(state.experiment.name, state.experiment.hypothesis);
    setCurrentWidget(m_view);
    m_loading = false;
    Q_EMIT experimentLoaded(state.experiment.name);
}

void ExperimentTab::loadExperiment(const QString &name)
{
    if (!m_store)
        return;
    QPointer<ExperimentTab> self(this);
    m_store->run([self, name](Database &db) {
        QString error;
        QString wanted = name;
        if (wanted.isEmpty()) {
            const QList<ExperimentRecord> all = db.experiments();
            if (all.isEmpty()) {
                // Nothing yet: the empty state stays, but New Experiment offers the stored
                // catalog (custom allocators included).
                const AllocatorCatalog catalog = experimentio::loadCatalog(db);
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, catalog] {
                        if (self)
                            self->m_board->setCatalog(catalog);
                    },
                    Qt::QueuedConnection);
                return;
            }
            wanted = all.last().name; // ordered by start: the newest
        }
        const auto state = experimentio::loadBoard(db, wanted, &error);
        if (!self)
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, state, error] {
                if (!self)
                    return;
                if (state)
                    self->showState(*state);
                else
                    Q_EMIT self->activity(error);
            },
            Qt::QueuedConnection);
    });
}

void ExperimentTab::setFleetRelays(const QList<BoardRelay> &relays)
{
    m_board->setRelays(relays);
}

void ExperimentTab::newExperiment()
{
    ExperimentDialog dialog(m_board->catalog(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const ExperimentRecord e = dialog.experiment();
    if (!m_store) {
        experimentio::BoardState state;
        state.experiment = e;
        state.catalog = m_board->catalog();
        state.relays = m_board->relays();
        showState(state);
        return;
    }
    QPointer<ExperimentTab> self(this);
    m_store->run(
        [self, e](Database &db) {
            QString error;
            if (db.upsertExperiment(e) == 0)
                error = db.lastError();
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, name = e.name, error] {
                    if (!self)
                        return;
                    if (!error.isEmpty()) {
                        QMessageBox::warning(self, tr("New Experiment"), error);
                        return;
                    }
                    Q_EMIT self->activity(tr("Experiment '%1' created").arg(name));
                    self->loadExperiment(name);
                },
                Qt::QueuedConnection);
        },
        true);
}

void ExperimentTab::distribute()
{
    if (currentWidget() != m_view) {
        newExperiment();
        return;
    }
    m_view->openDistributeDialog();
}

void ExperimentTab::scheduleSave()
{
    if (!m_loading && m_store && m_experiment.id != 0)
        m_saveTimer->start();
}

void ExperimentTab::saveNow()
{
    m_saveTimer->stop();
    if (!m_store || m_experiment.id == 0)
        return;
    QPointer<ExperimentTab> self(this);
    const ExperimentRecord e = m_experiment;
    const QList<BoardRelay> relays = m_board->relays();
    const QHash<QString, QString> membership = m_board->membership();
    m_store->run(
        [self, e, relays, membership](Database &db) {
            QString error;
            if (experimentio::saveBoardMembership(db, e, relays, membership,
                                                  QDateTime::currentMSecsSinceEpoch(), &error)
                || !self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, error] {
                    if (self)
                        Q_EMIT self->activity(tr("Could not save the groups: %1").arg(error));
                },
                Qt::QueuedConnection);
        },
        true);
}

void ExperimentTab::importGroups()
{
    if (!m_store || m_experiment.id == 0) {
        QMessageBox::information(this, tr("Import Groups"),
                                 tr("Open a database and create an experiment first."));
        return;
    }
    const QStringList files
        = QFileDialog::getOpenFileNames(this, tr("Import Groups"), QString(),
                                        tr("Group files (group_*.txt relay_config.csv);;All files (*)"));
    if (files.isEmpty())
        return;
    saveNow(); // the import starts from what the board shows
    QPointer<ExperimentTab> self(this);
    const QString name = m_experiment.name;
    m_store->run(
        [self, name, files](Database &db) {
            QStringList report;
            QString error;
            const bool ok = experimentio::importGroups(db, name, files, false,
                                                       QDateTime::currentMSecsSinceEpoch(), &report, &error);
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, ok, report, error, name] {
                    if (!self)
                        return;
                    if (!ok) {
                        QMessageBox::warning(self, tr("Import Groups"), error);
                        return;
                    }
                    Q_EMIT self->activity(tr("Imported groups: %1").arg(report.join(QStringLiteral(", "))));
                    self->loadExperiment(name);
                },
                Qt::QueuedConnection);
        },
        true);
}

void ExperimentTab::exportGroups()
{
    if (!m_store || m_experiment.id == 0)
        return;
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Export Groups To"));
    if (dir.isEmpty())
        return;
    saveNow();
    QPointer<ExperimentTab> self(this);
    const QString name = m_experiment.name;
    // On the writer thread, after the save just queued: the files show what the board shows.
    m_store->run(
        [self, name, dir](Database &db) {
            QStringList written;
            QString error;
            const bool ok = experimentio::exportGroups(db, name, dir, &written, &error);
            if (!self)
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, ok, written, error] {
                    if (self)
                        Q_EMIT self->activity(ok ? tr("Exported %1 files").arg(written.size())
                                                 : tr("Export failed: %1").arg(error));
                },
                Qt::QueuedConnection);
        },
        true);
}

} // namespace alloclab
