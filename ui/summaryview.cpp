#include "ui/summaryview.h"

#include "app/database.h"
#include "app/summaryquery.h"
#include "models/groupcolors.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimeZone>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace alloclab {

QColor summaryGroupColor(const QString &letter, const QString &stored)
{
    const QColor s(stored);
    return !stored.isEmpty() && s.isValid() ? s : groupColor(letter);
}

struct SummaryView::Answer {
    QStringList experiments;
    QString experiment;
    summary::Summary summary;
    QHash<QString, QString> allocatorOfLetter;
    QHash<QString, QString> colourOfLetter;
    QString error;
    bool empty = false; // no data yet: an empty state, not a failure for the activity log
};

namespace {

QIcon swatch(const QColor &c)
{
    QPixmap pm(14, 14);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(c.darker(130));
    p.setBrush(c);
    p.drawRoundedRect(QRectF(0.5, 0.5, 13, 13), 3, 3);
    return QIcon(pm);
}

} // namespace

SummaryView::SummaryView(const QString &dbPath, QWidget *parent)
    : QWidget(parent)
    , m_dbPath(dbPath)
{
    setObjectName(QStringLiteral("summaryView"));
    m_experiment = new QComboBox(this);
    m_experiment->setObjectName(QStringLiteral("summaryExperiment"));
    m_experiment->setMinimumContentsLength(16);
    m_experiment->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_latest = new QCheckBox(tr("&Latest snapshot"), this);
    m_latest->setChecked(true);
    m_at = new QDateTimeEdit(this);
    m_at->setObjectName(QStringLiteral("summaryAt"));
    m_at->setTimeSpec(Qt::UTC);
    m_at->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
    m_at->setCalendarPopup(true);
    m_at->setEnabled(false);
    m_at->setDateTime(QDateTime::currentDateTimeUtc());

    m_heading = new QLabel(this);
    m_heading->setObjectName(QStringLiteral("summaryHeading"));
    m_heading->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_heading->setText(tr("Loading…"));

    m_model = new QStandardItemModel(0, ColumnCount, this);
    m_model->setHorizontalHeaderLabels({ tr("Group"), tr("Label"), tr("Allocator"), tr("Relays"),
                                         tr("Mean GiB"), tr("Median GiB"), tr("vs. best"),
                                         tr("Growth GiB/day"), tr("Rank"), tr("Recommendation") });
    for (int c : { int(Relays), int(Mean), int(Median), int(Ratio), int(Growth), int(Rank) })
        m_model->horizontalHeaderItem(c)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("summaryTable"));
    m_view->setModel(m_model);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setAlternatingRowColors(true);
    m_view->verticalHeader()->hide();
    m_view->setShowGrid(false);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->horizontalHeader()->setHighlightSections(false);

    m_copy = new QPushButton(tr("&Copy as Markdown"), this);
    m_copy->setObjectName(QStringLiteral("summaryCopyMarkdown"));
    m_rollout = new QPushButton(tr("&Roll Out the Winner…"), this);
    m_rollout->setObjectName(QStringLiteral("summaryRollout"));
    m_rollout->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("E&xperiment:"), this));
    static_cast<QLabel *>(top->itemAt(0)->widget())->setBuddy(m_experiment);
    top->addWidget(m_experiment);
    top->addSpacing(16);
    top->addWidget(m_latest);
    top->addWidget(m_at);
    top->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_copy);
    buttons->addWidget(m_rollout);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_heading);
    layout->addWidget(m_view, 1);
    layout->addLayout(buttons);

    connect(m_experiment, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_settingUp)
            query();
    });
    connect(m_latest, &QCheckBox::toggled, this, [this](bool latest) {
        m_at->setEnabled(!latest);
        query();
    });
    connect(m_at, &QDateTimeEdit::editingFinished, this, [this]() {
        if (!m_latest->isChecked())
            query();
    });
    connect(m_copy, &QPushButton::clicked, this, &SummaryView::copyAsMarkdown);
    connect(m_rollout, &QPushButton::clicked, this, [this]() {
        const QString id = winnerAllocatorId();
        if (!id.isEmpty())
            Q_EMIT rolloutRequested(id);
    });
    fill();
    refresh();
}

SummaryView::~SummaryView() = default;

QString SummaryView::experiment() const
{
    return m_experiment->currentText();
}

void SummaryView::setExperiment(const QString &name)
{
    const int i = m_experiment->findText(name);
    if (i >= 0) {
        m_experiment->setCurrentIndex(i);
        return;
    }
    m_settingUp = true;
    m_experiment->addItem(name);
    m_experiment->setCurrentIndex(m_experiment->count() - 1);
    m_settingUp = false;
    query();
}

qint64 SummaryView::snapshotTime() const
{
    return m_latest->isChecked() ? 0 : m_at->dateTime().toMSecsSinceEpoch();
}

void SummaryView::setSnapshotTime(qint64 ms)
{
    const QSignalBlocker block(m_latest);
    m_latest->setChecked(ms <= 0);
    m_at->setEnabled(ms > 0);
    if (ms > 0)
        m_at->setDateTime(QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()));
    query();
}

void SummaryView::refresh()
{
    query();
}

void SummaryView::query()
{
    const quint64 generation = ++m_generation;
    const QString dbPath = m_dbPath;
    const QString experiment = m_experiment->currentText();
    const qint64 at = snapshotTime();
    auto *watcher = new QFutureWatcher<Answer>(this);
    connect(watcher, &QFutureWatcher<Answer>::finished, this, [this, watcher, generation]() {
        watcher->deleteLater();
        show(generation, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([dbPath, experiment, at]() {
        Answer a;
        if (!QFileInfo::exists(dbPath)) {
            a.empty = true;
            a.error = QCoreApplication::translate(
                "SummaryView",
                "No data yet: connect to your relay servers (Fleet → Add Host…) and start polling, "
                "or import existing files (File → Import…).");
            return a;
        }
        Database db;
        if (!db.open(dbPath, Database::OpenMode::ExistingOnly, &a.error))
            return a;
        const QList<ExperimentRecord> all = db.experiments();
        for (const ExperimentRecord &e : all)
            a.experiments << e.name;
        if (all.isEmpty()) {
            a.error = QCoreApplication::translate(
                "SummaryView",
                "There is no experiment yet: import group files (File → Import…) "
                "or create one on the Experiment tab.");
            return a;
        }
        SummaryQuery q;
        q.experiment = a.experiments.contains(experiment) ? experiment : QString();
        q.atMs = at;
        if (!querySummary(db, q, &a.summary, &a.error))
            return a;
        const auto exp = q.experiment.isEmpty() ? std::optional<ExperimentRecord>(all.last())
                                                : db.experiment(q.experiment);
        if (exp) {
            a.experiment = exp->name;
            for (const GroupRecord &g : exp->groups) {
                a.allocatorOfLetter.insert(g.letter, g.allocatorId);
                a.colourOfLetter.insert(g.letter, g.colour);
            }
        }
        return a;
    }));
}

void SummaryView::show(quint64 generation, const Answer &a)
{
    if (generation != m_generation)
        return; // a newer question is on its way
    m_settingUp = true;
    if (!a.experiments.isEmpty()) {
        m_experiment->clear();
        m_experiment->addItems(a.experiments);
        m_experiment->setCurrentIndex(qMax(0, a.experiments.indexOf(a.experiment)));
    }
    m_settingUp = false;
    if (!a.error.isEmpty()) {
        m_summary = {};
        m_allocatorOfLetter.clear();
        m_heading->setText(a.error);
        fill();
        if (!a.empty)
            Q_EMIT queryFailed(a.error);
        Q_EMIT summaryChanged();
        return;
    }
    m_summary = a.summary;
    m_heading->clear();
    m_allocatorOfLetter = a.allocatorOfLetter;
    m_colourOfLetter = a.colourOfLetter;
    fill();
    Q_EMIT summaryChanged();
}

void SummaryView::fill()
{
    m_model->removeRows(0, m_model->rowCount());
    const QLocale locale;
    auto number = [&](const QString &text) {
        auto *item = new QStandardItem(text);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (const summary::GroupSummary &g : std::as_const(m_summary.groups)) {
        const bool has = g.relays > 0;
        const QString dash = QStringLiteral("–");
        QList<QStandardItem *> row;
        auto *group = new QStandardItem(swatch(summaryGroupColor(g.letter, m_colourOfLetter.value(g.letter))),
                                        g.letter);
        group->setData(g.letter, Qt::UserRole);
        row << group << new QStandardItem(g.label) << new QStandardItem(g.allocator)
            << number(QString::number(g.relays)) << number(has ? QString::number(g.meanGib, 'f', 2) : dash)
            << number(has ? QString::number(g.medianGib, 'f', 2) : dash)
            << number(has ? summary::formatRatio(g.ratio) : dash)
            << number(g.growthPoints >= 2
                          ? (g.growthGibPerDay >= 0 ? QStringLiteral("+") : QStringLiteral("−"))
                              + QString::number(qAbs(g.growthGibPerDay), 'f', 2)
                          : dash)
            << number(has ? QString::number(g.rank) : dash);
        auto *verdict = new QStandardItem(
            g.recommendation.isEmpty()
                ? dash
                : QCoreApplication::translate("Summary", g.recommendation.toUtf8().constData()));
        verdict->setData(g.recommendation, Qt::UserRole);
        if (g.recommendation == QLatin1String("Use this")) {
            verdict->setForeground(QColor(QStringLiteral("#1a7f37")));
            QFont f = verdict->font();
            f.setBold(true);
            verdict->setFont(f);
        } else if (g.recommendation == QLatin1String("Avoid")) {
            verdict->setForeground(QColor(QStringLiteral("#c62828")));
            QFont f = verdict->font();
            f.setBold(true);
            verdict->setFont(f);
        }
        row << verdict;
        m_model->appendRow(row);
    }
    if (m_summary.atMs > 0) {
        const QString at = QDateTime::fromMSecsSinceEpoch(m_summary.atMs, QTimeZone::utc())
                               .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        m_heading->setText(tr("Snapshot %1 UTC · worst/best %2 · growth fitted since %3 UTC")
                               .arg(at, summary::formatRatio(m_summary.worstBestRatio),
                                    QDateTime::fromMSecsSinceEpoch(m_summary.windowFromMs, QTimeZone::utc())
                                        .toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
    } else if (m_heading->text().isEmpty() || m_summary.groups.isEmpty()) {
        if (m_heading->text().isEmpty())
            m_heading->setText(tr("No samples yet for this experiment."));
    }
    m_view->resizeColumnsToContents();
    for (int c = 0; c < ColumnCount - 1; ++c)
        m_view->setColumnWidth(c, m_view->columnWidth(c) + 16);
    m_copy->setEnabled(!m_summary.groups.isEmpty());
    const QString winner = winnerAllocatorId();
    m_rollout->setEnabled(!winner.isEmpty());
    m_rollout->setToolTip(winner.isEmpty() ? tr("No group has samples at this snapshot")
                                           : tr("Deploy %1 to every relay").arg(winner));
}

QString SummaryView::winnerAllocatorId() const
{
    for (const summary::GroupSummary &g : m_summary.groups) {
        if (g.rank == 1 && g.relays > 0)
            return m_allocatorOfLetter.value(g.letter);
    }
    return {};
}

QString SummaryView::markdown() const
{
    return m_summary.toMarkdown();
}

void SummaryView::copyAsMarkdown()
{
    QApplication::clipboard()->setText(markdown());
}

} // namespace alloclab
