#pragma once

// The TorUtils file formats (docs/formats.md): detection from the header, row parsers into
// the shared records, group files, experiment.json, and the writers the exporter uses.
// Everything here works on bytes already in memory; the importer and exporter do the I/O.

#include "models/csvreader.h"
#include "models/records.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <string>
#include <unordered_map>
#include <vector>

namespace alloclab::torutils {

enum class FileKind { Unknown, Memory, Events, Diagnostics, RelayConfig };

struct FileFormat {
    FileKind kind = FileKind::Unknown;
    int columns = 0; // header columns (memory: 14, or 15 with "group")
    bool groupColumn = false; // memory.csv variant with "group" after "nickname"
    bool allocatorSchema = false; // relay_config.csv: allocator,config (else dircache,maxmem)
    QString error; // why the header was not recognised / what is missing
};

// Looks only at the first non-blank line.
FileFormat detectFormat(QByteArrayView data);
QString kindName(FileKind kind);

// One rejected row (or a whole-file problem, line 0).
struct RowError {
    qsizetype line = 0;
    QString message; // "expected ..."
};
// "memory.csv:12: expected an integer in rss_kb, got 'x'"
QString formatError(const QString &fileName, const RowError &error);

// ISO 8601 "YYYY-MM-DD[T ]HH:MM[:SS[.fff]][Z|+HH:MM|+HHMM|+HH]". Timestamps without an offset
// are naive: they are read in the zone given here, explicitly (real files mix both kinds).
class TimestampParser
{
public:
    explicit TimestampParser(const QTimeZone &naiveZone = QTimeZone::utc());
    bool parse(QByteArrayView text, qint64 *msSinceEpoch, bool *hadOffset = nullptr);
    // diagnostics.csv: date and time in separate columns.
    bool parse(QByteArrayView date, QByteArrayView time, qint64 *msSinceEpoch);
    const QTimeZone &naiveZone() const { return m_zone; }

private:
    QTimeZone m_zone;
    bool m_fixed = true; // no transitions: the offset below is always right
    int m_fixedOffsetSec = 0;
    // Snapshot rows share their timestamp: remember the last one.
    QByteArray m_lastText;
    qint64 m_lastMs = 0;
    bool m_lastOffset = false;
};

// Writes a timestamp back: naive in the zone, or with its offset ("+00:00" for UTC).
QByteArray formatTimestamp(qint64 msSinceEpoch, const QTimeZone &zone, bool withOffset);

struct ReadOptions {
    QTimeZone naiveZone = QTimeZone::utc();
    QString server; // used when the file has no "server" column (or it is empty)
    int maxErrors = 1000; // further errors are counted, not kept
};

// Relay identities seen while reading, deduplicated: fingerprint when present, otherwise
// server + nickname; a row without fingerprint joins the relay with that server + nickname.
// Local ids are 1-based indexes into relays().
class RelayIndex
{
public:
    Id resolve(QByteArrayView server, QByteArrayView fingerprint, QByteArrayView nickname);
    // The fast path of resolve() alone: the relay these raw fields resolved to before, when
    // they are byte for byte those of the relay expected next (snapshots keep their order);
    // 0 otherwise. A hit means the fields were valid when first seen: callers skip checking them.
    Id resolveKnown(QByteArrayView server, QByteArrayView fingerprint, QByteArrayView nickname);
    const QList<RelayRecord> &relays() const { return m_relays; }

private:
    Id resolveSlow(QByteArrayView server, QByteArrayView fingerprint, QByteArrayView nickname);
    struct Seen { // the raw fields a relay was last resolved from (fingerprint rows only)
        std::string server, fingerprint, nickname;
    };
    std::vector<Seen> m_seen; // by local id
    std::vector<Id> m_next; // by local id: the relay that followed it last time
    Id m_prev = -1;
    QList<RelayRecord> m_relays;
    std::unordered_map<std::string, Id> m_byFingerprint;
    std::unordered_map<std::string, Id> m_byName; // server '\n' nickname
    std::string m_key;
};

// Streaming reader of memory.csv (both variants), for the importer's hot path.
class MemoryParser
{
public:
    enum class Row { Relay, Aggregate, Error, End };

    MemoryParser(QByteArrayView data, const ReadOptions &options);
    // Reads the file in chunks (see csv::Reader): what the importer uses for files of any size.
    MemoryParser(csv::Reader::Source source, const ReadOptions &options);
    bool headerOk() const { return m_headerError.isEmpty(); }
    QString headerError() const { return m_headerError; }
    const FileFormat &format() const { return m_format; }

    Row next();
    // After Row::Relay: relayId is a local id into relays().
    const SampleRecord &sample() const { return m_sample; }
    QByteArrayView group() const { return m_group; } // 15-column variant, else empty
    // After Row::Aggregate.
    const AggregateRecord &aggregate() const { return m_aggregate; }
    // After Row::Error.
    const RowError &error() const { return m_error; }

    const QList<RelayRecord> &relays() const { return m_index.relays(); }
    qsizetype offset() const { return m_reader.offset(); }

private:
    void readHeader();
    Row fail(const QString &message);
    bool intColumn(int col, const char *name, bool required, qint64 *out);

    csv::Reader m_reader;
    TimestampParser m_time;
    QString m_defaultServer;
    QByteArray m_defaultServerUtf8;
    FileFormat m_format;
    QString m_headerError;
    int m_cTimestamp = -1, m_cServer = -1, m_cType = -1, m_cFingerprint = -1, m_cNickname = -1, m_cGroup = -1,
        m_cRss = -1, m_cVmsize = -1, m_cHwm = -1, m_cFrag = -1, m_cCount = -1, m_cTotal = -1, m_cAvg = -1,
        m_cMin = -1, m_cMax = -1;
    RelayIndex m_index;
    SampleRecord m_sample;
    AggregateRecord m_aggregate;
    QByteArray m_lastServer;
    QByteArrayView m_group;
    RowError m_error;
};

// Whole files, for tests, the preview and the small files.
struct MemoryFile {
    QList<RelayRecord> relays; // local ids: index + 1
    QList<SampleRecord> samples;
    QStringList sampleGroups; // parallel to samples, only for the 15-column variant
    QList<AggregateRecord> aggregates;
    QList<RowError> errors;
    qsizetype errorCount = 0;
    FileFormat format;
};
MemoryFile parseMemory(QByteArrayView data, const ReadOptions &options = {});

struct EventsFile {
    QList<EventRecord> events;
    QList<RowError> errors;
    qsizetype errorCount = 0;
};
EventsFile parseEvents(QByteArrayView data, const ReadOptions &options = {});

struct DiagnosticsFile {
    QList<HostDiagnosticsRecord> rows;
    QList<RowError> errors;
    qsizetype errorCount = 0;
};
DiagnosticsFile parseDiagnostics(QByteArrayView data, const ReadOptions &options = {});

// relay_config.csv, two schemas: "...,dircache,maxmem" and "...,allocator,config".
struct RelayConfigRecord {
    RelayRecord relay;
    QString dirCache;
    QString maxMem;
    QString allocator;
    QString config;
};
struct RelayConfigFile {
    QList<RelayConfigRecord> rows;
    bool allocatorSchema = false; // the header has allocator and config
    bool dirCacheSchema = false; // the header has dircache and maxmem (both may be true)
    QList<RowError> errors;
    qsizetype errorCount = 0;
};
RelayConfigFile parseRelayConfig(QByteArrayView data, const ReadOptions &options = {});

// groups/group_<LETTER>_<label>.txt and group_<LETTER>_<label>_historical.txt.
struct GroupFileName {
    bool valid = false;
    QString letter;
    QString label; // without "_historical"
    bool historical = false;
};
GroupFileName parseGroupFileName(const QString &fileName);
// One nickname (or fingerprint) a line; blank lines and '#' comments are skipped.
QStringList parseGroupFile(QByteArrayView data, QList<RowError> *errors);

// Allocator behind a TorUtils group label: "mimalloc209" -> {id "mimalloc", "mimalloc 2.0.9"}.
struct LabelAllocator {
    QString id;
    QString displayName;
};
LabelAllocator allocatorFromLabel(const QString &label);

// experiment.json (docs/formats.md).
struct ExperimentFile {
    ExperimentRecord experiment; // groups: letter, label, allocatorId
    QHash<QString, QStringList> members; // letter -> nicknames, when listed
};
bool parseExperimentJson(QByteArrayView data, const QTimeZone &naiveZone, ExperimentFile *out,
                         QString *error);
QByteArray writeExperimentJson(const ExperimentRecord &experiment, const QTimeZone &zone, bool withOffset);

// Writers: rows end with LF, as the Python tools write them on Linux.
QByteArray memoryHeader(bool groupColumn);
void appendRelayRow(QByteArray &out, const QByteArray &timestamp, const RelayRecord &relay,
                    const SampleRecord &s, const QString *group = nullptr);
void appendAggregateRow(QByteArray &out, const QByteArray &timestamp, const AggregateRecord &a,
                        bool groupColumn);
QByteArray eventsHeader();
void appendEventRow(QByteArray &out, const QByteArray &timestamp, const EventRecord &e);
QByteArray diagnosticsHeader();
void appendDiagnosticsRow(QByteArray &out, const HostDiagnosticsRecord &d, const QTimeZone &zone);

} // namespace alloclab::torutils
