// Import benchmark: our CSV parser and our end-to-end import beside Python's stdlib csv module
// reading the same files, timed in the same run on the same disk.
//   bench_import            quick run (ctest, label bench): 50,000 generated rows
//   bench_import --full     the size: 1,000,000 generated rows
//   bench_import --rows N   any size
// Also measures the real 5-way memory.csv when ../shared/datasets is present.
// Prints a table; asserts nothing about time (exit 1 only when something did not work at all).

#include "app/database.h"
#include "app/importer.h"
#include "models/torutils.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <charconv>
#include <ctime>
#include <sys/resource.h>
#include <vector>

using namespace alloclab;

namespace {

QTextStream out(stdout);

constexpr int kRelays = 200;
constexpr int kRepeats = 3; // median of this many runs for every figure
constexpr int kPairs = 5; // end to end: ours and python's, alternately

// CPU seconds of this process, and of the waited-for children (python3): with several
// developers on two cores, CPU time is the steadier figure; wall time is printed too.
double cpuSelf()
{
    timespec ts {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}
double cpuChildren()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec)
        + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

struct Time {
    double wall = 0;
    double cpu = 0;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

void appendInt(QByteArray &b, qint64 v)
{
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    b.append(buf, r.ptr - buf);
}

// A TorUtils history: per snapshot one aggregate row, then one row per relay, 14 columns.
QByteArray generateHistory(qint64 rows)
{
    QByteArray b = torutils::memoryHeader(false);
    b.reserve(rows * 115);
    QDateTime t(QDate(2025, 12, 1), QTime(0, 0), QTimeZone::utc());
    std::vector<QByteArray> fps, nicks;
    for (int i = 0; i < kRelays; ++i) {
        fps.push_back(
            QByteArray::number(0x1000000000ULL + quint64(i) * 7919, 16).rightJustified(40, '0').toUpper());
        nicks.push_back("relay" + QByteArray::number(i));
    }
    qint64 written = 0;
    for (int snap = 0; written < rows; ++snap) {
        const QByteArray ts = t.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")).toLatin1();
        t = t.addSecs(3600);
        b += ts + ",bench,aggregate,,,,,,,";
        appendInt(b, kRelays);
        b += ",400000000,2000000,1000000,4000000\n";
        ++written;
        for (int i = 0; i < kRelays && written < rows; ++i, ++written) {
            const qint64 rss = 1000000 + i * 4111 + snap * 97;
            b += ts + ",bench,relay," + fps[size_t(i)] + ',' + nicks[size_t(i)] + ',';
            appendInt(b, rss);
            b += ',';
            appendInt(b, rss * 3);
            b += ',';
            appendInt(b, rss + 5000);
            b += ",3.00,,,,,\n";
        }
    }
    return b;
}

struct Figures {
    qint64 bytes = 0;
    qint64 rows = 0; // data rows (relay + aggregate)
    Time parse;
    Time import;
    qint64 importedRows = 0;
    Time fixed; // an import of the header alone: the database created, one commit, closed
    Time python; // the whole python3 process
    bool hasPython = false;
    // Per pair of runs (ours, then python's, back to back): python's time without its start-up
    // over ours; the median of these. A shared machine's speed drifts between runs, and a
    // pair sees the same speed, so the ratio of a pair is steadier than a ratio of medians.
    double pairRatioWall = 0;
    double pairRatioCpu = 0;
};

// Our reader + row parser over bytes in memory (no I/O, no store).
Time timeParse(const QByteArray &data, qint64 *rows)
{
    std::vector<double> t, c;
    for (int r = 0; r < kRepeats; ++r) {
        QElapsedTimer timer;
        timer.start();
        const double c0 = cpuSelf();
        torutils::MemoryParser p(data, torutils::ReadOptions {});
        qint64 n = 0;
        for (;;) {
            const auto row = p.next();
            if (row == torutils::MemoryParser::Row::End)
                break;
            if (row == torutils::MemoryParser::Row::Error) {
                out << "parse error at line " << p.error().line << ": " << p.error().message << Qt::endl;
                return { -1, -1 };
            }
            ++n;
        }
        t.push_back(double(timer.nsecsElapsed()) / 1e9);
        c.push_back(cpuSelf() - c0);
        *rows = n;
    }
    return { median(t), median(c) };
}

// File on disk -> committed rows in a fresh SQLite database (open and schema included).
Time timeImport(const QString &path, qint64 *imported, int repeats = kRepeats)
{
    std::vector<double> t, c;
    for (int r = 0; r < repeats; ++r) {
        QTemporaryDir dir;
        QElapsedTimer timer;
        timer.start();
        const double c0 = cpuSelf();
        Database db;
        QString error;
        if (!db.open(dir.filePath(QStringLiteral("bench.sqlite")), Database::OpenMode::CreateIfMissing,
                     &error)) {
            out << error << Qt::endl;
            return { -1, -1 };
        }
        ImportOptions o;
        o.paths = { path };
        const ImportReport rep = Importer::run(db, o);
        db.close();
        t.push_back(double(timer.nsecsElapsed()) / 1e9);
        c.push_back(cpuSelf() - c0);
        if (!rep.ok) {
            out << "import failed: " << rep.errors.join(QStringLiteral("; ")) << Qt::endl;
            return { -1, -1 };
        }
        *imported = rep.samplesAdded + rep.aggregatesAdded;
    }
    return { median(t), median(c) };
}

// Debian's interpreter, not a version manager's shim (which adds its own start-up time).
QString python3()
{
    if (QFileInfo::exists(QStringLiteral("/usr/bin/python3")))
        return QStringLiteral("/usr/bin/python3");
    return QStandardPaths::findExecutable(QStringLiteral("python3"));
}

Time timePython(const QString &script, const QStringList &args, qint64 *printed = nullptr,
                int repeats = kRepeats)
{
    std::vector<double> t, c;
    for (int r = 0; r < repeats; ++r) {
        QProcess p;
        QElapsedTimer timer;
        timer.start();
        const double c0 = cpuChildren();
        p.start(python3(), QStringList { QStringLiteral("-c"), script } + args);
        if (!p.waitForFinished(600000) || p.exitCode() != 0) {
            out << "python3 failed: " << p.readAllStandardError() << Qt::endl;
            return { -1, -1 };
        }
        t.push_back(double(timer.nsecsElapsed()) / 1e9);
        c.push_back(cpuChildren() - c0);
        if (printed)
            *printed = p.readAllStandardOutput().trimmed().toLongLong();
    }
    return { median(t), median(c) };
}

const QString kPyRead = QStringLiteral("import csv,sys\n"
                                       "n=sum(1 for _ in csv.DictReader(open(sys.argv[1], newline='')))\n"
                                       "print(n)");

bool measure(const QString &path, bool python, const Time &pyStartup, Figures *f)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out << path << ": " << file.errorString() << Qt::endl;
        return false;
    }
    const QByteArray data = file.readAll();
    f->bytes = data.size();
    f->parse = timeParse(data, &f->rows);
    {
        QTemporaryDir tmp;
        const QString header = tmp.filePath(QStringLiteral("memory.csv"));
        QFile h(header);
        const qsizetype eol = data.indexOf('\n');
        if (eol < 0 || !h.open(QIODevice::WriteOnly) || h.write(data.left(eol + 1)) != eol + 1)
            return false;
        h.close();
        qint64 none = 0;
        f->fixed = timeImport(header, &none);
    }
    if (f->parse.wall < 0)
        return false;
    std::vector<double> iw, ic, pw, pc, rw, rc;
    qint64 pyRows = 0;
    for (int r = 0; r < kPairs; ++r) {
        const Time ours = timeImport(path, &f->importedRows, 1);
        if (ours.wall < 0)
            return false;
        iw.push_back(ours.wall);
        ic.push_back(ours.cpu);
        if (!python)
            continue;
        const Time py = timePython(kPyRead, { path }, &pyRows, 1);
        if (py.wall < 0)
            return false;
        pw.push_back(py.wall);
        pc.push_back(py.cpu);
        rw.push_back(std::max(py.wall - pyStartup.wall, 0.05 * py.wall) / ours.wall);
        rc.push_back(std::max(py.cpu - pyStartup.cpu, 0.05 * py.cpu) / std::max(1e-9, ours.cpu));
    }
    f->import = { median(iw), median(ic) };
    if (python) {
        f->python = { median(pw), median(pc) };
        f->pairRatioWall = median(rw);
        f->pairRatioCpu = median(rc);
        f->hasPython = true;
        if (pyRows != f->rows)
            out << "note: python counted " << pyRows << " rows, we counted " << f->rows << Qt::endl;
    }
    return true;
}

QString num(double v, int prec = 0)
{
    return QLocale::c().toString(v, 'f', prec);
}

// "wall X, cpu Y" of a rate.
QString rate(double amount, const Time &t, int prec = 0)
{
    return num(amount / t.wall, prec) + QStringLiteral(" wall, ") + num(amount / std::max(1e-9, t.cpu), prec)
        + QStringLiteral(" cpu");
}

void print(const QString &name, const Figures &f, const Time &pyStartup)
{
    const double mb = double(f.bytes) / 1e6;
    const double rows = double(f.rows);
    out << "\n== " << name << ": " << num(rows) << " rows, " << num(mb, 1) << " MB\n";
    out << "  ours   parse (reader + row parser, in memory), MB/s : " << rate(mb, f.parse) << "\n";
    out << "  ours   import end to end (file -> fresh SQLite, committed), rows/s: " << rate(rows, f.import)
        << " (" << num(double(f.importedRows)) << " rows stored)\n";
    // What any import costs before its first row: creating the database, the commit, closing.
    out << "  ours   of which fixed (the header alone into a fresh SQLite), ms: "
        << num(f.fixed.wall * 1000, 1) << " wall, " << num(f.fixed.cpu * 1000, 1) << " cpu ("
        << num(100 * f.fixed.cpu / std::max(1e-9, f.import.cpu)) << " % of the import's cpu)\n";
    if (!f.hasPython) {
        out << "  python csv.DictReader: not measured (python3 absent)\n";
        return;
    }
    // Python's start-up is part of what a user waits for; the net figure is the stricter anchor.
    Time net { f.python.wall - pyStartup.wall, f.python.cpu - pyStartup.cpu };
    const bool netOk = net.wall > 0.05 * f.python.wall && net.cpu > 0.05 * f.python.cpu;
    out << "  python csv.DictReader (read only, nothing stored), rows/s: " << rate(rows, f.python)
        << " (whole process)";
    if (netOk)
        out << "; without start-up: " << rate(rows, net);
    out << "\n";
    const Time anchor = netOk ? net : f.python;
    const double e2eCpu = f.pairRatioCpu;
    out << "  ratio  ours end to end / python read: " << num(f.pairRatioWall, 1) << "x wall, "
        << num(e2eCpu, 1) << "x cpu (python without start-up; median of " << kPairs
        << " pairs run back to back)\n";
    out << "  ratio  ours parse / python read     : " << num(anchor.wall / f.parse.wall, 1) << "x wall, "
        << num(anchor.cpu / std::max(1e-9, f.parse.cpu), 1) << "x cpu\n";
    // What no import of this file can go below: parsing it, and a database to put it in. When
    // that alone exceeds a fifth of python's read, 5x is out of reach whatever the store does.
    const double floorCpu = f.parse.cpu + f.fixed.cpu;
    out << "  floor  parse + fixed, ms cpu: " << num(floorCpu * 1000, 1) << " = "
        << num(100 * floorCpu / std::max(1e-9, anchor.cpu / 5)) << " % of the time 5x python allows ("
        << num(anchor.cpu / 5 * 1000, 1)
        << " ms); the store's part of the import: " << num(std::max(0.0, f.import.cpu - floorCpu) * 1000, 1)
        << " ms\n";
    const double parseMbCpu = mb / std::max(1e-9, f.parse.cpu);
    out << "  goals (cpu figures): parse >= 300 MB/s " << (parseMbCpu >= 300 ? "met" : "MISSED")
        << ", end to end >= 5x python " << (e2eCpu >= 5 ? "met" : "MISSED") << "\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    qint64 rows = 50000;
    if (args.contains(QStringLiteral("--full")))
        rows = 1000000;
    const qsizetype ri = args.indexOf(QStringLiteral("--rows"));
    if (ri > 0 && ri + 1 < args.size())
        rows = args.at(ri + 1).toLongLong();
#ifdef NDEBUG
    const char *build = "optimised build";
#else
    const char *build = "DEBUG build: figures are not representative, build with -DCMAKE_BUILD_TYPE=Release";
#endif
    out << "bench_import: " << num(double(rows)) << " generated rows"
        << (rows < 1000000 ? " (quick; --full for 1,000,000)" : "") << ", median of " << kRepeats << " runs, "
        << build << Qt::endl;

    Time pyStartup;
    const bool python = !python3().isEmpty();
    if (!python) {
        out << "python3 not found: the anchor is skipped" << Qt::endl;
    } else {
        pyStartup = timePython(QStringLiteral("import csv,sys"), {});
        out << "python3 " << python3() << ", start-up + import csv: " << num(pyStartup.wall * 1000, 1)
            << " ms wall, " << num(pyStartup.cpu * 1000, 1) << " ms cpu" << Qt::endl;
    }

    bool ok = true;
    const QString real = QStringLiteral(ALLOCLAB_SOURCE_DIR "/../shared/datasets/torutils-5way/memory.csv");
    if (QFileInfo::exists(real)) {
        Figures f;
        if (measure(real, python, pyStartup, &f))
            print(QStringLiteral("real torutils-5way/memory.csv"), f, pyStartup);
        else
            ok = false;
    } else {
        out << "\n== real torutils-5way/memory.csv: skipped, " << real << " is absent" << Qt::endl;
    }

    QTemporaryDir tmp;
    const QString gen = tmp.filePath(QStringLiteral("memory.csv"));
    {
        QFile f(gen);
        if (!f.open(QIODevice::WriteOnly) || f.write(generateHistory(rows)) < 0) {
            out << gen << ": " << f.errorString() << Qt::endl;
            return 1;
        }
    }
    Figures f;
    if (measure(gen, python, pyStartup, &f))
        print(QStringLiteral("generated history (%1 relays)").arg(kRelays), f, pyStartup);
    else
        ok = false;
    out.flush();
    return ok ? 0 : 1;
}
