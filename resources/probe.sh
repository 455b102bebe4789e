# AllocLab remote probe, output grammar version 1 (parsed strictly by models/probeparser.cpp;
# the grammar is documented in models/probeparser.h). app/probescript.h kProbeCommand runs it
# as root directly, else under ONE `sudo -n /bin/sh -s` (the sudoers line the app suggests),
# else unprivileged; it prints nothing but the record set on stdout. The app starts that shell
# once per connection and sends this script as the body of a function, run once per poll
# (residentProbeInit/Request); sent alone on stdin of one exec, it runs once.
#
# Cost is constant in the number of relays (tests/integration/tst_probescript counts execve()
# under strace for 6 and for 100 relays: same number). A poll forks a subshell that runs
# `stat` (the tor binary, systemd's reload marker, /run/systemd/units, every known drop-in and
# preload file) piped into awk, which reads everything else itself (/proc/PID/{status,maps,
# environ}, cgroup.procs, fingerprint files, torrc, /etc/passwd). What is expensive and rarely
# changes is cached on the host (see "cache" below and in awk) and asked again only when it
# may have changed: `systemctl list-units` (see "quiet" in awk), `systemctl show` (one call for
# all such units), `tor --version`, `readlink`, maps/environ.
#
# Never `pgrep -f`: a main PID is the one process in its unit's cgroup (where systemd puts
# every process of a unit) when that is the MainPID systemd reported before, else systemd's
# MainPID itself. Names from the host are untrusted: only instance names matching
# [A-Za-z0-9_]{1,32} are passed to a command, others are reported (percent-encoded) and the
# parser marks them invalid.
LC_ALL=C
PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
export LC_ALL PATH
# Instance directories, '/'-joined: '/' is the one byte a file name cannot contain.
inst=
for d in /etc/tor/instances/*; do
    [ -d "$d" ] || continue
    inst="$inst${inst:+/}${d##*/}"
done
# The cache lives in a directory only root (/run) or only this user ($XDG_RUNTIME_DIR, 0700)
# can write; a symlink or a file of another owner in its place disables it.
rundir=/run
cache=
if [ -r /proc/1/environ ]; then
    [ -d "$rundir" ] && [ -O "$rundir" ] && [ -w "$rundir" ] && cache=$rundir/alloclab-probe.cache
else
    case ${XDG_RUNTIME_DIR:-} in
        /run/user/[0-9]*) [ -d "$XDG_RUNTIME_DIR" ] && [ -O "$XDG_RUNTIME_DIR" ] && [ -w "$XDG_RUNTIME_DIR" ] &&
            cache=$XDG_RUNTIME_DIR/alloclab-probe.cache ;;
    esac
fi
if [ -n "$cache" ] && { [ -L "$cache" ] || { [ -e "$cache" ] && ! [ -O "$cache" ]; }; }; then
    cache=
fi
torbin=
for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
    if [ -z "$torbin" ] && [ -f "$d/tor" ] && [ -x "$d/tor" ]; then torbin=$d/tor; fi
done
# Files to stat: the cache names them on its first line (drop-ins and preloads, paths of
# [A-Za-z0-9._+/@:,=~-] only: split on spaces, never globbed).
sfiles=
if [ -n "$cache" ] && [ -f "$cache" ]; then
    IFS= read -r sfiles <"$cache" || sfiles=
    case $sfiles in "S "*) sfiles=${sfiles#S } ;; *) sfiles= ;; esac
fi
set -f
# The stat runs beside awk and reaches it on stdin: the tor binary, systemd's reload marker,
# the directory where systemd records each unit's start and stop, drop-ins and preloads.
# shellcheck disable=SC2086
stat -L -c '%Y %.9Y %s %i %n' -- $torbin /run/systemd/systemd-units-load /run/systemd/units $sfiles 2>/dev/null </dev/null |
ALLOCLAB_INSTANCES=$inst ALLOCLAB_CACHE=$cache ALLOCLAB_PID=$$ ALLOCLAB_TOR=$torbin exec awk '
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
    if (id != "" && !(id in SHOWN)) {
        SHOWN[id] = 1
        if (!(id in SEEN)) { SEEN[id] = 1; UNITS[++NU] = id }
        for (j = 1; j <= NB; j++) P[id, BK[j]] = BV[j]
    }
    NB = 0
}
# stat of the files STQ[1..nst] in one call: ID[f] = "mtime(ns) size inode", MTS[f] = mtime (s).
function statcmd(    cmd, j) {
    cmd = "stat -L -c \"%Y %.9Y %s %i %n\" --"
    for (j = 1; j <= nst; j++) cmd = cmd " " q(STQ[j])
    nst = 0
    return cmd " 2>/dev/null </dev/null"
}
function statline(line,    a, k) {
    split(line, a, " ")
    k = line; sub(/^[^ ]* [^ ]* [^ ]* [^ ]* /, "", k)
    MTS[k] = a[1]
    ID[k] = a[2] " " a[3] " " a[4]
}
function statfiles(    cmd, line) {
    cmd = statcmd()
    while ((cmd | getline line) > 0) statline(line)
    close(cmd)
}
# Identity of a stat-ed file; a missing file has one too (its resolution is cached as well).
function fid(f) { return (f in ID) ? ID[f] : "- - -" }
# The processes in the cgroup of unit u: NP[u] of them, CGP[u] the last one.
function cgread(u,    cg, f, line, np, pid) {
    if (u in NP) return
    cg = CCG[u]
    if (cg == "") cg = (u ~ /^tor@/) ? "/system.slice/system-tor.slice/" u : "/system.slice/" u
    np = 0; pid = 0
    if (cgroot != "") {
        f = cgroot cg "/cgroup.procs"
        while ((getline line < f) > 0) if (line ~ /^[0-9]+$/) { np++; pid = line }
        close(f)
    }
    NP[u] = np; CGP[u] = pid
}
# "LoadState ActiveState SubState" as cached: single words, else "?".
function states(u,    j, s, r) {
    r = ""
    for (j = 1; j <= 3; j++) {
        s = P[u, j == 1 ? "LoadState" : j == 2 ? "ActiveState" : "SubState"]
        r = r (j > 1 ? " " : "") (s ~ /^[a-z-]+$/ ? s : "?")
    }
    return r
}
# Name of a uid from /etc/passwd ("" when unknown).
function username(uid,    f, line, a) {
    f = "/etc/passwd"
    while ((getline line < f) > 0) {
        split(line, a, ":")
        if (a[3] == uid && a[3] != "") { close(f); return a[1] }
    }
    close(f)
    return ""
}
BEGIN {
    for (i = 1; i < 256; i++) ORD[sprintf("%c", i)] = i
    # Who we run as: our own effective uid; sudo leaves SUDO_UID / SUDO_USER behind.
    euid = ""
    f = "/proc/self/status"
    while ((getline line < f) > 0) if (line ~ /^Uid:/) { split(line, a, " "); euid = a[3] }
    close(f)
    if (euid == "0") priv = (ENVIRON["SUDO_UID"] ~ /^[0-9]+$/) ? "sudo" : "root"
    else priv = "none"
    if (priv == "sudo") { user = username(ENVIRON["SUDO_UID"]); if (user == "") user = ENVIRON["SUDO_USER"] }
    else user = username(euid)

    # --- host facts ---
    hostname = firstline("/proc/sys/kernel/hostname")
    kernel = firstline("/proc/sys/kernel/osrelease")
    os = ""
    f = "/etc/os-release"
    while ((getline line < f) > 0)
        if (line ~ /^PRETTY_NAME=/) { os = substr(line, 13); gsub(/^["\047]|["\047]$/, "", os) }
    close(f)
    torbin = ENVIRON["ALLOCLAB_TOR"]
    if (!quotable(torbin)) torbin = ""
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

    # --- units ---
    # Runtime state of every loaded tor unit from ONE `systemctl list-units`, or from the cache
    # when nothing can have changed it (see "quiet" below); the main PID from the cgroup of the
    # unit (systemd puts each process of a unit there). What only `systemctl show`
    # knows (Environment, DropInPaths, ControlGroup, the start time of the main process) costs
    # systemd a D-Bus round trip per unit, so it is cached (see ALLOCLAB_CACHE) and asked again,
    # in ONE `systemctl show` for all such units, for every unit that changed: systemd reloaded
    # its units since (/run/systemd/systemd-units-load), not in the cache, processes in its
    # cgroup other than the cached main process (or none), or not loaded at all. A stopped unit
    # that systemd unloaded and loaded again keeps its cached configuration until it starts.
    NU = 0; NBAD = 0
    n = split(ENVIRON["ALLOCLAB_INSTANCES"], D, "/")
    for (i = 1; i <= n; i++) {
        if (D[i] == "") continue
        if (validinst(D[i])) DIRUNIT["tor@" D[i] ".service"] = 1
        else BAD[++NBAD] = D[i]
    }
    # The cache: tor --version under the binary identity, the identity of systemd-units-load,
    # per unit what systemctl show said, per preload file its identity and resolved path, per
    # process its environment preload and loaded allocator.
    cache = ENVIRON["ALLOCLAB_CACHE"]
    if (cache != "") {
        while ((getline line < cache) > 0) {
            t = substr(line, 1, 2); v = substr(line, 3)
            if (t == "S ") { m = split(v, a, " "); for (j = 1; j <= m; j++) STQD[a[j]] = 1 }
            else if (t == "T ") TORKEY = v
            else if (t == "V ") CTORV = v
            else if (t == "M ") CMARK = v
            else if (t == "W ") CWDIR = v
            else if (t == "U ") {
                split(v, a, " "); cu = a[1]; CU[cu] = 1; CPID[cu] = a[2]; CMONO[cu] = a[3]
                CST[cu] = a[4] " " a[5] " " a[6]; CUO[++NCU] = cu
            }
            else if (t == "E ") CENV[cu] = v
            else if (t == "D ") CDROP[cu] = v
            else if (t == "C ") CCG[cu] = v
            else if (t == "R ") { split(v, a, " "); CRID[a[1]] = a[2] " " a[3] " " a[4]; CRES[a[1]] = a[5] }
            else if (t == "A ") { ak = v; CA[ak] = 1 }
            else if (t == "L ") CAL[ak] = v
            else if (t == "X ") CAR[ak] = v
        }
        close(cache)
    }
    marker = "/run/systemd/systemd-units-load"
    unitsdir = "/run/systemd/units"
    # stdin: the stat of the tor binary, the two markers and the files the cache names.
    while ((getline line) > 0) statline(line)
    fresh = (marker in ID) && CMARK == ID[marker]
    # the cgroup hierarchy with the tree of systemd: unified (hybrid), named systemd (v1), v2
    cgroot = ""
    n = split("/sys/fs/cgroup/unified /sys/fs/cgroup/systemd /sys/fs/cgroup", a, " ")
    for (i = 1; i <= n && cgroot == ""; i++) {
        f = a[i] "/system.slice/cgroup.procs"
        if ((getline line < f) >= 0) cgroot = a[i]
        close(f)
    }
    # Quiet: the cached states still hold, so systemctl is not asked. systemd changes the
    # directory unitsdir whenever any unit starts or stops (an invocation link is written or
    # removed), so with it unchanged no unit started or stopped since the cache was written;
    # a running unit also still holds exactly its cached main process (a crash or restart
    # empties or changes its cgroup), every cached state is a settled one (active or inactive:
    # never activating, reloading or deactivating, and not failed either, which
    # `systemctl reset-failed` turns inactive without starting or stopping anything), and no
    # instance is new.
    quiet = fresh && NCU > 0 && (unitsdir in ID) && CWDIR == ID[unitsdir]
    for (u in DIRUNIT) if (!(u in CU)) quiet = 0
    for (i = 1; i <= NCU && quiet; i++) {
        u = CUO[i]
        split(CST[u], a, " ")
        if (a[2] != "active" && a[2] != "inactive") { quiet = 0; break }
        cgread(u)
        if (!((a[3] == "running" && CPID[u] > 0 && NP[u] == 1 && CGP[u] == CPID[u]) \
              || (a[3] != "running" && CPID[u] == 0 && NP[u] == 0))) quiet = 0
    }
    if (quiet) {
        for (i = 1; i <= NCU; i++) {
            u = CUO[i]
            split(CST[u], a, " ")
            SEEN[u] = 1; UNITS[++NU] = u
            P[u, "Id"] = u; P[u, "LoadState"] = a[1]; P[u, "ActiveState"] = a[2]; P[u, "SubState"] = a[3]
        }
    } else {
        # ONE D-Bus call for the state of every loaded tor unit.
        cmd = "systemctl list-units --all --plain --full --no-legend --no-pager -- " q("tor@*.service") " tor.service 2>/dev/null </dev/null"
        while ((cmd | getline line) > 0) {
            split(line, a, " ")
            u = a[1]
            if (u == "" || (u in SEEN)) continue
            SEEN[u] = 1; UNITS[++NU] = u
            P[u, "Id"] = u; P[u, "LoadState"] = a[2]; P[u, "ActiveState"] = a[3]; P[u, "SubState"] = a[4]
            if (!(u in CU) || CST[u] != states(u)) dirty = 1
        }
        close(cmd)
    }
    for (u in DIRUNIT) if (!(u in SEEN)) { SEEN[u] = 1; UNITS[++NU] = u; ASK[u] = 1 }
    if (NU == 0) { SEEN["tor.service"] = 1; UNITS[++NU] = "tor.service"; ASK["tor.service"] = 1 }
    if (!quiet && (NU != NCU || !(unitsdir in ID) || CWDIR != ID[unitsdir])) dirty = 1
    nask = 0
    for (i = 1; i <= NU; i++) {
        u = UNITS[i]
        if (u in ASK) { ASKQ[++nask] = u; continue }
        cgread(u)
        np = NP[u]; pid = CGP[u]
        # the same single main process as when cached, or still none
        if (fresh && (u in CU) && ((np == 1 && pid == CPID[u]) || (np == 0 && CPID[u] == 0))) {
            P[u, "MainPID"] = CPID[u]; P[u, "ExecMainStartTimestampMonotonic"] = CMONO[u]
            P[u, "Environment"] = CENV[u]; P[u, "DropInPaths"] = CDROP[u]; P[u, "ControlGroup"] = CCG[u]
        } else ASKQ[++nask] = u
    }
    nshow = 0
    if (!fresh) dirty = 1
    if (nask > 0) {
        dirty = 1
        cmd = "systemctl show -p Id,LoadState,ActiveState,SubState,MainPID,ExecMainStartTimestampMonotonic,Environment,DropInPaths,ControlGroup --"
        for (i = 1; i <= nask; i++) {
            u = ASKQ[i]
            if (u in DIRUNIT || u ~ /^tor(@[A-Za-z0-9_]+)?\.service$/) cmd = cmd " " q(u)
        }
        cmd = cmd " 2>/dev/null </dev/null"
        NB = 0
        while ((cmd | getline line) > 0) {
            nshow++
            if (line == "") { flush(); continue }
            k = line; sub(/=.*/, "", k)
            BK[++NB] = k; BV[NB] = substr(line, length(k) + 2)
        }
        close(cmd)
        flush()
    }
    nsys = NU - nask + nshow

    # Decide which units are relays; collect PIDs, preload files and drop-ins.
    NR2 = 0; npid = 0; nst = 0
    for (i = 1; i <= NU; i++) {
        u = UNITS[i]
        if (u !~ /^tor(@[^.]*)?\.service$/) continue
        pid = P[u, "MainPID"]
        if (pid !~ /^[0-9]+$/) pid = 0
        if (!(u in DIRUNIT)) {
            if (pid == 0 && (P[u, "LoadState"] == "masked" || P[u, "LoadState"] == "not-found" || P[u, "LoadState"] == "")) continue
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
            if (a[j] != "" && !(a[j] in PF)) { PF[a[j]] = 1; if (quotable(a[j]) && !(a[j] in ID) && !(a[j] in STQD)) STQ[++nst] = a[j] }
        m = split(P[u, "DropInPaths"], a, " ")
        for (j = 1; j <= m; j++)
            if (!(a[j] in DF)) { DF[a[j]] = 1; if (quotable(a[j]) && !(a[j] in ID) && !(a[j] in STQD)) STQ[++nst] = a[j] }
    }
    # Files not asked in the first stat (new drop-ins or preloads): a second one.
    if (nst > 0) statfiles()

    # Resolve configured preload files (one readlink for those not resolved before under the
    # same identity); existence by opening the file.
    npre = 0
    for (f in PF) {
        if (!quotable(f)) continue
        if ((f in CRID) && CRID[f] == fid(f)) RES[f] = CRES[f]
        else PREQ[++npre] = f
    }
    if (npre > 0) {
        dirty = 1
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
    for (f in DF) if (f in MTS) MT[f] = MTS[f]
    # tor --version, cached under path, mtime, size and inode of the binary.
    torv = ""
    if (torbin != "") {
        key = torbin " " ID[torbin]
        if ((torbin in ID) && TORKEY == key && CTORV != "") torv = CTORV
        else {
            cmd = q(torbin) " --version 2>/dev/null </dev/null"
            if ((cmd | getline line) > 0 && line ~ /^Tor version /) { torv = line; sub(/^Tor version /, "", torv); sub(/\.$/, "", torv) }
            close(cmd)
            if (torv != "" && (torbin in ID)) { TORKEY = key; CTORV = torv; dirty = 1 }
        }
    }
    # --- host facts (the tor version is known only now), then one record per relay ---
    print "alloclab-probe 1"
    print "host", enc(hostname), enc(kernel), enc(os), enc(torv), enc(user), num(now), num(btime)
    print "meminfo", num(MEM["MemTotal"]), num(MEM["MemAvailable"]), num(MEM["Cached"]), num(MEM["SwapTotal"]), num(MEM["SwapFree"])
    for (i = 1; i <= 3; i++) if (L[i] !~ /^[0-9]+(\.[0-9]+)?$/) L[i] = "-"
    print "load", L[1], L[2], L[3], (cpus > 0 ? cpus : "-")
    print "priv", (priv == "root" || priv == "sudo") ? priv : "none"
    if (nsys == 0) print "warn", enc("systemctl returned nothing (no systemd?)")
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
        rss = hwm = vms = "-"; start = "-"; loaded = ""; runpre = "?"; mono = ""
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
        # The environment and the libraries of a process are fixed when it starts: what its
        # environ and maps said (reading maps costs the kernel ~0.5 ms a process) is cached
        # under its PID, start time and the configured preloads.
        akey = pid " " mono " " resolved
        if (pid > 0 && (akey in CA)) {
            loaded = CAL[akey]; runpre = CAR[akey]; KEEPA[akey] = 1
        } else if (pid > 0) {
            # LD_PRELOAD it was started with (environ is owner-only; NUL-separated).
            if (priv != "none") {
                RS = "\0"
                f = "/proc/" pid "/environ"
                if ((r = (getline line < f)) >= 0) runpre = ""
                while (r > 0) {
                    if (line ~ /^LD_PRELOAD=/) runpre = substr(line, 12)
                    r = (getline line < f)
                }
                close(f)
                RS = "\n"
            }
            # Loaded allocator: a mapped file equal to a configured (resolved) preload wins,
            # else the first well-known allocator library.
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
            if (loaded != "?" && runpre != "?" && mono ~ /^[1-9][0-9]*$/ && loaded runpre !~ /\n/) {
                CA[akey] = 1; CAL[akey] = loaded; CAR[akey] = runpre; KEEPA[akey] = 1; dirty = 1
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

    # Written aside and renamed: a concurrent probe reads the old or the new file, never half.
    if (cache != "" && dirty && ENVIRON["ALLOCLAB_PID"] ~ /^[0-9]+$/) {
        tmp = cache "." ENVIRON["ALLOCLAB_PID"]
        line = "S"
        for (f in DF) if (quotable(f)) line = line " " f
        for (f in PF) if (quotable(f)) line = line " " f
        print line > tmp
        print "T " TORKEY > tmp
        print "V " CTORV > tmp
        if (marker in ID) print "M " ID[marker] > tmp
        if (unitsdir in ID) print "W " ID[unitsdir] > tmp
        for (i = 1; i <= NU; i++) {
            u = UNITS[i]
            # every unit (a quiet probe lists exactly these): a name is one token, and is
            # passed to a command only when valid (see the show above)
            if (u !~ /^tor(@[^ \t]*)?\.service$/) continue
            pid = P[u, "MainPID"]
            if (pid !~ /^[0-9]+$/) pid = 0
            print "U " u " " pid " " P[u, "ExecMainStartTimestampMonotonic"] " " states(u) > tmp
            print "E " P[u, "Environment"] > tmp
            print "D " P[u, "DropInPaths"] > tmp
            print "C " P[u, "ControlGroup"] > tmp
        }
        for (f in RES) if (quotable(f) && quotable(RES[f])) print "R " f " " fid(f) " " RES[f] > tmp
        for (k in KEEPA) { print "A " k > tmp; print "L " CAL[k] > tmp; print "X " CAR[k] > tmp }
        close(tmp)
        if (quotable(tmp)) system("mv -f -- " q(tmp) " " q(cache) " 2>/dev/null </dev/null")
    }
}'
