#include "models/validation.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace alloclab::validation {

namespace {
bool matches(const QString &s, const char *pattern)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(QLatin1String(pattern)));
    return re.match(s).hasMatch();
}
} // namespace

bool isValidInstance(const QString &name)
{
    return matches(name, "[A-Za-z0-9_]{1,32}");
}

bool isValidNickname(const QString &nick)
{
    return matches(nick, "[A-Za-z0-9]{1,19}");
}

bool isValidFingerprint(const QString &fp)
{
    return matches(fp, "[0-9A-F]{40}");
}

bool isValidLibraryPath(const QString &path)
{
    if (!path.startsWith(QLatin1Char('/')) || path.size() > 4096)
        return false;
    if (path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return false;
    return matches(path, "[A-Za-z0-9._+/-]+");
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
