#!/usr/bin/env bash
# helm-template.sh [helm template arguments]: renders a Helm chart like `helm template NAME CHART [flags]`, on machines
# without a helm binary. The renderer is scripts/helm-template (Go: text/template, sprig and helm's own template
# functions; its main.go lists what it implements), built with Debian's Go 1.19 and Debian's packaged sprig and
# yaml.v2 in GOPATH mode, offline.
#
# stdout: the rendered manifests. Build output and progress go to stderr.
# Idempotent: installs the Debian packages when missing (as root, or through sudo), and builds the renderer once into
# .cache/helm-template/<hash of its source>/; later runs only hash the source and run it (well under a second).
# Concurrent runs wait for each other's install and build (flock).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/apt.sh
source "$root/scripts/lib/apt.sh"

log() { echo "helm-template: $*" >&2; }

packages=(
  golang-1.19-go                      # bookworm's Go
  golang-github-masterminds-sprig-dev # sprig 3.2.3, helm's template function library
  golang-gopkg-yaml.v2-dev            # go-yaml v2, which helm's sigs.k8s.io/yaml wraps
)
go_bin=/usr/lib/go-1.19/bin
source_dir="$root/scripts/helm-template"
hash="$(cat "$source_dir"/*.go | sha256sum | cut -c1-16)"
cache="$root/.cache/helm-template"
binary="$cache/$hash/helm-template"

if [ ! -x "$binary" ]; then
  mkdir -p "$cache"
  exec 9>"$cache/.lock"
  flock 9
  if [ ! -x "$binary" ]; then
    mapfile -t missing < <(missing_packages "${packages[@]}")
    if [ "${#missing[@]}" -gt 0 ]; then
      apt_install "${missing[@]}" || { apt_update && apt_install "${missing[@]}"; }
    fi
    log "building the renderer ($hash)"
    mkdir -p "$cache/$hash"
    (cd "$source_dir" && env PATH="$go_bin:$PATH" GO111MODULE=off GOPATH=/usr/share/gocode GOFLAGS= \
      GOCACHE="$cache/go-cache" GOPROXY=off go build -o "$binary.tmp" .) >&2
    mv "$binary.tmp" "$binary"
  fi
  exec 9>&-
fi

exec "$binary" "$@"
