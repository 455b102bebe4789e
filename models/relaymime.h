#pragma once

// Relays dragged out of the fleet view (e.g. onto the experiment board).
// MIME type application/x-alloclab-relays: UTF-8 JSON
//   {"version":1,"relays":[{"host":"lab1","unit":"tor@a.service","instance":"a",
//                            "fingerprint":"ABCD...","nickname":"laba"}, ...]}
// Only relays that passed validation are ever put into it.

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>

class QMimeData;

namespace alloclab {

constexpr char kRelayMimeType[] = "application/x-alloclab-relays";

struct RelayRef {
    QString host;
    QString unit;
    QString instance;
    QString fingerprint; // may be empty (not readable without sudo)
    QString nickname;

    bool operator==(const RelayRef &o) const
    {
        return host == o.host && unit == o.unit && instance == o.instance && fingerprint == o.fingerprint
            && nickname == o.nickname;
    }
};

QByteArray encodeRelayRefs(const QList<RelayRef> &relays);
// Validates every entry again (the drop may come from another process); error set on failure.
QList<RelayRef> decodeRelayRefs(const QByteArray &data, QString *error = nullptr);
QList<RelayRef> relayRefsFromMimeData(const QMimeData *mime, QString *error = nullptr);

} // namespace alloclab

Q_DECLARE_METATYPE(alloclab::RelayRef)
