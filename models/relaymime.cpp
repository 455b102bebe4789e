#include "models/relaymime.h"

#include "models/validation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace alloclab {

QByteArray encodeRelayRefs(const QList<RelayRef> &relays)
{
    QJsonArray list;
    for (const RelayRef &r : relays) {
        list.append(QJsonObject { { QStringLiteral("host"), r.host },
                                  { QStringLiteral("unit"), r.unit },
                                  { QStringLiteral("instance"), r.instance },
                                  { QStringLiteral("fingerprint"), r.fingerprint },
                                  { QStringLiteral("nickname"), r.nickname } });
    }
    const QJsonObject root { { QStringLiteral("version"), 1 }, { QStringLiteral("relays"), list } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QList<RelayRef> decodeRelayRefs(const QByteArray &data, QString *error)
{
    auto bad = [error](const QString &why) {
        if (error)
            *error = why;
        return QList<RelayRef>();
    };
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &pe);
    if (doc.isNull() || !doc.isObject())
        return bad(QCoreApplication::translate("RelayMime", "The dropped relay list is not valid JSON."));
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("version")).toInt() != 1)
        return bad(
            QCoreApplication::translate("RelayMime", "The dropped relay list has an unknown version."));
    QList<RelayRef> out;
    const QJsonArray list = root.value(QStringLiteral("relays")).toArray();
    for (const QJsonValue &v : list) {
        const QJsonObject o = v.toObject();
        RelayRef r;
        r.host = o.value(QStringLiteral("host")).toString();
        r.unit = o.value(QStringLiteral("unit")).toString();
        r.instance = o.value(QStringLiteral("instance")).toString();
        r.fingerprint = o.value(QStringLiteral("fingerprint")).toString();
        r.nickname = o.value(QStringLiteral("nickname")).toString();
        const bool unitOk = r.instance.isEmpty()
            ? r.unit == QLatin1String("tor.service")
            : (validation::isValidInstance(r.instance)
               && r.unit == QStringLiteral("tor@") + r.instance + QStringLiteral(".service"));
        if (r.host.isEmpty() || !unitOk
            || (!r.fingerprint.isEmpty() && !validation::isValidFingerprint(r.fingerprint))
            || (!r.nickname.isEmpty() && !validation::isValidNickname(r.nickname)))
            return bad(QCoreApplication::translate("RelayMime",
                                                   "The dropped relay list contains an invalid relay."));
        out.append(r);
    }
    if (error)
        error->clear();
    return out;
}

QList<RelayRef> relayRefsFromMimeData(const QMimeData *mime, QString *error)
{
    if (!mime || !mime->hasFormat(QLatin1String(kRelayMimeType))) {
        if (error)
            *error = QCoreApplication::translate("RelayMime", "The drop does not contain relays.");
        return {};
    }
    return decodeRelayRefs(mime->data(QLatin1String(kRelayMimeType)), error);
}

} // namespace alloclab
