#include "ui/addhostdialog.h"

#include "models/hosttarget.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace alloclab {

AddHostDialog::AddHostDialog(const QString &sshConfigPath, const QStringList &existingNames, QWidget *parent)
    : QDialog(parent)
    , m_sshConfig(sshConfigPath)
    , m_existing(existingNames.cbegin(), existingNames.cend())
    , m_aliases(new QListWidget(this))
    , m_target(new QLineEdit(this))
    , m_name(new QLineEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_debounce(new QTimer(this))
    , m_resolver(new HostResolver(this))
{
    setWindowTitle(tr("Add Host"));
    m_target->setPlaceholderText(tr("alias, host, user@host, user@host:port or user@[IPv6]:port"));
    m_name->setPlaceholderText(tr("how AllocLab calls this host"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText); // resolver messages quote what the operator typed
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_aliases->setAccessibleName(tr("Aliases in the ssh_config"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Target:"), m_target);
    form->addRow(tr("&Name:"), m_name);
    auto *layout = new QVBoxLayout(this);
    auto *aliasLabel = new QLabel(tr("&Aliases in %1:").arg(m_sshConfig), this);
    aliasLabel->setBuddy(m_aliases);
    layout->addWidget(aliasLabel);
    layout->addWidget(m_aliases, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250); // resolve once typing pauses, not on every key
    connect(m_debounce, &QTimer::timeout, this,
            [this] { m_pending = m_resolver->check(m_target->text(), m_sshConfig); });
    connect(m_target, &QLineEdit::textEdited, this, &AddHostDialog::onTargetEdited);
    connect(m_name, &QLineEdit::textEdited, this, [this] {
        m_nameTouched = !m_name->text().isEmpty();
        updateReady();
    });
    connect(m_resolver, &HostResolver::resolved, this, &AddHostDialog::onResolved);
    connect(m_aliases, &QListWidget::itemClicked, this, &AddHostDialog::onAliasClicked);
    connect(m_aliases, &QListWidget::itemActivated, this, &AddHostDialog::onAliasClicked);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (isReady())
            accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The aliases' effective HostName/User/Port come from libssh parsing the file: off the GUI thread.
    connect(&m_loader, &QFutureWatcher<QList<SshConfigHost>>::finished, this, [this] {
        const QList<SshConfigHost> list = m_loader.result();
        for (const SshConfigHost &h : list) {
            QString detail = h.user + QLatin1Char('@') + h.hostName;
            if (h.port != 22)
                detail += QLatin1Char(':') + QString::number(h.port);
            auto *item
                = new QListWidgetItem(QStringLiteral("%1  \u2192  %2").arg(h.alias, detail), m_aliases);
            item->setData(Qt::UserRole, h.alias);
            item->setToolTip(tr("%1, line %2").arg(h.file).arg(h.line));
            if (m_existing.contains(h.alias))
                item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        }
        if (list.isEmpty())
            m_aliases->addItem(tr("(no aliases in %1)").arg(m_sshConfig));
        Q_EMIT aliasesLoaded(int(list.size()));
    });
    const QString path = m_sshConfig;
    m_loader.setFuture(QtConcurrent::run([path] { return SshConfig::aliases(path); }));
    m_target->setFocus();
}

AddHostDialog::~AddHostDialog()
{
    m_loader.waitForFinished(); // the job only reads a small local file
}

HostRecord AddHostDialog::host() const
{
    HostRecord h;
    h.name = m_name->text().trimmed();
    h.target = m_resolved.target.toString();
    return h;
}

bool AddHostDialog::isReady() const
{
    return m_ready;
}

void AddHostDialog::setStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setProperty("error", error);
    QFont f = m_status->font();
    f.setBold(error); // no hard-coded colour: it must read in dark and light themes
    m_status->setFont(f);
}

void AddHostDialog::onTargetEdited()
{
    m_resolvedOk = false;
    m_pending = -1;
    m_debounce->stop();
    QString error;
    const HostTarget t = hosttarget::parse(m_target->text(), &error);
    if (!t.isValid()) {
        setStatus(m_target->text().trimmed().isEmpty() ? QString() : error, true);
        updateReady();
        return;
    }
    m_suggestedName = t.suggestedName();
    if (!m_nameTouched)
        m_name->setText(m_suggestedName);
    setStatus(tr("Checking %1 ...").arg(t.host), false);
    m_debounce->start();
    updateReady();
}

void AddHostDialog::onAliasClicked(QListWidgetItem *item)
{
    const QString alias = item->data(Qt::UserRole).toString();
    if (alias.isEmpty() || !(item->flags() & Qt::ItemIsEnabled))
        return;
    m_target->setText(alias);
    onTargetEdited();
}

void AddHostDialog::onResolved(int id, const ResolvedTarget &r)
{
    if (id != m_pending)
        return; // an answer for text that has been edited since
    m_resolved = r;
    m_resolvedOk = r.ok;
    if (!r.ok) {
        setStatus(r.error, true);
    } else {
        QString text = tr("Connects as %1 to %2, port %3").arg(r.user, r.hostName).arg(r.port);
        if (!r.addresses.isEmpty() && r.addresses.first().toString() != r.hostName)
            text += QStringLiteral(" (%1)").arg(r.addresses.first().toString());
        if (r.isAlias)
            text += tr(", alias of the ssh_config");
        if (!r.proxyCommand.isEmpty())
            text += tr(", through %1").arg(r.proxyCommand);
        setStatus(text + QLatin1Char('.'), false);
    }
    updateReady();
}

void AddHostDialog::updateReady()
{
    const QString name = m_name->text().trimmed();
    bool ready = m_resolvedOk;
    if (ready && !hosttarget::isValidName(name)) {
        setStatus(hosttarget::nameError(name), true);
        ready = false;
    } else if (ready && m_existing.contains(name)) {
        setStatus(tr("A host named '%1' already exists; choose another name.").arg(name), true);
        ready = false;
    } else if (ready && m_status->property("error").toBool()) {
        onResolved(m_pending, m_resolved); // the name is fine again: show the target's status
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready);
    if (ready != m_ready) {
        m_ready = ready;
        Q_EMIT readyChanged(ready);
    }
}

} // namespace alloclab
