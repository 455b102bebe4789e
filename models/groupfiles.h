#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// The interchange formats of group membership (TorUtils and scripts):
//  - groups/group_<LETTER>_<label>.txt: one relay nickname a line ('#' comments and blank lines
//    ignored); group_<L>_<label>_historical.txt holds the membership during an earlier window.
//  - relay_config.csv: one relay a line with its group and allocator, header
//      nickname,fingerprint,host,instance,group,label,allocator,ld_preload
//    (columns found by header name; nickname or fingerprint and group are required, the rest may
//    be missing or empty; ld_preload empty = glibc).
namespace alloclab::groupfiles {

struct GroupFileName {
    QString letter;
    QString label;
    bool historical = false;
};

// Parses "group_B_mimalloc209_historical.txt"; false when the name does not follow the pattern.
bool parseFileName(const QString &fileName, GroupFileName *out);
QString fileName(const QString &letter, const QString &label); // group_A_mimalloc301.txt

// Nicknames in file order; empty with *error "line N: ..." on an invalid nickname or a duplicate.
QStringList parseGroupFile(const QString &text, QString *error = nullptr);
QString formatGroupFile(const QStringList &nicknames);

struct RelayConfigRow {
    QString nickname;
    QString fingerprint;
    QString host;
    QString instance;
    QString group; // letter
    QString label;
    QString allocator; // catalog id
    QString ldPreload; // library path, empty = glibc
};

QString formatRelayConfig(const QList<RelayConfigRow> &rows);
// Empty with *error "line N: ..." on a missing column, a bad value, or a relay listed twice.
QList<RelayConfigRow> parseRelayConfig(const QString &text, QString *error = nullptr);

} // namespace alloclab::groupfiles
