# Shared helpers for bench/* scripts. Sourced, not executed.
#
# Every server a benchmark starts runs inside a private network namespace that holds only a
# loopback interface: both the anchor and DiVA announce themselves over SSDP multicast, and
# in a namespace of their own those packets cannot leave 127.0.0.1, nor reach (or be answered
# by) the other media servers running on this machine.

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

# DiVA ----------------------------------------------------------------------------------------

# diva_start OUT MEDIA DATA NAME: start DiVA on a free port in the namespace; sets SPAWNED.
diva_start() {
    local out=$1 media=$2 data=$3 name=$4
    spawn "$REPO_DIR" "$out" ./diva --media "$media" --data "$data" --port 0 --name "$name"
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
