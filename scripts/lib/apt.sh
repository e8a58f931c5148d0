# shellcheck shell=bash
# apt.sh: sourced by the scripts that install Debian packages (install-deps.sh, kube-apiserver.sh). They define
# log() before they call these functions, and set no EXIT trap of their own around apt_install.
#
# System services: some packages ship daemons that Debian starts on install (openvswitch-switch, prometheus,
# etcd-server). The tests never use them (they run private instances on their own directories and ports), so they may
# run or not. On a machine without systemd (a container or a VM with a minimal init) the packages' init scripts fail
# to start those daemons, and that failure aborts the install; there, service starts are denied for the duration of
# the install with a temporary /usr/sbin/policy-rc.d, unless the machine already has one.

# missing_packages PACKAGE...: prints, one a line, the packages that are not installed. One dpkg-query call for all
# keeps the everything-present case fast; unknown packages make it exit 1 with a message on stderr, and they are
# simply not listed as installed.
missing_packages() {
  local installed package
  installed="$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)"
  for package in "$@"; do
    if ! grep -qx "$package installed" <<<"$installed"; then
      echo "$package"
    fi
  done
}

# as_root COMMAND...: runs COMMAND as root: directly when this script runs as root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    log "error: installing packages needs root, and sudo is not available."
    log "       Run as root: $0"
    exit 1
  fi
}

apt_update() {
  log "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
}

# apt_install PACKAGE...: installs the packages non-interactively, without recommends, keeping changed configuration.
apt_install() {
  local policy=/usr/sbin/policy-rc.d wrote_policy=false
  if [ ! -d /run/systemd/system ] && [ ! -e "$policy" ]; then
    log "no systemd: denying service starts during the install with a temporary $policy"
    printf '#!/bin/sh\n# Written by %s for the duration of one install.\nexit 101\n' "$(basename "$0")" \
      | as_root tee "$policy" >/dev/null
    as_root chmod 755 "$policy"
    wrote_policy=true
    # A failed or interrupted install exits the script (set -e): the trap removes the policy then too.
    # shellcheck disable=SC2064 # the path is fixed now
    trap "remove_policy_rc $policy" EXIT
    trap 'exit 130' INT TERM
  fi

  log "apt-get install $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" >&2

  if [ "$wrote_policy" = true ]; then
    trap - EXIT INT TERM
    remove_policy_rc "$policy"
  fi
}

remove_policy_rc() {
  as_root rm -f "$1"
  log "removed the temporary $1"
}
