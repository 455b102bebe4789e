#include "models/groupfiles.h"

#include "models/validation.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace alloclab::groupfiles {

namespace {
QString lineError(int line, const QString &what)
{
    return QCoreApplication::translate("GroupFiles", "line %1: %2").arg(line).arg(what);
}

const char *const kColumns[]
    = { "nickname", "fingerprint", "host", "instance", "group", "label", "allocator", "ld_preload" };

// Fields never contain commas or quotes (all are validated names); quote anyway when they do.
QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QStringList splitCsvLine(const QString &line)
{
    QStringList out;
    QString cur;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                cur += c;
                ++i;
            } else if (c == QLatin1Char('"'))
                quoted = false;
            else
                cur += c;
        } else if (c == QLatin1Char('"'))
            quoted = true;
        else if (c == QLatin1Char(',')) {
            out << cur;
            cur.clear();
        } else
            cur += c;
    }
    out << cur;
    return out;
}
} // namespace

bool parseFileName(const QString &name, GroupFileName *out)
{
    static const QRegularExpression re(
        QStringLiteral("^group_([A-Z])_([A-Za-z0-9.+-]+?)(_historical)?\\.txt$"));
    const QRegularExpressionMatch m = re.match(name.mid(name.lastIndexOf(QLatin1Char('/')) + 1));
    if (!m.hasMatch())
        return false;
    out->letter = m.captured(1);
    out->label = m.captured(2);
    out->historical = m.capturedLength(3) > 0;
    return true;
}

QString fileName(const QString &letter, const QString &label)
{
    QString safe = label;
    safe.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.+-]")), QStringLiteral("-"));
    return QStringLiteral("group_%1_%2.txt").arg(letter, safe.isEmpty() ? letter : safe);
}

QStringList parseGroupFile(const QString &text, QString *error)
{
    QStringList out;
    QSet<QString> seen;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        if (!validation::isValidNickname(line)) {
            if (error)
                *error = lineError(i + 1,
                                   QCoreApplication::translate("GroupFiles",
                                                               "'%1' is not a relay nickname (1 to 19 "
                                                               "letters or digits).")
                                       .arg(line.left(40)));
            return {};
        }
        if (seen.contains(line)) {
            if (error)
                *error = lineError(
                    i + 1, QCoreApplication::translate("GroupFiles", "'%1' is listed twice.").arg(line));
            return {};
        }
        seen.insert(line);
        out << line;
    }
    return out;
}

QString formatGroupFile(const QStringList &nicknames)
{
    return nicknames.isEmpty() ? QString() : nicknames.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString formatRelayConfig(const QList<RelayConfigRow> &rows)
{
    QStringList header;
    for (const char *c : kColumns)
        header << QLatin1String(c);
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const RelayConfigRow &r : rows)
        out += QStringList { csvField(r.nickname),  csvField(r.fingerprint), csvField(r.host),
                             csvField(r.instance),  csvField(r.group),       csvField(r.label),
                             csvField(r.allocator), csvField(r.ldPreload) }
                   .join(QLatin1Char(','))
            + QLatin1Char('\n');
    return out;
}

QList<RelayConfigRow> parseRelayConfig(const QString &text, QString *error)
{
    auto fail = [&](int line, const QString &what) {
        if (error)
            *error = lineError(line, what);
        return QList<RelayConfigRow>();
    };
    const QStringList lines = text.split(QLatin1Char('\n'));
    if (lines.isEmpty() || lines.first().trimmed().isEmpty())
        return fail(1, QCoreApplication::translate("GroupFiles", "expected a header line"));
    QStringList header = splitCsvLine(lines.first().trimmed());
    for (QString &h : header)
        h = h.trimmed().toLower();
    int col[8];
    for (int c = 0; c < 8; ++c)
        col[c] = int(header.indexOf(QLatin1String(kColumns[c])));
    if ((col[0] < 0 && col[1] < 0) || col[4] < 0)
        return fail(1,
                    QCoreApplication::translate("GroupFiles",
                                                "the header needs 'group' and 'nickname' or 'fingerprint'"));
    QList<RelayConfigRow> out;
    QSet<QString> seen;
    for (int i = 1; i < lines.size(); ++i) {
        const QString line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const QStringList f = splitCsvLine(line);
        if (f.size() != header.size())
            return fail(i + 1,
                        QCoreApplication::translate("GroupFiles", "expected %1 fields, found %2")
                            .arg(header.size())
                            .arg(f.size()));
        auto field = [&](int c) {
            return col[c] < 0 ? QString() : f.at(col[c]).trimmed();
        };
        RelayConfigRow r { field(0), field(1).toUpper(), field(2), field(3),
                           field(4), field(5),           field(6), field(7) };
        if (!r.nickname.isEmpty() && !validation::isValidNickname(r.nickname))
            return fail(
                i + 1,
                QCoreApplication::translate("GroupFiles", "'%1' is not a relay nickname").arg(r.nickname));
        if (!r.fingerprint.isEmpty() && !validation::isValidFingerprint(r.fingerprint))
            return fail(i + 1,
                        QCoreApplication::translate("GroupFiles", "'%1' is not a fingerprint (40 hex digits)")
                            .arg(r.fingerprint));
        if (r.nickname.isEmpty() && r.fingerprint.isEmpty())
            return fail(i + 1,
                        QCoreApplication::translate("GroupFiles", "needs a nickname or a fingerprint"));
        if (!r.instance.isEmpty() && !validation::isValidInstance(r.instance))
            return fail(i + 1, validation::instanceError(r.instance));
        if (!QRegularExpression(QStringLiteral("^[A-Z]?$")).match(r.group).hasMatch())
            return fail(
                i + 1,
                QCoreApplication::translate("GroupFiles", "group '%1' is not a letter A-Z").arg(r.group));
        if (!r.ldPreload.isEmpty() && !validation::isValidLibraryPath(r.ldPreload))
            return fail(i + 1, validation::libraryPathError(r.ldPreload));
        const QString id = r.fingerprint.isEmpty() ? r.host + QLatin1Char('/') + r.nickname : r.fingerprint;
        if (seen.contains(id))
            return fail(i + 1,
                        QCoreApplication::translate("GroupFiles", "relay '%1' is listed twice")
                            .arg(r.nickname.isEmpty() ? r.fingerprint : r.nickname));
        seen.insert(id);
        out << r;
    }
    return out;
}

} // namespace alloclab::groupfiles
