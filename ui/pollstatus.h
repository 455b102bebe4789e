#pragma once

// The status bar's poll corner: "next poll 4:12 · last 31 ms", Poll now (Ctrl+R), Pause, and
// the interval (persisted in QSettings, key poll/intervalMs). Drives a Poller; never blocks.

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QTimer;
class QToolButton;

namespace alloclab {

class Poller;
struct PollStats;

class PollStatus : public QWidget
{
    Q_OBJECT
public:
    explicit PollStatus(Poller *poller, QWidget *parent = nullptr);

    // Ctrl+R; add it to a menu so the shortcut works window-wide.
    QAction *pollNowAction() const { return m_pollNow; }
    QAction *pauseAction() const { return m_pause; }
    QString text() const; // the label's text (tests, accessibility)

    // An interval chosen elsewhere (Preferences): the poller, the chooser and QSettings follow.
    bool setInterval(qint64 ms);

    // The interval the operator chose last time (default 5 min), within the Poller's bounds.
    static qint64 savedInterval();
    static void saveInterval(qint64 ms);

private:
    void refresh();
    void onFinished(const PollStats &stats);
    void onIntervalChosen(int index);

    Poller *m_poller;
    QLabel *m_label;
    QComboBox *m_interval;
    QAction *m_pollNow;
    QAction *m_pause;
    QTimer *m_tick;
    qint64 m_lastDurationMs = -1;
    bool m_lastFailed = false;
};

} // namespace alloclab
