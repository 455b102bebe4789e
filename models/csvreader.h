#pragma once

// RFC 4180 reader over bytes already in memory. Fields are views into the input (or into a
// per-record scratch buffer when a quoted field contains doubled quotes), so reading a row
// allocates nothing in the common case: the TorUtils files are read at several hundred MB/s.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>

#include <string>
#include <vector>

namespace alloclab::csv {

class Reader
{
public:
    // A UTF-8 byte order mark at the start is skipped. The data must outlive the reader.
    explicit Reader(QByteArrayView data);

    // Advances to the next record, skipping blank lines. Returns false at the end of the data
    // and on a malformed record (then hasError() is true and errorString() says what was
    // expected; the reader has skipped to the next line so reading may go on).
    bool next();

    int size() const { return int(m_fields.size()); }
    // The unquoted field i of the current record; an empty view when i is out of range.
    QByteArrayView field(int i) const
    {
        if (i < 0 || size_t(i) >= m_fields.size())
            return {};
        const Span &s = m_fields[size_t(i)];
        return QByteArrayView((s.scratch ? m_scratch.data() : m_begin) + s.start, s.len);
    }
    // 1-based line where the current record starts (quoted fields may span lines).
    qsizetype line() const { return m_recordLine; }
    // Bytes consumed so far, for progress.
    qsizetype offset() const { return qsizetype(m_pos - m_begin); }
    qsizetype totalSize() const { return qsizetype(m_end - m_begin); }
    bool atEnd() const { return m_pos >= m_end; }
    bool hasError() const { return !m_error.isEmpty(); }
    QString errorString() const { return m_error; }

private:
    struct Span {
        // Built in place (emplace_back): a temporary Span written field by field and copied
        // as a whole stalls on store forwarding, which cost a third of reading a record.
        Span(qsizetype s, qsizetype l, bool inScratch)
            : start(s)
            , len(l)
            , scratch(inScratch)
        { }
        qsizetype start;
        qsizetype len;
        bool scratch;
    };
    bool readQuoted();
    void skipToNextLine();
    const char *nextSeparator(const char *p);

    // Where ',', CR and LF are in the 64-byte window at m_windowOff (relative to m_begin): a
    // record is scanned once, not once per field (fields are short, a record holds a dozen).
    qsizetype m_windowOff = -64;
    quint64 m_window = 0;

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    qsizetype m_line = 1;
    qsizetype m_recordLine = 0;
    std::vector<Span> m_fields;
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

// Strict number parsers over bytes (surrounding spaces allowed); false on anything else.
bool parseInt(QByteArrayView text, qint64 *value);
bool parseDouble(QByteArrayView text, double *value);
QByteArrayView trimmed(QByteArrayView text);

} // namespace alloclab::csv
