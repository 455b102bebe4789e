#include "ui/hostkeydialog.h"

#include "app/fleetservice.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace alloclab {

HostKeyDialog::HostKeyDialog(const QString &hostName, const QString &sha256Fingerprint, QWidget *parent)
    : QDialog(parent)
    , m_host(hostName)
    , m_fingerprint(sha256Fingerprint)
{
    setWindowTitle(tr("Unknown host key: %1").arg(hostName));
    auto *intro
        = new QLabel(tr("AllocLab has never connected to %1 before, so it cannot tell whether this "
                        "is really your server. Compare the fingerprint below with the one from the "
                        "server itself (run 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' there, or "
                        "ask its administrator).")
                         .arg(hostName),
                     this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    auto *fp = new QLabel(sha256Fingerprint, this);
    fp->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    fp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fp->setTextFormat(Qt::PlainText);
    fp->setAccessibleName(tr("SHA256 fingerprint"));
    auto *box = new QDialogButtonBox(this);
    m_remember = box->addButton(tr("Trust and &remember"), QDialogButtonBox::AcceptRole);
    m_once = box->addButton(tr("Trust &once"), QDialogButtonBox::ActionRole);
    m_refuse = box->addButton(tr("Re&fuse"), QDialogButtonBox::RejectRole);
    // Enter must never trust a key by accident (the default is set again on show: the button
    // box makes its accept button the default when the dialog appears).
    m_remember->setAutoDefault(false);
    m_once->setAutoDefault(false);
    m_refuse->setDefault(true);
    m_remember->setToolTip(tr("Add the key to known_hosts; later connections check against it."));
    m_once->setToolTip(tr("Connect for this session only; you will be asked again next time."));
    connect(m_remember, &QPushButton::clicked, this, [this] { decide(TrustAndRemember); });
    connect(m_once, &QPushButton::clicked, this, [this] { decide(TrustOnce); });
    connect(m_refuse, &QPushButton::clicked, this, [this] { decide(Refuse); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(fp);
    layout->addWidget(box);
}

void HostKeyDialog::decide(Decision d)
{
    if (m_decided)
        return;
    m_decided = true;
    Q_EMIT decided(m_host, d);
    if (d == Refuse)
        QDialog::reject();
    else
        accept();
}

void HostKeyDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    m_remember->setDefault(false);
    m_refuse->setDefault(true);
}

void HostKeyDialog::reject()
{
    decide(Refuse);
}

HostKeyDialog *HostKeyDialog::ask(FleetService *fleet, const QString &hostName,
                                  const QString &sha256Fingerprint, QWidget *parent)
{
    auto *dlg = new HostKeyDialog(hostName, sha256Fingerprint, parent);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &HostKeyDialog::decided, fleet, [fleet](const QString &host, Decision d) {
        if (d == Refuse)
            fleet->refuseHostKey(host);
        else
            fleet->trustHostKey(host, d == TrustAndRemember);
    });
    dlg->open();
    return dlg;
}

} // namespace alloclab
