#pragma once

// RFC 4180 reader over bytes already in memory. Fields are views into the input (or into a
// per-record scratch buffer when a quoted field contains doubled quotes), so reading a row
// allocates nothing in the common case: the TorUtils files are read at several hundred MB/s.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace alloclab::csv {

class Reader
{
public:
    // Fills `to` with at most `max` bytes; returns how many, 0 at the end, < 0 on a read error
    // (the reader then stops as at the end; the source's owner reports the error).
    using Source = std::function<qint64(char *to, qint64 max)>;

    // A UTF-8 byte order mark at the start is skipped. The data must outlive the reader.
    explicit Reader(QByteArrayView data);
    // Reads in chunks: a file of any size costs a buffer of 64 KiB (it grows only for a longer
    // record), and its bytes are read once, into memory that stays in the CPU's cache. A bigger
    // buffer is no faster for a big file and costs a small one a page fault per 4 KiB it reads.
    // chunkSize is for tests, which make records run over the end of a chunk.
    explicit Reader(Source source, qsizetype chunkSize = qsizetype(64) << 10);
    Reader(const Reader &) = delete;
    Reader &operator=(const Reader &) = delete;

    // Advances to the next record, skipping blank lines. Returns false at the end of the data
    // and on a malformed record (then hasError() is true and errorString() says what was
    // expected; the reader has skipped to the next line so reading may go on).
    bool next();

    int size() const { return m_count; }
    // The unquoted field i of the current record; an empty view when i is out of range.
    QByteArrayView field(int i) const
    {
        if (i < 0 || i >= m_count)
            return {};
        const Span &s = m_fields[size_t(i)];
        return QByteArrayView(s.start >= 0 ? m_begin + s.start : m_scratch.data() - s.start - 1, s.len);
    }
    // 1-based line where the current record starts (quoted fields may span lines).
    qsizetype line() const { return m_recordLine; }
    // Bytes consumed so far, for progress.
    qsizetype offset() const { return m_base + qsizetype(m_pos - m_begin); }
    bool atEnd() const { return m_pos >= m_end && m_eof; }
    // The bytes read but not consumed yet (in a chunked reader: up to the end of its buffer).
    QByteArrayView pending() const { return QByteArrayView(m_pos, m_end - m_pos); }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    // start < 0: the field is in m_scratch at -start - 1. No bool member: a store through a
    // char aliases everything, and the compiler then reloads the vector after every field.
    struct Span {
        qsizetype start;
        qsizetype len;
    };
    Q_ALWAYS_INLINE void addField(qsizetype start, qsizetype len)
    {
        if (size_t(m_count) == m_fields.size())
            m_fields.resize(m_fields.size() * 2);
        Span &s = m_fields[size_t(m_count++)];
        s.start = start;
        s.len = len;
    }
    bool readRecord();
    bool readQuoted();
    void skipToNextLine();
    void fill();
    void skipByteOrderMark();

    // Where ',', CR and LF are in the 64-byte window at m_windowOff (relative to m_begin): a
    // record is scanned once, not once per field (fields are short, a record holds a dozen),
    // and a field ends at the next bit.
    qsizetype m_windowOff = -64;
    quint64 m_window = 0;

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    // Chunked reading: m_begin is m_buffer, and m_base the offset of its first byte in the input.
    Source m_source;
    std::unique_ptr<char[]> m_buffer;
    qsizetype m_capacity = 0;
    qsizetype m_lowWater = 0;
    qsizetype m_base = 0;
    bool m_eof = true;
    qsizetype m_line = 1;
    qsizetype m_recordLine = 0;
    std::vector<Span> m_fields; // sized, not just reserved: the first m_count are the record's
    int m_count = 0;
    std::string m_scratch;
    QString m_error;
};

// Column lookup by header name (trimmed, case-insensitive), so columns may come in any order
// and optional ones may be missing.
class Header
{
public:
    Header() = default;
    explicit Header(const Reader &reader);
    int column(QByteArrayView name) const; // -1 when absent
    bool has(QByteArrayView name) const { return column(name) >= 0; }
    int size() const { return int(m_names.size()); }
    const QList<QByteArray> &names() const { return m_names; }

private:
    QList<QByteArray> m_names; // lower-case, trimmed
};

// Appends one field, quoted only when it must be (comma, quote, CR or LF, edge spaces).
void appendField(QByteArray &out, QByteArrayView field);

// Plain digits only (1 to 18 of them: no overflow), two a step: the multiply chain is what
// costs. Inline: the row parsers read several integer columns of every row.
inline bool parsePlainDigits(QByteArrayView text, qint64 *value)
{
    const qsizetype n = text.size();
    if (n == 0 || n > 18)
        return false;
    const char *p = text.data();
    qint64 x = 0;
    qsizetype i = 0;
    for (; i + 2 <= n; i += 2) {
        const unsigned a = unsigned(p[i]) - unsigned('0');
        const unsigned b = unsigned(p[i + 1]) - unsigned('0');
        if (a > 9 || b > 9)
            return false;
        x = x * 100 + qint64(a * 10 + b);
    }
    if (i < n) {
        const unsigned a = unsigned(p[i]) - unsigned('0');
        if (a > 9)
            return false;
        x = x * 10 + qint64(a);
    }
    *value = x;
    return true;
}

// Strict number parsers over bytes (surrounding spaces allowed); false on anything else.
bool parseInt(QByteArrayView text, qint64 *value);
bool parseDouble(QByteArrayView text, double *value);
// Inline: the row parsers trim several fields of every row.
inline QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t'))
        ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t'))
        --e;
    return text.sliced(b, e - b);
}

} // namespace alloclab::csv
