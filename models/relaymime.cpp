#include "models/relaymime.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace alloclab {

QString RelayRef::key() const
{
    if (!fingerprint.isEmpty())
        return fingerprint;
    if (!instance.isEmpty())
        return host + QLatin1Char('/') + instance;
    return host + QStringLiteral("/~") + nickname; // '~' cannot start an instance name
}

QByteArray encodeRelayRefs(const QList<RelayRef> &relays)
{
    QJsonArray array;
    for (const RelayRef &r : relays) {
        QJsonObject o;
        o.insert(QStringLiteral("host"), r.host);
        o.insert(QStringLiteral("instance"), r.instance);
        o.insert(QStringLiteral("nickname"), r.nickname);
        o.insert(QStringLiteral("fingerprint"), r.fingerprint);
        if (r.rssKb >= 0)
            o.insert(QStringLiteral("rss_kb"), double(r.rssKb));
        if (r.loadedAllocator != QLatin1String("?"))
            o.insert(QStringLiteral("loaded_allocator"), r.loadedAllocator);
        array.append(o);
    }
    return QJsonDocument(array).toJson(QJsonDocument::Compact);
}

QList<RelayRef> decodeRelayRefs(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isArray()) {
        if (error)
            *error = QCoreApplication::translate("RelayMime", "The dragged relays are not a JSON array (%1).")
                         .arg(pe.error != QJsonParseError::NoError ? pe.errorString()
                                                                   : QStringLiteral("not an array"));
        return {};
    }
    QList<RelayRef> out;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            if (error)
                *error = QCoreApplication::translate("RelayMime",
                                                     "Element %1 of the dragged relays is not an object.")
                             .arg(i + 1);
            return {};
        }
        const QJsonObject o = array.at(i).toObject();
        RelayRef r;
        r.host = o.value(QStringLiteral("host")).toString();
        r.instance = o.value(QStringLiteral("instance")).toString();
        r.nickname = o.value(QStringLiteral("nickname")).toString();
        r.fingerprint = o.value(QStringLiteral("fingerprint")).toString().toUpper();
        if (o.contains(QStringLiteral("rss_kb")))
            r.rssKb = qint64(o.value(QStringLiteral("rss_kb")).toDouble(-1));
        if (o.contains(QStringLiteral("loaded_allocator")))
            r.loadedAllocator = o.value(QStringLiteral("loaded_allocator")).toString();
        if (r.fingerprint.isEmpty() && r.instance.isEmpty() && r.nickname.isEmpty())
            continue; // nothing to identify it by
        out << r;
    }
    return out;
}

QMimeData *relayMimeData(const QList<RelayRef> &relays)
{
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(kRelayMimeType), encodeRelayRefs(relays));
    QStringList names;
    for (const RelayRef &r : relays)
        names << (r.nickname.isEmpty() ? r.key() : r.nickname);
    mime->setText(names.join(QLatin1Char('\n')));
    return mime;
}

} // namespace alloclab
