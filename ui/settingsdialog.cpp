#include "ui/settingsdialog.h"

#include "app/paths.h"
#include "app/poller.h"
#include "ui/pollstatus.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

namespace alloclab {

namespace {
const qint64 kIntervals[] = { 10 * 1000,      30 * 1000,      60 * 1000,          5 * 60 * 1000,
                              15 * 60 * 1000, 60 * 60 * 1000, 6 * 60 * 60 * 1000, 24 * 60 * 60 * 1000 };

int boundedMs(const QVariant &v, int fallback, int minMs, int maxMs)
{
    bool ok = false;
    const int ms = v.toInt(&ok);
    return ok && ms >= minMs && ms <= maxMs ? ms : fallback;
}

QWidget *withBrowse(QLineEdit *edit, QToolButton *button, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(button);
    return row;
}
} // namespace

AppSettings AppSettings::load()
{
    QSettings s;
    AppSettings a;
    a.sshConfigPath = s.value(QStringLiteral("ssh/configPath")).toString();
    a.connectTimeoutMs = boundedMs(s.value(QStringLiteral("ssh/connectTimeoutMs")), 10000, 1000, 600000);
    a.commandTimeoutMs = boundedMs(s.value(QStringLiteral("ssh/commandTimeoutMs")), 60000, 1000, 3600000);
    a.pollIntervalMs = PollStatus::savedInterval();
    a.databasePath = s.value(QStringLiteral("database/path")).toString();
    return a;
}

void AppSettings::save() const
{
    QSettings s;
    s.setValue(QStringLiteral("ssh/configPath"), sshConfigPath);
    s.setValue(QStringLiteral("ssh/connectTimeoutMs"), connectTimeoutMs);
    s.setValue(QStringLiteral("ssh/commandTimeoutMs"), commandTimeoutMs);
    PollStatus::saveInterval(pollIntervalMs);
    if (databasePath.isEmpty())
        s.remove(QStringLiteral("database/path"));
    else
        s.setValue(QStringLiteral("database/path"), databasePath);
}

SettingsDialog::SettingsDialog(const AppSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_sshConfig(new QLineEdit(settings.sshConfigPath, this))
    , m_connect(new QSpinBox(this))
    , m_command(new QSpinBox(this))
    , m_interval(new QComboBox(this))
    , m_database(new QLineEdit(settings.databasePath, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_sshConfig->setObjectName(QStringLiteral("sshConfigEdit"));
    m_sshConfig->setPlaceholderText(paths::defaultSshConfigPath());
    m_sshConfig->setToolTip(tr("The ssh_config AllocLab reads for aliases, users, ports and keys, "
                               "like ssh -F. Empty: %1")
                                .arg(paths::defaultSshConfigPath()));
    auto *browseSsh = new QToolButton(this);
    browseSsh->setText(tr("Browse…"));
    connect(browseSsh, &QToolButton::clicked, this, &SettingsDialog::browseSshConfig);

    m_connect->setObjectName(QStringLiteral("connectTimeoutBox"));
    m_connect->setRange(1, 600);
    m_connect->setSuffix(tr(" s"));
    m_connect->setValue(settings.connectTimeoutMs / 1000);
    m_connect->setToolTip(tr("How long to wait for a host to answer and authenticate"));
    m_command->setObjectName(QStringLiteral("commandTimeoutBox"));
    m_command->setRange(1, 3600);
    m_command->setSuffix(tr(" s"));
    m_command->setValue(settings.commandTimeoutMs / 1000);
    m_command->setToolTip(tr("How long one probe or command may run on a host"));

    m_interval->setObjectName(QStringLiteral("intervalBox"));
    for (qint64 ms : kIntervals)
        m_interval->addItem(tr("every %1").arg(Poller::formatDuration(ms)), ms);
    if (m_interval->findData(settings.pollIntervalMs) < 0)
        m_interval->addItem(tr("every %1").arg(Poller::formatDuration(settings.pollIntervalMs)),
                            settings.pollIntervalMs);
    m_interval->setCurrentIndex(m_interval->findData(settings.pollIntervalMs));

    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_database->setPlaceholderText(paths::defaultDatabasePath());
    auto *browseDb = new QToolButton(this);
    browseDb->setText(tr("Browse…"));
    connect(browseDb, &QToolButton::clicked, this, &SettingsDialog::browseDatabase);
    auto *dbNote = new QLabel(tr("Used from the next start; --db on the command line overrides it."), this);
    dbNote->setForegroundRole(QPalette::PlaceholderText);
    dbNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("ssh_config:"), withBrowse(m_sshConfig, browseSsh, this));
    form->addRow(tr("Connect timeout:"), m_connect);
    form->addRow(tr("Command timeout:"), m_command);
    form->addRow(tr("Poll:"), m_interval);
    form->addRow(tr("Database:"), withBrowse(m_database, browseDb, this));
    form->addRow(QString(), dbNote);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());
}

AppSettings SettingsDialog::settings() const
{
    AppSettings a;
    a.sshConfigPath = m_sshConfig->text().trimmed();
    a.connectTimeoutMs = m_connect->value() * 1000;
    a.commandTimeoutMs = m_command->value() * 1000;
    a.pollIntervalMs = m_interval->currentData().toLongLong();
    a.databasePath = m_database->text().trimmed();
    return a;
}

void SettingsDialog::browseSshConfig()
{
    const QString start = m_sshConfig->text().isEmpty() ? paths::defaultSshConfigPath() : m_sshConfig->text();
    const QString path = QFileDialog::getOpenFileName(this, tr("ssh_config"), start);
    if (!path.isEmpty())
        m_sshConfig->setText(path);
}

void SettingsDialog::browseDatabase()
{
    const QString start = m_database->text().isEmpty() ? paths::defaultDatabasePath() : m_database->text();
    // Not an open dialog: a file that does not exist yet is created at the next start.
    const QString path = QFileDialog::getSaveFileName(this, tr("Database"), start,
                                                      tr("AllocLab databases (*.sqlite *.db);;All files (*)"),
                                                      nullptr, QFileDialog::DontConfirmOverwrite);
    if (!path.isEmpty())
        m_database->setText(path);
}

} // namespace alloclab
