#include "app/appinfo.h"
#include "app/cli/cli.h"
#include "app/translator.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using alloclab::cli::run;

namespace {
struct Result {
    int code;
    QString out;
    QString err;
};
Result call(const QStringList &args)
{
    QString out, err;
    QTextStream o(&out), e(&err);
    const int code = run(QStringList { QStringLiteral("alloclab-cli") } + args, o, e);
    o.flush();
    e.flush();
    return { code, out, err };
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void version()
    {
        const Result r = call({ QStringLiteral("--version") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("alloclab-cli ") + alloclab::appinfo::version()));
        QVERIFY(r.out.contains(QStringLiteral("libssh 0.10")));
        QVERIFY(r.out.contains(QStringLiteral("SQLite 3.")));
    }
    void helpListsTheContract()
    {
        const Result r = call({ QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        const char *commands[] = { "hosts add",
                                   "hosts import",
                                   "hosts list",
                                   "hosts remove",
                                   "fleet",
                                   "collect",
                                   "import",
                                   "export",
                                   "experiment create",
                                   "experiment assign",
                                   "experiment list",
                                   "experiment show",
                                   "allocators list",
                                   "allocators add",
                                   "allocators check",
                                   "summary",
                                   "charts",
                                   "report",
                                   "deploy",
                                   "rollout",
                                   "rollback" };
        for (const char *c : commands)
            QVERIFY2(r.out.contains(QLatin1String(c)), c);
    }
    void helpColumnsNeverTouch()
    {
        // Every command line of the help is "  SYNOPSIS<at least 2 spaces>SUMMARY", or the
        // synopsis alone with its summary on the next, more indented line.
        const Result r = call({ QStringLiteral("--help") });
        const QStringList lines = r.out.split(QLatin1Char('\n'));
        const qsizetype start = lines.indexOf(QStringLiteral("Commands:"));
        QVERIFY(start >= 0);
        int checked = 0;
        qsizetype column = -1;
        for (qsizetype i = start + 1; i < lines.size() && !lines.at(i).isEmpty(); ++i) {
            const QString &l = lines.at(i);
            if (l.startsWith(QLatin1String("    ")))
                continue; // a summary on its own line
            QVERIFY2(l.startsWith(QLatin1String("  ")) && l.at(2) != QLatin1Char(' '), qPrintable(l));
            const qsizetype gap = l.indexOf(QLatin1String("  "), 2);
            if (gap < 0) {
                // Long synopsis: the next line holds the summary, indented to the column.
                QVERIFY2(i + 1 < lines.size() && lines.at(i + 1).startsWith(QLatin1String("        ")),
                         qPrintable(l));
                ++checked;
                continue;
            }
            qsizetype summaryAt = gap;
            while (summaryAt < l.size() && l.at(summaryAt) == QLatin1Char(' '))
                ++summaryAt;
            QVERIFY2(summaryAt < l.size(), qPrintable(l));
            if (column < 0)
                column = summaryAt;
            QVERIFY2(summaryAt == column, qPrintable(l)); // one aligned column
            ++checked;
        }
        QVERIFY(checked >= 20);
        // The longest deploy synopsis is shown whole.
        QVERIFY(r.out.contains(QStringLiteral("rollout --allocator ID [--host NAME]... [--dry-run] [--batch "
                                              "N] [--canary N] [--settle S] [--max-failures N] [--yes]")));
    }
    void noArgumentsIsUsage()
    {
        const Result r = call({});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("Usage:")));
    }
    void unknownCommand()
    {
        const Result r = call({ QStringLiteral("frobnicate") });
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("frobnicate")));
    }
    void missingOptionValue()
    {
        const Result r = call({ QStringLiteral("hosts"), QStringLiteral("list"), QStringLiteral("--db") });
        QCOMPARE(r.code, 2);
    }
    void commandHelp()
    {
        const Result r = call({ QStringLiteral("rollout"), QStringLiteral("--help") });
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--allocator")));
    }
    void germanCatalog()
    {
        // The embedded catalog must exist and translate a string the CLI really prints.
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/alloclab_de.qm")));
        QCOMPARE(t.translate("Cli", "Commands:"), QStringLiteral("Befehle:"));
        QCOMPARE(alloclab::languageFromArguments(
                     { QStringLiteral("x"), QStringLiteral("--lang"), QStringLiteral("de") }),
                 QStringLiteral("de"));
        QCOMPARE(alloclab::languageFromArguments({ QStringLiteral("x"), QStringLiteral("--lang=de") }),
                 QStringLiteral("de"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
