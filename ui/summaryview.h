#pragma once

// The Summary tab: the verdict table of an experiment at a snapshot (latest or chosen), with
// group colours, "Copy as Markdown" and "Roll out the winner…". Queries run on a worker thread
// with their own database connection; answers carry a generation id and stale ones are dropped.

#include "models/summary.h"

#include <QHash>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QPushButton;
class QStandardItemModel;
class QTableView;

namespace alloclab {

class SummaryView : public QWidget
{
    Q_OBJECT
public:
    enum Column {
        Group,
        Label,
        Allocator,
        Relays,
        Mean,
        Median,
        Ratio,
        Growth,
        Rank,
        Recommendation,
        ColumnCount
    };

    explicit SummaryView(const QString &dbPath, QWidget *parent = nullptr);
    ~SummaryView() override;

    QString experiment() const; // the chosen experiment ("" = the latest one)
    void setExperiment(const QString &name);
    qint64 snapshotTime() const; // 0 = latest
    void setSnapshotTime(qint64 msSinceEpoch); // 0 = latest; refreshes

    const summary::Summary &summary() const { return m_summary; }
    QString winnerAllocatorId() const; // allocator of the rank-1 group, "" when none
    QStandardItemModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QString markdown() const;

public Q_SLOTS:
    void refresh(); // re-reads the experiments and the summary (after an import, a poll, ...)
    void copyAsMarkdown();

Q_SIGNALS:
    void rolloutRequested(const QString &allocatorId);
    void summaryChanged(); // a fresh answer was shown (or an error)
    void queryFailed(const QString &message);

private:
    struct Answer;
    void query();
    void show(quint64 generation, const Answer &answer);
    void fill();

    QString m_dbPath;
    quint64 m_generation = 0;
    summary::Summary m_summary;
    QHash<QString, QString> m_allocatorOfLetter;
    QHash<QString, QString> m_colourOfLetter;
    bool m_settingUp = false;

    QComboBox *m_experiment;
    QCheckBox *m_latest;
    QDateTimeEdit *m_at;
    QLabel *m_heading;
    QTableView *m_view;
    QStandardItemModel *m_model;
    QPushButton *m_copy;
    QPushButton *m_rollout;
};

// The group's stored colour when it has one, else models/groupcolors.h groupColor(letter).
QColor summaryGroupColor(const QString &letter, const QString &stored = {});

} // namespace alloclab
