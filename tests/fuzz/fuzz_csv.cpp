// libFuzzer target for the TorUtils readers: no crash, no hang, no sanitizer report, and a
// field written by appendField reads back unchanged.
#include "models/csvreader.h"
#include "models/torutils.h"

#include <cstdlib>

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
