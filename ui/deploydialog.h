#pragma once

// Confirmation of a deploy, rollout or rollback: the plan exactly as the dry run prints it
// (every drop-in's content, every command, in a monospace diff), the batch / canary / settle /
// halt settings, and one clear "Deploy N relays on M hosts" button. Changing the batch or canary
// re-plans locally (pure, no host access): what is shown is what start() will run.

#include "app/deployexecutor.h"
#include "models/deployplan.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace alloclab {

class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DeployDialog(const DeployPlan &plan, const ExecutorOptions &executor = ExecutorOptions(),
                          QWidget *parent = nullptr);

    DeployPlan plan() const { return m_plan; } // with the chosen batch and canary
    // What is being confirmed ("Roll out jemalloc to all relays"): heading and window title.
    void setTitle(const QString &title);
    QString title() const;
    ExecutorOptions executorOptions() const; // with the chosen settle time and halt threshold

    QPlainTextEdit *diffView() const { return m_diff; }
    QPushButton *deployButton() const { return m_deploy; }
    QSpinBox *batchBox() const { return m_batch; }
    QSpinBox *canaryBox() const { return m_canary; }
    QSpinBox *settleBox() const { return m_settle; }
    QSpinBox *maxFailuresBox() const { return m_maxFailures; }

private:
    void replan();

    QList<DeployRelayInput> m_inputs;
    DeployPlan m_plan;
    QStringList m_prepareErrors; // host-level errors of prepare(): kept across re-plans
    ExecutorOptions m_executor;
    QLabel *m_heading;
    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    QSpinBox *m_batch;
    QSpinBox *m_canary;
    QSpinBox *m_settle;
    QSpinBox *m_maxFailures;
    QPushButton *m_deploy;
};

} // namespace alloclab
