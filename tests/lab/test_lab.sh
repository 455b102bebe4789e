#!/bin/bash
# test_lab.sh - smoke test of a running lab, through plain ssh with strict host key checking.
# Needs `labctl up` first (ctest: fixture "lab"). Exit 77 (skip) without root or without a lab.
# env: LAB_DIR (as labctl), LAB_HOSTS / LAB_RELAYS (expected shape; default: the lab's own),
#      LAB_SMOKE_EXTRA=N: instead of the lab's hosts, check N extra hosts of LAB_RELAYS relays
#      that this script starts with `labctl add-host` and removes at the end (the lab's own
#      hosts are then only read, never changed: for a lab that others use at the same time).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
LABCTL=$HERE/labctl
LAB_DIR=${LAB_DIR:-/var/tmp/alloclab-lab}
export LAB_DIR
JEMALLOC=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2
MIMALLOC=/usr/local/lib/mimalloc/libmimalloc-2.0.9.so
DROPIN=alloclab-allocator.conf

if [ "$(id -u)" -ne 0 ]; then echo "test_lab: needs root; skipping"; exit 77; fi
if [ ! -f "$LAB_DIR/state" ]; then echo "test_lab: no lab in $LAB_DIR (run labctl up); skipping"; exit 77; fi
HOSTS=${LAB_HOSTS:-$(sed -n 's/^hosts=//p' "$LAB_DIR/state")}
RELAYS=${LAB_RELAYS:-$(sed -n 's/^relays=//p' "$LAB_DIR/state")}
EXTRA=${LAB_SMOKE_EXTRA:-0}

fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
check() { # check DESCRIPTION CMD...
  local d=$1; shift
  if "$@"; then ok "$d"; else bad "$d"; fi
}
s() { ssh -F "$CFG" "$@"; }          # ssh with the lab's config only
not() { ! "$@" 2>/dev/null; }         # an expected failure (its stderr is noise)
poll() { # poll SECONDS CMD...: bounded wait for a condition
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do ((SECONDS < deadline)) || return 1; sleep 0.2; done
}
relay_count() { s "$1" systemctl is-active "'tor@*'" | grep -cx active || true; }
ADDED=()
remove_added() {
  local n
  for n in "${ADDED[@]}"; do "$LABCTL" remove-host "$n" >/dev/null 2>&1 || true; done
  ADDED=()
}
if ((EXTRA > 0)); then
  for ((h = 1; h <= EXTRA; h++)); do
    n=$("$LABCTL" add-host --relays "$RELAYS") || { remove_added; echo "test_lab: labctl add-host failed"; exit 1; }
    ADDED+=("$n")
  done
  LIST=("${ADDED[@]}")
  CFG=$("$LABCTL" ssh-config --path --extra)
else
  LIST=()
  for ((h = 1; h <= HOSTS; h++)); do LIST+=("lab$h"); done
  CFG=$("$LABCTL" ssh-config --path)
fi
HOSTS=${#LIST[@]}
FIRST=${LIST[0]}
LAST=${LIST[$((HOSTS - 1))]}
all_active() { [ "$(relay_count "$1")" = "$RELAYS" ]; }
is_state() { [ "$(s "$1" systemctl is-active "tor@$2" || true)" = "$3" ]; }

# ---- cleanup: whatever happens, leave the lab as we found it
cleanup() {
  local n
  "$LABCTL" trust >/dev/null 2>&1 || true
  for n in "${LIST[@]}"; do
    "$LABCTL" fault "$n" link-up >/dev/null 2>&1 || true
    "$LABCTL" fault "$n" sshd-start >/dev/null 2>&1 || true
    "$LABCTL" fault "$n" slow-restarts off >/dev/null 2>&1 || true
    # shellcheck disable=SC2016
    # only relays that were touched are restarted (a restart costs seconds of CPU: geoip)
    "$LABCTL" sh "$n" /bin/bash -c '
      todo=()
      while read -r inst _; do
        if sed -i "/^AllocLabBroken/d" "/etc/tor/instances/$inst/torrc" &&
           [ -d "/etc/systemd/system/tor@$inst.service.d" ]; then
          rm -rf "/etc/systemd/system/tor@$inst.service.d"; todo+=("tor@$inst")
        elif ! systemctl -q is-active "tor@$inst"; then
          todo+=("tor@$inst")
        fi
      done </etc/alloclab.relays
      if [ ${#todo[@]} -gt 0 ]; then
        systemctl daemon-reload
        systemctl reset-failed "${todo[@]}" 2>/dev/null || true
        systemctl restart "${todo[@]}"
      fi' >/dev/null 2>&1 || true
  done
}
trap 'cleanup; remove_added' EXIT

# ---- 1. every host: M active relays, users, offline network
check "fence: a 10.200 address without a host is blackholed here" \
  sh -c 'ip route get 10.200.254.2 2>&1 | grep -qv "via"'
check "fence: blackhole route for 10.200.0.0/16 is present" sh -c 'ip route show type blackhole | grep -q "10.200.0.0/16"'
for n in "${LIST[@]}"; do
  c=$(relay_count "$n")
  check "$n: $c/$RELAYS tor@ relays active (ssh $n systemctl is-active 'tor@*')" test "$c" = "$RELAYS"
  check "$n: user lab has passwordless sudo" s "$n" sudo -n true
  check "$n: root logs in with the lab key" s "$n-root" test "\$(id -u)" = 0
  check "$n: nosudo logs in" s "$n-nosudo" true
  check "$n: nosudo has no sudo" not s "$n-nosudo" sudo -n true
  check "$n: hostname is $n" test "$(s "$n" hostname)" = "$n"
  check "$n: no default route (offline)" not s "$n" "ip route | grep -q default"
  check "$n: libjemalloc2, libmimalloc2.0 and the custom mimalloc exist" \
    s "$n" test -f "$JEMALLOC" -a -f /usr/lib/x86_64-linux-gnu/libmimalloc.so.2.0 -a -f "$MIMALLOC"
  fps=$(s "$n" "sudo -n sh -c 'cat /var/lib/tor-instances/*/fingerprint'" | awk '{print $2}' | sort -u | wc -l)
  check "$n: $RELAYS distinct fingerprints made by tor" test "$fps" = "$RELAYS"
done
nicks=$(for n in "${LIST[@]}"; do
  s "$n" "grep -h '^Nickname ' /etc/tor/instances/*/torrc"; done | awk '{print $2}')
check "nicknames are [A-Za-z0-9]{1,19}" test "$(grep -cxE '[A-Za-z0-9]{1,19}' <<<"$nicks")" = $((HOSTS * RELAYS))
check "nicknames are distinct across hosts" test "$(sort -u <<<"$nicks" | wc -l)" = $((HOSTS * RELAYS))

# ---- 2. allocator drop-ins, as an app would do it: through sudo, daemon-reload, restart
INST=$(s "$FIRST" ls /etc/tor/instances | head -n1)
maps_have() { # maps_have HOST INSTANCE PATTERN: the running relay has PATTERN mapped
  s "$1" "p=\$(systemctl show -p MainPID --value tor@$2); [ \"\$p\" != 0 ] && sudo -n grep -q '$3' /proc/\$p/maps"
}
preload() { # preload HOST INSTANCE LIB
  s "$1" "sudo -n mkdir -p /etc/systemd/system/tor@$2.service.d &&
    printf '[Service]\nEnvironment=\"LD_PRELOAD=%s\"\n' '$3' |
      sudo -n tee /etc/systemd/system/tor@$2.service.d/$DROPIN >/dev/null &&
    sudo -n systemctl daemon-reload && sudo -n systemctl restart tor@$2"
}
check "$FIRST: drop-in LD_PRELOAD=$JEMALLOC, restart" preload "$FIRST" "$INST" "$JEMALLOC"
check "$FIRST: tor@$INST maps libjemalloc" poll 20 maps_have "$FIRST" "$INST" libjemalloc
check "$FIRST: drop-in LD_PRELOAD=$MIMALLOC, restart" preload "$FIRST" "$INST" "$MIMALLOC"
check "$FIRST: tor@$INST maps $MIMALLOC" poll 20 maps_have "$FIRST" "$INST" "$MIMALLOC"
check "$FIRST: tor@$INST no longer maps libjemalloc" not maps_have "$FIRST" "$INST" libjemalloc
check "$FIRST: remove the drop-in, restart" s "$FIRST" "sudo -n rm -r /etc/systemd/system/tor@$INST.service.d &&
  sudo -n systemctl daemon-reload && sudo -n systemctl restart tor@$INST"
check "$FIRST: tor@$INST runs without preload" not maps_have "$FIRST" "$INST" mimalloc-2.0.9
check "$FIRST: tor@$INST active" is_state "$FIRST" "$INST" active

# ---- 3. faults
N=$LAST
"$LABCTL" fault "$N" rotate-key >/dev/null 2>&1
if out=$(s "$N" true 2>&1); then
  bad "$N: rotated host key accepted"
elif grep -q 'Host key verification failed' <<<"$out"; then
  ok "$N: rotated host key refused by ssh"
else
  bad "$N: rotated key: unexpected error: $out"
fi
"$LABCTL" trust >/dev/null 2>&1
check "$N: accepted again after labctl trust" s "$N" true

"$LABCTL" fault "$N" sshd-stop >/dev/null
check "$N: sshd-stop: connections refused" not s "$N" true
"$LABCTL" fault "$N" sshd-start >/dev/null
check "$N: sshd-start: accepted again" poll 10 s "$N" true

"$LABCTL" fault "$N" link-down >/dev/null
check "$N: link-down: unreachable" not s -o ConnectTimeout=3 "$N" true
"$LABCTL" fault "$N" link-up >/dev/null
check "$N: link-up: reachable again" poll 20 s "$N" true

R=$(s "$N" ls /etc/tor/instances | tail -n1)
"$LABCTL" fault "$N" relay-stop "$R" >/dev/null
check "$N: relay-stop $R: inactive" is_state "$N" "$R" inactive
"$LABCTL" fault "$N" relay-break "$R" >/dev/null
check "$N: relay-break $R: it fails to start" not s "$N" sudo -n systemctl start "tor@$R"
"$LABCTL" fault "$N" relay-fix "$R" >/dev/null
"$LABCTL" fault "$N" relay-start "$R" >/dev/null
check "$N: relay-fix, relay-start $R: active again" is_state "$N" "$R" active

# slow restarts: tor itself announces the 30 s wait; a second SIGINT ends it at once
"$LABCTL" fault "$N" slow-restarts on >/dev/null
since=$(s "$N" date +%s)
s "$N" sudo -n systemctl stop --no-block "tor@$R"
slow_logged() { s "$N" "sudo -n journalctl -q -u tor@$R --since @$since" | grep -q 'shut down in 30 seconds'; }
check "$N: slow-restarts on: tor@$R announces a 30 s shutdown" poll 15 slow_logged
s "$N" sudo -n systemctl kill -s INT "tor@$R" >/dev/null 2>&1 || true
"$LABCTL" fault "$N" slow-restarts off >/dev/null
s "$N" sudo -n systemctl start "tor@$R"
check "$N: slow-restarts off, $R active" is_state "$N" "$R" active

# ---- 4. restore and re-check
cleanup
trap remove_added EXIT
for n in "${LIST[@]}"; do
  check "$n: restored, $RELAYS relays active" poll 30 all_active "$n"
done

# ---- 5. extra hosts beside the lab (labctl add-host / remove-host)
before=$("$LABCTL" status | grep '^lab' || true)
if X=$("$LABCTL" add-host --relays 2); then
  ADDED+=("$X")
  XCFG=$("$LABCTL" ssh-config --path --extra)
  check "$X: up with 2 relays, reachable through its own ssh_config" test "$(ssh -F "$XCFG" "$X" systemctl is-active "'tor@*'" | grep -cx active)" = 2
  check "$X: listed by labctl status" sh -c "'$LABCTL' status | grep -q '^$X '"
  check "$X: also in the lab's ssh_config" grep -qx "Host $X" "$LAB_DIR/ssh_config"
  check "the lab's hosts are untouched by add-host" test "$("$LABCTL" status | grep '^lab' | awk '{print $1, $2, $7}')" = "$(awk '{print $1, $2, $7}' <<<"$before")"
  "$LABCTL" remove-host "$X" >/dev/null 2>&1
  unset 'ADDED[-1]'
  check "$X: removed (no veth, no state, not in ssh_config)" sh -c "! ip link show alloclabx${X#xlab} >/dev/null 2>&1 && ! '$LABCTL' status | grep -q '^$X ' && ! grep -qx 'Host $X' '$LAB_DIR/ssh_config' && ! grep -qx 'Host $X' '$XCFG'"
  check "the lab's hosts are untouched by remove-host" test "$("$LABCTL" status | grep '^lab' | awk '{print $1, $2, $7}')" = "$(awk '{print $1, $2, $7}' <<<"$before")"
else
  bad "labctl add-host --relays 2 failed"
fi
remove_added
trap - EXIT

if ((fails)); then echo "test_lab: $fails check(s) failed"; exit 1; fi
echo "test_lab: all checks passed"
