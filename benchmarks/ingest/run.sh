#!/usr/bin/env bash
# Ingest benchmark: the highest rate at which each sFlow collector loses no datagram, and its CPU per datagram.
# Replays a corpus of real OVS sFlow datagrams over loopback (`netm replay`, paced sendmmsg) at rising rates to
# nfdump's sfcapd, pmacct's sfacctd and `netm collect --output none`, one fresh collector per step, and accounts
# for every datagram sent: processed by the collector, dropped by the kernel at the socket, or lost elsewhere.
# See README.md beside this file for what is measured and why.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/benchmarks/ingest"
cache="$root/.cache/ingest-bench"
netm="$root/netm"

pcap="$root/testdata/ovs-sflow.pcap"
rates="50000 100000 150000 200000 250000 300000 350000 400000"
step_seconds=10
collectors="floor sfcapd sfacctd netm"
rcvbuf=$((32 * 1024 * 1024))
batch=64
repeat=1
stop_after=2
json_out="$root/.cache/ingest-bench/results.json"
max_background=30
quiet_timeout=120
nice_level=-20
keep=0
netm_args="${NETM_COLLECT_ARGS:-}"

usage() {
  cat <<EOF
Usage: benchmarks/ingest/run.sh [options]

  --pcap FILE          corpus of sFlow datagrams (default: testdata/ovs-sflow.pcap)
  --rates "R1 R2 ..."  datagrams per second, rising (default: "$rates")
  --seconds N          length of each step (default: $step_seconds)
  --collectors "..."   any of floor sfcapd sfacctd netm (default: "$collectors")
  --rcvbuf BYTES       socket receive buffer every collector asks for (default: $rcvbuf)
  --batch N            datagrams per sendmmsg call of the replayer (default: $batch)
  --repeat N           runs per rate; a rate is lossless only if every run is (default: $repeat)
  --stop-after N       stop climbing after N lossy rates in a row, 0 = never (default: $stop_after)
  --json FILE          machine-readable results (default: .cache/ingest-bench/results.json)
  --nice N             niceness of the collectors and the replayer, so other jobs disturb them less (default: $nice_level)
  --max-background P   before each step, wait until other processes use under P% of one core (default: $max_background)
  --quiet-timeout S    ... but at most S seconds, then run anyway and say so (default: $quiet_timeout)
  --keep               keep each step's working directory (collector logs, configs, flow files)

Environment: NETM_COLLECT_ARGS adds arguments to 'netm collect'.
Needs root (it raises net.core.rmem_max for the run and restores it).
EOF
}

while [ $# -gt 0 ]; do
  case "$1" in
    --pcap) pcap="$2"; shift 2 ;;
    --rates) rates="$2"; shift 2 ;;
    --seconds) step_seconds="$2"; shift 2 ;;
    --collectors) collectors="$2"; shift 2 ;;
    --rcvbuf) rcvbuf="$2"; shift 2 ;;
    --batch) batch="$2"; shift 2 ;;
    --repeat) repeat="$2"; shift 2 ;;
    --stop-after) stop_after="$2"; shift 2 ;;
    --json) json_out="$2"; shift 2 ;;
    --nice) nice_level="$2"; shift 2 ;;
    --max-background) max_background="$2"; shift 2 ;;
    --quiet-timeout) quiet_timeout="$2"; shift 2 ;;
    --keep) keep=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

log() { echo "ingest: $*" >&2; }

# A value from the replayer's JSON line.
json_field() {
  sed -n "s/.*\"$2\":\\([-0-9.eE+]*\\).*/\\1/p" <<<"$1"
}

# ---------------------------------------------------------------- prerequisites

missing=()
for tool in sfcapd nfdump sfacctd pmacct; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "run.sh: missing ${missing[*]}: run scripts/install-deps.sh first (installs nfdump-sflow, pmacct, tshark)." >&2
  exit 1
fi
if [ ! -f "$pcap" ]; then
  echo "run.sh: corpus $pcap not found (pass --pcap FILE)." >&2
  exit 1
fi
if [ "$(id -u)" != 0 ]; then
  echo "run.sh: run as root: the run raises net.core.rmem_max so every collector gets the buffer it asks for." >&2
  exit 1
fi

log "building netm..."
"$netm" --help >/dev/null

# The corpus, sent once to the discard port: what it holds, and a check that the replayer can read it.
corpus=$("$netm" replay "$pcap" --to 127.0.0.1:9 2>/dev/null) || { echo "run.sh: netm replay cannot read $pcap" >&2; exit 1; }
corpus_datagrams=$(json_field "$corpus" sent)
corpus_bytes=$(json_field "$corpus" bytes)
corpus_flows=$(json_field "$corpus" flowSamples)
corpus_counters=$(json_field "$corpus" counterSamples)
corpus_streams=$(json_field "$corpus" streams)

clk_tck=$(getconf CLK_TCK)

# With autogroup scheduling (Debian's default) nice only ranks processes within their session, and every other
# job on the machine runs in a session of its own. So collectors and replayer each start in a new session whose
# autogroup gets the niceness too.
prio=(setsid bash -c 'echo "$0" >/proc/self/autogroup 2>/dev/null; exec nice -n "$0" "$@"' "$nice_level")
replay_pid=""
work=$(mktemp -d /dev/shm/netm-ingest.XXXXXX)
old_rmem_max=$(sysctl -n net.core.rmem_max)
collector_pid=""

cleanup() {
  local status=$?
  set +e
  [ -n "$replay_pid" ] && kill -TERM "$replay_pid" 2>/dev/null
  stop_collector
  sysctl -q -w net.core.rmem_max="$old_rmem_max" >/dev/null
  if [ "$keep" = 1 ]; then log "kept step directories in $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The collectors ask for $rcvbuf with SO_RCVBUF, which the kernel caps at rmem_max (and then doubles).
if [ "$old_rmem_max" -lt "$rcvbuf" ]; then
  sysctl -q -w net.core.rmem_max="$rcvbuf"
fi

# ---------------------------------------------------------------- measurements from /proc

# CPU ticks (utime + stime) of the given processes; the command name may hold spaces, so fields count from its ')'.
cpu_ticks() {
  local total=0 pid stat
  for pid in "$@"; do
    stat=$(cat "/proc/$pid/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    total=$((total + ${12} + ${13}))
  done
  echo "$total"
}

# The process and its children (sfacctd runs its plugins as child processes).
process_tree() {
  echo "$1"
  pgrep -P "$1" || true
}

# Busy ticks of the whole machine: everything but idle and iowait.
busy_ticks() {
  awk '/^cpu /{ print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat
}

# "DROPS RX_QUEUE_BYTES" summed over every UDP socket (v4 and v6) bound to the port.
socket_stats() {
  local hex drops=0 rxq=0 d q
  hex=$(printf '%04X' "$1")
  while read -r d q; do
    drops=$((drops + d))
    rxq=$((rxq + 16#$q))
  done < <(awk -v port="$hex" 'FNR > 1 { split($2, local, ":"); split($5, queues, ":"); if (local[2] == port) print $NF, queues[2] }' /proc/net/udp /proc/net/udp6)
  echo "$drops $rxq"
}

# Datagrams the kernel dropped before any socket: backlog queue overflows, column 2 of softnet_stat, all CPUs.
softnet_drops() {
  local total=0 col
  while read -r col; do total=$((total + 16#$col)); done < <(awk '{ print $2 }' /proc/net/softnet_stat)
  echo "$total"
}

# A field of the Udp line of /proc/net/snmp (system-wide).
snmp_udp() {
  awk -v field="$1" '$1 == "Udp:" { if (!header) { for (i = 2; i <= NF; i++) if ($i == field) column = i; header = 1 } else print $column }' /proc/net/snmp
}

port_in_use() {
  local hex
  hex=$(printf '%04X' "$1")
  awk -v port="$hex" 'FNR > 1 { split($2, local, ":"); if (local[2] == port) found = 1 } END { exit !found }' \
    /proc/net/udp /proc/net/udp6 /proc/net/tcp /proc/net/tcp6
}

free_port() {
  local port
  while true; do
    port=$((20000 + RANDOM % 40000))
    port_in_use "$port" || { echo "$port"; return; }
  done
}


# A 4-byte datagram that is not sFlow: wakes a collector that handles signals only between datagrams
# (sfacctd blocks them while it waits in recvfrom) without adding to its datagram or sample counts.
wake() {
  printf 'wake' >"/dev/udp/127.0.0.1/$1" 2>/dev/null || true
}

# a * scale / b with two decimals, or null when b is 0.
ratio() {
  awk -v a="$1" -v b="$2" -v scale="$3" 'BEGIN { if (b > 0) printf "%.2f", a * scale / b; else printf "null" }'
}

stop_collector() {
  [ -n "$collector_pid" ] || return 0
  local pids pid i
  pids=$(process_tree "$collector_pid")
  kill -TERM "$collector_pid" 2>/dev/null || true
  [ -n "${port:-}" ] && wake "$port"
  for i in $(seq 50); do
    kill -0 "$collector_pid" 2>/dev/null || break
    sleep 0.1
  done
  for pid in $pids; do kill -KILL "$pid" 2>/dev/null || true; done
  wait "$collector_pid" 2>/dev/null || true
  collector_pid=""
}

# ---------------------------------------------------------------- collectors
# Each collector has: NAME_available (0 if it can run), NAME_version, NAME_start DIR PORT (sets collector_pid),
# NAME_count DIR PORT, run once the replay has drained, which sets from the collector's own statistics
# seen_datagrams (datagrams it processed) and seen_flows (flow samples it accounted), each left empty when it has
# no such figure, and collector_lost (losses it reports inside itself); it may stop the collector.

# The floor: a bare recvmmsg loop in C that discards what it receives (recvmmsg-floor.c), built once per machine.
floor_bin="$cache/recvmmsg-floor"
floor_available() {
  command -v gcc >/dev/null 2>&1 || return 1
  if [ ! -x "$floor_bin" ] || [ "$here/recvmmsg-floor.c" -nt "$floor_bin" ]; then
    mkdir -p "$cache"
    gcc -O2 -o "$floor_bin" "$here/recvmmsg-floor.c" || return 1
  fi
}
floor_version() { echo "recvmmsg loop (C, gcc -O2)"; }
floor_start() {
  "${prio[@]}" "$floor_bin" "$2" "$rcvbuf" >"$1/collector.out" 2>"$1/collector.log" &
  collector_pid=$!
}
floor_count() {
  # It prints what it received when it stops.
  stop_collector
  seen_datagrams=$(tail -1 "$1/collector.out")
  seen_flows=""
}

sfcapd_available() { return 0; }
sfcapd_version() { sfcapd -V 2>&1 | head -1; }
sfcapd_start() {
  mkdir -p "$1/flows"
  # -B: SO_RCVBUF; -t 3600: one file for the whole step; flows go to tmpfs so the disk is not what is measured.
  "${prio[@]}" sfcapd -b 127.0.0.1 -p "$2" -w "$1/flows" -B "$rcvbuf" -t 3600 -I bench >"$1/collector.log" 2>&1 &
  collector_pid=$!
}
sfcapd_count() {
  # sfcapd counts no datagrams; it writes one flow record per flow sample, and the file's statistics
  # (written when it closes the file on SIGTERM) say how many.
  stop_collector
  local file flows=0 n
  for file in "$1"/flows/nfcapd.*; do
    [ -f "$file" ] || continue
    n=$(nfdump -r "$file" -I 2>/dev/null | awk '$1 == "Flows:" { print $2 }')
    flows=$((flows + ${n:-0}))
  done
  seen_datagrams=""
  seen_flows=$flows
}

sfacctd_available() { return 0; }
sfacctd_version() { sfacctd -V 2>&1 | head -1; }
sfacctd_start() {
  # sfacctd_pipe_size: SO_RCVBUF. The core process hands samples to the memory plugin through a pipe; it gets
  # 1:1000 buffer-to-pipe sizing as CONFIG-KEYS recommends, large enough that the pipe is not what loses data.
  cat >"$1/sfacctd.conf" <<EOF
daemonize: false
sfacctd_ip: 127.0.0.1
sfacctd_port: $2
sfacctd_pipe_size: $rcvbuf
plugins: memory
aggregate: src_host, dst_host, proto, src_port, dst_port
plugin_buffer_size: 65536
plugin_pipe_size: 65536000
imt_path: $1/imt.pipe
logfile: $1/collector.log
EOF
  "${prio[@]}" sfacctd -f "$1/sfacctd.conf" >"$1/collector.out" 2>&1 &
  collector_pid=$!
}
sfacctd_count() {
  # Datagrams the core process received, per agent: printed on SIGUSR1, but only when the next datagram arrives
  # after the signal was handled, which is after the next datagram: so signal, wake, wake.
  local before after
  before=$(grep -c 'stats \[.*agent=' "$1/collector.log" || true)
  kill -USR1 "$collector_pid"
  sleep 0.2
  wake "$2"
  sleep 0.2
  wake "$2"
  for _ in $(seq 50); do
    after=$(grep -c 'stats \[.*agent=' "$1/collector.log" || true)
    [ "$after" -gt "$before" ] && break
    sleep 0.1
  done
  if [ "$after" -gt "$before" ]; then
    seen_datagrams=$(grep 'stats \[.*agent=' "$1/collector.log" | tail -n +"$((before + 1))" \
      | sed -n 's/.* packets=\([0-9]*\) .*/\1/p' | awk '{ s += $1 } END { print s }')
  else
    log "sfacctd printed no statistics after SIGUSR1; counting its datagrams from the kernel's side"
  fi
  # The core hands samples to the plugin through a pipe; the plugin logs each gap it finds in it. (Its sample
  # totals are not comparable: it skips non-IP samples, and keeps the last buffer until more data comes.)
  collector_lost=$(grep -c 'Missing data detected' "$1/collector.log" || true)
}

netm_metrics_port=""
netm_available() {
  "$netm" collect --help 2>/dev/null | grep -q -- '--listen'
}
netm_version() { echo "netm $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)"; }
netm_start() {
  netm_metrics_port=$(free_port)
  local buffer=()
  # The same SO_RCVBUF as the peers, per socket (netm opens one per receive loop), where netm has the option.
  "$netm" collect --help 2>/dev/null | grep -q -- '--receive-buffer' && buffer=(--receive-buffer "$rcvbuf")
  # shellcheck disable=SC2086
  "${prio[@]}" "$netm" collect --listen "127.0.0.1:$2" --metrics-listen "127.0.0.1:$netm_metrics_port" --output none \
    "${buffer[@]}" $netm_args >"$1/collector.log" 2>&1 &
  collector_pid=$!
}
netm_scrape() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/$netm_metrics_port" || return 1
  printf 'GET /metrics HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' >&3
  reply=$(cat <&3)
  exec 3<&-
  printf '%s\n' "$reply"
}
netm_count() {
  local metrics
  metrics=$(netm_scrape)
  printf '%s\n' "$metrics" >"$1/metrics.txt"
  seen_datagrams=$(awk '/^netm_sflow_datagrams_total\{/ && /result="(decoded|malformed)"/ { s += $NF } END { printf "%d", s }' <<<"$metrics")
  seen_flows=$(awk '/^netm_sflow_samples_total\{/ && /type="(flow|expanded_flow)"/ { s += $NF; found = 1 } END { if (found) printf "%d", s }' <<<"$metrics")
}

# ---------------------------------------------------------------- one step

wait_ready() {
  local i
  for i in $(seq 200); do
    kill -0 "$collector_pid" 2>/dev/null || { log "$1 exited at start: see $2/collector.log"; return 1; }
    if port_in_use "$3"; then
      [ "$1" != netm ] && return 0
      netm_scrape >/dev/null 2>&1 && return 0
    fi
    sleep 0.1
  done
  log "$1 did not bind 127.0.0.1:$3 within 20 s"
  return 1
}

# Waits until the socket queue is empty and the collector's CPU time has stopped moving (it finished the backlog).
wait_drained() {
  local previous=-1 stable=0 ticks rxq _drops i
  for i in $(seq 300); do
    read -r _drops rxq < <(socket_stats "$1")
    # shellcheck disable=SC2086
    ticks=$(cpu_ticks $2)
    if [ "$rxq" = 0 ] && [ "$ticks" = "$previous" ]; then
      stable=$((stable + 1))
      [ "$stable" -ge 2 ] && return 0
    else
      stable=0
    fi
    previous=$ticks
    sleep 0.2
  done
  log "the collector did not drain within 60 s"
}

# Other jobs on the machine take CPU from the collector and the replayer: wait until it is quiet.
wait_quiet() {
  local start=$SECONDS b0 b1 used waited=0
  while true; do
    b0=$(busy_ticks); sleep 1; b1=$(busy_ticks)
    used=$(((b1 - b0) * 100 / clk_tck))
    [ "$used" -le "$max_background" ] && break
    if [ $((SECONDS - start)) -ge "$quiet_timeout" ]; then
      log "the machine is still busy ($used% of a core) after ${quiet_timeout} s: running anyway"
      break
    fi
    [ "$waited" = 1 ] || log "other processes use $used% of a core: waiting for the machine to be quiet..."
    waited=1
    sleep 1
  done
}

steps_json=()
table_rows=()

run_step() {
  local name=$1 rate=$2 dir pids
  wait_quiet
  dir=$(mktemp -d "$work/$name-$rate.XXXX")
  port=$(free_port)
  "${name}_start" "$dir" "$port"
  wait_ready "$name" "$dir" "$port" || { stop_collector; return 1; }
  sleep 1 # plugins and worker threads finish starting (and the JIT its first compilations)
  pids=$(process_tree "$collector_pid" | tr '\n' ' ')

  local cpu0 busy0 drops0 softnet0 rcvbuferr0 replay t0
  t0=$(date +%s.%N); cpu0=$(cpu_ticks $pids); busy0=$(busy_ticks); read -r drops0 _ < <(socket_stats "$port")
  softnet0=$(softnet_drops); rcvbuferr0=$(snmp_udp RcvbufErrors)

  "${prio[@]}" "$netm" replay "$pcap" --to "127.0.0.1:$port" --rate "$rate" --duration "$step_seconds" --batch "$batch" \
    >"$dir/replay.json" 2>>"$dir/replay.log" &
  replay_pid=$!
  # The most the collector's socket held meanwhile: a collector that keeps up holds next to nothing; one that falls
  # behind lives on its receive buffer for a while (a 1.3 KB datagram takes 2,304 bytes of it, so 64 MB holds some
  # 29,000: a collector a few % short of the rate can last a short step without loss).
  local peak_queued=0 queued t_end
  while kill -0 "$replay_pid" 2>/dev/null; do
    read -r _ queued < <(socket_stats "$port")
    [ "$queued" -gt "$peak_queued" ] && peak_queued=$queued
    sleep 0.25
  done
  wait "$replay_pid" || { log "netm replay failed: see $dir/replay.log"; replay_pid=""; stop_collector; return 1; }
  replay_pid=""
  replay=$(cat "$dir/replay.json")
  t_end=$(date +%s.%N)
  wait_drained "$port" "$pids"

  local cpu1 busy1 drops1 softnet1 rcvbuferr1 t1
  t1=$(date +%s.%N); cpu1=$(cpu_ticks $pids); busy1=$(busy_ticks); read -r drops1 _ < <(socket_stats "$port")
  softnet1=$(softnet_drops); rcvbuferr1=$(snmp_udp RcvbufErrors)

  seen_datagrams=""; seen_flows=""; collector_lost=0
  "${name}_count" "$dir" "$port"
  stop_collector

  local sent flows_sent achieved replay_cpu send_errors stalled
  sent=$(json_field "$replay" sent); flows_sent=$(json_field "$replay" flowSamples)
  achieved=$(json_field "$replay" rate); replay_cpu=$(json_field "$replay" cpuSeconds)
  send_errors=$(json_field "$replay" sendErrors); stalled=$(json_field "$replay" stalledSeconds)

  # Every datagram sent is processed by the collector, dropped at its socket (receive buffer full), dropped
  # before any socket (backlog queue full), or lost elsewhere (in the collector after it read it, say).
  local socket_drops=$((drops1 - drops0)) backlog_drops=$((softnet1 - softnet0)) rcvbuf_errors=$((rcvbuferr1 - rcvbuferr0))
  local processed source
  if [ -n "$seen_datagrams" ]; then
    processed=$seen_datagrams; source=collector
  else
    processed=$((sent - socket_drops - backlog_drops)); source=kernel
  fi
  local lost=$((sent - processed))
  local other_lost=$((lost - socket_drops - backlog_drops))
  local flows_lost=null
  [ -n "$seen_flows" ] && flows_lost=$((flows_sent - seen_flows))
  local lossless=true
  if [ "$lost" -ne 0 ] || [ "$collector_lost" -ne 0 ] || { [ "$flows_lost" != null ] && [ "$flows_lost" -ne 0 ]; }; then
    lossless=false
  fi
  # A sender that could not keep the rate (the machine has 2 cores) did not test the rate asked for.
  local sender_limited
  sender_limited=$(awk -v a="$achieved" -v t="$rate" 'BEGIN { print (a < 0.98 * t) ? "true" : "false" }')

  local ticks=$((cpu1 - cpu0)) collector_cpu cpu_us loss_pct background window drain_seconds
  drain_seconds=$(awk -v a="$t_end" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
  collector_cpu=$(ratio "$ticks" "$clk_tck" 1)
  cpu_us=$(ratio "$ticks" "$((processed * clk_tck))" 1000000)
  loss_pct=$(ratio "$lost" "$sent" 100)
  window=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
  # CPU the rest of the machine used meanwhile (other jobs disturb the figures), in % of one core.
  background=$(awk -v busy=$((busy1 - busy0)) -v c="$ticks" -v hz="$clk_tck" -v r="$replay_cpu" -v w="$window" \
    'BEGIN { b = (busy - c) / hz - r; if (b < 0) b = 0; printf "%.0f", (w > 0) ? 100 * b / w : 0 }')

  steps_json+=("$(printf '{"collector":"%s","targetRate":%s,"achievedRate":%s,"senderLimited":%s,"senderStalledSeconds":%s,"sent":%s,"processed":%s,"processedFrom":"%s","lost":%s,"lossPercent":%s,"socketDrops":%s,"backlogDrops":%s,"otherLost":%s,"udpRcvbufErrors":%s,"peakQueuedBytes":%s,"drainSeconds":%s,"flowSamplesSent":%s,"flowSamplesSeen":%s,"flowSamplesLost":%s,"collectorReportedLoss":%s,"lossless":%s,"collectorCpuSeconds":%s,"cpuMicrosecondsPerDatagram":%s,"replayerCpuSeconds":%s,"sendErrors":%s,"backgroundCpuPercent":%s}' \
    "$name" "$rate" "$achieved" "$sender_limited" "$stalled" "$sent" "$processed" "$source" "$lost" "$loss_pct" "$socket_drops" "$backlog_drops" "$other_lost" \
    "$rcvbuf_errors" "$peak_queued" "$drain_seconds" "$flows_sent" "${seen_flows:-null}" "$flows_lost" "$collector_lost" "$lossless" "$collector_cpu" "$cpu_us" "$replay_cpu" "$send_errors" "$background")")
  local verdict=yes
  [ "$lossless" = true ] || verdict=NO
  [ "$sender_limited" = true ] && verdict="$verdict (sender-limited)"
  table_rows+=("$(printf '| %s | %s | %.0f | %s | %s | %s | %s%% | %s | %s | %s | %s | %s | %s | %s | %s%% |' \
    "$name" "$rate" "$achieved" "$sent" "$processed" "$lost" "$loss_pct" "$socket_drops" "$other_lost" \
    "${flows_lost/null/n/a}" "$collector_lost" "$verdict" "$cpu_us" "$(ratio "$peak_queued" 1048576 1)" "$background")")
  log "$(printf '%-8s %7s/s: sent %s at %.0f/s, processed %s (%s), lost %s (%s%%; socket %s, backlog %s, other %s), flow samples lost %s, collector-reported loss %s, %s µs CPU/datagram, peak queue %s bytes, drained in %s s, background CPU %s%%' \
    "$name" "$rate" "$sent" "$achieved" "$processed" "$source" "$lost" "$loss_pct" "$socket_drops" "$backlog_drops" "$other_lost" "$flows_lost" "$collector_lost" "$cpu_us" "$peak_queued" "$drain_seconds" "$background")"
  [ "$keep" = 1 ] || rm -rf "$dir"
  # A step the sender could not drive at the full rate still tests the collector at the rate it did get.
  step_lossless=$lossless
  step_achieved=$achieved
}

# ---------------------------------------------------------------- the run

# Rates rise in the outer loop and collectors take turns at each rate, so that a change in the machine's
# background load during the run hits all of them alike.
declare -A max_lossless max_lossless_achieved first_lossy versions lossy_in_a_row
active=()
for name in $collectors; do
  if "${name}_available"; then
    versions[$name]=$("${name}_version")
    max_lossless[$name]=0
    max_lossless_achieved[$name]=0
    lossy_in_a_row[$name]=0
    active+=("$name")
  else
    log "skipping $name: '$netm collect' does not take --listen yet"
    versions[$name]=skipped
  fi
done

for rate in $rates; do
  climbing=()
  for name in "${active[@]}"; do
    rate_lossless=true
    min_achieved=$rate
    for _ in $(seq "$repeat"); do
      step_achieved=0
      run_step "$name" "$rate" || step_lossless=false
      [ "$step_lossless" = true ] || rate_lossless=false
      min_achieved=$(awk -v a="$step_achieved" -v m="$min_achieved" 'BEGIN { printf "%.0f", (a < m) ? a : m }')
    done
    if [ "$rate_lossless" = true ]; then
      lossy_in_a_row[$name]=0
      max_lossless[$name]=$rate
      max_lossless_achieved[$name]=$min_achieved
    else
      [ -n "${first_lossy[$name]:-}" ] || first_lossy[$name]=$rate
      lossy_in_a_row[$name]=$((lossy_in_a_row[$name] + 1))
    fi
    if [ "$stop_after" -gt 0 ] && [ "${lossy_in_a_row[$name]}" -ge "$stop_after" ]; then
      log "$name lost datagrams at $stop_after rates in a row: not climbing further"
    else
      climbing+=("$name")
    fi
  done
  active=("${climbing[@]}")
  [ ${#active[@]} -gt 0 ] || break
done


echo
echo "## Ingest benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, kernel $(uname -r))"
echo
echo "Corpus: $pcap: $corpus_datagrams datagrams of $((corpus_bytes / corpus_datagrams)) bytes on average, $(ratio "$corpus_flows" "$corpus_datagrams" 1) flow and $(ratio "$corpus_counters" "$corpus_datagrams" 1) counter samples per datagram, $corpus_streams agent stream(s)."
echo "Steps of ${step_seconds} s, replayer batch ${batch}, SO_RCVBUF requested ${rcvbuf} bytes (net.core.rmem_max raised to match), collectors and replayer at nice ${nice_level}."
echo
echo "| collector | target/s | achieved/s | sent | processed | lost | loss | socket drops | other lost | flow samples lost | collector-reported loss | lossless | CPU µs/datagram | peak queue (MB) | background CPU |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"
printf '%s\n' "${table_rows[@]}"
echo
echo "A step is lossless when the collector lost nothing, whether or not the sender kept the target rate; so each"
echo "collector's highest lossless target comes with the least rate the sender achieved in its runs there: that rate"
echo "(not the target) is what was shown to pass without loss."
echo
echo "| collector | version | highest target rate lossless in every run/s | least rate achieved there/s | first rate with loss/s |"
echo "|---|---|---:|---:|---:|"
summary_json=()
for name in $collectors; do
  [ "${versions[$name]}" = skipped ] && { echo "| $name | skipped | | | |"; continue; }
  echo "| $name | ${versions[$name]} | ${max_lossless[$name]} | ${max_lossless_achieved[$name]} | ${first_lossy[$name]:-none up to the highest rate} |"
  summary_json+=("$(printf '"%s":{"version":"%s","maxLosslessRate":%s,"maxLosslessAchievedRate":%s,"firstLossyRate":%s}' "$name" "${versions[$name]}" "${max_lossless[$name]}" "${max_lossless_achieved[$name]}" "${first_lossy[$name]:-null}")")
done

mkdir -p "$(dirname "$json_out")"
{
  printf '{"date":"%s","cores":%s,"kernel":"%s","stepSeconds":%s,"batch":%s,"rcvbuf":%s,"nice":%s,' \
    "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$(nproc)" "$(uname -r)" "$step_seconds" "$batch" "$rcvbuf" "$nice_level"
  printf '"corpus":{"pcap":"%s","datagrams":%s,"bytes":%s,"flowSamples":%s,"counterSamples":%s,"streams":%s},' \
    "$pcap" "$corpus_datagrams" "$corpus_bytes" "$corpus_flows" "$corpus_counters" "$corpus_streams"
  printf '"summary":{%s},' "$(IFS=,; echo "${summary_json[*]}")"
  printf '"steps":[%s]}\n' "$(IFS=,; echo "${steps_json[*]}")"
} >"$json_out"
log "results written to $json_out"
