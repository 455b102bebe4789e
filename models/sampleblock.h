#pragma once

// A compressed block of one relay's samples: how imported history is stored (table
// sample_blocks, schema v4). A pure value codec: no I/O, the store decides what goes in a block.
//
// Blob layout, version 1 (all integers LEB128 varints; "z" = zigzag-encoded signed):
//   u8      version (1)
//   v       n, the sample count (1..kMaxSamples)
//   v       s, the number of distinct loaded_allocator strings (1..n)
//   s x     (v length, UTF-8 bytes)          the string table
//   n x     z ts_ms delta                    first delta from 0, then > 0 (strictly increasing)
//   n x     z rss_kb delta                   each column: delta from the previous sample's value
//   n x     z hwm_kb delta
//   n x     z vmsize_kb delta
//   n x     z pid delta
//   n x     v string index                   only when s > 1 (s == 1: every sample uses it)
// Columns, not rows: neighbouring values of one column are alike, so deltas stay one or two
// bytes. Decoding checks every bound; a damaged or hostile blob is an error, never a crash.

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <vector>

namespace alloclab {

class SampleBlock
{
public:
    static constexpr quint8 kVersion = 1;
    // 1024 samples: a blob of about 8-10 KB (a few overflow pages), so the fixed cost of a block
    // row (key, B-tree insert: ~2 us) is ~2 ns per sample, while a reader that needs one sample
    // (latest, snapshot) decodes at most 1024, and a merge re-encodes little. Larger blocks save
    // nothing measurable on writes and cost every read.
    static constexpr int kMaxSamples = 1024;

    struct Sample {
        qint64 tsMs = 0;
        qint64 rssKb = -1;
        qint64 hwmKb = -1;
        qint64 vmsizeKb = -1;
        qint64 pid = -1;
        int allocator = 0; // index into allocators()
    };

    SampleBlock() = default;

    // Appends a sample; allocatorIndex must come from allocatorIndex().
    void append(const Sample &s) { m_samples.push_back(s); }
    // The index of this allocator name in the block's string table (added when new).
    int allocatorIndex(const QString &name);
    void reserve(size_t n) { m_samples.reserve(n); }
    void clear();

    const std::vector<Sample> &samples() const { return m_samples; }
    std::vector<Sample> &samples() { return m_samples; }
    const QStringList &allocators() const { return m_allocators; }
    size_t size() const { return m_samples.size(); }
    bool isEmpty() const { return m_samples.empty(); }
    qint64 firstMs() const { return m_samples.empty() ? 0 : m_samples.front().tsMs; }
    qint64 lastMs() const { return m_samples.empty() ? 0 : m_samples.back().tsMs; }
    const QString &allocatorOf(const Sample &s) const { return m_allocators.at(s.allocator); }

    // Empty result + *error when the block cannot be encoded: no samples, more than kMaxSamples,
    // times not strictly increasing, or an allocator index out of range.
    QByteArray encode(QString *error = nullptr) const;
    // Replaces the content; false + *error (and an empty block) when the blob is not a valid
    // block: unknown version, truncated, trailing bytes, overlong varint, bad counts or indexes,
    // times not strictly increasing.
    bool decode(QByteArrayView blob, QString *error = nullptr);

    // The position of the sample at tsMs, or -1.
    qsizetype indexOf(qint64 tsMs) const;
    // The position of the last sample with ts <= tsMs, or -1.
    qsizetype lastAtOrBefore(qint64 tsMs) const;

private:
    std::vector<Sample> m_samples;
    QStringList m_allocators;
};

} // namespace alloclab
