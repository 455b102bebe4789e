#include "models/csvreader.h"

#include <QCoreApplication>

#include <charconv>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace alloclab::csv {

Reader::Reader(QByteArrayView data)
    : m_begin(data.data())
    , m_pos(data.data())
    , m_end(data.data() + data.size())
{
    m_fields.resize(32);
    skipByteOrderMark();
}

Reader::Reader(Source source, qsizetype chunkSize)
    : m_begin(nullptr)
    , m_pos(nullptr)
    , m_end(nullptr)
    , m_source(std::move(source))
    , m_buffer(new char[size_t(qMax<qsizetype>(chunkSize, 4))])
    , m_capacity(qMax<qsizetype>(chunkSize, 4)) // the first fill holds a whole byte order mark
    // Refilled when less than this is left (4 KiB of 64): a record (TorUtils rows are
    // ~120 bytes) then almost never runs into the end of the buffer and has to be read again.
    , m_lowWater(m_capacity / 16)
    , m_eof(false)
{
    m_begin = m_pos = m_end = m_buffer.get();
    m_fields.resize(32);
    fill();
    skipByteOrderMark();
}

void Reader::skipByteOrderMark()
{
    if (m_end - m_pos >= 3 && std::memcmp(m_pos, "\xEF\xBB\xBF", 3) == 0)
        m_pos += 3;
}

void Reader::fill()
{
    // Keep what is not consumed, at the start of the buffer; grow only when that is all of it.
    const qsizetype kept = qsizetype(m_end - m_pos);
    m_base += qsizetype(m_pos - m_begin);
    if (kept == m_capacity) {
        std::unique_ptr<char[]> bigger(new char[size_t(m_capacity * 2)]);
        std::memcpy(bigger.get(), m_pos, size_t(kept));
        m_buffer = std::move(bigger);
        m_capacity *= 2;
    } else if (kept > 0 && m_pos != m_buffer.get()) {
        std::memmove(m_buffer.get(), m_pos, size_t(kept));
    }
    char *buf = m_buffer.get();
    qsizetype size = kept;
    while (size < m_capacity && !m_eof) {
        const qint64 n = m_source(buf + size, m_capacity - size);
        if (n <= 0)
            m_eof = true;
        else
            size += qsizetype(n);
    }
    m_begin = m_pos = buf;
    m_end = buf + size;
    m_windowOff = -64; // the window's bytes moved
}

void Reader::skipToNextLine()
{
    while (m_pos < m_end) {
        const char c = *m_pos++;
        if (c == '\n') {
            ++m_line;
            return;
        }
        if (c == '\r') {
            if (m_pos < m_end && *m_pos == '\n')
                ++m_pos;
            ++m_line;
            return;
        }
    }
}

namespace {
// Bit i set: p[i] is ',', CR or LF (i < 64, p + i < end).
inline quint64 separatorMask(const char *p, const char *end)
{
#if defined(__SSE2__)
    if (end - p >= 64) {
        const __m128i comma = _mm_set1_epi8(',');
        const __m128i lf = _mm_set1_epi8('\n');
        const __m128i cr = _mm_set1_epi8('\r');
        quint64 mask = 0;
        for (int k = 0; k < 4; ++k) {
            const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
            const unsigned m = unsigned(_mm_movemask_epi8(_mm_or_si128(
                _mm_or_si128(_mm_cmpeq_epi8(v, comma), _mm_cmpeq_epi8(v, lf)), _mm_cmpeq_epi8(v, cr))));
            mask |= quint64(m) << (16 * k);
        }
        return mask;
    }
#endif
    quint64 mask = 0;
    const qsizetype n = qMin<qsizetype>(64, end - p);
    for (qsizetype i = 0; i < n; ++i) {
        const char c = p[i];
        if (c == ',' || c == '\n' || c == '\r')
            mask |= quint64(1) << i;
    }
    return mask;
}
} // namespace

// m_pos is just after the opening quote.
bool Reader::readQuoted()
{
    const char *start = m_pos;
    bool inScratch = false;
    qsizetype scratchStart = 0;
    for (;;) {
        const void *q = std::memchr(m_pos, '"', size_t(m_end - m_pos));
        if (!q) {
            m_error
                = QCoreApplication::translate("Csv", "expected a closing quote before the end of the file");
            // Count the lines we ran over so later messages stay right.
            for (const char *p = m_pos; p < m_end; ++p)
                m_line += (*p == '\n');
            m_pos = m_end;
            return false;
        }
        const char *quote = static_cast<const char *>(q);
        for (const char *p = m_pos; p < quote; ++p)
            m_line += (*p == '\n');
        if (quote + 1 < m_end && quote[1] == '"') {
            // A doubled quote: the field's text differs from the bytes, build it in scratch.
            if (!inScratch) {
                inScratch = true;
                scratchStart = qsizetype(m_scratch.size());
                m_scratch.append(start, size_t(quote - start));
            } else {
                m_scratch.append(m_pos, size_t(quote - m_pos));
            }
            m_scratch.push_back('"');
            m_pos = quote + 2;
            continue;
        }
        if (inScratch) {
            m_scratch.append(m_pos, size_t(quote - m_pos));
            addField(-scratchStart - 1, qsizetype(m_scratch.size()) - scratchStart);
        } else {
            addField(qsizetype(start - m_begin), qsizetype(quote - start));
        }
        m_pos = quote + 1;
        if (m_pos < m_end && *m_pos != ',' && *m_pos != '\n' && *m_pos != '\r') {
            m_error = QCoreApplication::translate(
                "Csv", "expected a comma or the end of the line after a closing quote");
            skipToNextLine();
            return false;
        }
        return true;
    }
}

bool Reader::next()
{
    if (m_eof)
        return readRecord();
    if (m_end - m_pos < m_lowWater)
        fill();
    for (;;) {
        const char *start = m_pos;
        const qsizetype line = m_line;
        const bool ok = readRecord();
        // A record that reached the end of the buffer may go on in the input: read it again
        // once more of the input is in.
        if (m_pos < m_end || m_eof)
            return ok;
        m_pos = start;
        m_line = line;
        fill();
    }
}

bool Reader::readRecord()
{
    m_count = 0;
    m_scratch.clear();
    m_error.clear();
    // Blank lines (possibly holding spaces or tabs) are not records.
    for (;;) {
        const char *p = m_pos;
        while (p < m_end && (*p == ' ' || *p == '\t'))
            ++p;
        if (p < m_end && (*p == '\n' || *p == '\r')) {
            m_pos = p;
            skipToNextLine();
            continue;
        }
        if (p >= m_end) {
            m_pos = m_end;
            return false;
        }
        break;
    }
    m_recordLine = m_line;
    for (;;) {
        if (m_pos < m_end && *m_pos == '"') {
            ++m_pos;
            if (!readQuoted())
                return false;
            if (m_pos >= m_end)
                return true;
            if (*m_pos != ',') {
                skipToNextLine(); // CR, LF or CRLF
                return true;
            }
            ++m_pos;
            if (m_pos >= m_end) {
                addField(0, 0);
                return true;
            }
            continue;
        }
        // Unquoted fields, the common case: from one separator bit of the windows to the next,
        // up to the end of the line or to a field that starts with a quote. In locals: members
        // would be reloaded after every store.
        const char *const begin = m_begin;
        const char *const end = m_end;
        const char *start = m_pos;
        qsizetype windowOff = m_windowOff;
        quint64 window = m_window;
        qsizetype off = qsizetype(start - begin) - windowOff;
        if (off < 0 || off >= 64) {
            windowOff = qsizetype(start - begin);
            window = separatorMask(start, end);
            off = 0;
        }
        quint64 bits = window & (~quint64(0) << off);
        Span *fields = m_fields.data();
        size_t count = size_t(m_count);
        size_t capacity = m_fields.size();
        const auto add = [&](qsizetype fieldStart, qsizetype len) {
            if (count == capacity) {
                m_fields.resize(capacity * 2);
                fields = m_fields.data();
                capacity = m_fields.size();
            }
            fields[count].start = fieldStart;
            fields[count].len = len;
            ++count;
        };
        const auto leave = [&](const char *pos) {
            m_count = int(count);
            m_windowOff = windowOff;
            m_window = window;
            m_pos = pos;
        };
        for (;;) {
            while (!bits) {
                const qsizetype nextOff = windowOff + 64;
                if (nextOff >= qsizetype(end - begin)) {
                    add(qsizetype(start - begin), qsizetype(end - start));
                    leave(end);
                    return true;
                }
                windowOff = nextOff;
                window = bits = separatorMask(begin + nextOff, end);
            }
            const char *p = begin + windowOff + __builtin_ctzll(bits);
            bits &= bits - 1;
            add(qsizetype(start - begin), qsizetype(p - start));
            if (*p != ',') {
                leave(p);
                skipToNextLine(); // CR, LF or CRLF
                return true;
            }
            start = p + 1;
            if (start >= end) {
                add(0, 0);
                leave(end);
                return true;
            }
            if (*start == '"') {
                leave(start);
                break;
            }
        }
    }
}

Header::Header(const Reader &reader)
{
    m_names.reserve(reader.size());
    for (int i = 0; i < reader.size(); ++i)
        m_names.append(trimmed(reader.field(i)).toByteArray().toLower());
}

int Header::column(QByteArrayView name) const
{
    for (int i = 0; i < m_names.size(); ++i) {
        if (m_names.at(i).size() == name.size()
            && qstrnicmp(m_names.at(i).constData(), name.data(), name.size()) == 0)
            return i;
    }
    return -1;
}

void appendField(QByteArray &out, QByteArrayView field)
{
    // Edge spaces would be trimmed by readers; a leading BOM would be eaten at a file's start.
    bool quote = !field.isEmpty()
        && (field.front() == ' ' || field.back() == ' ' || field.startsWith("\xEF\xBB\xBF"));
    if (!quote) {
        for (const char c : field) {
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
    }
    if (!quote) {
        out.append(field);
        return;
    }
    out.append('"');
    for (const char c : field) {
        if (c == '"')
            out.append('"');
        out.append(c);
    }
    out.append('"');
}

bool parseInt(QByteArrayView text, qint64 *value)
{
    if (parsePlainDigits(text, value)) // the common case, without the general machinery
        return true;
    text = trimmed(text);
    if (text.isEmpty())
        return false;
    const char *p = text.data();
    const char *end = p + text.size();
    if (*p == '+') {
        ++p;
        if (p == end || *p == '-' || *p == '+')
            return false;
    }
    const auto r = std::from_chars(p, end, *value);
    return r.ec == std::errc() && r.ptr == end;
}

bool parseDouble(QByteArrayView text, double *value)
{
    text = trimmed(text);
    if (text.isEmpty())
        return false;
    const char *p = text.data();
    const char *end = p + text.size();
    if (*p == '+') {
        ++p;
        if (p == end || *p == '-' || *p == '+')
            return false;
    }
    const auto r = std::from_chars(p, end, *value);
    return r.ec == std::errc() && r.ptr == end && *value == *value
        && *value != std::numeric_limits<double>::infinity()
        && *value != -std::numeric_limits<double>::infinity();
}

} // namespace alloclab::csv
