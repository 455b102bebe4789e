#pragma once

// The verdict of an experiment at one snapshot: per group the relays, mean and median RSS,
// ratio to the best group, growth per day, rank and a recommendation. Pure computation over
// samples and a membership function, so the CLI, the Summary tab and the tests agree.

#include "models/records.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace alloclab::summary {

struct GroupInfo {
    QString letter;
    QString label;
    QString allocator; // display name, "mimalloc 2.0.9"
};

struct GroupSummary {
    QString letter;
    QString label;
    QString allocator;
    int relays = 0;
    double meanGib = 0; // full precision; rounded only when shown
    double medianGib = 0;
    double ratio = 0; // mean / best group's mean
    double growthGibPerDay = 0; // least-squares slope of the group mean over the window
    int growthPoints = 0; // snapshots the slope is fitted on (< 2: no slope)
    int rank = 0; // 1 = smallest mean
    QString recommendation; // "Use this", "Acceptable", "Avoid"
};

struct Summary {
    qint64 atMs = 0; // the snapshot used (0: no data)
    qint64 windowFromMs = 0;
    QList<GroupSummary> groups; // by rank; groups without relays at the snapshot come last
    double worstBestRatio = 0;

    // CLI.md: {"at":..,"worst_best_ratio":..,"groups":[{"letter":..,"mean_gib":1.28,..}]}
    QJsonObject toJson() const;
    // A GitHub-flavoured Markdown table, as the operators publish it.
    QString toMarkdown() const;
};

// Group letters of a relay at a time, empty when in no group. Usually one letter; imported
// group files may list a relay in two groups (the published 5-way data does), and then it
// counts in both, as in the published analysis.
using Membership = std::function<QStringList(Id relayId, qint64 tsMs)>;

struct Options {
    qint64 atMs = 0; // snapshot at or just before this time; 0 = the latest
    qint64 windowMs = 3LL * 86400 * 1000; // growth window ending at the snapshot
    qint64 windowFromMs = 0; // explicit start of the window (overrides windowMs)
    // Samples this close together form one snapshot (one poll of all hosts).
    qint64 snapshotGapMs = 60 * 1000;
    double farWorseRatio = 2.0; // "Avoid" from this ratio to the best group
    double growingGibPerDay = 0.1; // "clearly growing": at least this much a day ...
    double growingFractionPerDay = 0.02; // ... and at least this fraction of the mean a day
};

Summary compute(const QList<SampleRecord> &samples, const QList<GroupInfo> &groups, const Membership &groupOf,
                const Options &options = {});

// Two decimals as published ("1.28"), and the ratio as "6.7x".
double round2(double v);
QString formatRatio(double ratio);

} // namespace alloclab::summary
