#!/usr/bin/env bash
# capture-corpus.sh: record a corpus of real Open vSwitch sFlow datagrams into a pcap (default testdata/ovs-sflow.pcap).
#
# How: a private Open vSwitch (userspace datapath, its own database and directories) runs in a network namespace of
# its own, with four more namespaces plugged into one bridge through veth pairs. sFlow goes to 127.0.0.1:6343 in the
# switch's namespace with sampling=1, header=128, polling=1 and OVS's fixed 1400-byte datagrams, while mixed traffic
# runs at once: TCP, UDP of many sizes, ICMP and ICMPv6 echo, TCP resets and ICMP port unreachables, over IPv4 and IPv6.
# That keeps every datagram full (about 1.3 KB on average). tcpdump captures the datagrams on that loopback. Everything
# is removed at the end, on failure too. The same setup as tests/NetworkMachinery.Testing/Ovs/OvsSwitch.cs.
#
# Needs root and the packages of scripts/install-deps.sh. Usage: scripts/capture-corpus.sh [OUTPUT.pcap]
set -euo pipefail
# Job control puts every background job in a process group of its own, so cleanup can stop a job with its children.
set -m

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$(realpath -m "${1:-$root/testdata/ovs-sflow.pcap}")"
port=6343

log() { echo "capture-corpus: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "error: needs root (network namespaces, Open vSwitch)."
  exit 1
fi
for tool in ovsdb-tool ovsdb-server ovs-vswitchd ovs-vsctl tcpdump ethtool ip ping nc; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    log "error: $tool is missing: run scripts/install-deps.sh as root."
    exit 1
  fi
done

id="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
dir="$(mktemp -d "/tmp/nmt-corpus-$id.XXXXXX")"
ovs_ns="nmt-$id"
hosts=(a b c d)
export OVS_RUNDIR="$dir" OVS_LOGDIR="$dir" OVS_DBDIR="$dir"
vsctl() { ovs-vsctl --db="unix:$dir/db.sock" --timeout=20 "$@"; }
host_ns() { echo "nmt-$id-$1"; }
in_host() { local host="$1"; shift; ip netns exec "$(host_ns "$host")" "$@"; }
# Start a background command in a host's namespace; $! is then the command's own PID (ip netns exec execs it in
# place), so killing $! stops it, where a backgrounded function would leave its children running.
in_host_bg() { local host="$1"; shift; ip netns exec "$(host_ns "$host")" "$@" & }

tcpdump_pid=""
cleanup() {
  local status=$?
  set +e
  # Stop tcpdump, the sink and any traffic job still running (after a failure): all are our own background jobs.
  local job
  for job in $(jobs -p); do kill -- "-$job" 2>/dev/null; done
  wait 2>/dev/null
  # The daemons detached: stop them by the PIDs in their pid files, and wait until they are gone.
  local name pid
  for name in ovs-vswitchd ovsdb-server; do
    if [ -f "$dir/$name.pid" ]; then
      pid="$(cat "$dir/$name.pid")"
      if grep -qF "$dir" "/proc/$pid/cmdline" 2>/dev/null; then
        kill "$pid"
        for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
        kill -9 "$pid" 2>/dev/null
      fi
    fi
  done
  # Deleting the namespaces removes the switch's taps and every veth pair.
  ip netns delete "$ovs_ns" 2>/dev/null
  local host
  for host in "${hosts[@]}"; do ip netns delete "$(host_ns "$host")" 2>/dev/null; done
  rm -rf "$dir"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting Open vSwitch in namespace $ovs_ns (state in $dir)"
ip netns add "$ovs_ns"
ip -n "$ovs_ns" link set lo up
ovsdb-tool create "$dir/conf.db" /usr/share/openvswitch/vswitch.ovsschema
# Their stderr only says which log file they opened; it is shown when they fail.
ovsdb-server "$dir/conf.db" --remote="punix:$dir/db.sock" --pidfile="$dir/ovsdb-server.pid" \
  --unixctl="$dir/ovsdb-server.ctl" --log-file="$dir/ovsdb-server.log" -vconsole:off --detach 2>"$dir/ovsdb-server.err" \
  || { cat "$dir/ovsdb-server.err" >&2; exit 1; }
vsctl --no-wait init
ip netns exec "$ovs_ns" ovs-vswitchd "unix:$dir/db.sock" --pidfile="$dir/ovs-vswitchd.pid" \
  --unixctl="$dir/ovs-vswitchd.ctl" --log-file="$dir/ovs-vswitchd.log" -vconsole:off --detach 2>"$dir/ovs-vswitchd.err" \
  || { cat "$dir/ovs-vswitchd.err" >&2; exit 1; }
vsctl add-br br0 -- set bridge br0 datapath_type=netdev

n=0
for host in "${hosts[@]}"; do
  n=$((n + 1))
  ns="$(host_ns "$host")"
  veth="nmt$id$n" # at most 15 characters: nmt + 8 hex digits + 1 digit
  ip netns add "$ns"
  ip -n "$ns" link set lo up
  ip -n "$ovs_ns" link add "$veth" type veth peer name eth0 netns "$ns"
  ip -n "$ovs_ns" link set "$veth" up
  ip -n "$ns" link set eth0 up
  # Without this, TCP stalls: checksums left to offload arrive wrong after the userspace datapath.
  ip netns exec "$ovs_ns" ethtool -K "$veth" tx off >/dev/null
  in_host "$host" ethtool -K eth0 tx off >/dev/null
  ip -n "$ns" address add "10.78.0.$n/24" dev eth0
  ip -n "$ns" -6 address add "fd00:78::$n/64" dev eth0 nodad
  vsctl add-port br0 "$veth"
done

v4() { echo "10.78.0.$(($(printf '%d' "'$1") - 96))"; }
v6() { echo "fd00:78::$(($(printf '%d' "'$1") - 96))"; }

log "capturing sFlow on the switch's loopback, udp port $port"
# A 32 MiB buffer (-B, in KiB) absorbs the bursts while tcpdump writes; the default 2 MiB drops packets here.
: >"$dir/tcpdump.err"
ip netns exec "$ovs_ns" tcpdump -i lo -n --immediate-mode -B 32768 -U -Z root -w "$dir/corpus.pcap" "udp dst port $port" 2>"$dir/tcpdump.err" &
tcpdump_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$dir/tcpdump.err" && break; sleep 0.05; done
grep -q "listening on" "$dir/tcpdump.err" || { log "tcpdump did not start: $(cat "$dir/tcpdump.err")"; exit 1; }

# Something must listen on the port: OVS sends from a connected socket, and after an ICMP port unreachable its next
# send fails, which would drop every other datagram.
ip netns exec "$ovs_ns" nc -d -u -l 127.0.0.1 "$port" >/dev/null &
sink_pid=$!
sleep 0.3

vsctl -- --id=@sflow create sflow agent=lo "targets=[\"127.0.0.1:$port\"]" header=128 sampling=1 polling=1 \
  -- set bridge br0 sflow=@sflow >/dev/null

# TCP: a listener that discards, and a client that sends BYTES and closes.
tcp() { # SERVER CLIENT ADDRESS PORT BYTES
  in_host_bg "$1" timeout 60 nc -l "$3" "$4" >/dev/null
  local listener=$!
  sleep 0.3
  head -c "$5" /dev/urandom | in_host "$2" timeout 60 nc -N "$3" "$4"
  wait "$listener"
}
# UDP: COUNT datagrams whose sizes cycle from 18 to 1418 bytes; each bash write to /dev/udp is one datagram.
udp() { # SERVER CLIENT ADDRESS PORT COUNT
  in_host_bg "$1" timeout 60 nc -u -l "$3" "$4" >/dev/null
  local listener=$!
  sleep 0.3
  in_host "$2" timeout 60 bash -c '
    exec 3>"/dev/udp/$0/$1"
    payload="$(head -c 1400 /dev/zero | tr "\0" x)"
    for ((i = 0; i < $2; i++)); do printf "%s" "${payload:0:$((18 + (i * 97) % 1400))}" >&3 || true; done' "$3" "$4" "$5"
  kill "$listener" 2>/dev/null || true
  wait "$listener" 2>/dev/null || true
}
ping_burst() { # SOURCE ADDRESS COUNT SIZE
  in_host "$1" timeout 60 ping -n -q -c "$3" -i 0.005 -s "$4" "$2" >/dev/null
}

log "generating traffic"
started=$SECONDS
tcp b a "$(v4 b)" 5001 3000000 &
tcp d c "$(v4 d)" 5002 2000000 &
tcp c b "$(v6 c)" 5003 2500000 &
tcp a d "$(v6 a)" 5004 1500000 &
udp c a "$(v4 c)" 6001 2000 &
udp a b "$(v6 a)" 6002 2000 &
udp d c "$(v4 d)" 6003 1500 &
ping_burst a "$(v4 b)" 400 56 &
ping_burst b "$(v4 c)" 300 1000 &
ping_burst c "$(v6 d)" 400 56 &
ping_burst d "$(v6 a)" 300 1200 &
# Refused connections and unreachable ports: TCP resets and ICMP/ICMPv6 port unreachables.
for p in $(seq 7000 7040); do
  in_host a timeout 5 nc -z "$(v4 c)" "$p" 2>/dev/null || true
  in_host b timeout 5 nc -z "$(v6 d)" "$p" 2>/dev/null || true
  in_host c bash -c 'echo x >"/dev/udp/$0/$1"' "$(v4 a)" "$p" 2>/dev/null || true
  in_host d bash -c 'echo x >"/dev/udp/$0/$1"' "$(v6 b)" "$p" 2>/dev/null || true
done
failed=0
for job in $(jobs -p | grep -vx -e "$tcpdump_pid" -e "$sink_pid"); do
  wait "$job" || failed=$((failed + 1))
done
log "traffic done in $((SECONDS - started)) s"
if [ "$failed" -gt 0 ]; then
  log "warning: $failed traffic jobs failed; the corpus holds less traffic than usual"
fi

# Counter samples come once a second; let a few more arrive and OVS flush its last partial datagram.
sleep 3
kill -INT "$tcpdump_pid"
wait "$tcpdump_pid" || true
tcpdump_pid=""
sed -n '/packets captured/p; /dropped by kernel/p' "$dir/tcpdump.err" >&2

mkdir -p "$(dirname "$output")"
cp "$dir/corpus.pcap" "$output"
if command -v tshark >/dev/null 2>&1; then
  tshark -r "$output" -T fields -e udp.length 2>/dev/null \
    | awk -v out="$output" '{ n++; s += $1 - 8 } END { if (n) printf "capture-corpus: %s: %d datagrams, average sFlow payload %.0f bytes\n", out, n, s / n }' >&2
else
  log "wrote $output"
fi
