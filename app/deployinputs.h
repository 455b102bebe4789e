#pragma once

// What a deploy, rollout or rollback is about, read from the store: the relays and the library
// each one should preload on its host. Shared by the CLI (deploy/rollout/rollback) and the GUI
// (Deploy..., Roll out the winner...), so both plan from the same inputs.

#include "models/deployplan.h"
#include "models/records.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace alloclab {

class Database;

namespace deployinputs {

// The relays of an experiment's open assignments, each with its group's allocator (host
// override first). False + *error when the experiment, a relay or an allocator is missing.
bool forExperiment(Database &db, const QString &name, QList<DeployRelayInput> *out, Id *experimentId,
                   QString *error);

// Every known relay (with an instance) of `hosts` (empty = every host) with `allocatorId`.
bool forRollout(Database &db, const QString &allocatorId, const QStringList &hosts,
                QList<DeployRelayInput> *out, QString *error);

} // namespace deployinputs
} // namespace alloclab
