#pragma once

// The GUI's entry points to a deploy: "Deploy..." (an experiment's groups), "Roll out
// <allocator> to all relays..." (the winner) and "Roll back...". Each reads its relays from the
// store off the GUI thread (app/deployinputs.h, the same inputs the CLI uses), lets the Deployer
// read every relay's state from its host (Deployer::prepare), shows the plan in a DeployDialog,
// and on confirmation starts it in the RolloutView. Nothing changes on a host before the click.

#include "app/deployer.h"
#include "models/deployplan.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QWidget;

namespace alloclab {

class Database;
class DeployDialog;
class RolloutView;
class Store;

class DeployLauncher : public QObject
{
    Q_OBJECT
public:
    // view->deployer() runs the rollouts; dialogs are children of dialogParent.
    DeployLauncher(RolloutView *view, QWidget *dialogParent, QObject *parent = nullptr);

    void setStore(Store *store);
    // Batch size and canary the dialog starts with (the operator can change them there).
    void setDefaultOptions(const DeployOptions &options) { m_defaults = options; }

    DeployDialog *currentDialog() const { return m_dialog; } // while a confirmation is open
    bool isPreparing() const { return m_preparing; }

public Q_SLOTS:
    // "Roll out <allocator> to all relays...": every known relay of `hosts` (empty = all hosts).
    void rolloutAllocator(const QString &allocatorId, const QStringList &hosts = QStringList());
    void deployExperiment(const QString &name);
    void rollbackExperiment(const QString &name);
    // The shared path once the relays are known (also for callers that have them already, e.g.
    // a selection in the fleet view): prepare, then confirm.
    // experimentId: the deploy records group membership for it (0 = a plain rollout).
    void prepareAndConfirm(const QList<alloclab::DeployRelayInput> &inputs,
                           alloclab::DeployOptions::Mode mode, const QString &title = QString(),
                           alloclab::Id experimentId = 0);

Q_SIGNALS:
    void preparing(const QString &what); // reading the relays' state from the hosts
    void dialogOpened(alloclab::DeployDialog *dialog);
    void started(const alloclab::DeployPlan &plan);
    void cancelled();
    void failed(const QString &message); // inputs could not be read; nothing was changed

private:
    void fromStore(const QString &title, DeployOptions::Mode mode,
                   std::function<bool(Database &, QList<DeployRelayInput> *, Id *, QString *)> read);
    void onPlan(const DeployPlan &plan);

    QPointer<RolloutView> m_view;
    QPointer<QWidget> m_dialogParent;
    QPointer<Store> m_store;
    QPointer<DeployDialog> m_dialog;
    DeployOptions m_defaults;
    bool m_preparing = false;
    QString m_title;
    Id m_experimentId = 0;
};

} // namespace alloclab
