#!/usr/bin/env bash
# Prober benchmark: probes per second of one prober (its runner, as `netm prober` runs it: TCP connect and ICMP echo,
# half each, from one network namespace to another) next to the same checks run as `ping` and `nc` processes, one per
# probe, in the same run. The work is done by the `prober` mode of benchmarks/NetworkMachinery.Benchmarks; this
# wrapper builds it in Release and runs it as root (it creates two network namespaces, and removes them).
#
#   benchmarks/prober/run.sh [--seconds 10] [--concurrency 64]
#
# Markdown on stdout, progress on stderr. See README.md beside this file.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
project="$root/benchmarks/NetworkMachinery.Benchmarks"
dll="$project/bin/Release/net10.0/NetworkMachinery.Benchmarks.dll"
cache="$root/.cache/prober-bench"

if [ "$(id -u)" -ne 0 ]; then
  echo "prober: needs root (network namespaces, raw sockets)" >&2
  exit 1
fi
command -v nc >/dev/null && command -v ping >/dev/null || "$root/scripts/install-deps.sh"

mkdir -p "$cache"
echo "prober: building the benchmarks (Release)..." >&2
dotnet build "$project" -c Release --nologo -v quiet >"$cache/build.log" 2>&1 || { cat "$cache/build.log" >&2; exit 1; }
exec dotnet "$dll" prober "$@"
