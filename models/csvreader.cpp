#include "models/csvreader.h"

#include <QCoreApplication>

#include <charconv>
#include <cstring>
#include <limits>

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
            m_fields.push_back({ scratchStart, qsizetype(m_scratch.size()) - scratchStart, true });
        } else {
            m_fields.push_back({ qsizetype(start - m_begin), qsizetype(quote - start), false });
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
            const char *p = m_pos;
            // The hot loop: most bytes are neither separators nor line ends.
            while (p < m_end) {
                const char c = *p;
                if (c == ',' || c == '\n' || c == '\r')
                    break;
                ++p;
            }
            m_fields.push_back({ qsizetype(start - m_begin), qsizetype(p - start), false });
            m_pos = p;
        }
        if (m_pos >= m_end)
            return true;
        const char c = *m_pos;
        if (c == ',') {
            ++m_pos;
            if (m_pos >= m_end) {
                m_fields.push_back({ 0, 0, false });
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
