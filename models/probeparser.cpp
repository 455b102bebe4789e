#include "models/probeparser.h"

#include "models/validation.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QStringDecoder>

namespace alloclab {

namespace {

bool isLiteralByte(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
        || c == '+' || c == '/' || c == ':' || c == ',' || c == '=' || c == '@' || c == '~' || c == '-';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1; // lower-case hex is not what the probe writes: reject it
}

// Numbers: digits only (at most 18, so they fit qint64), or "-" for unknown (-1).
bool parseNumber(const QByteArray &f, qint64 *out)
{
    if (f == "-") {
        *out = -1;
        return true;
    }
    if (f.isEmpty() || f.size() > 18)
        return false;
    qint64 v = 0;
    for (const char c : f) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *out = v;
    return true;
}

bool parseLoad(const QByteArray &f, double *out)
{
    if (f == "-") {
        *out = -1;
        return true;
    }
    static const QRegularExpression re(QStringLiteral("^[0-9]{1,9}(\\.[0-9]{1,6})?$"));
    if (!re.match(QString::fromLatin1(f)).hasMatch())
        return false;
    *out = f.toDouble();
    return true;
}

class Parser
{
public:
    explicit Parser(const QByteArray &in)
        : m_in(in)
    { }

    ProbeResult run();

private:
    bool fail(const QString &what)
    {
        m_error = QCoreApplication::translate("ProbeParser", "line %1: %2").arg(m_line).arg(what);
        return false;
    }
    bool field(const QByteArray &f, const char *name, QString *out)
    {
        if (ProbeParser::decodeField(f, out))
            return true;
        return fail(QCoreApplication::translate("ProbeParser", "field %1 is not correctly encoded")
                        .arg(QLatin1String(name)));
    }
    bool number(const QByteArray &f, const char *name, qint64 *out)
    {
        if (parseNumber(f, out))
            return true;
        return fail(QCoreApplication::translate("ProbeParser", "field %1 is not a number: \"%2\"")
                        .arg(QLatin1String(name), QString::fromLatin1(f.left(40).toPercentEncoding())));
    }
    bool expectFields(const QList<QByteArray> &f, int n, const char *record)
    {
        if (f.size() - 1 == n)
            return true;
        return fail(QCoreApplication::translate("ProbeParser", "%1 record has %2 fields, expected %3")
                        .arg(QLatin1String(record))
                        .arg(f.size() - 1)
                        .arg(n));
    }
    bool parseHost(const QList<QByteArray> &f, ProbeResult &r);
    bool parseMeminfo(const QList<QByteArray> &f, ProbeResult &r);
    bool parseLoadRecord(const QList<QByteArray> &f, ProbeResult &r);
    bool parsePriv(const QList<QByteArray> &f, ProbeResult &r);
    bool parseRelay(const QList<QByteArray> &f, ProbeResult &r);

    const QByteArray &m_in;
    int m_line = 0;
    QString m_error;
    QHash<QString, int> m_unitLines;
};

bool Parser::parseHost(const QList<QByteArray> &f, ProbeResult &r)
{
    if (!expectFields(f, 7, "host"))
        return false;
    ProbeHost &h = r.host;
    return field(f[1], "hostname", &h.hostname) && field(f[2], "kernel", &h.kernel)
        && field(f[3], "os", &h.os) && field(f[4], "tor_version", &h.torVersion)
        && field(f[5], "user", &h.user) && number(f[6], "now_epoch", &h.nowEpoch)
        && number(f[7], "boot_epoch", &h.bootEpoch);
}

bool Parser::parseMeminfo(const QList<QByteArray> &f, ProbeResult &r)
{
    if (!expectFields(f, 5, "meminfo"))
        return false;
    ProbeHost &h = r.host;
    return number(f[1], "MemTotal", &h.memTotalKb) && number(f[2], "MemAvailable", &h.memAvailableKb)
        && number(f[3], "Cached", &h.cachedKb) && number(f[4], "SwapTotal", &h.swapTotalKb)
        && number(f[5], "SwapFree", &h.swapFreeKb);
}

bool Parser::parseLoadRecord(const QList<QByteArray> &f, ProbeResult &r)
{
    if (!expectFields(f, 4, "load"))
        return false;
    ProbeHost &h = r.host;
    const char *names[] = { "load1", "load5", "load15" };
    double *targets[] = { &h.load1, &h.load5, &h.load15 };
    for (int i = 0; i < 3; ++i) {
        if (!parseLoad(f[i + 1], targets[i]))
            return fail(QCoreApplication::translate("ProbeParser", "field %1 is not a load average")
                            .arg(QLatin1String(names[i])));
    }
    qint64 cpus = -1;
    if (!number(f[4], "cpus", &cpus))
        return false;
    if (cpus > 1000000)
        return fail(QCoreApplication::translate("ProbeParser", "field cpus is out of range"));
    h.cpuCount = int(cpus);
    return true;
}

bool Parser::parsePriv(const QList<QByteArray> &f, ProbeResult &r)
{
    if (!expectFields(f, 1, "priv"))
        return false;
    if (f[1] == "root")
        r.privilege = ProbePrivilege::Root;
    else if (f[1] == "sudo")
        r.privilege = ProbePrivilege::Sudo;
    else if (f[1] == "none")
        r.privilege = ProbePrivilege::None;
    else
        return fail(QCoreApplication::translate("ProbeParser", "privilege must be root, sudo or none"));
    return true;
}

QStringList pathElements(const QString &list)
{
    // LD_PRELOAD separators: space or colon. No regex: this runs for every relay.
    QStringList out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= list.size(); ++i) {
        if (i == list.size() || list[i] == QLatin1Char(' ') || list[i] == QLatin1Char(':')) {
            if (i > start)
                out << list.mid(start, i - start);
            start = i + 1;
        }
    }
    return out;
}

// A resolved/loaded path list: every element must be a valid library path.
QString pathListError(const QString &list)
{
    const QStringList parts = pathElements(list);
    for (const QString &p : parts) {
        const QString e = validation::libraryPathError(p);
        if (!e.isEmpty())
            return e;
    }
    return {};
}

bool Parser::parseRelay(const QList<QByteArray> &f, ProbeResult &r)
{
    if (!expectFields(f, ProbeParser::kRelayFields, "relay"))
        return false;
    ProbeRelay rel;
    rel.line = m_line;
    QString preloadOk;
    QString loaded, running;
    if (!(field(f[1], "unit", &rel.unit) && field(f[2], "load_state", &rel.loadState)
          && field(f[3], "active_state", &rel.activeState) && field(f[4], "sub_state", &rel.subState)
          && number(f[5], "main_pid", &rel.mainPid) && number(f[6], "start_epoch", &rel.startEpoch)
          && field(f[7], "nickname", &rel.nickname) && field(f[8], "fingerprint", &rel.fingerprint)
          && number(f[9], "rss", &rel.rssKb) && number(f[10], "hwm", &rel.hwmKb)
          && number(f[11], "vmsize", &rel.vmSizeKb) && field(f[12], "preload", &rel.configuredPreload)
          && field(f[13], "preload_resolved", &rel.configuredResolved)))
        return false;
    if (f[14] == "1" || f[14] == "-")
        rel.preloadMissing = false;
    else if (f[14] == "0")
        rel.preloadMissing = true;
    else
        return fail(QCoreApplication::translate("ProbeParser", "field preload_ok must be 1, 0 or -"));
    if (f[14] == "-" && !rel.configuredPreload.isEmpty())
        return fail(
            QCoreApplication::translate("ProbeParser", "field preload_ok is - but a preload is configured"));
    // "?" is the literal unknown marker in these two; an encoded "?" (%3F) is a value.
    if (f[15] == "?")
        rel.runningPreload = QLatin1String(ProbeRelay::kUnknown);
    else if (!field(f[15], "running_preload", &rel.runningPreload))
        return false;
    if (f[16] == "?")
        rel.loadedAllocator = QLatin1String(ProbeRelay::kUnknown);
    else if (!field(f[16], "loaded", &rel.loadedAllocator))
        return false;
    if (!number(f[17], "dropin_mtime", &rel.dropInMtime))
        return false;
    if (rel.mainPid < 0)
        return fail(QCoreApplication::translate("ProbeParser",
                                                "field main_pid must be a number (0 when not running)"));
    if (rel.mainPid > 0x7fffffff)
        return fail(QCoreApplication::translate("ProbeParser", "field main_pid is out of range"));

    // Identity and uniqueness are structural: a unit seen twice is garbled output.
    static const QRegularExpression unitRe(QStringLiteral("^tor(?:@(.*))?\\.service$"),
                                           QRegularExpression::DotMatchesEverythingOption);
    const auto m = unitRe.match(rel.unit);
    if (!m.hasMatch())
        return fail(
            QCoreApplication::translate("ProbeParser", "relay unit must be tor.service or tor@NAME.service"));
    const auto dup = m_unitLines.constFind(rel.unit);
    if (dup != m_unitLines.constEnd())
        return fail(QCoreApplication::translate("ProbeParser", "duplicate relay %1 (first on line %2)")
                        .arg(QString::fromLatin1(f[1].left(80)))
                        .arg(dup.value()));
    m_unitLines.insert(rel.unit, m_line);
    const bool plain = rel.unit == QLatin1String("tor.service");
    rel.instance = plain ? QString() : m.captured(1);

    // Values: checked, and the first failure is the reason the relay is unusable.
    QString reason;
    if (!plain)
        reason = validation::instanceError(rel.instance);
    if (reason.isEmpty() && !rel.nickname.isEmpty() && !validation::isValidNickname(rel.nickname))
        reason = QCoreApplication::translate("ProbeParser", "The nickname is not a valid Tor nickname.");
    if (reason.isEmpty() && !rel.fingerprint.isEmpty() && !validation::isValidFingerprint(rel.fingerprint))
        reason
            = QCoreApplication::translate("ProbeParser", "The fingerprint is not 40 upper-case hex digits.");
    if (reason.isEmpty() && !rel.configuredPreload.isEmpty())
        reason = pathListError(rel.configuredPreload);
    if (reason.isEmpty() && !rel.configuredResolved.isEmpty()) {
        // "?" elements: the host could not resolve that file (reported as missing).
        QStringList resolved = pathElements(rel.configuredResolved);
        resolved.removeAll(QStringLiteral("?"));
        reason = pathListError(resolved.join(QLatin1Char(':')));
    }
    if (reason.isEmpty() && !rel.runningPreload.isEmpty()
        && rel.runningPreload != QLatin1String(ProbeRelay::kUnknown))
        reason = pathListError(rel.runningPreload);
    if (reason.isEmpty() && !rel.loadedAllocator.isEmpty() && !rel.loadedUnknown())
        reason = validation::libraryPathError(rel.loadedAllocator);
    rel.invalidReason = reason;

    // Derived flags.
    const bool runningKnown = rel.runningPreload != QLatin1String(ProbeRelay::kUnknown);
    if (rel.isRunning()) {
        if (runningKnown && pathElements(rel.runningPreload) != pathElements(rel.configuredPreload))
            rel.needsRestart = true;
        if (rel.dropInMtime >= 0 && rel.startEpoch >= 0 && rel.dropInMtime > rel.startEpoch)
            rel.needsRestart = true;
        if (!rel.loadedUnknown()) {
            const QStringList wanted = pathElements(rel.configuredResolved);
            if (rel.loadedAllocator.isEmpty())
                rel.allocatorMismatch = !wanted.isEmpty();
            else
                rel.allocatorMismatch = !wanted.contains(rel.loadedAllocator);
        }
    }
    r.relays.append(rel);
    return true;
}

ProbeResult Parser::run()
{
    ProbeResult r;
    auto failed = [&]() {
        ProbeResult bad;
        bad.error = m_error;
        bad.version = r.version;
        return bad;
    };
    if (m_in.isEmpty()) {
        r.error = QCoreApplication::translate("ProbeParser", "the probe printed nothing");
        return r;
    }
    if (m_in.size() > ProbeParser::kMaxBytes) {
        r.error = QCoreApplication::translate("ProbeParser",
                                              "the probe output is %1 bytes, more than the limit of %2")
                      .arg(m_in.size())
                      .arg(ProbeParser::kMaxBytes);
        return r;
    }
    enum Stage { Header, Host, Meminfo, Load, Priv, Body, Done } stage = Header;
    qsizetype pos = 0;
    int relayRecords = 0;
    while (pos < m_in.size()) {
        ++m_line;
        const qsizetype nl = m_in.indexOf('\n', pos);
        if (nl < 0) {
            if (m_in.size() - pos > ProbeParser::kMaxLineBytes)
                fail(QCoreApplication::translate("ProbeParser", "line is longer than %1 bytes")
                         .arg(ProbeParser::kMaxLineBytes));
            else
                fail(QCoreApplication::translate("ProbeParser",
                                                 "output ends in the middle of a line (cut off)"));
            return failed();
        }
        if (nl - pos > ProbeParser::kMaxLineBytes) {
            fail(QCoreApplication::translate("ProbeParser", "line is longer than %1 bytes")
                     .arg(ProbeParser::kMaxLineBytes));
            return failed();
        }
        const QByteArray line = m_in.mid(pos, nl - pos);
        pos = nl + 1;
        if (stage == Done) {
            fail(QCoreApplication::translate("ProbeParser", "unexpected text after the end record"));
            return failed();
        }
        if (stage == Header) {
            // Checked before the byte rules so that a login banner gets a helpful message.
            const QByteArray expected = "alloclab-probe " + QByteArray::number(ProbeParser::kVersion);
            if (line == expected) {
                r.version = ProbeParser::kVersion;
                stage = Host;
                continue;
            }
            if (!line.startsWith("alloclab-probe ")) {
                fail(QCoreApplication::translate("ProbeParser", "expected the header \"%1\"")
                         .arg(QString::fromLatin1(expected)));
                return failed();
            }
            const QByteArray v = line.mid(15);
            qint64 n = -1;
            if (parseNumber(v, &n))
                r.version = int(qMin<qint64>(n, 1 << 30));
            fail(QCoreApplication::translate(
                     "ProbeParser", "unsupported probe grammar version \"%1\", this build reads version %2")
                     .arg(QString::fromLatin1(v.left(20).toPercentEncoding()))
                     .arg(ProbeParser::kVersion));
            return failed();
        }
        if (line.isEmpty()) {
            fail(QCoreApplication::translate("ProbeParser", "empty line"));
            return failed();
        }
        for (const char c : line) {
            if (c == ' ' || isLiteralByte(c) || c == '%' || c == '?')
                continue;
            fail(QCoreApplication::translate("ProbeParser", "unexpected byte 0x%1")
                     .arg(uchar(c), 2, 16, QLatin1Char('0')));
            return failed();
        }
        const QList<QByteArray> f = line.split(' ');
        for (const QByteArray &x : f) {
            if (x.isEmpty()) {
                fail(QCoreApplication::translate("ProbeParser",
                                                 "empty field (fields are separated by exactly one space)"));
                return failed();
            }
        }
        const QByteArray &kw = f.first();
        bool ok = true;
        switch (stage) {
        case Host:
            ok = kw == "host" ? parseHost(f, r)
                              : fail(QCoreApplication::translate("ProbeParser", "expected a host record"));
            stage = Meminfo;
            break;
        case Meminfo:
            ok = kw == "meminfo"
                ? parseMeminfo(f, r)
                : fail(QCoreApplication::translate("ProbeParser", "expected a meminfo record"));
            stage = Load;
            break;
        case Load:
            ok = kw == "load" ? parseLoadRecord(f, r)
                              : fail(QCoreApplication::translate("ProbeParser", "expected a load record"));
            stage = Priv;
            break;
        case Priv:
            ok = kw == "priv" ? parsePriv(f, r)
                              : fail(QCoreApplication::translate("ProbeParser", "expected a priv record"));
            stage = Body;
            break;
        case Body:
            if (kw == "relay") {
                if (++relayRecords > ProbeParser::kMaxRelays) {
                    fail(QCoreApplication::translate("ProbeParser", "more than %1 relays")
                             .arg(ProbeParser::kMaxRelays));
                    return failed();
                }
                ok = parseRelay(f, r);
            } else if (kw == "warn") {
                QString text;
                ok = expectFields(f, 1, "warn") && field(f[1], "text", &text);
                if (ok && r.warnings.size() >= ProbeParser::kMaxWarnings)
                    ok = fail(QCoreApplication::translate("ProbeParser", "more than %1 warnings")
                                  .arg(ProbeParser::kMaxWarnings));
                if (ok)
                    r.warnings.append(text);
            } else if (kw == "end") {
                qint64 count = -1;
                ok = expectFields(f, 1, "end") && number(f[1], "count", &count);
                if (ok && count != relayRecords)
                    ok = fail(QCoreApplication::translate(
                                  "ProbeParser", "end says %1 relays, but %2 relay records came before it")
                                  .arg(count)
                                  .arg(relayRecords));
                stage = Done;
            } else {
                ok = fail(QCoreApplication::translate("ProbeParser", "unknown record \"%1\"")
                              .arg(QString::fromLatin1(kw.left(40))));
            }
            break;
        case Header:
        case Done:
            break;
        }
        if (!ok)
            return failed();
    }
    if (stage != Done) {
        ++m_line;
        fail(QCoreApplication::translate("ProbeParser", "output ends before the end record (cut off)"));
        return failed();
    }
    r.ok = true;
    return r;
}

} // namespace

int ProbeResult::invalidCount() const
{
    int n = 0;
    for (const ProbeRelay &r : relays)
        n += r.isValid() ? 0 : 1;
    return n;
}

int ProbeResult::runningCount() const
{
    int n = 0;
    for (const ProbeRelay &r : relays)
        n += r.isRunning() ? 1 : 0;
    return n;
}

QString ProbeResult::sudoersLine() const
{
    if (privilege != ProbePrivilege::None)
        return {};
    // A POSIX user name; anything else would not be a safe line to suggest.
    static const QRegularExpression userRe(QStringLiteral("^[a-z_][a-z0-9_-]{0,31}$"));
    if (!userRe.match(host.user).hasMatch())
        return {};
    return host.user + QStringLiteral(" ALL=(root) NOPASSWD: /bin/sh");
}

void registerProbeMetaTypes()
{
    qRegisterMetaType<ProbePrivilege>();
    qRegisterMetaType<ProbeHost>();
    qRegisterMetaType<ProbeRelay>();
    qRegisterMetaType<ProbeResult>();
}

ProbeResult ProbeParser::parse(const QByteArray &output)
{
    Parser p(output);
    return p.run();
}

bool ProbeParser::decodeField(const QByteArray &field, QString *out)
{
    if (field == "-") {
        out->clear();
        return true;
    }
    if (field.isEmpty())
        return false;
    QByteArray bytes;
    bytes.reserve(field.size());
    for (qsizetype i = 0; i < field.size(); ++i) {
        const char c = field[i];
        if (c == '%') {
            if (i + 2 >= field.size())
                return false;
            const int hi = hexValue(field[i + 1]), lo = hexValue(field[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            bytes.append(char(hi * 16 + lo));
            i += 2;
        } else if (isLiteralByte(c)) {
            bytes.append(c);
        } else {
            return false;
        }
    }
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString s = utf8.decode(bytes);
    if (utf8.hasError())
        return false;
    *out = s;
    return true;
}

QByteArray ProbeParser::encodeField(const QString &value)
{
    if (value.isEmpty())
        return "-";
    if (value == QLatin1String("-"))
        return "%2D";
    const QByteArray bytes = value.toUtf8();
    QByteArray out;
    static const char hex[] = "0123456789ABCDEF";
    for (const char c : bytes) {
        if (isLiteralByte(c)) {
            out.append(c);
        } else {
            out.append('%');
            out.append(hex[(uchar(c) >> 4) & 0xF]);
            out.append(hex[uchar(c) & 0xF]);
        }
    }
    return out;
}

QString ProbeParser::allocatorLabel(const QString &preloadOrLoaded)
{
    if (preloadOrLoaded.isEmpty())
        return QCoreApplication::translate("ProbeParser", "glibc");
    if (preloadOrLoaded == QLatin1String(ProbeRelay::kUnknown))
        return QCoreApplication::translate("ProbeParser", "unknown (needs sudo)");
    QStringList names;
    for (const QString &p : pathElements(preloadOrLoaded)) {
        const QString base = QFileInfo(p).fileName();
        static const QRegularExpression re(QStringLiteral("^lib([A-Za-z]+?)(?:_minimal)?\\.so(?:\\.(.*))?$"));
        const auto m = re.match(base);
        if (m.hasMatch() && !m.captured(2).isEmpty())
            names << m.captured(1) + QLatin1Char(' ') + m.captured(2);
        else if (m.hasMatch())
            names << m.captured(1);
        else
            names << base;
    }
    return names.join(QLatin1String(", "));
}

} // namespace alloclab
