#pragma once

#include <QString>

class QCoreApplication;

namespace alloclab {

// Installs AllocLab's and Qt's own catalogs for `lang` ("de", "de_DE"), or for the system
// locale when `lang` is empty. Returns false when no AllocLab catalog matches: the English
// source text stays, with the English plural forms.
bool installTranslators(QCoreApplication &app, const QString &lang = {});

// Looks for --lang X / --lang=X before the real parser runs, so even --help is translated.
QString languageFromArguments(const QStringList &args);

} // namespace alloclab
