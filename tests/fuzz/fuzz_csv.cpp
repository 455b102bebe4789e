// libFuzzer target for the TorUtils readers: no crash, no hang, no sanitizer report, and a
// field written by appendField reads back unchanged.
#include "models/csvreader.h"
#include "models/torutils.h"

#include <cstdlib>
#include <cstring>

using namespace alloclab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView in(reinterpret_cast<const char *>(data), qsizetype(size));

    csv::Reader r(in);
    qsizetype lastLine = 0;
    for (int guard = 0; guard < 1000000; ++guard) {
        if (!r.next()) {
            if (!r.hasError())
                break;
            continue;
        }
        if (r.line() <= lastLine) // lines only move forward
            std::abort();
        lastLine = r.line();
        for (int i = 0; i < r.size(); ++i) {
            const QByteArrayView f = r.field(i);
            QByteArray out;
            csv::appendField(out, f);
            out.append('\n');
            csv::Reader back(out);
            if (!back.next() || back.size() != 1 || back.field(0) != f) {
                // A lone field that is blank (or only CR/LF free spaces) reads as a blank line.
                if (!csv::trimmed(f).isEmpty())
                    std::abort();
            }
            qint64 v;
            double d;
            csv::parseInt(f, &v);
            csv::parseDouble(f, &d);
        }
    }

    // Read in small chunks of uneven sizes, the same records, fields, lines and errors.
    {
        csv::Reader whole(in);
        qsizetype pos = 0;
        size_t k = 0;
        const qsizetype chunk = size > 0 ? 1 + data[0] % 48 : 1;
        csv::Reader chunked(
            [&](char *to, qint64 max) -> qint64 {
                const qint64 step = qMin<qint64>(max, size > 0 ? 1 + data[k++ % size] % 23 : 1);
                const qint64 n = qMin<qint64>(step, qint64(size) - pos);
                std::memcpy(to, data + pos, size_t(qMax<qint64>(n, 0)));
                pos += qMax<qint64>(n, 0);
                return n;
            },
            chunk);
        for (int guard = 0; guard < 1000000; ++guard) {
            const bool a = whole.next();
            const bool b = chunked.next();
            if (a != b || whole.hasError() != chunked.hasError() || whole.line() != chunked.line()
                || whole.errorString() != chunked.errorString() || whole.offset() != chunked.offset())
                std::abort();
            if (a && whole.size() != chunked.size())
                std::abort();
            for (int i = 0; a && i < whole.size(); ++i) {
                if (whole.field(i) != chunked.field(i))
                    std::abort();
            }
            if (!a && !whole.hasError())
                break;
        }
    }

    torutils::ReadOptions opt;
    opt.maxErrors = 10;
    torutils::detectFormat(in);
    torutils::parseMemory(in, opt);
    torutils::parseEvents(in, opt);
    torutils::parseDiagnostics(in, opt);
    torutils::parseRelayConfig(in, opt);
    QList<torutils::RowError> errors;
    torutils::parseGroupFile(in, &errors);
    torutils::ExperimentFile ef;
    QString error;
    torutils::parseExperimentJson(in, QTimeZone::utc(), &ef, &error);
    torutils::TimestampParser tp(QTimeZone("America/Los_Angeles"));
    qint64 ms;
    tp.parse(in.first(qMin<qsizetype>(in.size(), 40)), &ms);
    return 0;
}
