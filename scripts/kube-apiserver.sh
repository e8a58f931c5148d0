#!/usr/bin/env bash
# kube-apiserver.sh [COMPONENT...]: builds Kubernetes server binaries from Debian bookworm's `kubernetes` source package
# (1.20.2, with its Go dependencies vendored) with Debian's Go 1.19, offline, and caches them under the repository in
# .cache/kube/<source version>/bin/. COMPONENT names a directory under cmd/ of the Kubernetes tree (kube-apiserver,
# kube-controller-manager, kube-scheduler, kubelet, kube-proxy); the default is kube-apiserver alone.
#
# stdout: the absolute path of each binary, one a line in argument order (with the default, one line). Progress and
# build output go to stderr. .cache/kube/current links to the newest version's directory: the tests and
# `netm devcluster` look for .cache/kube/current/bin/kube-apiserver (src/Netm/DevCluster/KubeBinaries.cs).
#
# Idempotent: when every requested binary is cached, nothing is installed or built (a second run takes about 2 s);
# only missing components are built. A cold run for kube-apiserver takes about 12 minutes on two cores, 11 of them in
# the Go build.
# Also installs etcd-server (Debian's etcd 3.4), which the tests run next to the apiserver.
#
# Installs Debian packages as root, or through sudo when it is available; builds as the user that runs it.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source-path=SCRIPTDIR source=lib/apt.sh
source "$root/scripts/lib/apt.sh"

log() { echo "kube-apiserver: $*" >&2; }

components=("$@")
if [ "${#components[@]}" -eq 0 ]; then
  components=(kube-apiserver)
fi
for component in "${components[@]}"; do
  if [[ ! "$component" =~ ^[a-z][a-z0-9-]*$ ]]; then
    log "error: '$component' is not a component name (a directory under cmd/, e.g. kube-apiserver)"
    exit 2
  fi
done

packages=(
  golang-1.19-go                       # bookworm's Go, which builds the 1.20 tree as it is
  golang-github-modern-go-reflect2-dev # reflect2 1.0.2, which replaces the vendored 1.0.1 (see below)
  rsync                                # the Kubernetes Makefile copies with it
  make
  gcc
  libc6-dev # cgo: the code generators and kubelet link against libc
  xz-utils
  etcd-server # run by the tests next to the apiserver
)
go_bin=/usr/lib/go-1.19/bin
reflect2=/usr/share/gocode/src/github.com/modern-go/reflect2
cache="$root/.cache/kube"
our_source_list=/etc/apt/sources.list.d/networkmachinery-bookworm-src.sources

# A one-line entry after its type: [options] URI bookworm COMPONENTS, main among them.
one_line_entry='(\[[^]]*\][[:space:]]+)?[^[:space:]]+[[:space:]]+bookworm[[:space:]].*\bmain\b'

# Prints the first enabled deb822 stanza of TYPE for bookworm main; with transform=1, as a deb-src stanza for bookworm
# main alone. Every other field is kept as it is: apt refuses two entries for one mirror and suite whose Signed-By
# differ.
# shellcheck disable=SC2016
stanza_awk='
BEGIN { RS = ""; FS = "\n" }
function has(value, word) { return (" " value " ") ~ ("[ \t]" word "[ \t]") }
{
  delete field
  for (i = 1; i <= NF; i++) if (match($i, /^[A-Za-z-]+:/)) field[tolower(substr($i, 1, RLENGTH - 1))] = substr($i, RLENGTH + 1)
  if (!has(field["types"], type) || !has(field["suites"], "bookworm") || !has(field["components"], "main")) next
  if (tolower(field["enabled"]) ~ /no/) next
  for (i = 1; i <= NF; i++) {
    if (!transform) print $i
    else if ($i ~ /^#/) continue
    else if ($i ~ /^[Tt]ypes:/) print "Types: deb-src"
    else if ($i ~ /^[Ss]uites:/) print "Suites: bookworm"
    else if ($i ~ /^[Cc]omponents:/) print "Components: main"
    else print $i
  }
  exit
}'

# A deb-src entry for bookworm main is configured when a deb822 stanza or a one-line entry of that type names suite
# bookworm and component main.
has_source_entry() {
  local stanza
  stanza="$(find /etc/apt/sources.list.d -name '*.sources' -print0 | xargs -0r awk -v type=deb-src -v transform=0 "$stanza_awk")"
  [ -n "$stanza" ] || grep -Eqs "^[[:space:]]*deb-src[[:space:]]+$one_line_entry" /etc/apt/sources.list /etc/apt/sources.list.d/*.list
}

# Writes a deb-src entry for bookworm main that uses the same mirror (and options) as the deb entry.
add_source_entry() {
  local entry
  entry="$(find /etc/apt/sources.list.d -name '*.sources' -print0 \
    | xargs -0r awk -v type=deb -v transform=1 "$stanza_awk")"
  if [ -n "$entry" ]; then
    log "adding $our_source_list (deb-src, bookworm main)"
    printf '# Written by scripts/kube-apiserver.sh: builds kube-apiserver from the kubernetes source package.\n%s\n' \
      "$entry" | as_root tee "$our_source_list" >/dev/null
    return
  fi
  entry="$(grep -Ehs -m1 "^[[:space:]]*deb[[:space:]]+$one_line_entry" /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | sed -En '1{s/^[[:space:]]*deb/deb-src/; s/(bookworm)[[:space:]].*/\1 main/; p}')"
  if [ -z "$entry" ]; then
    log "error: no apt source for Debian bookworm main was found to add a deb-src entry for"
    exit 1
  fi
  log "adding ${our_source_list%.sources}.list: $entry"
  printf '# Written by scripts/kube-apiserver.sh: builds kube-apiserver from the kubernetes source package.\n%s\n' \
    "$entry" | as_root tee "${our_source_list%.sources}.list" >/dev/null
}

# Sources indexes that apt has downloaded (apt-get indextargets lists only downloaded ones).
sources_index_present() {
  # shellcheck disable=SC2016 # apt expands the $(FIELD)s
  apt-get indextargets --format '$(CREATED_BY) $(RELEASE) $(COMPONENT)' 2>/dev/null | grep -x 'Sources bookworm main' >/dev/null
}

install_prerequisites() {
  local update=false missing
  if ! sources_index_present; then
    if ! has_source_entry; then
      add_source_entry
    fi
    update=true
  fi
  mapfile -t missing < <(missing_packages "${packages[@]}")
  if [ "${#missing[@]}" -gt 0 ]; then
    log "missing: ${missing[*]}"
    update=true
  fi
  if [ "$update" = true ]; then
    apt_update
  fi
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
  fi
}

# The version apt would download, from the .dsc's file name (which has no epoch and, unlike the URI, no %-escapes),
# e.g. 1.20.5+really1.20.2-1.1+deb12u1.
source_version() {
  apt-get source --print-uris kubernetes 2>/dev/null \
    | sed -nE "s/^'[^']*' kubernetes_([^ ]+)\.dsc .*/\1/p" | head -n1
}

# build VERSION_DIR COMPONENT...: downloads and unpacks the source package, builds the components, copies the
# binaries to VERSION_DIR/bin.
build() {
  local version_dir="$1"
  shift
  local work="$version_dir/build" component what=() orig
  rm -rf "$work"
  mkdir -p "$work/src" "$version_dir/bin"

  log "downloading the kubernetes source package into $work"
  (cd "$work" && apt-get source --download-only kubernetes >&2)
  orig="$(find "$work" -maxdepth 1 -name 'kubernetes_*.orig.tar.*' ! -name '*.asc' | head -n1)"
  # The upstream tarball alone: Debian's patches (debian.tar.xz) change how kubectl prints, nothing of the server.
  log "unpacking $(basename "$orig")"
  tar -xf "$orig" -C "$work/src" --strip-components=1

  # The vendored reflect2 1.0.1 reads Go runtime internals that changed in Go 1.18: the apiserver dies with
  # "fatal error: fault" on the first custom-resource create. 1.0.2 (Debian's) has the same API and works.
  log "replacing vendor/github.com/modern-go/reflect2 with $reflect2"
  rm -rf "$work/src/vendor/github.com/modern-go/reflect2"
  cp -rL "$reflect2" "$work/src/vendor/github.com/modern-go/reflect2"

  for component in "$@"; do
    what+=("cmd/$component")
  done
  log "make WHAT=\"${what[*]}\" (about 11 minutes for kube-apiserver on two cores)"
  # The Go build cache lives in the work tree so that it goes with it; GOPROXY=off keeps the build offline.
  (cd "$work/src" && env PATH="$go_bin:$PATH" GOCACHE="$work/go-cache" GOPROXY=off \
    make WHAT="${what[*]}" >&2)

  for component in "$@"; do
    cp "$work/src/_output/bin/$component" "$version_dir/bin/$component.tmp"
    mv "$version_dir/bin/$component.tmp" "$version_dir/bin/$component"
  done

  # The unpacked tree is about 400 MB and the build adds some 2 GB (objects, Go cache): kept, it would fill CI caches
  # and disks for nothing, since only the binaries are used. A later component costs a fresh build.
  log "removing $work ($(du -sh "$work" | cut -f1))"
  rm -rf "$work"
}

install_prerequisites

version="$(source_version)"
if [ -z "$version" ]; then
  log "error: apt knows no source package 'kubernetes' (is a deb-src entry for bookworm main configured?)"
  exit 1
fi
version_dir="$cache/$version"

mkdir -p "$cache"
# One build at a time: two test runs started together would otherwise build into the same tree.
exec {lock}>"$cache/.lock"
if ! flock -n "$lock"; then
  log "waiting for another kube-apiserver.sh to finish"
  flock "$lock"
fi

missing=()
for component in "${components[@]}"; do
  if [ ! -x "$version_dir/bin/$component" ]; then
    missing+=("$component")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  start=$SECONDS
  build "$version_dir" "${missing[@]}"
  log "built ${missing[*]} (kubernetes $version) in $((SECONDS - start)) s"
else
  log "cached: ${components[*]} (kubernetes $version)"
fi
ln -sfn "$version" "$cache/current"

for component in "${components[@]}"; do
  echo "$version_dir/bin/$component"
done
