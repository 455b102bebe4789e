# AllocLab remote probe, output grammar version 1 (parsed strictly by models/probeparser.cpp;
# the grammar is documented in models/probeparser.h). Sent on stdin of ONE `sh -s` exec per
# host; prints nothing but the record set on stdout.
#
# Cost is constant in the number of relays (tests/integration/tst_probescript counts execve()
# under strace for 6 and for 100 relays: same number). Launches as root: sh, id x2, sh (body),
# awk, and from awk: sh + tor --version, sh + systemctl show (ONE call for all units),
# sh + readlink (all distinct LD_PRELOAD files), sh + stat (all drop-ins), sh + grep + tr (all
# /proc/PID/environ) = 16; via sudo add sudo + sh (the check) and sudo = 19.
# /proc/PID/{status,maps}, fingerprint files and torrc are read by awk itself.
#
# Never `pgrep -f`: PIDs come from systemd's MainPID. Names from the host are untrusted: only
# instance names matching [A-Za-z0-9_]{1,32} are passed to a command, others are reported
# (percent-encoded) and the parser marks them invalid.
LC_ALL=C
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL PATH
u=$(id -un 2>/dev/null) || u=
if [ "$(id -u 2>/dev/null)" = 0 ]; then
    p=root
elif sudo -n /bin/sh -c : </dev/null >/dev/null 2>&1; then
    p=sudo
else
    p=none
fi
# The body runs in a second shell so that it can run under sudo; it comes from this
# here-document, never from the (already consumed) stdin of the SSH channel.
if [ "$p" = sudo ]; then
    set -- sudo -n /bin/sh -s
else
    set -- /bin/sh -s
fi
"$@" "$p" "$u" <<'ALLOCLAB_PROBE_BODY'
LC_ALL=C
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL PATH
# Instance directories, '/'-joined: '/' is the one byte a file name cannot contain.
inst=
for d in /etc/tor/instances/*; do
    [ -d "$d" ] || continue
    inst="$inst${inst:+/}${d##*/}"
done
ALLOCLAB_PRIV=$1 ALLOCLAB_USER=$2 ALLOCLAB_INSTANCES=$inst exec awk '
function enc(s,    out, i, n, c) {
    if (s == "") return "-"
    if (s == "-") return "%2D"
    if (s ~ /^[A-Za-z0-9._+\/:,=@~-]+$/) return s
    out = ""
    n = length(s)
    for (i = 1; i <= n; i++) {
        c = substr(s, i, 1)
        if (c ~ /[A-Za-z0-9._+\/:,=@~-]/) out = out c
        else out = out sprintf("%%%02X", ORD[c])
    }
    return out
}
function num(s) { return (s ~ /^[0-9]+$/) ? s : "-" }
function q(s) { return "\047" s "\047" }
# Only strings without quote or control bytes are ever put into a command line.
function quotable(s) { return s ~ /^\/[A-Za-z0-9._+\/@:,=~-]+$/ }
function validinst(n) { return n ~ /^[A-Za-z0-9_]+$/ && length(n) <= 32 }
function firstline(path,    line, r) {
    r = (getline line < path)
    close(path)
    return r > 0 ? line : ""
}
# One block of `systemctl show` output (properties come in any order; Id names the unit).
function flush(    j, id) {
    id = ""
    for (j = 1; j <= NB; j++) if (BK[j] == "Id") id = BV[j]
    if (id != "" && !(id in SEEN)) {
        SEEN[id] = 1
        UNITS[++NU] = id
        for (j = 1; j <= NB; j++) P[id, BK[j]] = BV[j]
    }
    NB = 0
}
BEGIN {
    for (i = 1; i < 256; i++) ORD[sprintf("%c", i)] = i
    priv = ENVIRON["ALLOCLAB_PRIV"]
    user = ENVIRON["ALLOCLAB_USER"]

    # --- host facts ---
    hostname = firstline("/proc/sys/kernel/hostname")
    kernel = firstline("/proc/sys/kernel/osrelease")
    os = ""
    f = "/etc/os-release"
    while ((getline line < f) > 0)
        if (line ~ /^PRETTY_NAME=/) { os = substr(line, 13); gsub(/^["\047]|["\047]$/, "", os) }
    close(f)
    torv = ""
    cmd = "tor --version 2>/dev/null </dev/null"
    if ((cmd | getline line) > 0 && line ~ /^Tor version /) { torv = line; sub(/^Tor version /, "", torv); sub(/\.$/, "", torv) }
    close(cmd)
    btime = ""; cpus = 0
    f = "/proc/stat"
    while ((getline line < f) > 0) {
        if (line ~ /^btime /) { split(line, a, " "); btime = a[2] }
        else if (line ~ /^cpu[0-9]/) cpus++
    }
    close(f)
    split(firstline("/proc/uptime"), a, " ")
    up = a[1]; sub(/\..*/, "", up)
    now = (btime ~ /^[0-9]+$/ && up ~ /^[0-9]+$/) ? btime + up : "-"
    f = "/proc/meminfo"
    while ((getline line < f) > 0) { split(line, a, " "); k = a[1]; sub(/:$/, "", k); MEM[k] = a[2] }
    close(f)
    split(firstline("/proc/loadavg"), L, " ")

    print "alloclab-probe 1"
    print "host", enc(hostname), enc(kernel), enc(os), enc(torv), enc(user), num(now), num(btime)
    print "meminfo", num(MEM["MemTotal"]), num(MEM["MemAvailable"]), num(MEM["Cached"]), num(MEM["SwapTotal"]), num(MEM["SwapFree"])
    for (i = 1; i <= 3; i++) if (L[i] !~ /^[0-9]+(\.[0-9]+)?$/) L[i] = "-"
    print "load", L[1], L[2], L[3], (cpus > 0 ? cpus : "-")
    print "priv", (priv == "root" || priv == "sudo") ? priv : "none"

    # --- units: loaded tor units (pattern) + every instance directory, one systemctl call ---
    NU = 0; NBAD = 0
    n = split(ENVIRON["ALLOCLAB_INSTANCES"], D, "/")
    args = ""
    for (i = 1; i <= n; i++) {
        if (D[i] == "") continue
        if (validinst(D[i])) { args = args " " q("tor@" D[i] ".service"); DIRUNIT["tor@" D[i] ".service"] = 1 }
        else BAD[++NBAD] = D[i]
    }
    cmd = "systemctl show -p Id,LoadState,ActiveState,SubState,MainPID,ExecMainStartTimestampMonotonic,Environment,DropInPaths -- " q("tor@*.service") " tor.service" args " 2>/dev/null </dev/null"
    nshow = 0; NB = 0
    while ((cmd | getline line) > 0) {
        nshow++
        if (line == "") { flush(); continue }
        k = line; sub(/=.*/, "", k)
        BK[++NB] = k; BV[NB] = substr(line, length(k) + 2)
    }
    close(cmd)
    flush()
    if (nshow == 0) print "warn", enc("systemctl show returned nothing (no systemd?)")

    # Decide which units are relays; collect PIDs, preload files and drop-ins for the batch calls.
    NR2 = 0; npre = 0; ndrop = 0; npid = 0
    for (i = 1; i <= NU; i++) {
        u = UNITS[i]
        if (u !~ /^tor(@[^.]*)?\.service$/) continue
        pid = P[u, "MainPID"]
        if (pid !~ /^[0-9]+$/) pid = 0
        if (!(u in DIRUNIT)) {
            if (pid == 0 && (P[u, "LoadState"] == "masked" || P[u, "LoadState"] == "not-found")) continue
            # Debian: tor.service is a dummy (/bin/true) that pulls in tor@default.
            if (u == "tor.service" && pid == 0 && P[u, "SubState"] == "exited") continue
        }
        R[++NR2] = u
        PID[u] = pid
        if (pid > 0) PIDS[++npid] = pid
        # LD_PRELOAD from Environment (last assignment wins, as in systemd).
        env = " " P[u, "Environment"]
        pre = ""
        while (match(env, /[ "]LD_PRELOAD=/)) {
            quoted = substr(env, RSTART, 1) == "\""
            env = substr(env, RSTART + RLENGTH)
            if (quoted) { e = index(env, "\""); pre = e ? substr(env, 1, e - 1) : env }
            else { e = index(env, " "); pre = e ? substr(env, 1, e - 1) : env }
        }
        PRE[u] = pre
        m = split(pre, a, /[ :]+/)
        for (j = 1; j <= m; j++)
            if (a[j] != "" && !(a[j] in PF)) { PF[a[j]] = 1; if (quotable(a[j])) PREQ[++npre] = a[j] }
        m = split(P[u, "DropInPaths"], a, " ")
        for (j = 1; j <= m; j++)
            if (!(a[j] in DF)) { DF[a[j]] = 1; if (quotable(a[j])) DROPQ[++ndrop] = a[j] }
    }

    # Resolve configured preload files (one readlink for all); existence by opening the file.
    if (npre > 0) {
        cmd = "readlink -m --"
        for (j = 1; j <= npre; j++) cmd = cmd " " q(PREQ[j])
        cmd = cmd " 2>/dev/null </dev/null"
        j = 0
        while ((cmd | getline line) > 0) RES[PREQ[++j]] = line
        close(cmd)
    }
    for (f in PF) {
        r = (getline line < f)
        close(f)
        EXISTS[f] = (r >= 0)
    }
    # Drop-in mtimes (one stat for all).
    if (ndrop > 0) {
        cmd = "stat -c \"%Y %n\" --"
        for (j = 1; j <= ndrop; j++) cmd = cmd " " q(DROPQ[j])
        cmd = cmd " 2>/dev/null </dev/null"
        while ((cmd | getline line) > 0) { k = line; sub(/ .*/, "", k); MT[substr(line, length(k) + 2)] = k }
        close(cmd)
    }
    # LD_PRELOAD of the running processes (one grep for all; environ is owner-only).
    if (npid > 0 && priv != "none") {
        cmd = "grep -a -z -H \"^LD_PRELOAD=\" --"
        for (j = 1; j <= npid; j++) { cmd = cmd " /proc/" PIDS[j] "/environ"; ENVREAD[PIDS[j]] = 1 }
        cmd = cmd " 2>/dev/null </dev/null | tr \"\\000\" \"\\n\""
        while ((cmd | getline line) > 0)
            if (match(line, /^\/proc\/[0-9]+\/environ:LD_PRELOAD=/)) {
                k = substr(line, 7); sub(/\/.*/, "", k)
                RUNPRE[k] = substr(line, RLENGTH + 1)
            }
        close(cmd)
    }

    # --- one record per relay ---
    for (i = 1; i <= NR2; i++) {
        u = R[i]; pid = PID[u]
        inst = u; sub(/^tor@?/, "", inst); sub(/\.service$/, "", inst)
        datadir = (inst == "" || inst == "default") ? "/var/lib/tor" : "/var/lib/tor-instances/" inst
        torrc = (inst == "" || inst == "default") ? "/etc/tor/torrc" : "/etc/tor/instances/" inst "/torrc"
        nick = ""; fp = ""
        split(firstline(datadir "/fingerprint"), a, " ")
        if (a[2] ~ /^[0-9A-F]+$/) { nick = a[1]; fp = a[2] }
        else {
            while ((getline line < torrc) > 0)
                if (tolower(line) ~ /^[ \t]*nickname[ \t]+/) { split(line, a, " "); nick = a[2] }
            close(torrc)
        }
        rss = hwm = vms = "-"; start = "-"; loaded = ""; runpre = "?"
        if (pid > 0) {
            f = "/proc/" pid "/status"
            while ((getline line < f) > 0) {
                if (line ~ /^VmRSS:/) { split(line, a, " "); rss = num(a[2]) }
                else if (line ~ /^VmHWM:/) { split(line, a, " "); hwm = num(a[2]) }
                else if (line ~ /^VmSize:/) { split(line, a, " "); vms = num(a[2]) }
            }
            close(f)
            mono = P[u, "ExecMainStartTimestampMonotonic"]
            if (mono ~ /^[0-9]+$/ && mono > 0 && btime ~ /^[0-9]+$/) start = btime + int(mono / 1000000)
            if (pid in ENVREAD) runpre = (pid in RUNPRE) ? RUNPRE[pid] : ""
            # Loaded allocator: a mapped file equal to a configured (resolved) preload wins,
            # else the first well-known allocator library.
            pre = PRE[u]
            m = split(pre, a, /[ :]+/)
            delete WANT
            for (j = 1; j <= m; j++) if (a[j] in RES) WANT[RES[a[j]]] = 1
            f = "/proc/" pid "/maps"
            r = (getline line < f)
            if (r < 0) loaded = "?"
            known = ""
            while (r > 0) {
                if (match(line, / \//)) {
                    path = substr(line, RSTART + 1)
                    sub(/ \(deleted\)$/, "", path)
                    if (path in WANT) { loaded = path; known = ""; break }
                    if (known == "" && path ~ /\/lib(jemalloc|mimalloc|tcmalloc[a-z_]*|hoard|snmalloc[a-z_]*|rpmalloc|scudo[a-z_-]*)[^\/]*\.so[^\/]*$/) known = path
                }
                r = (getline line < f)
            }
            close(f)
            if (known != "") loaded = known
        }
        pre = PRE[u]; resolved = ""; ok = "-"
        if (pre != "") {
            ok = 1
            m = split(pre, a, /[ :]+/)
            for (j = 1; j <= m; j++) {
                if (a[j] == "") continue
                resolved = resolved (resolved == "" ? "" : ":") ((a[j] in RES) ? RES[a[j]] : "?")
                if (!EXISTS[a[j]]) ok = 0
            }
        }
        dm = ""
        m = split(P[u, "DropInPaths"], a, " ")
        for (j = 1; j <= m; j++) if ((a[j] in MT) && (dm == "" || MT[a[j]] + 0 > dm + 0)) dm = MT[a[j]]
        print "relay", enc(u), enc(P[u, "LoadState"]), enc(P[u, "ActiveState"]), enc(P[u, "SubState"]), \
            pid, start, enc(nick), enc(fp), rss, hwm, vms, enc(pre), enc(resolved), ok, \
            (runpre == "?" ? "?" : enc(runpre)), (loaded == "?" ? "?" : enc(loaded)), num(dm)
    }
    for (i = 1; i <= NBAD; i++) {
        print "relay", enc("tor@" BAD[i] ".service"), "-", "-", "-", 0, "-", "-", "-", "-", "-", "-", "-", "-", "-", "?", "-", "-"
    }
    print "end", NR2 + NBAD
}' </dev/null
ALLOCLAB_PROBE_BODY
