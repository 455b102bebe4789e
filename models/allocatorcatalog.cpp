#include "models/allocatorcatalog.h"

#include "models/validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace alloclab {

namespace {

QString fileName(const QString &path)
{
    return path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
}

QString directory(const QString &path)
{
    return path.left(path.lastIndexOf(QLatin1Char('/')));
}

bool matchesRe(const QString &s, const char *pattern)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
    return re.match(s).hasMatch();
}

const char kCheckMagic[] = "alloclab-allocator-check 1";
} // namespace

AllocatorCatalog::AllocatorCatalog()
    : m_allocators(builtIns())
{ }

QList<AllocatorRecord> AllocatorCatalog::builtIns()
{
    // Versions stay empty: the same path holds different versions on different releases.
    return {
        { QStringLiteral("glibc"), QStringLiteral("glibc"), QString(), QString(), QString() },
        { QStringLiteral("jemalloc"), QStringLiteral("jemalloc"), QString(),
          QStringLiteral("/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"), QString() },
        { QStringLiteral("mimalloc"), QStringLiteral("mimalloc"), QString(),
          QStringLiteral("/usr/lib/x86_64-linux-gnu/libmimalloc.so.2"), QString() },
    };
}

bool AllocatorCatalog::isBuiltInId(const QString &id)
{
    return id == QLatin1String("glibc") || id == QLatin1String("jemalloc") || id == QLatin1String("mimalloc");
}

bool AllocatorCatalog::isValidId(const QString &id)
{
    return matchesRe(id, "[a-z0-9][a-z0-9._-]{0,31}");
}

bool AllocatorCatalog::isValidHostName(const QString &host)
{
    return matchesRe(host, "[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
}

QString AllocatorCatalog::validate(const AllocatorRecord &rec)
{
    if (!isValidId(rec.id))
        return QCoreApplication::translate("AllocatorCatalog",
                                           "Allocator id '%1' is not valid: use 1 to 32 lower-case letters, "
                                           "digits, '.', '_' or '-', starting with a letter or digit.")
            .arg(rec.id);
    if (isBuiltInId(rec.id))
        return QCoreApplication::translate("AllocatorCatalog",
                                           "'%1' is a built-in allocator and cannot be changed.")
            .arg(rec.id);
    if (rec.name.trimmed().isEmpty() || rec.name.size() > 64 || matchesRe(rec.name, ".*[\\x00-\\x1f].*"))
        return QCoreApplication::translate("AllocatorCatalog",
                                           "Allocator '%1' needs a name of 1 to 64 printable characters.")
            .arg(rec.id);
    if (!matchesRe(rec.version, "[A-Za-z0-9.+~_-]{0,32}"))
        return QCoreApplication::translate("AllocatorCatalog",
                                           "Version '%1' may contain only letters, digits and . + ~ _ - "
                                           "(at most 32).")
            .arg(rec.version);
    if (rec.path.isEmpty())
        return QCoreApplication::translate("AllocatorCatalog",
                                           "Allocator '%1' needs the absolute path of its library "
                                           "(only glibc runs without a preload).")
            .arg(rec.id);
    const QString pathError = validation::libraryPathError(rec.path);
    if (!pathError.isEmpty())
        return pathError;
    if (!rec.sha256.isEmpty() && !matchesRe(rec.sha256, "[0-9A-Fa-f]{64}"))
        return QCoreApplication::translate("AllocatorCatalog", "The sha256 must be 64 hexadecimal digits.");
    return {};
}

QList<AllocatorRecord> AllocatorCatalog::customAllocators() const
{
    QList<AllocatorRecord> out;
    for (const AllocatorRecord &a : m_allocators)
        if (!isBuiltInId(a.id))
            out << a;
    return out;
}

bool AllocatorCatalog::contains(const QString &id) const
{
    return find(id).has_value();
}

std::optional<AllocatorRecord> AllocatorCatalog::find(const QString &id) const
{
    for (const AllocatorRecord &a : m_allocators)
        if (a.id == id)
            return a;
    return std::nullopt;
}

QString AllocatorCatalog::addCustom(const AllocatorRecord &rec)
{
    const QString error = validate(rec);
    if (!error.isEmpty())
        return error;
    if (contains(rec.id))
        return QCoreApplication::translate("AllocatorCatalog", "An allocator with id '%1' exists already.")
            .arg(rec.id);
    AllocatorRecord r = rec;
    r.name = r.name.trimmed();
    r.sha256 = r.sha256.toLower();
    m_allocators << r;
    return {};
}

QString AllocatorCatalog::updateCustom(const AllocatorRecord &rec)
{
    const QString error = validate(rec);
    if (!error.isEmpty())
        return error;
    for (AllocatorRecord &a : m_allocators) {
        if (a.id == rec.id) {
            a = rec;
            a.name = a.name.trimmed();
            a.sha256 = a.sha256.toLower();
            return {};
        }
    }
    return QCoreApplication::translate("AllocatorCatalog", "There is no allocator with id '%1'.").arg(rec.id);
}

bool AllocatorCatalog::removeCustom(const QString &id)
{
    if (isBuiltInId(id))
        return false;
    const auto n = m_allocators.removeIf([&](const AllocatorRecord &a) { return a.id == id; });
    m_overrides.removeIf([&](const AllocatorOverride &o) { return o.allocatorId == id; });
    return n > 0;
}

void AllocatorCatalog::setVersion(const QString &id, const QString &version)
{
    for (AllocatorRecord &a : m_allocators)
        if (a.id == id)
            a.version = version;
}

QString AllocatorCatalog::setHostPath(const QString &id, const QString &host, const QString &path)
{
    if (!contains(id))
        return QCoreApplication::translate("AllocatorCatalog", "There is no allocator with id '%1'.").arg(id);
    if (id == QLatin1String("glibc"))
        return QCoreApplication::translate("AllocatorCatalog", "glibc is never preloaded; it has no path.");
    if (!isValidHostName(host))
        return QCoreApplication::translate("AllocatorCatalog", "'%1' is not a valid host name.").arg(host);
    if (!path.isEmpty()) {
        const QString pathError = validation::libraryPathError(path);
        if (!pathError.isEmpty())
            return pathError;
    }
    m_overrides.removeIf([&](const AllocatorOverride &o) { return o.allocatorId == id && o.host == host; });
    if (path.isEmpty())
        return {};
    m_overrides << AllocatorOverride { id, host, path };
    return {};
}

QString AllocatorCatalog::pathFor(const QString &id, const QString &host) const
{
    if (!host.isEmpty())
        for (const AllocatorOverride &o : m_overrides)
            if (o.allocatorId == id && o.host == host)
                return o.path;
    const auto a = find(id);
    return a ? a->path : QString();
}

QString AllocatorCatalog::displayName(const QString &id) const
{
    const auto a = find(id);
    if (!a)
        return id;
    return a->version.isEmpty() ? a->name : a->name + QLatin1Char(' ') + a->version;
}

QString AllocatorCatalog::idForLoaded(const QString &loadedFile, const QString &host) const
{
    if (loadedFile.isEmpty())
        return QStringLiteral("glibc");
    if (loadedFile == QLatin1String("?"))
        return {};
    // Exact paths first: two entries may share a directory and a file-name prefix.
    for (const AllocatorRecord &a : m_allocators) {
        const QString p = pathFor(a.id, host);
        if (!p.isEmpty() && p == loadedFile)
            return a.id;
    }
    for (const AllocatorRecord &a : m_allocators) {
        const QString p = pathFor(a.id, host);
        if (p.isEmpty() || directory(p) != directory(loadedFile))
            continue;
        const QString want = fileName(p);
        const QString got = fileName(loadedFile);
        if (got.startsWith(want + QLatin1Char('.')))
            return a.id;
    }
    return {};
}

QString AllocatorCatalog::loadedLabel(const QString &loadedFile, const QString &host) const
{
    if (loadedFile == QLatin1String("?"))
        return QCoreApplication::translate("AllocatorCatalog", "unknown");
    const QString id = idForLoaded(loadedFile, host);
    if (!id.isEmpty())
        return displayName(id);
    return fileName(loadedFile);
}

// Output, one record per line, nothing else:
//   alloclab-allocator-check 1
//   present 0|1
//   readable 0|1
//   sha256 HEX|-
//   resolved PATH|-
//   package NAME|-
//   version DEBIAN_VERSION|-
//   end
// The package database gives the version: the file name does not (libmimalloc.so.2 is 2.0.9 on
// Debian 12 and 3.0.x on Debian 13).
QString AllocatorCatalog::checkCommand(const QString &path, QString *error)
{
    const QString pathError = validation::libraryPathError(path);
    if (!pathError.isEmpty()) {
        if (error)
            *error = pathError;
        return {};
    }
    return QStringLiteral("p=") + validation::shellQuote(path)
        + QStringLiteral(
               "; echo 'alloclab-allocator-check 1'"
               "; if [ -e \"$p\" ]; then echo 'present 1'; else echo 'present 0'; fi"
               "; s=; if [ -r \"$p\" ] && [ -f \"$p\" ]; then echo 'readable 1'"
               "; s=$(sha256sum < \"$p\" 2>/dev/null | cut -d ' ' -f 1); else echo 'readable 0'; fi"
               "; echo \"sha256 ${s:--}\""
               "; r=$(readlink -f -- \"$p\" 2>/dev/null); echo \"resolved ${r:--}\""
               "; k=; [ -n \"$r\" ] && k=$(dpkg -S \"$r\" 2>/dev/null | head -n 1 | cut -d : -f 1)"
               "; [ -z \"$k\" ] && k=$(dpkg -S \"$p\" 2>/dev/null | head -n 1 | cut -d : -f 1)"
               "; echo \"package ${k:--}\""
               "; v=; [ -n \"$k\" ] && v=$(dpkg-query -W -f '${Version}' \"$k\" 2>/dev/null | head -n 1)"
               "; echo \"version ${v:--}\"; echo end");
}

bool AllocatorCatalog::parseCheckOutput(const QString &output, AllocatorCheck *result, QString *error)
{
    auto fail = [&](int line, const QString &what) {
        if (error)
            *error = QCoreApplication::translate("AllocatorCatalog", "line %1: %2").arg(line).arg(what);
        return false;
    };
    QStringList lines = output.split(QLatin1Char('\n'));
    if (lines.size() > 1 && lines.last().isEmpty())
        lines.removeLast(); // the final newline
    static const char *const keys[] = { "present", "readable", "sha256", "resolved", "package", "version" };
    AllocatorCheck r = *result;
    int lineNo = 0;
    int expect = -1; // -1: magic, 0..5: keys, 6: end, 7: done
    for (const QString &raw : lines) {
        ++lineNo;
        const QString line = raw.endsWith(QLatin1Char('\r')) ? raw.chopped(1) : raw;
        if (expect == 7) {
            if (!line.isEmpty())
                return fail(lineNo,
                            QCoreApplication::translate("AllocatorCatalog", "unexpected text after 'end'"));
            continue;
        }
        if (expect == -1) {
            if (line != QLatin1String(kCheckMagic))
                return fail(lineNo,
                            QCoreApplication::translate("AllocatorCatalog", "expected '%1'")
                                .arg(QLatin1String(kCheckMagic)));
            expect = 0;
            continue;
        }
        if (expect == 6) {
            if (line != QLatin1String("end"))
                return fail(lineNo, QCoreApplication::translate("AllocatorCatalog", "expected 'end'"));
            expect = 7;
            continue;
        }
        const QString key = QLatin1String(keys[expect]);
        if (!line.startsWith(key + QLatin1Char(' ')))
            return fail(lineNo,
                        QCoreApplication::translate("AllocatorCatalog", "expected '%1 ...'").arg(key));
        const QString value = line.mid(key.size() + 1);
        const QString v = value == QLatin1String("-") ? QString() : value;
        switch (expect) {
        case 0:
        case 1:
            if (value != QLatin1String("0") && value != QLatin1String("1"))
                return fail(lineNo, QCoreApplication::translate("AllocatorCatalog", "expected 0 or 1"));
            (expect == 0 ? r.present : r.readable) = value == QLatin1String("1");
            break;
        case 2:
            if (!v.isEmpty() && !matchesRe(v, "[0-9a-f]{64}"))
                return fail(lineNo,
                            QCoreApplication::translate("AllocatorCatalog", "expected a sha256 or '-'"));
            r.sha256 = v;
            break;
        case 3:
            r.resolvedPath = v;
            break;
        case 4:
            if (!v.isEmpty() && !matchesRe(v, "[a-z0-9][a-z0-9.+-]*"))
                return fail(
                    lineNo,
                    QCoreApplication::translate("AllocatorCatalog", "expected a package name or '-'"));
            r.package = v;
            break;
        case 5:
            r.packageVersion = v;
            r.version = upstreamVersion(v);
            break;
        }
        ++expect;
    }
    if (expect != 7)
        return fail(lineNo, QCoreApplication::translate("AllocatorCatalog", "the output ends before 'end'"));
    *result = r;
    return true;
}

QString AllocatorCatalog::checkCommands(const QStringList &paths, QString *error)
{
    QStringList parts;
    for (const QString &p : paths) {
        const QString cmd = checkCommand(p, error);
        if (cmd.isEmpty())
            return {};
        parts << cmd;
    }
    return parts.join(QStringLiteral("; "));
}

bool AllocatorCatalog::parseCheckOutputs(const QString &output, QList<AllocatorCheck> *results,
                                         QString *error)
{
    // Each check's block ends with the line "end"; the values never are "end" (they follow a key).
    QStringList lines = output.split(QLatin1Char('\n'));
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    QList<QStringList> blocks;
    QStringList current;
    for (const QString &raw : std::as_const(lines)) {
        current << raw;
        const QString line = raw.endsWith(QLatin1Char('\r')) ? raw.chopped(1) : raw;
        if (line == QLatin1String("end")) {
            blocks << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        blocks << current; // incomplete: its parse says where it ends
    int firstLine = 1;
    QList<AllocatorCheck> out = *results;
    for (int i = 0; i < out.size(); ++i) {
        if (i >= blocks.size()) {
            if (error)
                *error = QCoreApplication::translate("AllocatorCatalog",
                                                     "check %1 (%2): the output ends before it")
                             .arg(i + 1)
                             .arg(out.at(i).allocatorId);
            return false;
        }
        QString why;
        if (!parseCheckOutput(blocks.at(i).join(QLatin1Char('\n')), &out[i], &why)) {
            if (error)
                *error = QCoreApplication::translate("AllocatorCatalog", "check %1 (%2), output line %3: %4")
                             .arg(i + 1)
                             .arg(out.at(i).allocatorId)
                             .arg(firstLine)
                             .arg(why);
            return false;
        }
        firstLine += int(blocks.at(i).size());
    }
    if (blocks.size() > out.size()) {
        if (error)
            *error = QCoreApplication::translate("AllocatorCatalog",
                                                 "output line %1: unexpected text after the last check")
                         .arg(firstLine);
        return false;
    }
    *results = out;
    return true;
}

QList<AllocatorCheck> AllocatorCatalog::plannedChecks(const QString &host, const QStringList &ids) const
{
    QList<AllocatorCheck> out;
    for (const AllocatorRecord &a : m_allocators) {
        if (!ids.isEmpty() && !ids.contains(a.id))
            continue;
        const QString path = pathFor(a.id, host);
        if (path.isEmpty())
            continue; // glibc: nothing to preload, nothing to check
        AllocatorCheck c;
        c.host = host;
        c.allocatorId = a.id;
        c.path = path;
        out << c;
    }
    return out;
}

bool AllocatorCatalog::sha256Mismatch(const AllocatorCheck &check) const
{
    const auto a = find(check.allocatorId);
    return a && !a->sha256.isEmpty() && !check.sha256.isEmpty()
        && a->sha256.compare(check.sha256, Qt::CaseInsensitive) != 0;
}

QString AllocatorCatalog::upstreamVersion(const QString &debianVersion)
{
    QString v = debianVersion;
    const int colon = int(v.indexOf(QLatin1Char(':')));
    if (colon >= 0)
        v = v.mid(colon + 1);
    const int dash = int(v.lastIndexOf(QLatin1Char('-')));
    if (dash > 0)
        v = v.left(dash);
    // Repack suffixes (+ds, +dfsg, ~...) are Debian's, not upstream's.
    const int plus = int(v.indexOf(QRegularExpression(QStringLiteral("[+~]"))));
    if (plus > 0)
        v = v.left(plus);
    return v;
}

} // namespace alloclab
