#include "models/remotecommands.h"

#include "models/validation.h"

#include <QCoreApplication>

namespace alloclab::remote {

namespace {

using validation::shellQuote;

QByteArray q(const QString &s)
{
    return shellQuote(s).toUtf8();
}

// Shared prelude: fixed text only. od|tr hex-encodes anything read from the host so the
// output stays one record per line whatever the files contain.
const char kPrelude[] = "set -u\n"
                        "PATH=/usr/sbin:/usr/bin:/sbin:/bin\n"
                        "export PATH\n"
                        "umask 022\n"
                        "S=/var/lib/alloclab/deploy\n"
                        "hx() { od -An -tx1 -v | tr -d ' \\n'; }\n"
                        "h() { if [ -n \"$1\" ]; then printf '%s' \"$1\" | hx; else printf -; fi; }\n"
                        "hf() { if [ -s \"$1\" ]; then head -c 8192 \"$1\" | hx; else printf -; fi; }\n"
                        "paths() { d=/etc/systemd/system/$1.d; f=$d/alloclab-allocator.conf; }\n";

const char kInspectFunctions[]
    = "insp() {\n"
      "  i=$1 u=$2 inst=$3 w=$4\n"
      "  paths \"$u\"\n"
      "  ls=- as=- pid=0 nr=- env=\n"
      "  while IFS='=' read -r k v; do\n"
      "    case $k in LoadState) ls=$v ;; ActiveState) as=$v ;; MainPID) pid=$v ;;\n"
      "      NRestarts) nr=$v ;; Environment) env=$v ;; esac\n"
      "  done <<EOF\n"
      "$(systemctl show -p LoadState -p ActiveState -p MainPID -p NRestarts -p Environment \"$u\" "
      "2>/dev/null)\n"
      "EOF\n"
      "  case $ls in ''|*[!A-Za-z-]*) ls=- ;; esac\n"
      "  case $as in ''|*[!A-Za-z-]*) as=- ;; esac\n"
      "  case $pid in ''|*[!0-9]*) pid=0 ;; esac\n"
      "  case $nr in ''|*[!0-9]*) nr=- ;; esac\n"
      "  uo=0\n"
      "  if [ \"$ls\" = loaded ] && { [ -z \"$inst\" ] || [ -f \"/etc/tor/instances/$inst/torrc\" ]; }; then "
      "uo=1; fi\n"
      "  pre=$(printf '%s\\n' \"$env\" | tr ' ' '\\n' | sed -n 's/^\"\\{0,1\\}LD_PRELOAD=//p' | sed "
      "'s/\"$//' | head -n 1)\n"
      "  la= pp=\n"
      "  if [ \"$pid\" -gt 0 ]; then\n"
      "    la=$(awk '{print $6}' \"/proc/$pid/maps\" 2>/dev/null | grep -E "
      "'/lib(jemalloc|mimalloc|tcmalloc|tcmalloc_minimal|snmalloc|hoard)[^/]*$' | head -n 1)\n"
      "    pp=$(tr '\\000' '\\n' < \"/proc/$pid/environ\" 2>/dev/null | sed -n 's/^LD_PRELOAD=//p' | head -n "
      "1)\n"
      "  fi\n"
      "  wr= im=0 lr=-\n"
      "  if [ -n \"$w\" ]; then\n"
      "    if [ -f \"$w\" ] && [ -r \"$w\" ]; then lr=1; else lr=0; fi\n"
      "    wr=$(readlink -f \"$w\" 2>/dev/null)\n"
      "    if [ -n \"$wr\" ] && [ \"$pid\" -gt 0 ] && awk '{print $6}' \"/proc/$pid/maps\" 2>/dev/null | "
      "grep -qxF \"$wr\"; then im=1; fi\n"
      "  fi\n"
      "  if [ -e \"$f\" ]; then de=1; dc=$(hf \"$f\"); else de=0; dc=-; fi\n"
      "  if [ -e \"$S/orig/$u.conf\" ]; then o=C$(hf \"$S/orig/$u.conf\"); elif [ -e \"$S/orig/$u.absent\" "
      "]; then o=A; else o=N; fi\n"
      "  dw=0; if [ -d \"$d\" ]; then [ -w \"$d\" ] && dw=1; else [ -w /etc/systemd/system ] && dw=1; fi\n"
      "  sw=0; if [ -d \"$S\" ]; then [ -w \"$S\" ] && sw=1; elif [ -d /var/lib/alloclab ]; then [ -w "
      "/var/lib/alloclab ] && sw=1; "
      "else [ -w /var/lib ] && sw=1; fi\n"
      "  printf 'relay %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s %s\\n' \"$i\" \"$ls\" \"$as\" "
      "\"$pid\" \"$nr\" \"$uo\" "
      "\"$de\" \"$dc\" \"$o\" \"$(h \"$pre\")\" \"$(h \"$la\")\" \"$(h \"$pp\")\" \"$(h \"$wr\")\" \"$im\" "
      "\"$lr\" \"$dw\" \"$sw\"\n"
      "}\n";

const char kChangeFunctions[]
    = "keep() {\n"
      "  if [ ! -e \"$S/orig/$1.conf\" ] && [ ! -e \"$S/orig/$1.absent\" ]; then\n"
      "    if [ -e \"$2\" ]; then cp -p \"$2\" \"$S/orig/$1.conf.tmp\" && mv -f \"$S/orig/$1.conf.tmp\" "
      "\"$S/orig/$1.conf\" || return 1\n"
      "    else : > \"$S/orig/$1.absent\" || return 1; fi\n"
      "  fi\n"
      "  rm -f \"$S/prev/$1.conf\" \"$S/prev/$1.absent\"\n"
      "  if [ -e \"$2\" ]; then cp -p \"$2\" \"$S/prev/$1.conf\"; else : > \"$S/prev/$1.absent\"; fi\n"
      "}\n"
      "put() {\n"
      "  paths \"$1\"; keep \"$1\" \"$f\" || return 1\n"
      "  mkdir -p \"$d\" && printf '%s' \"$2\" > \"$f.alloclab-tmp\" && chmod 0644 \"$f.alloclab-tmp\" && mv "
      "-f \"$f.alloclab-tmp\" \"$f\"\n"
      "}\n"
      "del() {\n"
      "  paths \"$1\"; keep \"$1\" \"$f\" || return 1\n"
      "  rm -f \"$f\" && { rmdir \"$d\" 2>/dev/null || true; }\n"
      "}\n"
      "restore() {\n"
      "  paths \"$1\"; b=$S/$2/$1\n"
      "  if [ -e \"$b.conf\" ]; then\n"
      "    mkdir -p \"$d\" && cp \"$b.conf\" \"$f.alloclab-tmp\" && chmod 0644 \"$f.alloclab-tmp\" && mv -f "
      "\"$f.alloclab-tmp\" \"$f\"\n"
      "  elif [ -e \"$b.absent\" ]; then rm -f \"$f\" && { rmdir \"$d\" 2>/dev/null || true; }\n"
      "  else echo \"nobackup $3\"; return 1; fi\n"
      "}\n"
      "run() { n=$1; shift; if \"$@\"; then echo \"ok $n\"; else echo \"fail $n\"; fi; }\n";

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

bool decodeHex(const QByteArray &field, QByteArray *out)
{
    out->clear();
    if (field == "-")
        return true;
    if (field.size() % 2)
        return false;
    out->reserve(field.size() / 2);
    for (qsizetype i = 0; i < field.size(); i += 2) {
        const int hi = hexValue(field.at(i)), lo = hexValue(field.at(i + 1));
        if (hi < 0 || lo < 0)
            return false;
        out->append(char(hi * 16 + lo));
    }
    return true;
}

bool decodeHexText(const QByteArray &field, QString *out)
{
    QByteArray raw;
    if (!decodeHex(field, &raw))
        return false;
    *out = QString::fromUtf8(raw);
    return true;
}

bool parseFlag(const QByteArray &f, bool *out)
{
    if (f != "0" && f != "1")
        return false;
    *out = f == "1";
    return true;
}

bool parseNumber(const QByteArray &f, qint64 *out, qint64 unknown)
{
    if (f == "-") {
        *out = unknown;
        return true;
    }
    if (f.isEmpty() || f.size() > 18)
        return false;
    for (char c : f)
        if (c < '0' || c > '9')
            return false;
    *out = f.toLongLong();
    return true;
}

QByteArray prelude()
{
    return QByteArray(kPrelude);
}

} // namespace

QString stateDir()
{
    return QStringLiteral("/var/lib/alloclab/deploy");
}

QString unitName(const QString &instance)
{
    return instance.isEmpty() ? QStringLiteral("tor.service")
                              : QStringLiteral("tor@") + instance + QStringLiteral(".service");
}

QString dropInDir(const QString &instance)
{
    return QStringLiteral("/etc/systemd/system/") + unitName(instance) + QStringLiteral(".d");
}

QString dropInPath(const QString &instance)
{
    return dropInDir(instance) + QStringLiteral("/alloclab-allocator.conf");
}

QByteArray dropInContent(const QString &libraryPath)
{
    if (libraryPath.isEmpty())
        return {};
    return "[Service]\nEnvironment=\"LD_PRELOAD=" + libraryPath.toUtf8() + "\"\n";
}

bool parseDropIn(const QByteArray &content, QString *libraryPath)
{
    const QByteArray head = "[Service]\nEnvironment=\"LD_PRELOAD=";
    if (!content.startsWith(head) || !content.endsWith("\"\n"))
        return false;
    const QString path = QString::fromUtf8(content.mid(head.size(), content.size() - head.size() - 2));
    if (!validation::isValidLibraryPath(path))
        return false;
    *libraryPath = path;
    return true;
}

QString checkRelay(const QString &instance, const QString &libraryPath)
{
    if (!instance.isEmpty() && !validation::isValidInstance(instance))
        return QCoreApplication::translate("RemoteCommands", "Relay instance \"%1\" refused: %2")
            .arg(instance, validation::instanceError(instance));
    if (!libraryPath.isEmpty() && !validation::isValidLibraryPath(libraryPath))
        return QCoreApplication::translate("RemoteCommands", "Library path \"%1\" refused: %2")
            .arg(libraryPath, validation::libraryPathError(libraryPath));
    return {};
}

QByteArray shellCommand(bool root)
{
    return root ? QByteArray("sh -s") : QByteArray("sudo -n sh -s");
}

Script inspect(const QList<InspectItem> &items)
{
    Script s;
    QByteArray body = prelude() + kInspectFunctions + "echo \"alloclab-inspect 1 $(id -u)\"\n";
    for (qsizetype i = 0; i < items.size(); ++i) {
        const InspectItem &it = items.at(i);
        s.error = checkRelay(it.instance, it.wantedPath);
        if (!s.error.isEmpty())
            return s;
        body += "insp " + QByteArray::number(i) + ' ' + q(unitName(it.instance)) + ' ' + q(it.instance) + ' '
            + q(it.wantedPath) + '\n';
    }
    body += "echo \"end " + QByteArray::number(items.size()) + "\"\n";
    s.text = body;
    return s;
}

bool parseInspect(const QByteArray &output, int count, QList<RelayObservation> *out, QString *error)
{
    out->clear();
    out->resize(count);
    const QList<QByteArray> lines = output.split('\n');
    bool header = false, end = false;
    int lineNo = 0;
    auto bad = [&](const QString &what) {
        *error = QCoreApplication::translate("RemoteCommands", "inspect output line %1: %2")
                     .arg(lineNo)
                     .arg(what);
        return false;
    };
    for (const QByteArray &line : lines) {
        ++lineNo;
        if (line.isEmpty())
            continue;
        const QList<QByteArray> f = line.split(' ');
        if (f.at(0) == "alloclab-inspect") {
            if (f.size() != 3 || f.at(1) != "1")
                return bad(QCoreApplication::translate("RemoteCommands", "unsupported header"));
            header = true;
            continue;
        }
        if (!header)
            return bad(
                QCoreApplication::translate("RemoteCommands", "expected the header \"alloclab-inspect 1\""));
        if (f.at(0) == "end") {
            if (f.size() != 2 || f.at(1).toInt() != count)
                return bad(QCoreApplication::translate("RemoteCommands", "end count does not match %1 relays")
                               .arg(count));
            end = true;
            continue;
        }
        if (f.at(0) != "relay" || f.size() != 18)
            return bad(
                QCoreApplication::translate("RemoteCommands", "expected a relay record with 17 fields"));
        bool okIdx = false;
        const int idx = f.at(1).toInt(&okIdx);
        if (!okIdx || idx < 0 || idx >= count)
            return bad(QCoreApplication::translate("RemoteCommands", "relay index out of range"));
        RelayObservation &o = (*out)[idx];
        o.seen = true;
        o.loadState = QString::fromLatin1(f.at(2));
        o.activeState = QString::fromLatin1(f.at(3));
        QByteArray orig;
        if (!parseNumber(f.at(4), &o.mainPid, 0) || !parseNumber(f.at(5), &o.nRestarts, -1)
            || !parseFlag(f.at(6), &o.unitOk) || !parseFlag(f.at(7), &o.dropInExists)
            || !decodeHex(f.at(8), &o.dropInContent) || !decodeHexText(f.at(10), &o.configuredPreload)
            || !decodeHexText(f.at(11), &o.loadedAllocator) || !decodeHexText(f.at(12), &o.processPreload)
            || !decodeHexText(f.at(13), &o.wantedResolved) || !parseFlag(f.at(14), &o.wantedInMaps)
            || !parseFlag(f.at(16), &o.dirWritable) || !parseFlag(f.at(17), &o.stateDirWritable))
            return bad(QCoreApplication::translate("RemoteCommands", "malformed field"));
        const QByteArray &of = f.at(9);
        if (of == "N")
            o.orig = RelayObservation::Backup::None;
        else if (of == "A")
            o.orig = RelayObservation::Backup::Absent;
        else if (of.startsWith('C')
                 && decodeHex(of.size() == 1 ? QByteArray("-") : of.mid(1), &o.origContent))
            o.orig = RelayObservation::Backup::Content;
        else
            return bad(QCoreApplication::translate("RemoteCommands", "malformed backup field"));
        if (f.at(15) == "-")
            o.libraryReadable = -1;
        else if (f.at(15) == "0" || f.at(15) == "1")
            o.libraryReadable = f.at(15).toInt();
        else
            return bad(QCoreApplication::translate("RemoteCommands", "malformed library field"));
    }
    if (!header) {
        *error = QCoreApplication::translate("RemoteCommands", "inspect printed nothing (no header)");
        return false;
    }
    if (!end) {
        *error = QCoreApplication::translate("RemoteCommands", "inspect output was cut off (no end record)");
        return false;
    }
    for (const RelayObservation &o : std::as_const(*out)) {
        if (!o.seen) {
            *error = QCoreApplication::translate("RemoteCommands", "inspect output lacks a relay record");
            return false;
        }
    }
    return true;
}

Script change(const QList<ChangeItem> &items)
{
    Script s;
    QByteArray body = prelude() + kChangeFunctions
        + "mkdir -p \"$S/orig\" \"$S/prev\" || { echo \"statedir fail\"; exit 3; }\n";
    for (qsizetype i = 0; i < items.size(); ++i) {
        const ChangeItem &it = items.at(i);
        const QString path = it.kind == ChangeItem::Kind::Put ? it.path : QString();
        s.error = checkRelay(it.instance, path);
        if (s.error.isEmpty() && it.kind == ChangeItem::Kind::Put && path.isEmpty())
            s.error = QCoreApplication::translate(
                "RemoteCommands", "A drop-in needs a library path (glibc means removing the drop-in).");
        if (!s.error.isEmpty())
            return s;
        const QByteArray n = QByteArray::number(i);
        const QByteArray u = q(unitName(it.instance));
        switch (it.kind) {
        case ChangeItem::Kind::Put:
            body += "run " + n + " put " + u + ' ' + q(QString::fromUtf8(dropInContent(path))) + '\n';
            break;
        case ChangeItem::Kind::Remove:
            body += "run " + n + " del " + u + '\n';
            break;
        case ChangeItem::Kind::RestorePrev:
            body += "run " + n + " restore " + u + " prev " + n + '\n';
            break;
        case ChangeItem::Kind::RestoreOrig:
            body += "run " + n + " restore " + u + " orig " + n + '\n';
            break;
        case ChangeItem::Kind::ReloadOnly:
            body += "echo \"ok " + n + "\"\n";
            break;
        }
    }
    body += "if systemctl daemon-reload; then echo \"reload ok\"; else echo \"reload fail\"; fi\n";
    s.text = body;
    return s;
}

Script restart(const QList<RestartItem> &items)
{
    Script s;
    QByteArray body = prelude();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const RestartItem &it = items.at(i);
        s.error = checkRelay(it.instance, {});
        if (!s.error.isEmpty())
            return s;
        const int j = qBound(0, it.jitterMs, 600000);
        if (j > 0)
            body += "sleep " + QByteArray::number(j / 1000) + '.'
                + QByteArray::number(j % 1000).rightJustified(3, '0') + '\n';
        body += "if systemctl restart --no-block " + q(unitName(it.instance)) + "; then echo \"queued "
            + QByteArray::number(i) + "\"; else echo \"fail " + QByteArray::number(i) + "\"; fi\n";
    }
    s.text = body;
    return s;
}

Script forgetBackups(const QStringList &instances)
{
    Script s;
    QByteArray body = prelude();
    for (const QString &inst : instances) {
        s.error = checkRelay(inst, {});
        if (!s.error.isEmpty())
            return s;
        const QByteArray u = q(unitName(inst));
        body += "u=" + u
            + "; rm -f \"$S/orig/$u.conf\" \"$S/orig/$u.absent\" \"$S/prev/$u.conf\" \"$S/prev/$u.absent\"\n";
    }
    body += "echo forgot\n";
    s.text = body;
    return s;
}

} // namespace alloclab::remote
