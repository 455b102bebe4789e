#include "app/translator.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

// The German catalog is embedded and complete: a string added without its translation, or a
// translation that drops a %-placeholder, fails here instead of showing up half-English.
class TestTranslations : public QObject
{
    Q_OBJECT

    struct Message {
        QString context;
        QString source;
        bool numerus = false;
        bool unfinished = false;
        QStringList translations; // one per numerus form, or one
    };

    static QList<Message> readTs(const QString &path, QString *error)
    {
        QList<Message> out;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly)) {
            *error = f.errorString();
            return out;
        }
        QXmlStreamReader xml(&f);
        QString context;
        Message m;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const auto name = xml.name();
            if (name == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                m = Message();
                m.context = context;
                m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
            } else if (name == QLatin1String("source")) {
                m.source = xml.readElementText();
            } else if (name == QLatin1String("translation")) {
                const auto type = xml.attributes().value(QLatin1String("type"));
                if (type == QLatin1String("obsolete") || type == QLatin1String("vanished"))
                    continue;
                m.unfinished = type == QLatin1String("unfinished");
                if (m.numerus) {
                    while (xml.readNextStartElement())
                        m.translations << xml.readElementText();
                } else {
                    m.translations << xml.readElementText();
                }
                out << m;
            }
        }
        if (xml.hasError())
            *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
        return out;
    }

    static QSet<QString> placeholders(const QString &text)
    {
        static const QRegularExpression re(QStringLiteral("%(?:\\d{1,2}|n)"));
        QSet<QString> set;
        auto it = re.globalMatch(text);
        while (it.hasNext())
            set.insert(it.next().captured());
        return set;
    }

    static QString describe(const Message &m)
    {
        return QStringLiteral("[%1] \"%2\"").arg(m.context, m.source);
    }

    static QStringList problems(const QList<Message> &messages)
    {
        QStringList out;
        for (const Message &m : messages) {
            if (m.unfinished) {
                out << QStringLiteral("unfinished: ") + describe(m);
                continue;
            }
            if (m.numerus && m.translations.size() < 2)
                out << QStringLiteral("numerus forms missing: ") + describe(m);
            QSet<QString> want = placeholders(m.source);
            if (m.numerus)
                want.insert(QStringLiteral("%n"));
            for (const QString &t : m.translations) {
                if (t.trimmed().isEmpty())
                    out << QStringLiteral("empty: ") + describe(m);
                else if (placeholders(t) != want)
                    out << QStringLiteral("placeholders differ: ") + describe(m) + QStringLiteral(" => ") + t;
            }
        }
        return out;
    }

    QTranslator m_de;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_de.load(QStringLiteral(":/i18n/alloclab_de.qm")), "the German catalog is not embedded");
        QVERIFY(QCoreApplication::installTranslator(&m_de));
    }

    void knownStrings_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("german");
        QTest::newRow("menu") << "alloclab::MainWindow"
                              << "&File"
                              << "&Datei";
        QTest::newRow("free function") << "Validation"
                                       << "The relay instance name is empty."
                                       << "Der Name der Relay-Instanz ist leer.";
        QTest::newRow("cli") << "Cli"
                             << "Commands:"
                             << "Befehle:";
        QTest::newRow("Q_DECLARE_TR_FUNCTIONS") << "SshSession"
                                                << "not connected"
                                                << "nicht verbunden";
        QTest::newRow("was a private helper") << "Importer"
                                              << "The import was cancelled; nothing was stored."
                                              << "Der Import wurde abgebrochen; nichts wurde gespeichert.";
        QTest::newRow("recommendation") << "Summary"
                                        << "Avoid"
                                        << "Vermeiden";
    }
    void knownStrings()
    {
        QFETCH(QString, context);
        QFETCH(QString, source);
        QFETCH(QString, german);
        QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()),
                 german);
    }

    void numerus()
    {
        QCOMPARE(QCoreApplication::translate("Units", "%n relay(s)", nullptr, 1), QStringLiteral("1 Relay"));
        QCOMPARE(QCoreApplication::translate("Units", "%n relay(s)", nullptr, 7), QStringLiteral("7 Relays"));
        QCOMPARE(QCoreApplication::translate("alloclab::DeployDialog", "Deploy %1 on %2")
                     .arg(QCoreApplication::translate("Units", "%n relay(s)", nullptr, 1),
                          QCoreApplication::translate("Units", "%n host(s)", nullptr, 2)),
                 QStringLiteral("1 Relay auf 2 Hosts ausrollen"));
    }

    // A language without a catalog gets the English text with English plural forms.
    void englishPlurals()
    {
        QCoreApplication::removeTranslator(&m_de);
        QVERIFY(!alloclab::installTranslators(*QCoreApplication::instance(), QStringLiteral("fr")));
        QCOMPARE(QCoreApplication::translate("Units", "%n relay(s)", nullptr, 1), QStringLiteral("1 relay"));
        QCOMPARE(QCoreApplication::translate("Units", "%n relay(s)", nullptr, 7), QStringLiteral("7 relays"));
        QCOMPARE(QCoreApplication::translate("alloclab::ImportDialog", "%n bad row(s) skipped.", nullptr, 1),
                 QStringLiteral("1 bad row skipped."));
        QCOMPARE(QCoreApplication::translate("Cli", "Commands:"), QStringLiteral("Commands:"));
        // Two counts in one sentence are composed of two plurals (DeployDialog).
        QCOMPARE(QCoreApplication::translate("alloclab::DeployDialog", "Deploy %1 on %2")
                     .arg(QCoreApplication::translate("Units", "%n relay(s)", nullptr, 7),
                          QCoreApplication::translate("Units", "%n host(s)", nullptr, 1)),
                 QStringLiteral("Deploy 7 relays on 1 host"));
        QCoreApplication::installTranslator(&m_de);
    }

    void installByLanguage()
    {
        // What --lang de does in both executables.
        QCoreApplication::removeTranslator(&m_de);
        QVERIFY(alloclab::installTranslators(*QCoreApplication::instance(), QStringLiteral("de")));
        QCOMPARE(QCoreApplication::translate("Cli", "Commands:"), QStringLiteral("Befehle:"));
        QCoreApplication::installTranslator(&m_de);
    }

    void complete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << QStringLiteral("alloclab_de.ts");
        QTest::newRow("en plurals") << QStringLiteral("alloclab_en.ts");
    }
    void complete()
    {
        QFETCH(QString, file);
        const QString path = QStringLiteral(ALLOCLAB_SOURCE_DIR "/translations/") + file;
        QString error;
        const QList<Message> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > (file.contains(QLatin1String("_en")) ? 20 : 100), qPrintable(path));
        // Run translations/check_ts.py for the same list outside the test.
        const QStringList bad = problems(messages);
        QVERIFY2(bad.isEmpty(), qPrintable(bad.join(QLatin1Char('\n'))));
    }

    void checkerCatchesGaps()
    {
        // The completeness check must be able to fail: a known-bad catalog is rejected.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("bad.ts"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"(<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>X</name>
    <message><source>ok %1</source><translation>gut %1</translation></message>
    <message><source>new</source><translation type="unfinished"></translation></message>
    <message><source>%1 of %2</source><translation>%1 von</translation></message>
    <message numerus="yes"><source>%n relay(s)</source><translation><numerusform>ein Relay</numerusform><numerusform>%n Relays</numerusform></translation></message>
    <message><source>gone</source><translation type="vanished">weg</translation></message>
</context>
</TS>
)");
        f.close();
        QString error;
        const QList<Message> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(messages.size(), 4);
        const QStringList bad = problems(messages);
        QCOMPARE(bad.size(), 3);
        QVERIFY(bad.at(0).startsWith(QLatin1String("unfinished: [X] \"new\"")));
        QVERIFY(bad.at(1).contains(QLatin1String("%1 von")));
        QVERIFY(bad.at(2).contains(QLatin1String("ein Relay")));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
