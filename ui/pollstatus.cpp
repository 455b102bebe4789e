#include "ui/pollstatus.h"

#include "app/poller.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QTimer>
#include <QToolButton>

namespace alloclab {

namespace {
const char kIntervalKey[] = "poll/intervalMs";
const qint64 kPresets[] = { 10 * 1000,      30 * 1000,      60 * 1000,          5 * 60 * 1000,
                            15 * 60 * 1000, 60 * 60 * 1000, 6 * 60 * 60 * 1000, 24 * 60 * 60 * 1000 };
} // namespace

qint64 PollStatus::savedInterval()
{
    bool ok = false;
    const qint64 ms = QSettings().value(QLatin1String(kIntervalKey)).toLongLong(&ok);
    if (!ok || ms < Poller::kMinIntervalMs || ms > Poller::kMaxIntervalMs)
        return Poller::kDefaultIntervalMs;
    return ms;
}

void PollStatus::saveInterval(qint64 ms)
{
    QSettings().setValue(QLatin1String(kIntervalKey), ms);
}

PollStatus::PollStatus(Poller *poller, QWidget *parent)
    : QWidget(parent)
    , m_poller(poller)
    , m_label(new QLabel(this))
    , m_interval(new QComboBox(this))
    , m_pollNow(new QAction(tr("Poll &now"), this))
    , m_pause(new QAction(tr("&Pause polling"), this))
    , m_tick(new QTimer(this))
{
    m_pollNow->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_pollNow->setToolTip(tr("Poll every host now (Ctrl+R)"));
    m_pause->setCheckable(true);
    m_pause->setToolTip(tr("Pause or resume polling on the interval"));
    connect(m_pollNow, &QAction::triggered, m_poller, [this] { m_poller->pollNow(); });
    connect(m_pause, &QAction::toggled, m_poller,
            [this](bool on) { on ? m_poller->pause() : m_poller->resume(); });

    auto *now = new QToolButton(this);
    now->setDefaultAction(m_pollNow);
    now->setAutoRaise(true);
    auto *pause = new QToolButton(this);
    pause->setDefaultAction(m_pause);
    pause->setAutoRaise(true);

    const qint64 current = m_poller->interval();
    for (qint64 ms : kPresets)
        m_interval->addItem(tr("every %1").arg(Poller::formatDuration(ms)), ms);
    if (m_interval->findData(current) < 0)
        m_interval->addItem(tr("every %1").arg(Poller::formatDuration(current)), current);
    m_interval->setCurrentIndex(m_interval->findData(current));
    m_interval->setToolTip(tr("Polling interval"));
    connect(m_interval, &QComboBox::activated, this, &PollStatus::onIntervalChosen);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_interval);
    layout->addWidget(now);
    layout->addWidget(pause);

    connect(m_poller, &Poller::pollStarted, this, &PollStatus::refresh);
    connect(m_poller, &Poller::pollFinished, this, &PollStatus::onFinished);
    connect(m_poller, &Poller::nextPollChanged, this, &PollStatus::refresh);
    connect(m_poller, &Poller::pausedChanged, this, [this](bool paused) {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(paused);
        refresh();
    });
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &PollStatus::refresh);
    m_tick->start();
    refresh();
}

QString PollStatus::text() const
{
    return m_label->text();
}

void PollStatus::onFinished(const PollStats &stats)
{
    m_lastDurationMs = stats.durationMs;
    m_lastFailed = stats.hostsFailed + stats.hostsNotStored > 0;
    refresh();
}

void PollStatus::onIntervalChosen(int index)
{
    const qint64 ms = m_interval->itemData(index).toLongLong();
    if (m_poller->setInterval(ms))
        saveInterval(ms);
}

bool PollStatus::setInterval(qint64 ms)
{
    if (!m_poller->setInterval(ms))
        return false;
    if (m_interval->findData(ms) < 0)
        m_interval->addItem(tr("every %1").arg(Poller::formatDuration(ms)), ms);
    m_interval->setCurrentIndex(m_interval->findData(ms));
    saveInterval(ms);
    refresh();
    return true;
}

void PollStatus::refresh()
{
    QString state;
    if (m_poller->isRunning()) {
        state = tr("polling…");
    } else if (m_poller->isPaused()) {
        state = tr("polling paused");
    } else if (m_poller->nextPollAt().isValid()) {
        const qint64 left = qMax<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(m_poller->nextPollAt()));
        const qint64 s = (left + 999) / 1000;
        const QString countdown = s >= 3600
            ? QStringLiteral("%1:%2:%3")
                  .arg(s / 3600)
                  .arg((s % 3600) / 60, 2, 10, QLatin1Char('0'))
                  .arg(s % 60, 2, 10, QLatin1Char('0'))
            : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
        state = tr("next poll %1").arg(countdown);
    } else {
        state = tr("not polling");
    }
    if (m_lastDurationMs >= 0)
        state += QStringLiteral(" · ")
            + (m_lastFailed ? tr("last poll %1 ms, with errors") : tr("last poll %1 ms"))
                  .arg(m_lastDurationMs);
    m_label->setText(state);
    m_pollNow->setEnabled(!m_poller->isRunning());
}

} // namespace alloclab
