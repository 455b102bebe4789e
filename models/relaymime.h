#pragma once

#include <QList>
#include <QString>

class QMimeData;

namespace alloclab {

// The MIME type of relays dragged between the fleet view and the board's columns.
// Payload: a UTF-8 JSON array, one object per relay, in drag order:
//   [{"host":"lab1","instance":"r01","nickname":"absoul","fingerprint":"0123…ABCD"}, …]
// host/instance/nickname/fingerprint identify the relay (any may be ""); the optional "rss_kb"
// (number) and "loaded_allocator" (resolved file from /proc/PID/maps, "" glibc, "?" unknown) let a
// receiver show a relay it has not seen yet. Unknown keys are ignored (forward compatible).
inline constexpr char kRelayMimeType[] = "application/x-alloclab-relays";

struct RelayRef {
    QString host;
    QString instance;
    QString nickname;
    QString fingerprint;
    qint64 rssKb = -1;
    QString loadedAllocator = QStringLiteral("?");

    // Stable identity: fingerprint, else host/instance, else host/nickname (imported rows).
    QString key() const;
};

QByteArray encodeRelayRefs(const QList<RelayRef> &relays);
// Empty with *error on malformed JSON or an element that is not an object.
QList<RelayRef> decodeRelayRefs(const QByteArray &json, QString *error = nullptr);
// A QMimeData holding the JSON and, for text editors and chat, the nicknames one per line.
QMimeData *relayMimeData(const QList<RelayRef> &relays);

} // namespace alloclab
