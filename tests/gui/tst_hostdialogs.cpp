#include "app/fleetservice.h"
#include "ui/addhostdialog.h"
#include "ui/hostkeydialog.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace alloclab;

class TestHostDialogs : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_config;

    static QPushButton *ok(AddHostDialog &d) { return d.buttons()->button(QDialogButtonBox::Ok); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("ssh_config"));
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("Host go\n  HostName 127.0.0.2\n  User tor\nHost co\n  HostName 127.0.0.3\n  Port 2222\n"
                "Host *\n  User someone\n");
    }

    void aliasesOffered()
    {
        AddHostDialog d(m_config, { QStringLiteral("co") });
        QSignalSpy loaded(&d, &AddHostDialog::aliasesLoaded);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(loaded.first().first().toInt(), 2);
        QCOMPARE(d.aliasList()->count(), 2);
        QVERIFY(d.aliasList()->item(0)->text().contains(QStringLiteral("tor@127.0.0.2")));
        QVERIFY(d.aliasList()->item(1)->text().contains(QStringLiteral(":2222")));
        // Already a host: offered but not selectable.
        QVERIFY(!(d.aliasList()->item(1)->flags() & Qt::ItemIsEnabled));
    }

    void aliasClickResolves()
    {
        AddHostDialog d(m_config, {});
        QSignalSpy loaded(&d, &AddHostDialog::aliasesLoaded);
        QVERIFY(loaded.wait(10000));
        QSignalSpy ready(&d, &AddHostDialog::readyChanged);
        QListWidgetItem *go = d.aliasList()->item(0);
        QTest::mouseClick(d.aliasList()->viewport(), Qt::LeftButton, {},
                          d.aliasList()->visualItemRect(go).center());
        QCOMPARE(d.targetEdit()->text(), QStringLiteral("go"));
        QCOMPARE(d.nameEdit()->text(), QStringLiteral("go"));
        QVERIFY(ready.wait(10000));
        QVERIFY(d.isReady());
        QVERIFY(ok(d)->isEnabled());
        QVERIFY2(d.statusLabel()->text().contains(QStringLiteral("tor")),
                 qPrintable(d.statusLabel()->text()));
        QCOMPARE(d.host().name, QStringLiteral("go"));
        QCOMPARE(d.host().target, QStringLiteral("go"));
    }

    void typoCaughtWhileTyping_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("errorPart");
        QTest::newRow("bad port") << QStringLiteral("u@127.0.0.1:70000") << QStringLiteral("port");
        QTest::newRow("bad user") << QStringLiteral("-x@h") << QStringLiteral("user name");
        QTest::newRow("unresolvable") << QStringLiteral("gp.invalid") << QStringLiteral("typo");
    }
    void typoCaughtWhileTyping()
    {
        QFETCH(QString, text);
        QFETCH(QString, errorPart);
        AddHostDialog d(m_config, {});
        QTest::keyClicks(d.targetEdit(), text);
        QTRY_VERIFY2_WITH_TIMEOUT(d.statusLabel()->text().contains(errorPart, Qt::CaseInsensitive),
                                  qPrintable(d.statusLabel()->text()), 15000);
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY(!d.isReady());
    }

    void typedAddressAndNameRules()
    {
        AddHostDialog d(m_config, { QStringLiteral("taken") });
        QSignalSpy ready(&d, &AddHostDialog::readyChanged);
        QTest::keyClicks(d.targetEdit(), QStringLiteral("lab@127.0.0.1:2200"));
        QCOMPARE(d.nameEdit()->text(), QStringLiteral("127.0.0.1"));
        QVERIFY(ready.wait(10000));
        QVERIFY(ok(d)->isEnabled());
        QCOMPARE(d.host().target, QStringLiteral("lab@127.0.0.1:2200"));
        d.nameEdit()->clear();
        QTest::keyClicks(d.nameEdit(), QStringLiteral("taken"));
        QVERIFY(!ok(d)->isEnabled());
        QVERIFY(d.statusLabel()->text().contains(QStringLiteral("already exists")));
        d.nameEdit()->clear();
        QTest::keyClicks(d.nameEdit(), QStringLiteral("bad/name"));
        QVERIFY(!ok(d)->isEnabled());
        d.nameEdit()->clear();
        QTest::keyClicks(d.nameEdit(), QStringLiteral("edge1"));
        QVERIFY(ok(d)->isEnabled());
        QCOMPARE(d.host().name, QStringLiteral("edge1"));
        // A name typed by the operator is kept when the target changes.
        QTest::keyClicks(d.targetEdit(), QStringLiteral("0"));
        QCOMPARE(d.nameEdit()->text(), QStringLiteral("edge1"));
        QVERIFY(!ok(d)->isEnabled()); // the new text has not been resolved yet
    }

    void hostKeyQuestion_data()
    {
        QTest::addColumn<int>("button");
        QTest::addColumn<int>("decision");
        QTest::addColumn<int>("result");
        QTest::newRow("remember") << 0 << int(HostKeyDialog::TrustAndRemember) << int(QDialog::Accepted);
        QTest::newRow("once") << 1 << int(HostKeyDialog::TrustOnce) << int(QDialog::Accepted);
        QTest::newRow("refuse") << 2 << int(HostKeyDialog::Refuse) << int(QDialog::Rejected);
        QTest::newRow("escape") << 3 << int(HostKeyDialog::Refuse) << int(QDialog::Rejected);
        QTest::newRow("enter") << 4 << int(HostKeyDialog::Refuse) << int(QDialog::Rejected);
    }
    void hostKeyQuestion()
    {
        QFETCH(int, button);
        const QString fp = QStringLiteral("SHA256:/z0CzabD9mE9zUtZrx1O2+ERcuyRwt9XkleMWO2SXHw");
        HostKeyDialog d(QStringLiteral("lab1"), fp);
        d.show();
        QVERIFY(QTest::qWaitForWindowExposed(&d));
        bool shown = false;
        for (QLabel *l : d.findChildren<QLabel *>())
            shown = shown || l->text() == fp;
        QVERIFY(shown);
        QVERIFY(d.refuseButton()->isDefault());
        QSignalSpy decided(&d, &HostKeyDialog::decided);
        if (button == 3)
            QTest::keyClick(&d, Qt::Key_Escape);
        else if (button == 4)
            QTest::keyClick(&d, Qt::Key_Return);
        else
            QTest::mouseClick(button == 0       ? d.rememberButton()
                                  : button == 1 ? d.onceButton()
                                                : d.refuseButton(),
                              Qt::LeftButton);
        QCOMPARE(decided.size(), 1);
        QCOMPARE(decided.first().at(0).toString(), QStringLiteral("lab1"));
        QTEST(int(decided.first().at(1).value<HostKeyDialog::Decision>()), "decision");
        QTEST(d.result(), "result");
    }
};

QTEST_MAIN(TestHostDialogs)
#include "tst_hostdialogs.moc"
