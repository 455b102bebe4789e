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
    if (data.size() >= 3 && std::memcmp(m_pos, "\xEF\xBB\xBF", 3) == 0)
        m_pos += 3;
    m_fields.reserve(32);
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

// The first ',', CR or LF at or after p, else m_end. Inlined: it runs once per field.
Q_ALWAYS_INLINE const char *Reader::nextSeparator(const char *p)
{
    for (;;) {
        const qsizetype off = qsizetype(p - m_begin) - m_windowOff;
        if (off >= 0 && off < 64) {
            const quint64 bits = m_window & (~quint64(0) << off);
            if (bits)
                return m_begin + m_windowOff + __builtin_ctzll(bits);
            const qsizetype nextOff = m_windowOff + 64;
            if (nextOff >= qsizetype(m_end - m_begin))
                return m_end;
            p = m_begin + nextOff;
        }
        m_windowOff = qsizetype(p - m_begin);
        m_window = separatorMask(p, m_end);
    }
}

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
            m_fields.emplace_back(scratchStart, qsizetype(m_scratch.size()) - scratchStart, true);
        } else {
            m_fields.emplace_back(qsizetype(start - m_begin), qsizetype(quote - start), false);
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
    m_fields.clear();
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
        } else {
            const char *start = m_pos;
            const char *p = nextSeparator(m_pos);
            m_fields.emplace_back(qsizetype(start - m_begin), qsizetype(p - start), false);
            m_pos = p;
        }
        if (m_pos >= m_end)
            return true;
        const char c = *m_pos;
        if (c == ',') {
            ++m_pos;
            if (m_pos >= m_end) {
                m_fields.emplace_back(0, 0, false);
                return true;
            }
            continue;
        }
        skipToNextLine(); // CR, LF or CRLF
        return true;
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

QByteArrayView trimmed(QByteArrayView text)
{
    qsizetype b = 0;
    qsizetype e = text.size();
    while (b < e && (text[b] == ' ' || text[b] == '\t'))
        ++b;
    while (e > b && (text[e - 1] == ' ' || text[e - 1] == '\t'))
        --e;
    return text.sliced(b, e - b);
}

bool parseInt(QByteArrayView text, qint64 *value)
{
    // The common case, plain digits that cannot overflow, without the general machinery.
    if (text.size() > 0 && text.size() <= 18) {
        qint64 v = 0;
        qsizetype i = 0;
        for (; i < text.size(); ++i) {
            const unsigned d = unsigned(text[i]) - unsigned('0');
            if (d > 9)
                break;
            v = v * 10 + qint64(d);
        }
        if (i == text.size()) {
            *value = v;
            return true;
        }
    }
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
