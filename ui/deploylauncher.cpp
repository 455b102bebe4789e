#include "ui/deploylauncher.h"

#include "app/database.h"
#include "app/deployinputs.h"
#include "app/store.h"
#include "ui/deploydialog.h"
#include "ui/rolloutview.h"

#include <QDateTime>

namespace alloclab {

DeployLauncher::DeployLauncher(RolloutView *view, QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_view(view)
    , m_dialogParent(dialogParent)
{
    if (m_view && m_view->deployer())
        connect(m_view->deployer(), &Deployer::planAvailable, this, &DeployLauncher::onPlan);
}

void DeployLauncher::setStore(Store *store)
{
    m_store = store;
}

void DeployLauncher::rolloutAllocator(const QString &allocatorId, const QStringList &hosts)
{
    fromStore(tr("Roll out %1 to all relays").arg(allocatorId), DeployOptions::Mode::Deploy,
              [allocatorId, hosts](Database &db, QList<DeployRelayInput> *out, Id *, QString *error) {
                  return deployinputs::forRollout(db, allocatorId, hosts, out, error);
              });
}

void DeployLauncher::deployExperiment(const QString &name)
{
    fromStore(tr("Deploy experiment %1").arg(name), DeployOptions::Mode::Deploy,
              [name](Database &db, QList<DeployRelayInput> *out, Id *id, QString *error) {
                  return deployinputs::forExperiment(db, name, out, id, error);
              });
}

void DeployLauncher::rollbackExperiment(const QString &name)
{
    fromStore(tr("Roll back experiment %1").arg(name), DeployOptions::Mode::Rollback,
              [name](Database &db, QList<DeployRelayInput> *out, Id *id, QString *error) {
                  return deployinputs::forExperiment(db, name, out, id, error);
              });
}

void DeployLauncher::fromStore(
    const QString &title, DeployOptions::Mode mode,
    std::function<bool(Database &, QList<DeployRelayInput> *, Id *, QString *)> read)
{
    if (!m_store) {
        emit failed(tr("%1: no database is open.").arg(title));
        return;
    }
    QPointer<DeployLauncher> self(this);
    m_store->run([self, title, mode, read](Database &db) {
        QList<DeployRelayInput> inputs;
        QString error;
        Id experimentId = 0;
        const bool ok = read(db, &inputs, &experimentId, &error);
        QMetaObject::invokeMethod(
            self.data(),
            [self, title, mode, inputs, ok, error, experimentId]() {
                if (!self)
                    return;
                if (!ok)
                    emit self->failed(tr("%1: %2").arg(title, error));
                else
                    self->prepareAndConfirm(inputs, mode, title, experimentId);
            },
            Qt::QueuedConnection);
    });
}

void DeployLauncher::prepareAndConfirm(const QList<DeployRelayInput> &inputs, DeployOptions::Mode mode,
                                       const QString &title, Id experimentId)
{
    if (!m_view || !m_view->deployer())
        return;
    if (m_preparing || m_dialog || m_view->isRunning()) {
        emit failed(tr("A rollout is being prepared or running; finish or abort it first."));
        return;
    }
    DeployOptions o = m_defaults;
    o.mode = mode;
    o.seed = quint32(QDateTime::currentMSecsSinceEpoch());
    m_preparing = true;
    m_title = title;
    m_experimentId = experimentId;
    emit preparing(title);
    m_view->deployer()->prepare(inputs, o);
}

void DeployLauncher::onPlan(const DeployPlan &plan)
{
    if (!m_preparing)
        return; // someone else's prepare()
    m_preparing = false;
    Deployer *d = m_view ? m_view->deployer() : nullptr;
    if (!d)
        return;
    auto *dialog = new DeployDialog(plan, d->executorOptions(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!m_title.isEmpty())
        dialog->setTitle(m_title);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        Deployer *dep = m_view ? m_view->deployer() : nullptr;
        if (!dep)
            return;
        dep->setExecutorOptions(dialog->executorOptions());
        if (m_store)
            dep->setStore(m_store, m_experimentId); // events, deploy log, membership
        const DeployPlan p = dialog->plan();
        m_view->start(p, dialog->title());
        emit started(p);
    });
    connect(dialog, &QDialog::rejected, this, &DeployLauncher::cancelled);
    dialog->open();
    emit dialogOpened(dialog);
}

} // namespace alloclab
