#pragma once

// The Rollout tab: a running or finished deploy, relay by relay. A per-relay table (host, relay,
// group, from -> to allocator, state with colour and icon, message), the overall progress,
// Pause / Resume / Abort, and the log of every step. It follows one Deployer; start() shows a
// confirmed plan and runs it.

#include "app/deployer.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace alloclab {

class RolloutModel;

class RolloutView : public QWidget
{
    Q_OBJECT
public:
    explicit RolloutView(Deployer *deployer, QWidget *parent = nullptr);

    Deployer *deployer() const { return m_deployer; }
    RolloutModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *pauseButton() const { return m_pause; }
    QPushButton *resumeButton() const { return m_resume; }
    QPushButton *abortButton() const { return m_abort; }
    QPlainTextEdit *log() const { return m_log; }
    QLabel *statusLabel() const { return m_status; }
    bool isRunning() const { return m_running; }

public Q_SLOTS:
    // Shows the plan's relays (pending / already right) and starts it on the deployer. The
    // title says what it is ("Roll out jemalloc to all relays"); the counts are added.
    void start(const alloclab::DeployPlan &plan, const QString &title = QString());
    // Shows a plan without running it (a past rollout, tests).
    void showPlan(const alloclab::DeployPlan &plan, const QString &title = QString());
    // The Deployer's signals, connected in the constructor (public for replays and tests).
    void updateRelay(const alloclab::RelayReport &report);
    void appendEvent(const alloclab::EventRecord &event);
    void setProgress(int done, int total);
    void showFailure(const QString &message);
    void showFinished(const alloclab::DeployReport &report);

    void pause();
    void resume();
    void abort();

Q_SIGNALS:
    void activity(const QString &message); // one line for the main window's Activity log
    void rolloutFinished(bool ok);

private:
    void appendLog(const QString &text, const QColor &colour = QColor());
    void updateStatus();
    void updateProgressFromModel();
    void updateButtons();

    QPointer<Deployer> m_deployer;
    RolloutModel *m_model;
    QStackedWidget *m_stack;
    QLabel *m_title;
    QLabel *m_status;
    QProgressBar *m_progress;
    QPushButton *m_pause;
    QPushButton *m_resume;
    QPushButton *m_abort;
    QTableView *m_table;
    QPlainTextEdit *m_log;
    bool m_running = false;
    bool m_paused = false;
    bool m_aborting = false;
    bool m_finalOk = false;
    QString m_finalText;
};

} // namespace alloclab
