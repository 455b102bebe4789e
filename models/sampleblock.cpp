#include "models/sampleblock.h"

#include <QCoreApplication>

#include <algorithm>
#include <cstring>

namespace alloclab {

namespace {

// Deltas are taken in unsigned arithmetic: any two qint64 differ by a wrapped 64-bit value that
// adds back exactly, so no input can overflow (undefined behaviour) on either side.
inline quint64 zigzag(quint64 delta)
{
    return (delta << 1) ^ quint64(qint64(delta) >> 63);
}
inline quint64 unzigzag(quint64 v)
{
    return (v >> 1) ^ (~(v & 1) + 1);
}

inline char *putVarint(char *p, quint64 v)
{
    while (v >= 0x80) {
        *p++ = char(quint8(v) | 0x80);
        v >>= 7;
    }
    *p++ = char(v);
    return p;
}

struct Cursor {
    const quint8 *p;
    const quint8 *end;
    bool ok = true;

    quint64 varint()
    {
        quint64 v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end) {
                ok = false;
                return 0;
            }
            const quint8 b = *p++;
            if (shift == 63 && b > 1) { // more than 64 bits
                ok = false;
                return 0;
            }
            v |= quint64(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        ok = false;
        return 0;
    }
};

} // namespace

int SampleBlock::allocatorIndex(const QString &name)
{
    // Blocks hold one or two distinct names: a linear search beats any hash.
    for (int i = int(m_allocators.size()) - 1; i >= 0; --i) {
        if (m_allocators.at(i) == name)
            return i;
    }
    m_allocators.append(name);
    return int(m_allocators.size()) - 1;
}

void SampleBlock::clear()
{
    m_samples.clear();
    m_allocators.clear();
}

QByteArray SampleBlock::encode(QString *error) const
{
    const auto refuse = [error](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    const size_t n = m_samples.size();
    if (n == 0)
        return refuse(QCoreApplication::translate("SampleBlock", "a sample block cannot be empty"));
    if (n > size_t(kMaxSamples))
        return refuse(
            QCoreApplication::translate("SampleBlock", "a sample block holds at most %1 samples, not %2")
                .arg(kMaxSamples)
                .arg(n));
    std::vector<QByteArray> names;
    names.reserve(size_t(m_allocators.size()));
    size_t namesBytes = 0;
    for (const QString &a : m_allocators) {
        names.push_back(a.toUtf8());
        namesBytes += size_t(names.back().size()) + 10;
    }
    const int strings = int(names.size());
    // Worst case: 10 bytes per varint, 6 per sample.
    QByteArray out(qsizetype(1 + 10 + 10 + namesBytes + n * 60), Qt::Uninitialized);
    char *p = out.data();
    *p++ = char(kVersion);
    p = putVarint(p, n);
    p = putVarint(p, quint64(strings));
    for (const QByteArray &name : names) {
        p = putVarint(p, quint64(name.size()));
        std::memcpy(p, name.constData(), size_t(name.size()));
        p += name.size();
    }
    quint64 prev = 0;
    for (size_t i = 0; i < n; ++i) {
        const Sample &s = m_samples[i];
        if (i > 0 && s.tsMs <= m_samples[i - 1].tsMs)
            return refuse(QCoreApplication::translate(
                              "SampleBlock", "the times of a sample block must increase (sample %1 of %2)")
                              .arg(i + 1)
                              .arg(n));
        if (s.allocator < 0 || s.allocator >= strings)
            return refuse(
                QCoreApplication::translate("SampleBlock", "sample %1 of %2 names allocator %3 of %4")
                    .arg(i + 1)
                    .arg(n)
                    .arg(s.allocator)
                    .arg(strings));
        p = putVarint(p, zigzag(quint64(s.tsMs) - prev));
        prev = quint64(s.tsMs);
    }
    const auto column = [&](qint64 Sample::*field) {
        quint64 last = 0;
        for (const Sample &s : m_samples) {
            p = putVarint(p, zigzag(quint64(s.*field) - last));
            last = quint64(s.*field);
        }
    };
    column(&Sample::rssKb);
    column(&Sample::hwmKb);
    column(&Sample::vmsizeKb);
    column(&Sample::pid);
    if (strings > 1) {
        for (const Sample &s : m_samples)
            p = putVarint(p, quint64(s.allocator));
    }
    out.truncate(p - out.constData());
    return out;
}

bool SampleBlock::decode(QByteArrayView blob, QString *error)
{
    clear();
    const auto refuse = [this, error](const QString &why) {
        clear();
        if (error)
            *error = why;
        return false;
    };
    const auto damaged = [&](const char *where) {
        return refuse(QCoreApplication::translate("SampleBlock", "the sample block is damaged (%1)")
                          .arg(QLatin1String(where)));
    };
    if (blob.isEmpty())
        return damaged("empty");
    Cursor c { reinterpret_cast<const quint8 *>(blob.data()),
               reinterpret_cast<const quint8 *>(blob.data()) + blob.size() };
    const quint8 version = *c.p++;
    if (version != kVersion)
        return refuse(QCoreApplication::translate("SampleBlock",
                                                  "the sample block has format version %1; this AllocLab "
                                                  "reads version %2 (a newer AllocLab wrote it?)")
                          .arg(version)
                          .arg(kVersion));
    const quint64 n = c.varint();
    if (!c.ok || n == 0 || n > quint64(kMaxSamples))
        return damaged("sample count");
    const quint64 strings = c.varint();
    if (!c.ok || strings == 0 || strings > n)
        return damaged("string count");
    // Every sample needs at least 5 bytes: refuse before allocating for a lying count.
    if (quint64(c.end - c.p) < n * 5)
        return damaged("truncated");
    m_allocators.reserve(qsizetype(strings));
    for (quint64 i = 0; i < strings; ++i) {
        const quint64 len = c.varint();
        if (!c.ok || len > quint64(c.end - c.p))
            return damaged("string table");
        m_allocators.append(QString::fromUtf8(reinterpret_cast<const char *>(c.p), qsizetype(len)));
        c.p += len;
    }
    m_samples.resize(size_t(n));
    quint64 prev = 0;
    for (size_t i = 0; i < n; ++i) {
        const quint64 ts = prev + unzigzag(c.varint());
        if (!c.ok)
            return damaged("truncated");
        if (i > 0 && qint64(ts) <= qint64(prev))
            return damaged("times not increasing");
        m_samples[i].tsMs = qint64(ts);
        prev = ts;
    }
    const auto column = [&](qint64 Sample::*field) {
        quint64 last = 0;
        for (Sample &s : m_samples) {
            last += unzigzag(c.varint());
            s.*field = qint64(last);
        }
    };
    column(&Sample::rssKb);
    column(&Sample::hwmKb);
    column(&Sample::vmsizeKb);
    column(&Sample::pid);
    if (strings > 1) {
        for (Sample &s : m_samples) {
            const quint64 index = c.varint();
            if (index >= strings)
                return damaged("allocator index");
            s.allocator = int(index);
        }
    }
    if (!c.ok)
        return damaged("truncated");
    if (c.p != c.end)
        return damaged("trailing bytes");
    return true;
}

qsizetype SampleBlock::indexOf(qint64 tsMs) const
{
    const auto it = std::lower_bound(m_samples.begin(), m_samples.end(), tsMs,
                                     [](const Sample &s, qint64 t) { return s.tsMs < t; });
    return it != m_samples.end() && it->tsMs == tsMs ? qsizetype(it - m_samples.begin()) : -1;
}

qsizetype SampleBlock::lastAtOrBefore(qint64 tsMs) const
{
    const auto it = std::upper_bound(m_samples.begin(), m_samples.end(), tsMs,
                                     [](qint64 t, const Sample &s) { return t < s.tsMs; });
    return qsizetype(it - m_samples.begin()) - 1;
}

} // namespace alloclab
