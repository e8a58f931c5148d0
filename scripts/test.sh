#!/usr/bin/env bash
# Runs every test of the repository: installs what the tests need (Debian packages, kube-apiserver), builds, tests.
# The integration tests create network namespaces and run Open vSwitch, so they need root.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    exec sudo --preserve-env=PATH,DOTNET_ROOT,HOME "$0" "$@"
  fi
  echo "test.sh: the tests need root (network namespaces, Open vSwitch); run as root or install sudo" >&2
  exit 1
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "test.sh: the .NET 10 SDK is required but 'dotnet' is not on PATH." >&2
  echo "         Install it: https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 127
fi

"$root/scripts/install-deps.sh"
# The operator tests run a real kube-apiserver: built once from Debian's kubernetes source package (about 10 minutes),
# then cached in .cache/kube, where the tests find it (.cache/kube/current/bin/kube-apiserver).
# The end-to-end tests run a whole single-node cluster (netm devcluster up): all five components, same cache.
"$root/scripts/kube-apiserver.sh" kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy >/dev/null

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build NetworkMachinery.slnx -c Release --nologo -v quiet
# A test that hangs is killed after 10 minutes and reported with its name, rather than stalling CI.
dotnet test NetworkMachinery.slnx -c Release --no-build --nologo --logger "console;verbosity=normal" --blame-hang-timeout 10m "$@"
