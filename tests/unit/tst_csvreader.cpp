#include "models/csvreader.h"

#include <QRandomGenerator>
#include <QTest>

#include <cstring>
#include <memory>

using namespace alloclab;

using Records = QList<QStringList>;

namespace {
Records R(std::initializer_list<std::initializer_list<const char *>> rows)
{
    Records out;
    for (const auto &row : rows) {
        QStringList r;
        for (const char *f : row)
            r << QString::fromUtf8(f);
        out << r;
    }
    return out;
}
// A source over text that hands out at most `step` bytes a call, so records run over the end of
// the reader's chunks everywhere.
csv::Reader::Source source(const QByteArray &text, qint64 step)
{
    auto pos = std::make_shared<qint64>(0);
    return [text, step, pos](char *to, qint64 max) -> qint64 {
        const qint64 n = qMin(qMin(max, step), qint64(text.size()) - *pos);
        std::memcpy(to, text.constData() + *pos, size_t(n));
        *pos += n;
        return n;
    };
}

struct Read {
    Records records;
    QList<qsizetype> lines;
    QStringList errors;
};

Read readAll(csv::Reader &r)
{
    Read out;
    for (int guard = 0; guard < 100000; ++guard) {
        if (!r.next()) {
            if (!r.hasError())
                break;
            out.errors << QString::number(r.line()) + QLatin1Char(':') + r.errorString();
            continue;
        }
        QStringList rec;
        for (int i = 0; i < r.size(); ++i)
            rec << QString::fromUtf8(r.field(i));
        out.records << rec;
        out.lines << r.line();
    }
    return out;
}
} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void records_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<Records>("expected");
        QTest::addColumn<QList<qsizetype>>("lines");
        QTest::addColumn<QString>("error"); // substring of the error on the record after the last good one

        using L = QList<qsizetype>;
        const QString none;
        QTest::newRow("empty") << QByteArray() << Records {} << L {} << none;
        QTest::newRow("bom only") << QByteArray("\xEF\xBB\xBF") << Records {} << L {} << none;
        QTest::newRow("simple lf") << QByteArray("a,b\n1,2\n") << R({ { "a", "b" }, { "1", "2" } })
                                   << L { 1, 2 } << none;
        QTest::newRow("no final newline")
            << QByteArray("a,b\n1,2") << R({ { "a", "b" }, { "1", "2" } }) << L { 1, 2 } << none;
        QTest::newRow("crlf and bom") << QByteArray("\xEF\xBB\xBFx,y\r\n1,2\r\n")
                                      << R({ { "x", "y" }, { "1", "2" } }) << L { 1, 2 } << none;
        QTest::newRow("lone cr") << QByteArray("a\r1\r") << R({ { "a" }, { "1" } }) << L { 1, 2 } << none;
        QTest::newRow("blank lines") << QByteArray("\n\r\na\n  \n\t\n1\n\n") << R({ { "a" }, { "1" } })
                                     << L { 3, 6 } << none;
        QTest::newRow("empty fields") << QByteArray(",,\n") << R({ { "", "", "" } }) << L { 1 } << none;
        QTest::newRow("trailing comma at eof") << QByteArray("a,") << R({ { "a", "" } }) << L { 1 } << none;
        QTest::newRow("quoted comma")
            << QByteArray("\"a,b\",c\n") << R({ { "a,b", "c" } }) << L { 1 } << none;
        QTest::newRow("doubled quotes")
            << QByteArray("\"say \"\"hi\"\"\",x\n") << R({ { "say \"hi\"", "x" } }) << L { 1 } << none;
        QTest::newRow("only a doubled quote")
            << QByteArray("\"\"\"\"\n") << R({ { "\"" } }) << L { 1 } << none;
        QTest::newRow("empty quoted") << QByteArray("\"\",\"\"\n") << R({ { "", "" } }) << L { 1 } << none;
        QTest::newRow("multi-line field keeps line numbers")
            << QByteArray("a,\"x\ny\r\nz\"\nb,c\n") << R({ { "a", "x\ny\r\nz" }, { "b", "c" } }) << L { 1, 4 }
            << none;
        QTest::newRow("quote inside unquoted")
            << QByteArray("5\" screen,x\n") << R({ { "5\" screen", "x" } }) << L { 1 } << none;
        QTest::newRow("utf8") << QByteArray("3.0.1 \xE2\x86\x92 2.0.9,\xC3\xA4\n")
                              << Records { { QString::fromUtf8("3.0.1 \xE2\x86\x92 2.0.9"),
                                             QString::fromUtf8("\xC3\xA4") } }
                              << L { 1 } << none;
        QTest::newRow("unterminated quote") << QByteArray("a\n\"open,\nstill\n") << R({ { "a" } }) << L { 1 }
                                            << QStringLiteral("closing quote");
        QTest::newRow("junk after quote") << QByteArray("a\n\"x\"y,2\n") << R({ { "a" } }) << L { 1 }
                                          << QStringLiteral("after a closing quote");
    }
    void records()
    {
        QFETCH(QByteArray, input);
        QFETCH(Records, expected);
        QFETCH(QList<qsizetype>, lines);
        QFETCH(QString, error);
        csv::Reader r(input);
        Records got;
        QList<qsizetype> gotLines;
        while (r.next()) {
            QStringList rec;
            for (int i = 0; i < r.size(); ++i)
                rec << QString::fromUtf8(r.field(i));
            got << rec;
            gotLines << r.line();
        }
        QCOMPARE(got, expected);
        QCOMPARE(gotLines, lines);
        if (error.isEmpty())
            QVERIFY2(!r.hasError(), qPrintable(r.errorString()));
        else
            QVERIFY2(r.errorString().contains(error), qPrintable(r.errorString()));
        QVERIFY(r.atEnd() || r.hasError());

        // Read in chunks (what the importer does), records run over every chunk edge: the same.
        csv::Reader again(input);
        const Read whole = readAll(again);
        for (const qsizetype chunk : { 1, 2, 3, 7, 64 }) {
            for (const qint64 step : { 1, 2, 5, 1000 }) {
                csv::Reader chunked(source(input, step), chunk);
                const Read c = readAll(chunked);
                QCOMPARE(c.records, whole.records);
                QCOMPARE(c.lines, whole.lines);
                QCOMPARE(c.errors, whole.errors);
                QCOMPARE(chunked.offset(), again.offset());
                QVERIFY(chunked.atEnd());
            }
        }
    }

    // One record far longer than the default chunk (a megabyte): the buffer grows for it, and
    // offset() counts bytes of the input, not of the buffer.
    void recordLongerThanAChunk()
    {
        QByteArray text("a,b\r\n");
        const QByteArray big(3 << 20, 'x');
        text += "1,\"" + big + "\nstill\"\r\n2,3\r\n";
        csv::Reader r(source(text, 100000));
        QVERIFY(r.next());
        QVERIFY(r.next());
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.field(1).size(), big.size() + 6);
        QVERIFY(r.field(1).endsWith("x\nstill"));
        QCOMPARE(r.line(), 2);
        QVERIFY(r.next());
        QCOMPARE(r.field(1), QByteArrayView("3"));
        QCOMPARE(r.line(), 4);
        QVERIFY(!r.next());
        QVERIFY(!r.hasError());
        QCOMPARE(r.offset(), text.size());
    }

    // A source that fails stops the reader as at the end (its owner reports the error).
    void sourceFails()
    {
        int calls = 0;
        csv::Reader r([&calls](char *to, qint64) -> qint64 {
            if (calls++ == 0) {
                std::memcpy(to, "a,b\n1,", 6);
                return 6;
            }
            return -1;
        });
        QVERIFY(r.next());
        QVERIFY(r.next());
        QCOMPARE(r.size(), 2);
        QVERIFY(!r.next());
        QVERIFY(r.atEnd());
    }

    void continuesAfterError()
    {
        // A malformed record is reported with its line, then reading goes on.
        csv::Reader r(QByteArrayView("a\n\"x\"y,2\nb\n"));
        QVERIFY(r.next());
        QVERIFY(!r.next());
        QVERIFY(r.hasError());
        QCOMPARE(r.line(), 2);
        QVERIFY(r.next());
        QCOMPARE(r.field(0), QByteArrayView("b"));
        QCOMPARE(r.line(), 3);
        QVERIFY(!r.next());
        QVERIFY(!r.hasError());
    }

    void header()
    {
        csv::Reader r(QByteArrayView(" Timestamp ,RSS_KB,nickname\n"));
        QVERIFY(r.next());
        const csv::Header h(r);
        QCOMPARE(h.column("timestamp"), 0);
        QCOMPARE(h.column("rss_kb"), 1);
        QCOMPARE(h.column("nickname"), 2);
        QCOMPARE(h.column("group"), -1);
        QCOMPARE(r.field(7), QByteArrayView()); // out of range is empty, not a crash
    }

    void numbers_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<qint64>("value");
        QTest::newRow("plain") << QByteArray("1048576") << true << qint64(1048576);
        QTest::newRow("spaces") << QByteArray(" 42 ") << true << qint64(42);
        QTest::newRow("plus") << QByteArray("+7") << true << qint64(7);
        QTest::newRow("minus") << QByteArray("-7") << true << qint64(-7);
        QTest::newRow("plus minus") << QByteArray("+-7") << false << qint64(0);
        QTest::newRow("empty") << QByteArray("") << false << qint64(0);
        QTest::newRow("letters") << QByteArray("12ab") << false << qint64(0);
        QTest::newRow("float") << QByteArray("1.5") << false << qint64(0);
        QTest::newRow("overflow") << QByteArray("99999999999999999999") << false << qint64(0);
        QTest::newRow("max") << QByteArray("9223372036854775807") << true
                             << std::numeric_limits<qint64>::max();
    }
    void numbers()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, ok);
        QFETCH(qint64, value);
        qint64 v = 0;
        QCOMPARE(csv::parseInt(text, &v), ok);
        if (ok)
            QCOMPARE(v, value);
    }

    void doubles()
    {
        double d = 0;
        QVERIFY(csv::parseDouble("2.93", &d));
        QCOMPARE(d, 2.93);
        QVERIFY(!csv::parseDouble("nan", &d));
        QVERIFY(!csv::parseDouble("inf", &d));
        QVERIFY(!csv::parseDouble("1,5", &d));
    }

    void writeRoundTrip_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("plain") << QStringLiteral("abc");
        QTest::newRow("comma") << QStringLiteral("a,b");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("newline") << QStringLiteral("a\nb");
        QTest::newRow("crlf") << QStringLiteral("a\r\nb");
        QTest::newRow("edge spaces") << QStringLiteral(" a ");
        QTest::newRow("empty") << QString();
        QTest::newRow("leading bom") << QStringLiteral("\uFEFFx"); // found by fuzz_csv
        QTest::newRow("unicode") << QStringLiteral("3.0.1 \u2192 2.0.9");
    }
    void writeRoundTrip()
    {
        QFETCH(QString, field);
        QByteArray out;
        csv::appendField(out, field.toUtf8());
        out.append(",end\n");
        csv::Reader r(out);
        QVERIFY(r.next());
        QCOMPARE(r.size(), 2);
        QCOMPARE(r.field(0).toByteArray(), field.toUtf8()); // bytes: fromUtf8 would drop a BOM
        QCOMPARE(r.field(1), QByteArrayView("end"));
    }

    // Many records of random fields (short, long, quoted, with separators and line ends inside),
    // written and read back: the reader scans 64-byte windows, so fields and quotes fall on
    // every position relative to a window's edge, and the file may end without a line end. Read
    // whole and in chunks of random sizes.
    void randomRoundTrip()
    {
        QRandomGenerator rng(64);
        const QByteArray alphabet("ab,\"\r\n 0123456789xyz");
        for (int round = 0; round < 200; ++round) {
            QList<QList<QByteArray>> records;
            QByteArray text;
            const int n = int(rng.bounded(1, 20));
            for (int r = 0; r < n; ++r) {
                QList<QByteArray> fields;
                const int m = int(rng.bounded(1, 16));
                for (int f = 0; f < m; ++f) {
                    QByteArray field;
                    const int len = rng.bounded(8) == 0 ? int(rng.bounded(60, 150)) : int(rng.bounded(0, 12));
                    for (int k = 0; k < len; ++k)
                        field += alphabet.at(int(rng.bounded(alphabet.size())));
                    if (m == 1 && field.trimmed().isEmpty())
                        field = "z"; // a lone blank field would be a blank line
                    fields << field;
                    if (f)
                        text += ',';
                    csv::appendField(text, field);
                }
                records << fields;
                if (r + 1 < n || rng.bounded(2))
                    text += rng.bounded(2) ? "\r\n" : "\n";
            }
            csv::Reader whole(text);
            csv::Reader chunked(source(text, qint64(rng.bounded(1, 40))), qsizetype(rng.bounded(1, 300)));
            for (csv::Reader *reader : { &whole, &chunked }) {
                for (const QList<QByteArray> &expected : std::as_const(records)) {
                    QVERIFY2(reader->next(), qPrintable(reader->errorString()));
                    QCOMPARE(reader->size(), expected.size());
                    for (int f = 0; f < expected.size(); ++f)
                        QCOMPARE(reader->field(f).toByteArray(), expected.at(f));
                }
                QVERIFY(!reader->next());
                QVERIFY(!reader->hasError());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
