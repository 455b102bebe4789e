#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace alloclab {

class FleetService;

// The question for an unknown host key: the SHA256 fingerprint, and three answers. Shown
// non-modally (open()): the other hosts keep polling while the operator checks the fingerprint.
// A changed key is never asked about: it is refused with an explanation in the activity log.
class HostKeyDialog : public QDialog
{
    Q_OBJECT
public:
    enum Decision { TrustAndRemember, TrustOnce, Refuse };
    Q_ENUM(Decision)

    HostKeyDialog(const QString &hostName, const QString &sha256Fingerprint, QWidget *parent = nullptr);

    QString hostName() const { return m_host; }
    QString fingerprint() const { return m_fingerprint; }
    QPushButton *rememberButton() const { return m_remember; }
    QPushButton *onceButton() const { return m_once; }
    QPushButton *refuseButton() const { return m_refuse; }

    // Opens the question for `host` and passes the answer to `fleet` (trustHostKey/refuseHostKey).
    static HostKeyDialog *ask(FleetService *fleet, const QString &hostName, const QString &sha256Fingerprint,
                              QWidget *parent);

Q_SIGNALS:
    void decided(const QString &hostName, alloclab::HostKeyDialog::Decision decision);

protected:
    void reject() override; // Escape / closing the window: refuse
    void showEvent(QShowEvent *event) override;

private:
    void decide(Decision d);

    QString m_host;
    QString m_fingerprint;
    QPushButton *m_remember = nullptr;
    QPushButton *m_once = nullptr;
    QPushButton *m_refuse = nullptr;
    bool m_decided = false;
};

} // namespace alloclab
