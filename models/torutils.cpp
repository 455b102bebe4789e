#include "models/torutils.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cstdio>
#include <cstring>
#include <string>

namespace alloclab::torutils {

namespace {

QString str(QByteArrayView v)
{
    return QString::fromUtf8(v.data(), v.size());
}

// Shortened, printable echo of a bad value for messages.
QString echo(QByteArrayView v)
{
    QString s = QString::fromUtf8(v.data(), qMin<qsizetype>(v.size(), 40));
    if (v.size() > 40)
        s += QStringLiteral("...");
    return s;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
qint64 daysFromCivil(qint64 y, unsigned m, unsigned d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

bool digits(const char *p, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; ++i) {
        if (p[i] < '0' || p[i] > '9')
            return false;
        v = v * 10 + (p[i] - '0');
    }
    *out = v;
    return true;
}

int daysInMonth(int y, int m)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

struct Civil {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, ms = 0;
    bool hasOffset = false;
    int offsetSec = 0;
};

bool parseDatePart(const char *&p, const char *end, Civil *c)
{
    if (end - p < 10 || !digits(p, 4, &c->y) || p[4] != '-' || !digits(p + 5, 2, &c->mo) || p[7] != '-'
        || !digits(p + 8, 2, &c->d))
        return false;
    if (c->mo < 1 || c->mo > 12 || c->d < 1 || c->d > daysInMonth(c->y, c->mo))
        return false;
    p += 10;
    return true;
}

bool parseTimePart(const char *&p, const char *end, Civil *c, bool allowOffset)
{
    if (end - p < 5 || !digits(p, 2, &c->h) || p[2] != ':' || !digits(p + 3, 2, &c->mi))
        return false;
    p += 5;
    if (p < end && *p == ':') {
        if (end - p < 3 || !digits(p + 1, 2, &c->s))
            return false;
        p += 3;
        if (p < end && (*p == '.' || *p == ',')) {
            ++p;
            int n = 0;
            int ms = 0;
            while (p < end && *p >= '0' && *p <= '9') {
                if (n < 3)
                    ms = ms * 10 + (*p - '0');
                ++n;
                ++p;
            }
            if (n == 0 || n > 9)
                return false;
            for (int i = n; i < 3; ++i)
                ms *= 10;
            c->ms = ms;
        }
    }
    if (c->h > 23 || c->mi > 59 || c->s > 59)
        return false;
    if (p == end)
        return true;
    if (!allowOffset)
        return false;
    if (*p == 'Z' || *p == 'z') {
        c->hasOffset = true;
        return p + 1 == end;
    }
    if (*p != '+' && *p != '-')
        return false;
    const int sign = *p == '-' ? -1 : 1;
    ++p;
    int oh = 0, om = 0;
    if (end - p < 2 || !digits(p, 2, &oh))
        return false;
    p += 2;
    if (p < end && *p == ':')
        ++p;
    if (p < end) {
        if (end - p != 2 || !digits(p, 2, &om))
            return false;
        p += 2;
    }
    if (oh > 23 || om > 59)
        return false;
    c->hasOffset = true;
    c->offsetSec = sign * (oh * 3600 + om * 60);
    return true;
}

qint64 civilToUtcMs(const Civil &c, int offsetSec)
{
    const qint64 days = daysFromCivil(c.y, unsigned(c.mo), unsigned(c.d));
    return (days * 86400 + c.h * 3600 + c.mi * 60 + c.s - offsetSec) * 1000 + c.ms;
}

// Byte equality inlined: QByteArrayView's operator== calls into QtCore (compareMemory), and the
// hot loop compares five short fields per row.
inline bool same(QByteArrayView a, QByteArrayView b)
{
    if (a.size() != b.size())
        return false;
    // The fields compared are short (a fingerprint is 40 bytes): words without a call, the
    // last word overlapping the one before.
    const char *p = a.data();
    const char *q = b.data();
    const qsizetype n = a.size();
    const auto word = [](const char *x) {
        quint64 w;
        std::memcpy(&w, x, 8);
        return w;
    };
    if (n >= 8) {
        quint64 diff = word(p + n - 8) ^ word(q + n - 8);
        for (qsizetype i = 0; i + 8 < n; i += 8)
            diff |= word(p + i) ^ word(q + i);
        return diff == 0;
    }
    if (n >= 4) {
        quint32 x0, x1, y0, y1;
        std::memcpy(&x0, p, 4);
        std::memcpy(&x1, p + n - 4, 4);
        std::memcpy(&y0, q, 4);
        std::memcpy(&y1, q + n - 4, 4);
        return ((x0 ^ y0) | (x1 ^ y1)) == 0;
    }
    for (qsizetype i = 0; i < n; ++i) {
        if (p[i] != q[i])
            return false;
    }
    return true;
}
inline bool same(QByteArrayView a, const std::string &b)
{
    return same(a, QByteArrayView(b.data(), qsizetype(b.size())));
}
inline bool same(QByteArrayView a, const QByteArray &b)
{
    return same(a, QByteArrayView(b));
}

bool isHex40(QByteArrayView v)
{
    if (v.size() != 40)
        return false;
    unsigned bad = 0; // branch-free: this runs once per relay row
    for (const char c : v) {
        const unsigned u = unsigned(uchar(c));
        const unsigned l = u | 0x20; // lower-case letters
        bad |= unsigned(u - '0' > 9) & unsigned(l - 'a' > 5);
    }
    return !bad;
}

// "12", "2.93": valid for frag_ratio without converting (the value is not stored).
bool isPlainDecimal(QByteArrayView v)
{
    qsizetype i = 0;
    const qsizetype n = v.size();
    qsizetype digits = 0;
    while (i < n && unsigned(v[i]) - unsigned('0') <= 9)
        ++i, ++digits;
    if (digits == 0)
        return false;
    if (i < n && v[i] == '.') {
        ++i;
        qsizetype frac = 0;
        while (i < n && unsigned(v[i]) - unsigned('0') <= 9)
            ++i, ++frac;
        if (frac == 0)
            return false;
    }
    return i == n;
}

bool isNickname(QByteArrayView v)
{
    if (v.isEmpty() || v.size() > 19)
        return false;
    for (const char c : v) {
        if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            return false;
    }
    return true;
}

QByteArrayView normFingerprint(QByteArrayView fp)
{
    fp = csv::trimmed(fp);
    if (fp.startsWith('$'))
        fp = fp.sliced(1);
    return fp;
}

// Shared scaffolding of the small-file parsers: header lookup and error collection.
struct ErrorSink {
    QList<RowError> *errors;
    qsizetype *count;
    int max;
    void add(qsizetype line, const QString &message)
    {
        ++*count;
        if (errors->size() < max)
            errors->append({ line, message });
    }
};

} // namespace

// ---------------------------------------------------------------------------------------------

QString kindName(FileKind kind)
{
    switch (kind) {
    case FileKind::Memory:
        return QStringLiteral("memory");
    case FileKind::Events:
        return QStringLiteral("events");
    case FileKind::Diagnostics:
        return QStringLiteral("diagnostics");
    case FileKind::RelayConfig:
        return QStringLiteral("relay_config");
    case FileKind::Unknown:
        break;
    }
    return QStringLiteral("unknown");
}

FileFormat detectFormat(QByteArrayView data)
{
    FileFormat f;
    csv::Reader r(data);
    if (!r.next()) {
        f.error = r.hasError()
            ? r.errorString()
            : QCoreApplication::translate("TorUtils", "expected a header line, the file is empty");
        return f;
    }
    const csv::Header h(r);
    f.columns = h.size();
    if (h.has("timestamp") && h.has("type") && (h.has("rss_kb") || h.has("total_kb"))) {
        f.kind = FileKind::Memory;
        f.groupColumn = h.has("group");
        if (!h.has("nickname") && !h.has("fingerprint"))
            f.error = QCoreApplication::translate("TorUtils", "expected a nickname or fingerprint column");
    } else if (h.has("timestamp") && h.has("event_type")) {
        f.kind = FileKind::Events;
    } else if (h.has("date") && h.has("time") && (h.has("hostname") || h.has("kernel"))) {
        f.kind = FileKind::Diagnostics;
    } else if ((h.has("nickname") || h.has("fingerprint"))
               && ((h.has("dircache") && h.has("maxmem")) || (h.has("allocator") && h.has("config")))) {
        f.kind = FileKind::RelayConfig;
        f.allocatorSchema = h.has("allocator") && h.has("config");
    } else {
        f.error = QCoreApplication::translate(
            "TorUtils",
            "expected the header of memory.csv (timestamp,server,type,...,rss_kb,...), events.csv "
            "(timestamp,event_type,...), diagnostics.csv (date,time,hostname,...) or relay_config.csv");
    }
    return f;
}

QString formatError(const QString &fileName, const RowError &error)
{
    if (error.line <= 0)
        return fileName + QStringLiteral(": ") + error.message;
    return fileName + QLatin1Char(':') + QString::number(error.line) + QStringLiteral(": ") + error.message;
}

// ---------------------------------------------------------------------------------------------

TimestampParser::TimestampParser(const QTimeZone &naiveZone)
    : m_zone(naiveZone.isValid() ? naiveZone : QTimeZone::utc())
{
    m_fixed = !m_zone.hasTransitions();
    m_fixedOffsetSec
        = m_fixed ? m_zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(0, QTimeZone::utc())) : 0;
}

bool TimestampParser::parse(QByteArrayView text, qint64 *ms, bool *hadOffset)
{
    text = csv::trimmed(text);
    if (!m_lastText.isEmpty() && same(text, m_lastText)) {
        *ms = m_lastMs;
        if (hadOffset)
            *hadOffset = m_lastOffset;
        return true;
    }
    Civil c;
    const char *p = text.data();
    const char *end = p + text.size();
    if (!parseDatePart(p, end, &c) || p == end || (*p != 'T' && *p != 't' && *p != ' '))
        return false;
    ++p;
    if (!parseTimePart(p, end, &c, true))
        return false;
    qint64 v;
    if (c.hasOffset)
        v = civilToUtcMs(c, c.offsetSec);
    else if (m_fixed)
        v = civilToUtcMs(c, m_fixedOffsetSec);
    else
        v = QDateTime(QDate(c.y, c.mo, c.d), QTime(c.h, c.mi, c.s, c.ms), m_zone).toMSecsSinceEpoch();
    m_lastText = text.toByteArray();
    m_lastMs = v;
    m_lastOffset = c.hasOffset;
    *ms = v;
    if (hadOffset)
        *hadOffset = c.hasOffset;
    return true;
}

bool TimestampParser::parse(QByteArrayView date, QByteArrayView time, qint64 *ms)
{
    date = csv::trimmed(date);
    time = csv::trimmed(time);
    Civil c;
    const char *p = date.data();
    const char *end = p + date.size();
    if (!parseDatePart(p, end, &c) || p != end)
        return false;
    p = time.data();
    end = p + time.size();
    if (!parseTimePart(p, end, &c, false))
        return false;
    *ms = m_fixed ? civilToUtcMs(c, m_fixedOffsetSec)
                  : QDateTime(QDate(c.y, c.mo, c.d), QTime(c.h, c.mi, c.s, c.ms), m_zone).toMSecsSinceEpoch();
    return true;
}

QByteArray formatTimestamp(qint64 ms, const QTimeZone &zone, bool withOffset)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(ms, zone.isValid() ? zone : QTimeZone::utc());
    QByteArray out = dt.toString(dt.time().msec() ? QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")
                                                  : QStringLiteral("yyyy-MM-ddTHH:mm:ss"))
                         .toLatin1();
    if (withOffset) {
        const int off = dt.offsetFromUtc();
        const int a = (qAbs(off) / 60) % (100 * 60);
        char buf[16];
        std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
        out.append(buf);
    }
    return out;
}

// ---------------------------------------------------------------------------------------------

Id RelayIndex::resolveKnown(QByteArrayView server, QByteArrayView fingerprint, QByteArrayView nickname)
{
    // Snapshots list the relays in the same order every time: guess the relay that followed the
    // previous one last time and confirm it byte for byte. Only rows with a fingerprint take
    // this path, because their mapping never changes once made (a name-only mapping can).
    if (!fingerprint.isEmpty() && m_prev >= 0 && size_t(m_prev) < m_next.size()) {
        const Id guess = m_next[size_t(m_prev)];
        if (guess > 0) {
            const Seen &s = m_seen[size_t(guess)];
            if (same(fingerprint, s.fingerprint) && same(nickname, s.nickname) && same(server, s.server)) {
                m_prev = guess;
                return guess;
            }
        }
    }
    return 0;
}

Id RelayIndex::resolve(QByteArrayView server, QByteArrayView fingerprint, QByteArrayView nickname)
{
    if (const Id known = resolveKnown(server, fingerprint, nickname))
        return known;
    const Id id = resolveSlow(server, fingerprint, nickname);
    if (m_seen.size() <= size_t(id)) {
        m_seen.resize(size_t(id) + 1);
        m_next.resize(size_t(id) + 1, 0);
    }
    if (!fingerprint.isEmpty()) {
        Seen &s = m_seen[size_t(id)];
        s.fingerprint.assign(fingerprint.data(), size_t(fingerprint.size()));
        s.nickname.assign(nickname.data(), size_t(nickname.size()));
        s.server.assign(server.data(), size_t(server.size()));
    }
    if (m_prev >= 0)
        m_next[size_t(m_prev)] = id;
    m_prev = id;
    return id;
}

Id RelayIndex::resolveSlow(QByteArrayView server, QByteArrayView fingerprint, QByteArrayView nickname)
{
    m_key.assign(server.data(), size_t(server.size()));
    m_key.push_back('\n');
    m_key.append(nickname.data(), size_t(nickname.size()));
    if (!fingerprint.isEmpty()) {
        std::string fp(fingerprint.data(), size_t(fingerprint.size()));
        for (char &c : fp)
            c = char(c >= 'a' && c <= 'f' ? c - 32 : c);
        auto it = m_byFingerprint.find(fp);
        if (it != m_byFingerprint.end()) {
            if (!nickname.isEmpty())
                m_byName.emplace(m_key, it->second); // remember the name for fingerprint-less rows
            return it->second;
        }
        // A relay first seen without fingerprint gets it now.
        auto byName = nickname.isEmpty() ? m_byName.end() : m_byName.find(m_key);
        if (byName != m_byName.end() && m_relays[byName->second - 1].fingerprint.isEmpty()) {
            m_relays[byName->second - 1].fingerprint = QString::fromLatin1(fp.data(), qsizetype(fp.size()));
            m_byFingerprint.emplace(fp, byName->second);
            return byName->second;
        }
        RelayRecord r;
        r.id = Id(m_relays.size() + 1);
        r.server = str(server);
        r.nickname = str(nickname);
        r.fingerprint = QString::fromLatin1(fp.data(), qsizetype(fp.size()));
        m_relays.append(r);
        m_byFingerprint.emplace(std::move(fp), r.id);
        if (!nickname.isEmpty())
            m_byName[m_key] = r.id;
        return r.id;
    }
    auto it = m_byName.find(m_key);
    if (it != m_byName.end())
        return it->second;
    RelayRecord r;
    r.id = Id(m_relays.size() + 1);
    r.server = str(server);
    r.nickname = str(nickname);
    m_relays.append(r);
    m_byName.emplace(m_key, r.id);
    return r.id;
}

// ---------------------------------------------------------------------------------------------

MemoryParser::MemoryParser(QByteArrayView data, const ReadOptions &options)
    : m_reader(data)
    , m_time(options.naiveZone)
    , m_defaultServer(options.server)
    , m_defaultServerUtf8(options.server.toUtf8())
{
    readHeader();
}

MemoryParser::MemoryParser(csv::Reader::Source source, const ReadOptions &options)
    : m_reader(std::move(source))
    , m_time(options.naiveZone)
    , m_defaultServer(options.server)
    , m_defaultServerUtf8(options.server.toUtf8())
{
    readHeader();
}

void MemoryParser::readHeader()
{
    // The header is in the first chunk read (a header line longer than that is no header).
    m_format = detectFormat(m_reader.pending());
    if (m_format.kind != FileKind::Memory) {
        m_headerError = m_format.error.isEmpty()
            ? QCoreApplication::translate("TorUtils", "expected a memory.csv header, found a %1 file")
                  .arg(kindName(m_format.kind))
            : m_format.error;
        return;
    }
    if (!m_format.error.isEmpty()) {
        m_headerError = m_format.error;
        return;
    }
    m_reader.next();
    const csv::Header h(m_reader);
    m_cTimestamp = h.column("timestamp");
    m_cServer = h.column("server");
    m_cType = h.column("type");
    m_cFingerprint = h.column("fingerprint");
    m_cNickname = h.column("nickname");
    m_cGroup = h.column("group");
    m_cRss = h.column("rss_kb");
    m_cVmsize = h.column("vmsize_kb");
    m_cHwm = h.column("hwm_kb");
    m_cFrag = h.column("frag_ratio");
    m_cCount = h.column("count");
    m_cTotal = h.column("total_kb");
    m_cAvg = h.column("avg_kb");
    m_cMin = h.column("min_kb");
    m_cMax = h.column("max_kb");
}

MemoryParser::Row MemoryParser::fail(const QString &message)
{
    m_error.line = m_reader.line();
    m_error.message = message;
    return Row::Error;
}

bool MemoryParser::intColumn(int col, const char *name, bool required, qint64 *out)
{
    const QByteArrayView v = m_reader.field(col);
    if (col >= 0 && csv::parsePlainDigits(v, out)) // the common case first
        return true;
    if (col < 0 || csv::trimmed(v).isEmpty()) {
        *out = -1;
        if (required) {
            fail(QCoreApplication::translate("TorUtils", "expected a value in %1").arg(QLatin1String(name)));
            return false;
        }
        return true;
    }
    if (!csv::parseInt(v, out) || *out < 0) {
        fail(QCoreApplication::translate("TorUtils", "expected a non-negative integer in %1, got '%2'")
                 .arg(QLatin1String(name), echo(v)));
        return false;
    }
    return true;
}

MemoryParser::Row MemoryParser::next()
{
    if (!headerOk())
        return Row::End;
    if (!m_reader.next()) {
        if (m_reader.hasError()) {
            m_error.line = m_reader.line();
            m_error.message = m_reader.errorString();
            return Row::Error;
        }
        return Row::End;
    }
    qint64 ts = 0;
    const QByteArrayView tsText = m_reader.field(m_cTimestamp);
    if (!m_time.parse(tsText, &ts))
        return fail(
            QCoreApplication::translate("TorUtils", "expected an ISO 8601 timestamp in timestamp, got '%1'")
                .arg(echo(tsText)));
    QByteArrayView server = csv::trimmed(m_reader.field(m_cServer));
    if (server.isEmpty())
        server = m_defaultServerUtf8;
    const QByteArrayView type = csv::trimmed(m_reader.field(m_cType));
    if (same(type, QByteArrayView("relay"))) {
        const QByteArrayView fp = normFingerprint(m_reader.field(m_cFingerprint));
        const QByteArrayView nick = csv::trimmed(m_reader.field(m_cNickname));
        // The relay of the previous snapshot in the same place: its fields were checked then.
        const Id known = m_index.resolveKnown(server, fp, nick);
        if (!known && !fp.isEmpty() && !isHex40(fp))
            return fail(
                QCoreApplication::translate("TorUtils", "expected a 40-character hex fingerprint, got '%1'")
                    .arg(echo(fp)));
        if (!known && !nick.isEmpty() && !isNickname(nick))
            return fail(QCoreApplication::translate(
                            "TorUtils", "expected a relay nickname (1-19 letters or digits), got '%1'")
                            .arg(echo(nick)));
        if (fp.isEmpty() && nick.isEmpty())
            return fail(QCoreApplication::translate("TorUtils", "expected a fingerprint or a nickname"));
        m_sample = SampleRecord();
        m_sample.tsMs = ts;
        // memory.csv does not say which allocator a process had loaded: unknown, not glibc ("").
        // A literal: copies of it share static data, no allocation and no reference count.
        m_sample.loadedAllocator = QStringLiteral("?");
        if (!intColumn(m_cRss, "rss_kb", true, &m_sample.rssKb)
            || !intColumn(m_cHwm, "hwm_kb", false, &m_sample.hwmKb)
            || !intColumn(m_cVmsize, "vmsize_kb", false, &m_sample.vmsizeKb))
            return Row::Error;
        if (m_cFrag >= 0) {
            const QByteArrayView f = m_reader.field(m_cFrag);
            double d;
            if (!f.isEmpty() && !isPlainDecimal(f) && !csv::trimmed(f).isEmpty() && !csv::parseDouble(f, &d))
                return fail(
                    QCoreApplication::translate("TorUtils", "expected a number in frag_ratio, got '%1'")
                        .arg(echo(f)));
        }
        m_group = csv::trimmed(m_reader.field(m_cGroup));
        m_sample.relayId = known ? known : m_index.resolve(server, fp, nick);
        return Row::Relay;
    }
    if (same(type, QByteArrayView("aggregate"))) {
        m_aggregate.tsMs = ts;
        if (m_lastServer != server || m_aggregate.server.isEmpty()) {
            m_lastServer = server.toByteArray();
            m_aggregate.server = str(server);
        }
        if (!intColumn(m_cCount, "count", true, &m_aggregate.count)
            || !intColumn(m_cTotal, "total_kb", true, &m_aggregate.totalKb)
            || !intColumn(m_cAvg, "avg_kb", false, &m_aggregate.avgKb)
            || !intColumn(m_cMin, "min_kb", false, &m_aggregate.minKb)
            || !intColumn(m_cMax, "max_kb", false, &m_aggregate.maxKb))
            return Row::Error;
        return Row::Aggregate;
    }
    return fail(QCoreApplication::translate("TorUtils", "expected type 'relay' or 'aggregate', got '%1'")
                    .arg(echo(type)));
}

MemoryFile parseMemory(QByteArrayView data, const ReadOptions &options)
{
    MemoryFile f;
    MemoryParser p(data, options);
    f.format = p.format();
    ErrorSink sink { &f.errors, &f.errorCount, options.maxErrors };
    if (!p.headerOk()) {
        sink.add(1, p.headerError());
        return f;
    }
    for (;;) {
        const MemoryParser::Row r = p.next();
        if (r == MemoryParser::Row::End)
            break;
        switch (r) {
        case MemoryParser::Row::Relay:
            f.samples.append(p.sample());
            if (f.format.groupColumn)
                f.sampleGroups.append(str(p.group()));
            break;
        case MemoryParser::Row::Aggregate:
            f.aggregates.append(p.aggregate());
            break;
        case MemoryParser::Row::Error:
            sink.add(p.error().line, p.error().message);
            break;
        case MemoryParser::Row::End:
            break;
        }
    }
    f.relays = p.relays();
    return f;
}

// ---------------------------------------------------------------------------------------------

EventsFile parseEvents(QByteArrayView data, const ReadOptions &options)
{
    EventsFile f;
    ErrorSink sink { &f.errors, &f.errorCount, options.maxErrors };
    const FileFormat fmt = detectFormat(data);
    if (fmt.kind != FileKind::Events) {
        sink.add(1,
                 QCoreApplication::translate("TorUtils",
                                             "expected the header timestamp,event_type,description,group"));
        return f;
    }
    csv::Reader r(data);
    r.next();
    const csv::Header h(r);
    const int cTs = h.column("timestamp"), cType = h.column("event_type"), cDesc = h.column("description"),
              cGroup = h.column("group"), cServer = h.column("server");
    Q_UNUSED(cServer)
    TimestampParser tp(options.naiveZone);
    for (;;) {
        if (!r.next()) {
            if (!r.hasError())
                break;
            sink.add(r.line(), r.errorString());
            continue;
        }
        EventRecord e;
        if (!tp.parse(r.field(cTs), &e.tsMs)) {
            sink.add(r.line(),
                     QCoreApplication::translate("TorUtils",
                                                 "expected an ISO 8601 timestamp in timestamp, got '%1'")
                         .arg(echo(r.field(cTs))));
            continue;
        }
        e.type = str(csv::trimmed(r.field(cType)));
        if (e.type.isEmpty()) {
            sink.add(r.line(),
                     QCoreApplication::translate("TorUtils", "expected an event type in event_type"));
            continue;
        }
        e.description = str(r.field(cDesc));
        e.group = str(csv::trimmed(r.field(cGroup)));
        f.events.append(e);
    }
    return f;
}

DiagnosticsFile parseDiagnostics(QByteArrayView data, const ReadOptions &options)
{
    DiagnosticsFile f;
    ErrorSink sink { &f.errors, &f.errorCount, options.maxErrors };
    const FileFormat fmt = detectFormat(data);
    if (fmt.kind != FileKind::Diagnostics) {
        sink.add(1, QCoreApplication::translate("TorUtils", "expected the header date,time,hostname,..."));
        return f;
    }
    csv::Reader r(data);
    r.next();
    const csv::Header h(r);
    const int cDate = h.column("date"), cTime = h.column("time"), cHost = h.column("hostname"),
              cTor = h.column("tor_version"), cOs = h.column("os_release"), cKernel = h.column("kernel"),
              cAlloc = h.column("allocator"), cTotal = h.column("mem_total_mb"),
              cAvail = h.column("mem_available_mb"), cCached = h.column("mem_cached_mb"),
              cSwapT = h.column("swap_total_mb"), cSwapF = h.column("swap_free_mb"),
              cCount = h.column("relay_count"), cServer = h.column("server");
    int cLoad = h.column("load1");
    if (cLoad < 0)
        cLoad = h.column("load_1");
    TimestampParser tp(options.naiveZone);
    for (;;) {
        if (!r.next()) {
            if (!r.hasError())
                break;
            sink.add(r.line(), r.errorString());
            continue;
        }
        HostDiagnosticsRecord d;
        if (!tp.parse(r.field(cDate), r.field(cTime), &d.tsMs)) {
            sink.add(r.line(),
                     QCoreApplication::translate(
                         "TorUtils", "expected a date YYYY-MM-DD and a time HH:MM:SS, got '%1' '%2'")
                         .arg(echo(r.field(cDate)), echo(r.field(cTime))));
            continue;
        }
        d.hostname = str(csv::trimmed(r.field(cHost)));
        d.server = str(csv::trimmed(r.field(cServer)));
        if (d.server.isEmpty())
            d.server = options.server.isEmpty() ? d.hostname : options.server;
        d.torVersion = str(csv::trimmed(r.field(cTor)));
        d.osRelease = str(csv::trimmed(r.field(cOs)));
        d.kernel = str(csv::trimmed(r.field(cKernel)));
        d.allocator = str(csv::trimmed(r.field(cAlloc)));
        bool ok = true;
        auto mb = [&](int col, const char *name, qint64 *outKb) {
            if (!ok || col < 0 || csv::trimmed(r.field(col)).isEmpty())
                return;
            qint64 v;
            if (!csv::parseInt(r.field(col), &v) || v < 0) {
                sink.add(
                    r.line(),
                    QCoreApplication::translate("TorUtils", "expected a non-negative integer in %1, got '%2'")
                        .arg(QLatin1String(name), echo(r.field(col))));
                ok = false;
                return;
            }
            *outKb = v * 1024;
        };
        mb(cTotal, "mem_total_mb", &d.memTotalKb);
        mb(cAvail, "mem_available_mb", &d.memAvailableKb);
        mb(cCached, "mem_cached_mb", &d.cachedKb);
        mb(cSwapT, "swap_total_mb", &d.swapTotalKb);
        mb(cSwapF, "swap_free_mb", &d.swapFreeKb);
        qint64 count = -1;
        if (ok && cCount >= 0 && !csv::trimmed(r.field(cCount)).isEmpty()) {
            if (!csv::parseInt(r.field(cCount), &count) || count < 0 || count > 1000000) {
                sink.add(
                    r.line(),
                    QCoreApplication::translate("TorUtils", "expected a relay count in relay_count, got '%1'")
                        .arg(echo(r.field(cCount))));
                ok = false;
            }
        }
        d.relayCount = int(count);
        if (ok && cLoad >= 0 && !csv::trimmed(r.field(cLoad)).isEmpty()
            && !csv::parseDouble(r.field(cLoad), &d.load1)) {
            sink.add(r.line(),
                     QCoreApplication::translate("TorUtils", "expected a number in load1, got '%1'")
                         .arg(echo(r.field(cLoad))));
            ok = false;
        }
        if (ok)
            f.rows.append(d);
    }
    return f;
}

RelayConfigFile parseRelayConfig(QByteArrayView data, const ReadOptions &options)
{
    RelayConfigFile f;
    ErrorSink sink { &f.errors, &f.errorCount, options.maxErrors };
    const FileFormat fmt = detectFormat(data);
    if (fmt.kind != FileKind::RelayConfig) {
        sink.add(
            1,
            QCoreApplication::translate("TorUtils",
                                        "expected the header of relay_config.csv: "
                                        "nickname,...,dircache,maxmem or nickname,...,allocator,config"));
        return f;
    }
    f.allocatorSchema = fmt.allocatorSchema;
    csv::Reader r(data);
    r.next();
    const csv::Header h(r);
    const int cNick = h.column("nickname"), cFp = h.column("fingerprint"), cServer = h.column("server"),
              cDir = h.column("dircache"), cMax = h.column("maxmem"), cAlloc = h.column("allocator"),
              cConf = h.column("config");
    f.dirCacheSchema = cDir >= 0 && cMax >= 0;
    for (;;) {
        if (!r.next()) {
            if (!r.hasError())
                break;
            sink.add(r.line(), r.errorString());
            continue;
        }
        RelayConfigRecord c;
        const QByteArrayView fp = normFingerprint(r.field(cFp));
        const QByteArrayView nick = csv::trimmed(r.field(cNick));
        if (!fp.isEmpty() && !isHex40(fp)) {
            sink.add(
                r.line(),
                QCoreApplication::translate("TorUtils", "expected a 40-character hex fingerprint, got '%1'")
                    .arg(echo(fp)));
            continue;
        }
        if ((!nick.isEmpty() && !isNickname(nick)) || (nick.isEmpty() && fp.isEmpty())) {
            sink.add(r.line(),
                     QCoreApplication::translate(
                         "TorUtils", "expected a relay nickname (1-19 letters or digits), got '%1'")
                         .arg(echo(nick)));
            continue;
        }
        c.relay.nickname = str(nick);
        c.relay.fingerprint = str(fp).toUpper();
        c.relay.server = str(csv::trimmed(r.field(cServer)));
        if (c.relay.server.isEmpty())
            c.relay.server = options.server;
        c.dirCache = str(csv::trimmed(r.field(cDir)));
        c.maxMem = str(csv::trimmed(r.field(cMax)));
        c.allocator = str(csv::trimmed(r.field(cAlloc)));
        c.config = str(r.field(cConf));
        f.rows.append(c);
    }
    return f;
}

// ---------------------------------------------------------------------------------------------

GroupFileName parseGroupFileName(const QString &fileName)
{
    static const QRegularExpression re(
        QStringLiteral("^group_([A-Za-z])_([A-Za-z0-9._+-]+?)(_historical)?\\.txt$"));
    GroupFileName g;
    const QRegularExpressionMatch m = re.match(fileName);
    if (!m.hasMatch())
        return g;
    g.valid = true;
    g.letter = m.captured(1).toUpper();
    g.label = m.captured(2);
    g.historical = m.capturedLength(3) > 0;
    return g;
}

QStringList parseGroupFile(QByteArrayView data, QList<RowError> *errors)
{
    QStringList out;
    if (data.startsWith("\xEF\xBB\xBF"))
        data = data.sliced(3);
    qsizetype line = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        ++line;
        qsizetype e = data.indexOf('\n', pos);
        if (e < 0)
            e = data.size();
        QByteArrayView l = csv::trimmed(data.sliced(pos, e - pos));
        if (l.endsWith('\r'))
            l = csv::trimmed(l.chopped(1));
        pos = e + 1;
        if (l.isEmpty() || l.startsWith('#'))
            continue;
        const QByteArrayView fp = normFingerprint(l);
        if (isNickname(l) || isHex40(fp)) {
            out << (isHex40(fp) && fp.size() == 40 && !isNickname(l) ? str(fp).toUpper() : str(l));
        } else if (errors) {
            errors->append(
                { line,
                  QCoreApplication::translate(
                      "TorUtils",
                      "expected a relay nickname (1-19 letters or digits) or a fingerprint, got '%1'")
                      .arg(echo(l)) });
        }
    }
    return out;
}

LabelAllocator allocatorFromLabel(const QString &label)
{
    static const QRegularExpression re(QStringLiteral("^(glibc|jemalloc|mimalloc|tcmalloc)[-_]?([0-9.]*)$"),
                                       QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(label);
    if (!m.hasMatch())
        return { label, label };
    LabelAllocator a;
    a.id = m.captured(1).toLower();
    QString v = m.captured(2);
    if (!v.isEmpty() && !v.contains(QLatin1Char('.'))) {
        // TorUtils labels squeeze the version: "209" is 2.0.9, "301" is 3.0.1.
        QStringList parts;
        for (const QChar c : std::as_const(v))
            parts << QString(c);
        v = parts.join(QLatin1Char('.'));
    }
    a.displayName = v.isEmpty() ? a.id : a.id + QLatin1Char(' ') + v;
    return a;
}

// ---------------------------------------------------------------------------------------------

bool parseExperimentJson(QByteArrayView data, const QTimeZone &naiveZone, ExperimentFile *out, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data.toByteArray(), &pe);
    if (doc.isNull()) {
        *error = QCoreApplication::translate("TorUtils", "expected JSON: %1 at offset %2")
                     .arg(pe.errorString())
                     .arg(pe.offset);
        return false;
    }
    if (!doc.isObject()) {
        *error = QCoreApplication::translate("TorUtils", "expected a JSON object");
        return false;
    }
    const QJsonObject o = doc.object();
    ExperimentFile f;
    f.experiment.name = o.value(QStringLiteral("name")).toString(o.value(QStringLiteral("title")).toString());
    f.experiment.hypothesis = o.value(QStringLiteral("hypothesis")).toString();
    f.experiment.notes = o.value(QStringLiteral("notes")).toString();
    TimestampParser tp(naiveZone);
    auto time = [&](const char *key, qint64 *ms) {
        const QString s = o.value(QLatin1String(key)).toString();
        if (s.isEmpty())
            return true;
        const QByteArray b = s.toUtf8();
        if (tp.parse(b, ms))
            return true;
        if (b.size() == 10 && tp.parse(QByteArray(b + "T00:00:00"), ms))
            return true;
        *error = QCoreApplication::translate("TorUtils", "expected an ISO 8601 time in '%1', got '%2'")
                     .arg(QLatin1String(key), s);
        return false;
    };
    if (!time("start", &f.experiment.startMs) || !time("end", &f.experiment.endMs))
        return false;
    auto addGroup = [&](const QString &letter, const QJsonObject &g) {
        GroupRecord r;
        r.letter = letter.toUpper();
        r.label = g.value(QStringLiteral("label")).toString();
        r.allocatorId = g.value(QStringLiteral("allocator")).toString();
        if (r.allocatorId.isEmpty() && !r.label.isEmpty())
            r.allocatorId = allocatorFromLabel(r.label).id;
        r.colour = g.value(QStringLiteral("colour")).toString(g.value(QStringLiteral("color")).toString());
        f.experiment.groups.append(r);
        const QJsonArray relays = g.value(QStringLiteral("relays")).toArray();
        for (const QJsonValue &v : relays)
            f.members[r.letter] << v.toString();
    };
    const QJsonValue groups = o.value(QStringLiteral("groups"));
    if (groups.isObject()) {
        const QJsonObject go = groups.toObject();
        for (auto it = go.begin(); it != go.end(); ++it)
            addGroup(it.key(), it.value().toObject());
    } else if (groups.isArray()) {
        const QJsonArray ga = groups.toArray();
        for (const QJsonValue &v : ga)
            addGroup(v.toObject().value(QStringLiteral("letter")).toString(), v.toObject());
    }
    for (const GroupRecord &g : std::as_const(f.experiment.groups)) {
        if (g.letter.size() != 1 || !g.letter.at(0).isLetter()) {
            *error = QCoreApplication::translate("TorUtils", "expected a group letter A-Z, got '%1'")
                         .arg(g.letter);
            return false;
        }
    }
    *out = f;
    return true;
}

QByteArray writeExperimentJson(const ExperimentRecord &e, const QTimeZone &zone, bool withOffset)
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), e.name);
    if (!e.hypothesis.isEmpty())
        o.insert(QStringLiteral("hypothesis"), e.hypothesis);
    if (!e.notes.isEmpty())
        o.insert(QStringLiteral("notes"), e.notes);
    if (e.startMs)
        o.insert(QStringLiteral("start"), QString::fromLatin1(formatTimestamp(e.startMs, zone, withOffset)));
    if (e.endMs)
        o.insert(QStringLiteral("end"), QString::fromLatin1(formatTimestamp(e.endMs, zone, withOffset)));
    QJsonObject groups;
    for (const GroupRecord &g : e.groups) {
        QJsonObject go;
        go.insert(QStringLiteral("label"), g.label);
        go.insert(QStringLiteral("allocator"), g.allocatorId);
        if (!g.colour.isEmpty())
            go.insert(QStringLiteral("colour"), g.colour);
        groups.insert(g.letter, go);
    }
    o.insert(QStringLiteral("groups"), groups);
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

// ---------------------------------------------------------------------------------------------

QByteArray memoryHeader(bool groupColumn)
{
    return groupColumn
        ? QByteArray("timestamp,server,type,fingerprint,nickname,group,rss_kb,vmsize_kb,hwm_kb,"
                     "frag_ratio,count,total_kb,avg_kb,min_kb,max_kb\n")
        : QByteArray("timestamp,server,type,fingerprint,nickname,rss_kb,vmsize_kb,hwm_kb,"
                     "frag_ratio,count,total_kb,avg_kb,min_kb,max_kb\n");
}

namespace {
void appendNumber(QByteArray &out, qint64 v)
{
    if (v >= 0)
        out.append(QByteArray::number(v));
}
} // namespace

void appendRelayRow(QByteArray &out, const QByteArray &timestamp, const RelayRecord &relay,
                    const SampleRecord &s, const QString *group)
{
    out.append(timestamp);
    out.append(',');
    csv::appendField(out, relay.server.toUtf8());
    out.append(",relay,");
    out.append(relay.fingerprint.toLatin1());
    out.append(',');
    csv::appendField(out, relay.nickname.toUtf8());
    out.append(',');
    if (group) {
        csv::appendField(out, group->toUtf8());
        out.append(',');
    }
    appendNumber(out, s.rssKb);
    out.append(',');
    appendNumber(out, s.vmsizeKb);
    out.append(',');
    appendNumber(out, s.hwmKb);
    out.append(',');
    if (s.rssKb > 0 && s.vmsizeKb >= 0)
        out.append(QByteArray::number(double(s.vmsizeKb) / double(s.rssKb), 'f', 2));
    out.append(",,,,,\n");
}

void appendAggregateRow(QByteArray &out, const QByteArray &timestamp, const AggregateRecord &a,
                        bool groupColumn)
{
    out.append(timestamp);
    out.append(',');
    csv::appendField(out, a.server.toUtf8());
    out.append(groupColumn ? ",aggregate,,,,,,,," : ",aggregate,,,,,,,");
    appendNumber(out, a.count);
    out.append(',');
    appendNumber(out, a.totalKb);
    out.append(',');
    appendNumber(out, a.avgKb);
    out.append(',');
    appendNumber(out, a.minKb);
    out.append(',');
    appendNumber(out, a.maxKb);
    out.append('\n');
}

QByteArray eventsHeader()
{
    return QByteArray("timestamp,event_type,description,group\n");
}

void appendEventRow(QByteArray &out, const QByteArray &timestamp, const EventRecord &e)
{
    out.append(timestamp);
    out.append(',');
    csv::appendField(out, e.type.toUtf8());
    out.append(',');
    csv::appendField(out, e.description.toUtf8());
    out.append(',');
    csv::appendField(out, e.group.toUtf8());
    out.append('\n');
}

QByteArray diagnosticsHeader()
{
    return QByteArray("date,time,hostname,tor_version,os_release,kernel,allocator,mem_total_mb,mem_free_mb,"
                      "mem_available_mb,mem_cached_mb,swap_total_mb,swap_free_mb,tcp_established,tcp_total,"
                      "fd_limit,relay_count,relay_total_mb,relay_avg_mb\n");
}

void appendDiagnosticsRow(QByteArray &out, const HostDiagnosticsRecord &d, const QTimeZone &zone)
{
    const QByteArray ts = formatTimestamp(d.tsMs, zone, false);
    out.append(ts.left(10));
    out.append(',');
    out.append(ts.mid(11));
    for (const QString *s : { &d.hostname, &d.torVersion, &d.osRelease, &d.kernel, &d.allocator }) {
        out.append(',');
        csv::appendField(out, s->toUtf8());
    }
    auto mb = [&](qint64 kb) {
        out.append(',');
        if (kb >= 0)
            out.append(QByteArray::number(kb / 1024));
    };
    mb(d.memTotalKb);
    out.append(','); // mem_free_mb: not kept
    mb(d.memAvailableKb);
    mb(d.cachedKb);
    mb(d.swapTotalKb);
    mb(d.swapFreeKb);
    out.append(",,,,"); // tcp_established, tcp_total, fd_limit: not kept
    if (d.relayCount >= 0)
        out.append(QByteArray::number(d.relayCount));
    out.append(",,\n"); // relay_total_mb, relay_avg_mb: derivable from the samples
}

} // namespace alloclab::torutils
