#include "models/distribute.h"

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <numeric>
#include <random>

namespace alloclab {

QList<int> distribute(const QList<DistributeItem> &items, const QList<int> &sizes, quint64 seed,
                      QString *error)
{
    const int n = int(items.size());
    qint64 total = 0;
    for (int s : sizes) {
        if (s < 0) {
            if (error)
                *error = QCoreApplication::translate("Distribute", "Group sizes must not be negative.");
            return {};
        }
        total += s;
    }
    if (total > n) {
        if (error)
            *error = QCoreApplication::translate("Distribute",
                                                 "The groups ask for %1 relays but only %2 are selected.")
                         .arg(total)
                         .arg(n);
        return {};
    }
    // The relays left over form one more bucket, drawn like the others.
    QList<qint64> quota(sizes.begin(), sizes.end());
    quota << (n - total);
    const int buckets = int(quota.size());

    std::mt19937_64 rng(seed);

    // Strata: per host, items ordered by RSS (ties in a seeded random order).
    std::map<QString, std::vector<int>> byHost;
    for (int i = 0; i < n; ++i)
        byHost[items.at(i).host].push_back(i);
    std::vector<std::vector<int>> hosts;
    for (auto &entry : byHost) {
        std::vector<int> &v = entry.second;
        std::shuffle(v.begin(), v.end(), rng);
        std::stable_sort(v.begin(), v.end(),
                         [&](int a, int b) { return items.at(a).rssKb < items.at(b).rssKb; });
        hosts.push_back(std::move(v));
    }
    std::shuffle(hosts.begin(), hosts.end(), rng);

    // Ties in the running deficit break by a seeded priority, so no group is always first.
    std::vector<int> priority(std::size_t(buckets), 0);
    std::iota(priority.begin(), priority.end(), 0);
    std::shuffle(priority.begin(), priority.end(), rng);

    const int groupCount
        = std::max(1, int(std::count_if(sizes.begin(), sizes.end(), [](int s) { return s > 0; })));
    const int stratumSize = std::max(2, 2 * groupCount);

    QList<int> result(n, -1);
    std::vector<qint64> assigned(std::size_t(buckets), 0);
    qint64 position = 0;
    for (const std::vector<int> &host : hosts) {
        const int hn = int(host.size());
        // Split the host into strata of about stratumSize, sizes differing by at most one.
        const int strata = std::max(1, (hn + stratumSize / 2) / stratumSize);
        int begin = 0;
        for (int s = 0; s < strata; ++s) {
            const int end = begin + (hn - begin) / (strata - s);
            std::vector<int> members(host.begin() + begin, host.begin() + end);
            std::vector<int> deal;
            deal.reserve(members.size());
            for (std::size_t k = 0; k < members.size(); ++k) {
                ++position;
                // Largest deficit: target share after `position` items minus what the bucket has.
                int best = -1;
                double bestDeficit = 0;
                for (int b = 0; b < buckets; ++b) {
                    if (assigned[std::size_t(b)] >= quota.at(b))
                        continue;
                    const double deficit = double(quota.at(b)) * double(position) / double(n)
                        - double(assigned[std::size_t(b)]);
                    if (best < 0 || deficit > bestDeficit + 1e-12
                        || (std::abs(deficit - bestDeficit) <= 1e-12
                            && priority[std::size_t(b)] < priority[std::size_t(best)])) {
                        best = b;
                        bestDeficit = deficit;
                    }
                }
                ++assigned[std::size_t(best)];
                deal.push_back(best);
            }
            std::shuffle(members.begin(), members.end(), rng);
            for (std::size_t k = 0; k < members.size(); ++k)
                result[members[k]] = deal[k] == buckets - 1 ? -1 : deal[k];
            begin = end;
        }
    }
    return result;
}

QList<int> equalSizes(int n, int k)
{
    QList<int> out;
    if (k <= 0)
        return out;
    for (int i = 0; i < k; ++i)
        out << n / k + (i < n % k ? 1 : 0);
    return out;
}

} // namespace alloclab
