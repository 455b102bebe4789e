#include "models/validation.h"

#include <QCoreApplication>

namespace alloclab::validation {

namespace {
// Character loops instead of a regex: these run for every relay of every poll (a
// QRegularExpression built per call made a 10000-relay probe take seconds to parse).
bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9');
}

template<typename Pred> bool allOf(const QString &s, qsizetype minLen, qsizetype maxLen, Pred ok)
{
    if (s.size() < minLen || s.size() > maxLen)
        return false;
    for (const QChar c : s) {
        if (!ok(c))
            return false;
    }
    return true;
}
} // namespace

bool isValidInstance(const QString &name)
{
    return allOf(name, 1, 32, [](QChar c) { return isAsciiAlnum(c) || c == u'_'; });
}

bool isValidNickname(const QString &nick)
{
    return allOf(nick, 1, 19, isAsciiAlnum);
}

bool isValidFingerprint(const QString &fp)
{
    return allOf(fp, 40, 40, [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F'); });
}

bool isValidLibraryPath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || path.size() > 4096)
        return false;
    if (path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return false;
    return allOf(path, 1, 4096, [](QChar c) {
        return isAsciiAlnum(c) || c == u'.' || c == u'_' || c == u'+' || c == u'/' || c == u'-';
    });
}

QString instanceError(const QString &name)
{
    if (isValidInstance(name))
        return {};
    if (name.isEmpty())
        return QCoreApplication::translate("Validation", "The relay instance name is empty.");
    if (name.size() > 32)
        return QCoreApplication::translate("Validation",
                                           "The relay instance name is longer than 32 characters.");
    return QCoreApplication::translate("Validation",
                                       "The relay instance name may contain only letters, digits and '_'.");
}

QString libraryPathError(const QString &path)
{
    if (isValidLibraryPath(path))
        return {};
    if (!path.startsWith(QLatin1Char('/')))
        return QCoreApplication::translate("Validation",
                                           "The library path must be absolute (start with '/').");
    if (path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return QCoreApplication::translate("Validation", "The library path must not contain '..'.");
    return QCoreApplication::translate("Validation",
                                       "The library path may contain only letters, digits and . _ + / -");
}

QString shellQuote(const QString &arg)
{
    QString out = arg;
    out.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

} // namespace alloclab::validation
