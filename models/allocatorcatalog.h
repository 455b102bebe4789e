#pragma once

#include "models/records.h"

#include <QList>
#include <QString>

#include <optional>

namespace alloclab {

// A library path that differs on one host (e.g. a self-built mimalloc under /opt on one server).
struct AllocatorOverride {
    QString allocatorId;
    QString host;
    QString path;
};

// What "Check on hosts" found for one allocator on one host. The path does not tell the
// version (Debian 12's libmimalloc2.0 is 2.0.9, Debian 13's is 3.0.x), so it is read from the
// package database where the file belongs to a package.
struct AllocatorCheck {
    QString host;
    QString allocatorId;
    QString path; // what was checked (after the host override)
    bool present = false;
    bool readable = false;
    QString sha256; // empty when not readable
    QString resolvedPath; // symlinks followed; empty when unknown
    QString package; // Debian package owning the file, empty when none
    QString packageVersion; // "2.0.9+ds-2"
    QString version; // upstream part: "2.0.9"; empty when it cannot be read
    qint64 checkedMs = 0; // when (UTC epoch ms); 0 = not yet
};

// The allocators an experiment can use: built-ins (glibc = no preload, Debian's jemalloc and
// mimalloc) plus custom entries, with per-host path overrides. A value type; the store persists it.
class AllocatorCatalog
{
public:
    AllocatorCatalog(); // the built-ins

    static QList<AllocatorRecord> builtIns();
    static bool isBuiltInId(const QString &id);
    // Lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 32.
    static bool isValidId(const QString &id);
    // Empty when `rec` may be added as a custom entry, otherwise a translated sentence.
    static QString validate(const AllocatorRecord &rec);
    static bool isValidHostName(const QString &host);

    QList<AllocatorRecord> allocators() const { return m_allocators; }
    QList<AllocatorRecord> customAllocators() const;
    bool contains(const QString &id) const;
    std::optional<AllocatorRecord> find(const QString &id) const;

    // Empty on success, otherwise why not (invalid, or the id exists). sha256 is normalised to lower case.
    QString addCustom(const AllocatorRecord &rec);
    // Replaces a custom entry (built-ins are fixed); empty on success.
    QString updateCustom(const AllocatorRecord &rec);
    bool removeCustom(const QString &id);
    // The version a check on the hosts found for a built-in or custom entry (shown in labels).
    void setVersion(const QString &id, const QString &version);

    // An empty path removes the override. Empty on success, otherwise why not.
    QString setHostPath(const QString &id, const QString &host, const QString &path);
    QList<AllocatorOverride> overrides() const { return m_overrides; }
    // The library to preload for `id` on `host`: the override, else the catalog path; empty for glibc
    // and for unknown ids.
    QString pathFor(const QString &id, const QString &host = QString()) const;

    // "mimalloc 2.0.9", "glibc", or the id itself when unknown.
    QString displayName(const QString &id) const;

    // Which catalog entry a loaded library (the resolved file in /proc/PID/maps, "" = none =
    // glibc) belongs to on `host`: exact path, or the same directory with the catalog's file name
    // as prefix (libmimalloc.so.2 -> libmimalloc.so.2.0). Empty when none matches or unknown ("?").
    QString idForLoaded(const QString &loadedFile, const QString &host = QString()) const;
    // Short label for a loaded library: the catalog name when it matches, "glibc", "unknown", or the
    // file name.
    QString loadedLabel(const QString &loadedFile, const QString &host = QString()) const;

    // The exact POSIX sh command that prints, for one validated library path, whether it is present
    // and readable, its sha256, the resolved file, its package and version (format in the .cpp).
    // Empty with *error set when the path is not valid: nothing unvalidated reaches a shell.
    static QString checkCommand(const QString &path, QString *error = nullptr);
    // Parses what checkCommand printed; false with *error ("line N: ...") on anything unexpected.
    static bool parseCheckOutput(const QString &output, AllocatorCheck *result, QString *error = nullptr);
    // Several checks in one remote command, so a host costs one SSH round trip: the outputs of
    // checkCommand for each path, one after the other. Empty with *error when any path is invalid.
    static QString checkCommands(const QStringList &paths, QString *error = nullptr);
    // Parses what checkCommands printed into *results, which holds the planned checks (host, id,
    // path) in the same order; false with *error ("check N (ID), line M: ...") on anything unexpected.
    static bool parseCheckOutputs(const QString &output, QList<AllocatorCheck> *results,
                                  QString *error = nullptr);
    // The checks to run on `host`: every entry with a library (not glibc) whose id is in `ids`
    // (empty = all), with the host's path override applied.
    QList<AllocatorCheck> plannedChecks(const QString &host, const QStringList &ids = {}) const;
    // The entry names an expected sha256 and the check read another one.
    bool sha256Mismatch(const AllocatorCheck &check) const;
    // "2.0.9" from "2.0.9+ds-2", "5.3.0" from "5.3.0-1", "3.0.1" from "1:3.0.1-1".
    static QString upstreamVersion(const QString &debianVersion);

private:
    QList<AllocatorRecord> m_allocators;
    QList<AllocatorOverride> m_overrides;
};

} // namespace alloclab
