#pragma once

#include <QString>

// Names and paths that may reach a remote shell. Everything is checked against these
// before a command is built; anything else is refused with the reason returned.
namespace alloclab::validation {

// Debian's tor-instance-create allows letters and digits; we also allow '_' as systemd does.
bool isValidInstance(const QString &name);
// Tor's own nickname rule.
bool isValidNickname(const QString &nick);
// Upper-case hex, 40 characters.
bool isValidFingerprint(const QString &fp);
// Absolute, no "..", only [A-Za-z0-9._+/-].
bool isValidLibraryPath(const QString &path);

// Empty when valid, otherwise a translated sentence saying what is wrong.
QString instanceError(const QString &name);
QString libraryPathError(const QString &path);

// POSIX single-quote quoting: safe for any string, but only validated strings get here.
QString shellQuote(const QString &arg);

} // namespace alloclab::validation
