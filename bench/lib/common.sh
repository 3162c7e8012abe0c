# Shared helpers for bench/* scripts. Sourced, not executed.
#
# Every server a benchmark starts runs inside a private network namespace: both the anchor and
# DiVA announce themselves over SSDP multicast, and in a namespace of their own those packets
# cannot leave the machine, nor reach (or be answered by) the other media servers running on it.
# The namespace holds a loopback interface and, for benchmarks that discover servers over SSDP
# (loopback carries no multicast), a veth pair of its own (netns_multicast).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REPO_DIR=$(cd "$BENCH_DIR/.." && pwd)
OUT_DIR="$BENCH_DIR/out"

CLEAN_PIDS=()
CLEAN_DIRS=()
NETNS_PID=

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# need COMMAND APT_PACKAGE: fail early with the package to install.
need() {
    command -v "$1" >/dev/null 2>&1 ||
        die "'$1' not found; install it with: apt-get install $2"
}

cleanup() {
    local rc=$? pid dir
    trap - EXIT INT TERM
    set +e
    for pid in "${CLEAN_PIDS[@]}"; do stop_group "$pid"; done
    if [ -n "$NETNS_PID" ]; then
        kill "$NETNS_PID" 2>/dev/null
        wait "$NETNS_PID" 2>/dev/null
    fi
    for dir in "${CLEAN_DIRS[@]}"; do rm -rf -- "$dir"; done
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# make_tmp: a temp dir removed on exit, in TMP (call directly, not in $(...)).
TMP=
make_tmp() {
    TMP=$(mktemp -d "${TMPDIR:-/tmp}/diva-bench.XXXXXX") || die "mktemp failed"
    CLEAN_DIRS+=("$TMP")
}

# Private loopback-only network namespace, kept alive by a sleeping holder process.
netns_start() {
    unshare --net sh -c 'ip link set lo up && exec sleep 86400' &
    NETNS_PID=$!
    local i
    for i in $(seq 50); do
        if [ "$(readlink /proc/$NETNS_PID/ns/net 2>/dev/null)" != "$(readlink /proc/self/ns/net)" ] &&
            inns ip -o link show lo 2>/dev/null | grep -q 'UP'; then
            return 0
        fi
        kill -0 "$NETNS_PID" 2>/dev/null || break
        sleep 0.1
    done
    die "could not create a private network namespace (unshare --net needs root / CAP_SYS_ADMIN)"
}

# netns_multicast IFNAME CIDR: give the namespace an interface that carries SSDP: one end of a
# veth pair, addressed CIDR, with the multicast route; the other end (IFNAME with "p" appended) is
# up but unaddressed. Multicast sent on IFNAME is looped back to the members in the namespace, and
# the copy that crosses to the peer is dropped there, still inside the namespace. (A dummy
# interface would do as well, where the kernel has that module.) Also widens the namespace's
# ephemeral ports and lets connects reuse TIME_WAIT ports: a server that closes every connection
# (MiniDLNA does) would otherwise exhaust them.
netns_multicast() {
    local ifname=$1 cidr=$2
    inns ip link add "$ifname" type veth peer name "${ifname}p" ||
        die "could not create a veth pair in the namespace (needs the veth kernel module)"
    inns ip link set "${ifname}p" up
    inns ip link set "$ifname" multicast on up
    inns ip addr add "$cidr" dev "$ifname"
    inns ip route add 224.0.0.0/4 dev "$ifname"
    inns sysctl -q -w net.ipv4.ip_local_port_range="1024 65000" net.ipv4.tcp_tw_reuse=1 >/dev/null
}

# inns CMD...: run a command inside the benchmark's network namespace.
inns() { nsenter --net=/proc/$NETNS_PID/ns/net -- "$@"; }

# spawn DIR OUTFILE CMD...: start CMD in DIR inside the namespace, in a process group of its own
# so that it and every child it forks can be stopped together. Sets SPAWNED to the leader's pid
# (call it directly, not in $(...), so the pid is remembered for cleanup).
SPAWNED=
spawn() {
    local dir=$1 out=$2; shift 2
    setsid nsenter --net=/proc/$NETNS_PID/ns/net --wd="$dir" -- "$@" >"$out" 2>&1 </dev/null &
    SPAWNED=$!
    CLEAN_PIDS+=("$SPAWNED")
}

# stop_group PID: SIGTERM the process group PID leads, then SIGKILL what is left after 15 s.
stop_group() {
    local pid=$1 i
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    # A group paused with SIGSTOP (bench/browse pauses the idle server) only sees TERM once resumed.
    kill -CONT -- "-$pid" 2>/dev/null || true
    for i in $(seq 150); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    return 0
}

# descendants PID: PID and all its descendants, one per line.
descendants() {
    local p
    printf '%s\n' "$1"
    for p in $(ps -o pid= --ppid "$1" 2>/dev/null); do descendants "$p"; done
}

# rss_kb PID: resident set size in kB (0 if the process is gone).
rss_kb() {
    local v
    v=$(awk '/^VmRSS:/ {print $2}' "/proc/$1/status" 2>/dev/null || true)
    echo "${v:-0}"
}

# median N...: median of the arguments (mean of the middle two for an even count).
median() {
    [ $# -gt 0 ] || { echo nan; return 0; }
    printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {
        if (NR == 0) { print "nan"; exit }
        if (NR % 2) print v[(NR+1)/2]; else print (v[NR/2] + v[NR/2+1]) / 2 }'
}

# ratio A B: A/B with two decimals, or n/a.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0 && a != "nan" && a != "") printf "%.2f", a/b; else print "n/a" }'; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

# The scan library ------------------------------------------------------------------------------

# scan_library N FORMATS [--distinct-titles]: the library of N files cycling through FORMATS that
# lib/mklibrary.py makes from lib/fixtures.sh's files (with its option, if given), generated once
# into bench/out/scan and reused; sets LIB.
SCAN_LIBRARY_VERSION=1   # bump when fixtures.sh or mklibrary.py change what they produce
scan_library() {
    local n=$1 formats=$2 option=${3:-} fixtures="$OUT_DIR/scan/fixtures" count
    LIB="$OUT_DIR/scan/lib-$n-${formats//,/-}${option:+-titled}"
    if [ "$(cat "$LIB.ok" 2>/dev/null)" != "$SCAN_LIBRARY_VERSION" ]; then
        log "generating a library of $n media files in $LIB (once; cached)"
        rm -rf "$LIB" "$LIB.ok"
        [ -f "$fixtures.ok" ] || { rm -rf "$fixtures"; "$BENCH_DIR/lib/fixtures.sh" "$fixtures"; touch "$fixtures.ok"; }
        python3 "$BENCH_DIR/lib/mklibrary.py" $option "$fixtures" "$LIB" "$n" "$formats"
        echo "$SCAN_LIBRARY_VERSION" >"$LIB.ok"
    fi
    count=$(find "$LIB" -type f | wc -l)
    [ "$count" -eq "$n" ] || die "$LIB holds $count files, expected $n; delete it and rerun"
}

# DiVA ----------------------------------------------------------------------------------------

# diva_start OUT MEDIA DATA NAME [ARG...]: start DiVA on a free port in the namespace, with any
# further arguments; sets SPAWNED.
diva_start() {
    local out=$1 media=$2 data=$3 name=$4
    shift 4
    spawn "$REPO_DIR" "$out" ./diva --media "$media" --data "$data" --port 0 --pool-port 0 --external-host 127.0.0.1 --name "$name" "$@"
}

# diva_available: whether the repo has the ./diva launcher; says so when it has not.
diva_available() {
    [ -x "$REPO_DIR/diva" ] && return 0
    log "warning: $REPO_DIR/diva not found: measuring the anchor only (merge main to get the server)"
    return 1
}

# diva_url OUT PID TIMEOUT_S: wait for the "serving on http://..." line and print the URL.
diva_url() {
    local out=$1 pid=$2 limit=$3 start url
    start=$(date +%s)
    while [ $(( $(date +%s) - start )) -lt "$limit" ]; do
        url=$(grep -o 'serving on http://[^ ]*' "$out" 2>/dev/null | head -1 | sed 's/^serving on //' || true)
        if [ -n "$url" ]; then
            url=${url%/}
            # A server bound to a wildcard address still answers on loopback.
            printf '%s\n' "$url" | sed -E 's#//(0\.0\.0\.0|\[::\]|[^/:]+):#//127.0.0.1:#'
            return 0
        fi
        kill -0 "$pid" 2>/dev/null || { tail -20 "$out" >&2; die "DiVA exited before serving"; }
        sleep 0.2
    done
    tail -20 "$out" >&2
    die "DiVA printed no 'serving on http://...' line within ${limit}s"
}

# json_field JSON NAME: the scalar value of the first "NAME": in a flat JSON text.
json_field() { printf '%s' "$1" | grep -o "\"$2\" *: *[^,}]*" | head -1 | sed 's/.*: *//; s/"//g' || true; }

# diva_wait_scanned URL PID OUT N START TIMEOUT_S: poll GET /api/v1/status every 0.1 s until DiVA's
# scan is over: scanning false, and either all N files accounted for (files DiVA cannot read are
# catalogued too, as failed) or a scan seen running and then ended. Sets DIVA_STATUS, DIVA_ITEMS
# and DIVA_FAILED; returns 1 once TIMEOUT_S seconds have passed since START (a `now` reading).
diva_wait_scanned() {
    local url=$1 pid=$2 out=$3 n=$4 start=$5 limit=$6 scanning seen=0
    while :; do
        kill -0 "$pid" 2>/dev/null || { tail -30 "$out" >&2; die "DiVA exited while scanning"; }
        DIVA_STATUS=$(ncurl "$url/api/v1/status" 2>/dev/null || true)
        scanning=$(json_field "$DIVA_STATUS" scanning)
        DIVA_ITEMS=$(json_field "$DIVA_STATUS" items)
        DIVA_FAILED=$(json_field "$DIVA_STATUS" failed)
        [ "$scanning" = true ] && seen=1
        if [ "$scanning" = false ] &&
            { [ $(( ${DIVA_ITEMS:-0} + ${DIVA_FAILED:-0} )) -ge "$n" ] || [ "$seen" = 1 ]; }; then
            break
        fi
        [ "$(elapsed "$start" "$(now)" | cut -d. -f1)" -lt "$limit" ] || break
        sleep 0.1
    done
    DIVA_ITEMS=${DIVA_ITEMS:-?}
    DIVA_FAILED=${DIVA_FAILED:-?}
    [ "$scanning" = false ]
}

# java_pid PID: the java process among PID's descendants (the ./diva script may be a wrapper).
java_pid() {
    local p
    for p in $(descendants "$1"); do
        [ "$(cat /proc/$p/comm 2>/dev/null)" = java ] && { echo "$p"; return 0; }
    done
    echo "$1"
}

# curl through the namespace, bounded in time; loopback only.
ncurl() { inns curl -sS --max-time 30 --noproxy '*' "$@"; }
