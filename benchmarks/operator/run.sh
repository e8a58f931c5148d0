#!/usr/bin/env bash
# Operator benchmark: how soon `netm operator` writes a NetworkConnectivityTest's status after a create or a spec
# change, and whether 1,000 objects created at once all get status within 60 s with the operator under 200 MB. The
# work is done by the `operator` mode of benchmarks/NetworkMachinery.Benchmarks against a private etcd and
# kube-apiserver 1.20 on free loopback ports (the control plane of `netm devcluster` and of the tests); this wrapper
# builds it in Release and runs it. See README.md beside this file.
#
#   benchmarks/operator/run.sh [operator options]      e.g. --sequential 50 --burst 1000
#
# Every option is passed on (`run.sh --help` lists them). Markdown on stdout, progress on stderr, JSON in
# .cache/operator-bench/results.json. The run stops the operator, the apiserver and etcd itself, also on Ctrl+C.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cache="$root/.cache/operator-bench"
project="$root/benchmarks/NetworkMachinery.Benchmarks"
dll="$project/bin/Release/net10.0/NetworkMachinery.Benchmarks.dll"

log() { echo "operator: $*" >&2; }

mkdir -p "$cache"
log "building the benchmarks and netm (Release)..."
dotnet build "$project" -c Release --nologo -v quiet >"$cache/build.log" 2>&1 || { cat "$cache/build.log" >&2; exit 1; }
exec dotnet "$dll" operator "$@"
