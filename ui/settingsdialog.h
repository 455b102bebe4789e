#pragma once

// Edit → Preferences…: where the ssh_config is, how long to wait for a host, how often to poll,
// and the database the next start opens. Values live in QSettings (keys below); the main window
// applies them to the running services when the dialog is accepted.

#include <QDialog>

class QDialogButtonBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace alloclab {

struct AppSettings {
    QString sshConfigPath; // "" = ~/.ssh/config (libssh's default)
    int connectTimeoutMs = 10000;
    int commandTimeoutMs = 60000;
    qint64 pollIntervalMs = 5 * 60 * 1000;
    QString databasePath; // "" = the default location

    // QSettings keys: ssh/configPath, ssh/connectTimeoutMs, ssh/commandTimeoutMs,
    // poll/intervalMs (shared with PollStatus), database/path.
    static AppSettings load();
    void save() const;
};

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings &settings, QWidget *parent = nullptr);

    AppSettings settings() const;

    QLineEdit *sshConfigEdit() const { return m_sshConfig; }
    QSpinBox *connectTimeoutBox() const { return m_connect; }
    QSpinBox *commandTimeoutBox() const { return m_command; }
    QComboBox *intervalBox() const { return m_interval; }
    QLineEdit *databaseEdit() const { return m_database; }

private:
    void browseSshConfig();
    void browseDatabase();

    QLineEdit *m_sshConfig;
    QSpinBox *m_connect;
    QSpinBox *m_command;
    QComboBox *m_interval;
    QLineEdit *m_database;
    QDialogButtonBox *m_buttons;
};

} // namespace alloclab
