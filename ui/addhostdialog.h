#pragma once

#include "app/ssh/hostresolver.h"
#include "app/ssh/sshconfig.h"
#include "models/records.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QSet>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QTimer;

namespace alloclab {

// Add Host: pick an alias of the ssh_config or type a target; the target is checked as it is
// typed (syntax at once, the address asynchronously), so a typo shows here, not at the first
// poll. Nothing here blocks the GUI thread: the ssh_config is read in the background.
class AddHostDialog : public QDialog
{
    Q_OBJECT
public:
    AddHostDialog(const QString &sshConfigPath, const QStringList &existingNames, QWidget *parent = nullptr);
    ~AddHostDialog() override;

    HostRecord host() const; // valid after accept()
    bool isReady() const; // the target resolved and the name is free

    // For tests and the main window.
    QListWidget *aliasList() const { return m_aliases; }
    QLineEdit *targetEdit() const { return m_target; }
    QLineEdit *nameEdit() const { return m_name; }
    QLabel *statusLabel() const { return m_status; }
    QDialogButtonBox *buttons() const { return m_buttons; }

Q_SIGNALS:
    void aliasesLoaded(int count);
    void readyChanged(bool ready);

private:
    void onTargetEdited();
    void onResolved(int id, const ResolvedTarget &r);
    void onAliasClicked(QListWidgetItem *item);
    void updateReady();
    void setStatus(const QString &text, bool error);

    QString m_sshConfig;
    QSet<QString> m_existing;
    QListWidget *m_aliases = nullptr;
    QLineEdit *m_target = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_status = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QTimer *m_debounce = nullptr;
    HostResolver *m_resolver = nullptr;
    QFutureWatcher<QList<SshConfigHost>> m_loader;
    int m_pending = 0; // id of the check whose answer counts
    bool m_resolvedOk = false;
    bool m_nameTouched = false;
    bool m_ready = false;
    QString m_suggestedName;
    ResolvedTarget m_resolved;
};

} // namespace alloclab
