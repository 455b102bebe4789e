#include "ui/rolloutview.h"

#include "models/units.h"
#include "ui/emptystate.h"
#include "ui/rolloutmodel.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace alloclab {

RolloutView::RolloutView(Deployer *deployer, QWidget *parent)
    : QWidget(parent)
    , m_deployer(deployer)
    , m_model(new RolloutModel(this))
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_status(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_pause(new QPushButton(tr("Pause"), this))
    , m_resume(new QPushButton(tr("Resume"), this))
    , m_abort(new QPushButton(tr("Abort"), this))
    , m_table(new QTableView(this))
    , m_log(new QPlainTextEdit(this))
{
    auto *empty = new EmptyState(tr("No rollout yet"),
                                 tr("A deploy of an experiment's groups, a rollout of the winning "
                                    "allocator or a rollback shows up here relay by relay: "
                                    "what changes, what was verified, what was rolled back."),
                                 this);

    auto *page = new QWidget(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);

    m_progress->setTextVisible(true);
    m_progress->setMinimumWidth(260);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_pause->setIcon(style()->standardIcon(QStyle::SP_MediaPause));
    m_resume->setIcon(style()->standardIcon(QStyle::SP_MediaPlay));
    m_abort->setIcon(style()->standardIcon(QStyle::SP_MediaStop));
    m_pause->setToolTip(tr("Start no new batch after the one in flight (it is verified as usual)."));
    m_resume->setToolTip(tr("Continue with the next batch."));
    m_abort->setToolTip(tr("Finish the batch in flight (verify it, roll back failures), then stop. "
                           "Relays not yet touched keep what they have; a new deploy resumes."));
    for (QPushButton *b : { m_pause, m_resume, m_abort })
        b->setAutoDefault(false);
    connect(m_pause, &QPushButton::clicked, this, &RolloutView::pause);
    connect(m_resume, &QPushButton::clicked, this, &RolloutView::resume);
    connect(m_abort, &QPushButton::clicked, this, &RolloutView::abort);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    m_table->setColumnWidth(RolloutModel::HostColumn, em * 5);
    m_table->setColumnWidth(RolloutModel::RelayColumn, em * 9);
    m_table->setColumnWidth(RolloutModel::GroupColumn, em * 4);
    m_table->setColumnWidth(RolloutModel::ChangeColumn, em * 12);
    m_table->setColumnWidth(RolloutModel::StateColumn, em * 9);

    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMaximumBlockCount(5000);
    m_log->setPlaceholderText(
        tr("Every step (drop-ins, reload, restarts, verification, rollbacks) is logged here "
           "and in the database."));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_progress, 1);
    controls->addWidget(m_pause);
    controls->addWidget(m_resume);
    controls->addWidget(m_abort);

    auto *split = new QSplitter(Qt::Vertical, page);
    split->addWidget(m_table);
    split->addWidget(m_log);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);

    auto *lay = new QVBoxLayout(page);
    lay->setContentsMargins(8, 8, 8, 8);
    lay->addWidget(m_title);
    lay->addWidget(m_status);
    lay->addLayout(controls);
    lay->addWidget(split, 1);

    m_stack->addWidget(empty);
    m_stack->addWidget(page);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    if (m_deployer) {
        connect(m_deployer, &Deployer::relayReportAvailable, this, &RolloutView::updateRelay);
        connect(m_deployer, &Deployer::eventAvailable, this, &RolloutView::appendEvent);
        connect(m_deployer, &Deployer::progress, this, &RolloutView::setProgress);
        connect(m_deployer, &Deployer::failed, this, &RolloutView::showFailure);
        connect(m_deployer, &Deployer::finished, this, &RolloutView::showFinished);
    }
    updateButtons();
}

void RolloutView::showPlan(const DeployPlan &plan, const QString &title)
{
    m_model->setPlan(plan);
    m_log->clear();
    m_finalText.clear();
    const bool rollback = plan.options.mode == DeployOptions::Mode::Rollback;
    int hosts = 0;
    for (const HostPlan &h : plan.hosts)
        hosts += h.changeCount() > 0 ? 1 : 0;
    // Two counts in one sentence: each is its own plural ("1 relay", "7 relays").
    const QString relaysText = units::relayCount(plan.changeCount());
    const QString hostsText = units::hostCount(hosts);
    const QString counts = rollback ? tr("%1 to roll back on %2").arg(relaysText, hostsText)
                                    : tr("%1 to change on %2").arg(relaysText, hostsText);
    m_title->setText((title.isEmpty() ? (rollback ? tr("Rollback") : tr("Deploy")) : title)
                     + QStringLiteral(" — ") + counts);
    bool groups = false;
    for (int r = 0; r < m_model->rowCount() && !groups; ++r)
        groups = !m_model->index(r, RolloutModel::GroupColumn).data().toString().isEmpty();
    m_table->setColumnHidden(RolloutModel::GroupColumn, !groups);
    setProgress(0, m_model->changingCount());
    m_stack->setCurrentIndex(1);
    updateStatus();
    updateButtons();
}

void RolloutView::start(const DeployPlan &plan, const QString &title)
{
    showPlan(plan, title);
    m_finalOk = false;
    m_running = true;
    m_paused = false;
    m_aborting = false;
    appendLog(tr("Started: batches of %1, canary %2 per host.")
                  .arg(plan.options.batchSize)
                  .arg(plan.options.canary));
    updateStatus();
    updateButtons();
    emit activity(m_title->text());
    if (m_deployer)
        m_deployer->start(plan);
}

void RolloutView::updateRelay(const RelayReport &report)
{
    m_model->updateRelay(report);
    updateProgressFromModel();
    const RelayDeployState s = report.state;
    if (s == RelayDeployState::Failed || s == RelayDeployState::RollbackFailed
        || s == RelayDeployState::Unknown || s == RelayDeployState::VerifiedOld)
        appendLog(QStringLiteral("%1 %2: %3 — %4")
                      .arg(report.host, remote::unitName(report.instance), RolloutModel::stateText(s),
                           report.message),
                  RolloutModel::stateColor(s));
    updateStatus();
}

void RolloutView::appendEvent(const EventRecord &event)
{
    // The step's name first: the description alone ("lab1: tor@a.service") does not say it.
    const QString step = event.type.startsWith(QLatin1String("deploy_")) ? event.type.mid(7) : event.type;
    QString label;
    if (step == QLatin1String("write_dropins"))
        label = tr("drop-ins + daemon-reload");
    else if (step == QLatin1String("restart"))
        label = tr("restart");
    else if (step == QLatin1String("rollback"))
        label = tr("ROLLBACK");
    else if (step == QLatin1String("connection_lost"))
        label = tr("CONNECTION LOST");
    else if (step == QLatin1String("reconnect"))
        label = tr("reconnected");
    else if (step == QLatin1String("preflight") || step == QLatin1String("verify"))
        label = QString(); // the text says it ("preflight ok", "verified ...")
    else
        label = step;
    const bool failed = event.description.contains(QLatin1String("FAILED"))
        || step == QLatin1String("connection_lost") || step == QLatin1String("rollback");
    appendLog(label.isEmpty() ? event.description : QStringLiteral("[%1] %2").arg(label, event.description),
              failed ? RolloutModel::stateColor(RelayDeployState::Failed) : QColor());
}

void RolloutView::updateProgressFromModel()
{
    // Counted from the table itself, so the bar never disagrees with the rows it sits above.
    int done = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex i = m_model->index(r, 0);
        if (!i.data(RolloutModel::ChangingRole).toBool())
            continue;
        const auto s = RelayDeployState(i.data(RolloutModel::StateRole).toInt());
        done += isTerminal(s) && s != RelayDeployState::Failed ? 1 : 0;
    }
    setProgress(done, m_model->changingCount());
}

void RolloutView::setProgress(int done, int total)
{
    m_progress->setRange(0, std::max(total, 1));
    m_progress->setValue(std::min(done, std::max(total, 1)));
    m_progress->setFormat(total > 0 ? tr("%1 of %2 relays done").arg(done).arg(total)
                                    : tr("nothing to change"));
}

void RolloutView::showFailure(const QString &message)
{
    appendLog(message, RolloutModel::stateColor(RelayDeployState::Failed));
    emit activity(message);
}

void RolloutView::showFinished(const DeployReport &report)
{
    m_running = false;
    m_paused = false;
    m_finalOk = report.ok();
    const int verified = m_model->count(RelayDeployState::VerifiedNew);
    const int back = m_model->count(RelayDeployState::VerifiedOld);
    if (report.ok())
        m_finalText = tr("Finished: %n relay(s) verified, nothing failed.", nullptr, verified);
    else if (report.halted)
        m_finalText
            = tr("HALTED after %n failed relay(s): %1 verified, %2 rolled back. Nothing else was touched.",
                 nullptr, report.failures)
                  .arg(verified)
                  .arg(back);
    else if (report.aborted)
        m_finalText
            = tr("Aborted: %1 verified, %2 rolled back; the rest were not touched. Deploy again to resume.")
                  .arg(verified)
                  .arg(back);
    else
        m_finalText
            = tr("Finished with problems: %1 verified, %2 rolled back. See the log; deploy again to resume.")
                  .arg(verified)
                  .arg(back);
    appendLog(m_finalText,
              report.ok() ? RolloutModel::stateColor(RelayDeployState::VerifiedNew)
                          : RolloutModel::stateColor(RelayDeployState::Failed));
    for (const QString &line : report.summary().split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        appendLog(line);
    updateStatus();
    updateButtons();
    emit activity(m_finalText);
    emit rolloutFinished(report.ok());
}

void RolloutView::pause()
{
    if (!m_running || !m_deployer)
        return;
    m_deployer->pause();
    m_paused = true;
    appendLog(tr("Paused: the batch in flight finishes; no new batch starts."));
    updateStatus();
    updateButtons();
}

void RolloutView::resume()
{
    if (!m_running || !m_deployer)
        return;
    m_deployer->resume();
    m_paused = false;
    appendLog(tr("Resumed."));
    updateStatus();
    updateButtons();
}

void RolloutView::abort()
{
    if (!m_running || !m_deployer || m_aborting)
        return;
    m_deployer->abort();
    m_aborting = true;
    appendLog(tr("Aborting: the batch in flight is verified (failures rolled back), then the rollout stops."),
              RolloutModel::stateColor(RelayDeployState::RollingBack));
    updateStatus();
    updateButtons();
}

void RolloutView::appendLog(const QString &text, const QColor &colour)
{
    const QString time = QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"));
    const QString body = text.toHtmlEscaped();
    if (colour.isValid())
        m_log->appendHtml(
            QStringLiteral("<span style=\"white-space:pre\">%1  <span style=\"color:%2\">%3</span></span>")
                .arg(time, colour.name(), body));
    else
        m_log->appendHtml(QStringLiteral("<span style=\"white-space:pre\">%1  %2</span>").arg(time, body));
}

void RolloutView::updateStatus()
{
    auto part = [](RelayDeployState s, int n) {
        return QStringLiteral("<span style=\"color:%1\">%2 %3</span>")
            .arg(RolloutModel::stateColor(s).name())
            .arg(n)
            .arg(RolloutModel::stateText(s).toLower().toHtmlEscaped());
    };
    QStringList parts;
    const RelayDeployState order[]
        = { RelayDeployState::VerifiedNew, RelayDeployState::Failed,      RelayDeployState::RollbackFailed,
            RelayDeployState::Unknown,     RelayDeployState::VerifiedOld, RelayDeployState::NotStarted,
            RelayDeployState::Pending,     RelayDeployState::Skipped };
    const int active = m_model->activeCount();
    if (active > 0)
        parts << part(RelayDeployState::Restarting, active)
                     .replace(RolloutModel::stateText(RelayDeployState::Restarting).toLower(),
                              tr("in progress"));
    for (RelayDeployState s : order) {
        const int n = m_model->count(s);
        if (n > 0)
            parts << part(s, n);
    }
    QString head;
    if (m_running && m_aborting)
        head = tr("<b>Aborting</b> after the batch in flight");
    else if (m_running && m_paused)
        head = tr("<b>Paused</b> — the batch in flight finishes, no new batch starts");
    else if (m_running)
        head = tr("<b>Running</b>");
    else if (!m_finalText.isEmpty())
        head = QStringLiteral("<b style=\"color:%1\">%2</b>")
                   .arg(RolloutModel::stateColor(m_finalOk ? RelayDeployState::VerifiedNew
                                                           : RelayDeployState::Failed)
                            .name(),
                        m_finalText.toHtmlEscaped());
    else
        head = tr("<b>Planned</b>");
    m_status->setText(head + QStringLiteral(" · ") + parts.join(QStringLiteral(" · ")));
}

void RolloutView::updateButtons()
{
    m_pause->setEnabled(m_running && !m_paused && !m_aborting);
    m_resume->setEnabled(m_running && m_paused && !m_aborting);
    m_abort->setEnabled(m_running && !m_aborting);
}

} // namespace alloclab
