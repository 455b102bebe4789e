// libFuzzer target for the probe output parser: the remote side is untrusted, so any byte
// sequence must give either a result or a line-numbered error, never a crash, a hang or a
// relay that is marked valid but would not pass validation.
//
//   cmake --preset fuzz && cmake --build --preset fuzz --target fuzz_probe
//   build/fuzz/tests/fuzz/fuzz_probe -max_total_time=120 -dict=tests/fuzz/probe.dict \
//       /tmp/corpus tests/data/probe

#include "models/fleetmodel.h"
#include "models/probeparser.h"
#include "models/validation.h"

#include <cstdint>
#include <cstdlib>

using namespace alloclab;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray in = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const ProbeResult r = ProbeParser::parse(in);
    if (!r.ok) {
        if (r.error.isEmpty() || !r.relays.isEmpty())
            std::abort();
        return 0;
    }
    if (r.relays.size() > ProbeParser::kMaxRelays)
        std::abort();
    for (const ProbeRelay &rel : r.relays) {
        if (!rel.isValid())
            continue;
        // A relay the parser lets through must be safe to put into a command.
        if (rel.unit != QLatin1String("tor.service") && !validation::isValidInstance(rel.instance))
            std::abort();
        if (!rel.fingerprint.isEmpty() && !validation::isValidFingerprint(rel.fingerprint))
            std::abort();
        if (!rel.nickname.isEmpty() && !validation::isValidNickname(rel.nickname))
            std::abort();
        // Every field the probe encodes must survive the round trip.
        QString back;
        if (!ProbeParser::decodeField(ProbeParser::encodeField(rel.unit), &back) || back != rel.unit)
            std::abort();
    }
    // The model must take whatever the parser accepted (twice: insert, then update in place).
    static FleetModel model;
    model.updateHost(QStringLiteral("fuzz"), r);
    model.updateHost(QStringLiteral("fuzz"), r);
    const QModelIndex host = model.hostIndex(QStringLiteral("fuzz"));
    if (model.rowCount(host) != r.relays.size())
        std::abort();
    for (int row = 0; row < model.rowCount(host); ++row) {
        for (int c = 0; c < FleetModel::ColumnCount; ++c) {
            const QModelIndex i = model.index(row, c, host);
            (void)model.data(i, Qt::DisplayRole);
            (void)model.data(i, Qt::ToolTipRole);
            (void)model.data(i, FleetModel::SortRole);
        }
    }
    return 0;
}
