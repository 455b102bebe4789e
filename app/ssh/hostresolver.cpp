#include "app/ssh/hostresolver.h"

#include "app/ssh/sshconfig.h"

#include <QEventLoop>
#include <QHostInfo>
#include <QTimer>

namespace alloclab {

HostResolver::HostResolver(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<ResolvedTarget>();
}

HostResolver::~HostResolver()
{
    abort();
}

void HostResolver::abort()
{
    for (int id : std::as_const(m_lookups))
        QHostInfo::abortHostLookup(id);
    m_lookups.clear();
}

int HostResolver::check(const QString &text, const QString &sshConfig)
{
    const int id = ++m_next;
    ResolvedTarget r;
    r.text = text.trimmed();
    QString error;
    r.target = hosttarget::parse(text, &error);
    auto answer = [this, id](const ResolvedTarget &res) {
        QMetaObject::invokeMethod(
            this, [this, id, res] { Q_EMIT resolved(id, res); }, Qt::QueuedConnection);
    };
    if (!r.target.isValid()) {
        r.error = error;
        answer(r);
        return id;
    }
    r.isAlias = r.target.mayBeAlias() && SshConfig::hasAlias(sshConfig, r.target.host);
    // libssh's view of the target with this ssh_config (no network).
    HostTarget forConfig = r.target;
    const SshConfigHost eff = SshConfig::resolve(sshConfig, forConfig.host);
    r.hostName = eff.hostName;
    r.user = r.target.user.isEmpty() ? eff.user : r.target.user;
    r.port = r.target.port > 0 ? r.target.port : eff.port;
    r.proxyCommand = eff.proxyCommand;
    if (r.target.ipv6 || hosttarget::isValidIpv4(r.hostName)) {
        QHostAddress a(r.target.ipv6 ? r.target.host.section(QLatin1Char('%'), 0, 0) : r.hostName);
        if (a.isNull()) {
            r.error = tr("'%1' is not a valid address.").arg(r.hostName);
        } else {
            r.addresses << a;
            r.ok = true;
        }
        answer(r);
        return id;
    }
    if (!r.proxyCommand.isEmpty()) {
        // Behind a jump host the name may only exist on the other side: nothing to check here.
        r.ok = true;
        answer(r);
        return id;
    }
    const int lookup = QHostInfo::lookupHost(r.hostName, this, [this, r, id](const QHostInfo &info) mutable {
        m_lookups.removeOne(info.lookupId());
        if (info.error() != QHostInfo::NoError || info.addresses().isEmpty()) {
            if (r.isAlias)
                r.error = tr("The alias '%1' names HostName '%2', which cannot be resolved: %3")
                              .arg(r.target.host, r.hostName, info.errorString());
            else if (r.target.mayBeAlias())
                r.error = tr("'%1' is neither an alias in the ssh_config nor a host name that resolves (%2). "
                             "A typo?")
                              .arg(r.hostName, info.errorString());
            else
                r.error = tr("The host name '%1' cannot be resolved: %2").arg(r.hostName, info.errorString());
        } else {
            r.addresses = info.addresses();
            r.ok = true;
        }
        Q_EMIT resolved(id, r);
    });
    m_lookups << lookup;
    return id;
}

ResolvedTarget HostResolver::resolveBlocking(const QString &text, const QString &sshConfig, int timeoutMs)
{
    HostResolver resolver;
    QEventLoop loop;
    ResolvedTarget result;
    bool done = false;
    const int id = resolver.check(text, sshConfig);
    connect(&resolver, &HostResolver::resolved, &loop, [&](int got, const ResolvedTarget &r) {
        if (got != id)
            return;
        result = r;
        done = true;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    if (!done) {
        result.text = text;
        result.error = tr("Resolving '%1' took longer than %2 s.").arg(text).arg(timeoutMs / 1000);
    }
    return result;
}

} // namespace alloclab
