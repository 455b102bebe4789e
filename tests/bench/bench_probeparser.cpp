// Parse cost of a probe output with 100 and 10000 relays, beside an anchor from the same run:
// only splitting the same bytes into lines and fields (the least any parser must do).

#include "models/probeparser.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <cstdio>

using namespace alloclab;

namespace {

QByteArray output(int relays)
{
    QByteArray in = "alloclab-probe 1\nhost h 6.1.0 Debian 0.4.8.13 lab 1700000100 1700000000\n"
                    "meminfo 24684096 21345384 1028508 0 0\nload 0.50 0.40 0.30 2\npriv sudo\n";
    for (int i = 0; i < relays; ++i)
        in += "relay tor@relay" + QByteArray::number(i) + ".service loaded active running 500 1700000040 Nick"
            + QByteArray::number(i)
            + " B8898B374EFE3153263DDE5C81867E0587CD56E2 8000000 8100000 9000000 "
              "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2 /usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0 1 "
              "/usr/lib/x86_64-linux-gnu/libmimalloc.so.2 /usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0 "
              "1699999000\n";
    return in + "end " + QByteArray::number(relays) + "\n";
}

template<typename F> double bestMs(F f, int reps)
{
    double best = 1e18;
    for (int i = 0; i < reps; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = qMin(best, t.nsecsElapsed() / 1e6);
    }
    return best;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    for (const int n : { 100, 10000 }) {
        const QByteArray in = output(n);
        qsizetype sink = 0;
        const double anchor = bestMs(
            [&] {
                for (const QByteArray &l : in.split('\n'))
                    sink += l.split(' ').size();
            },
            5);
        bool ok = true;
        const double ours = bestMs([&] { ok = ok && ProbeParser::parse(in).relays.size() == n; }, 5);
        std::printf("%5d relays (%lld bytes): split anchor %.3f ms, ProbeParser %.3f ms (x%.1f)%s\n", n,
                    qint64(in.size()), anchor, ours, ours / anchor, ok ? "" : "  PARSE FAILED");
        if (sink < 0)
            return 2;
    }
    return 0;
}
