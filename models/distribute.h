#pragma once

#include <QList>
#include <QString>

namespace alloclab {

// One relay to place: what the strata are made of.
struct DistributeItem {
    QString host;
    qint64 rssKb = -1; // -1 = unknown, sorts as the smallest
};

// Stratified random assignment of `items` to groups of the given sizes, reproducible from `seed`.
//
// Why: real experiments used contiguous alphabetical blocks, which confounds the comparison with
// whatever correlates with names (start order, host, age). Here every group gets its share of
// each host and of each RSS quantile within the host, and chance decides the rest.
//
// How: hosts (in a seeded order) are split into RSS strata of about 2 x groups relays each; the
// quota of each group in a stratum comes from one running largest-deficit count over all strata
// (so totals are exact and every prefix stays within one relay of its share); inside a stratum the
// relays are shuffled (std::mt19937_64 with the seed) and dealt by quota.
//
// Returns, per item, the index into `sizes` or -1 when sizes sum to fewer than the items (those
// stay unassigned, drawn at random like a group of their own). Empty with *error when the sizes
// are negative or sum to more than the items.
QList<int> distribute(const QList<DistributeItem> &items, const QList<int> &sizes, quint64 seed,
                      QString *error = nullptr);

// n split into k sizes as evenly as possible, larger first: 7 into 3 -> 3 2 2.
QList<int> equalSizes(int n, int k);

} // namespace alloclab
