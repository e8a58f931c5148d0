#!/usr/bin/env bash
# package-chart.sh CHART_DIR OUT_DIR: writes OUT_DIR/NAME-VERSION.tgz laid out as `helm package` lays it out (every
# file of the chart under NAME/, less what .helmignore names), for machines without helm. Prints the archive's path.
set -euo pipefail

chart="${1:?usage: package-chart.sh CHART_DIR OUT_DIR}"
out="${2:?usage: package-chart.sh CHART_DIR OUT_DIR}"
name="$(sed -n 's/^name: *//p' "$chart/Chart.yaml")"
version="$(sed -n 's/^version: *//p' "$chart/Chart.yaml")"
if [ -z "$name" ] || [ -z "$version" ]; then
  echo "package-chart: $chart/Chart.yaml has no name or version" >&2
  exit 1
fi

excludes=()
if [ -f "$chart/.helmignore" ]; then
  while IFS= read -r pattern; do
    case "$pattern" in '' | '#'*) continue ;; esac
    excludes+=("--exclude=$pattern")
  done <"$chart/.helmignore"
fi

mkdir -p "$out"
archive="$out/$name-$version.tgz"
# helm package leaves out .helmignore itself too; sorted names and a fixed owner make the archive reproducible.
tar -C "$(dirname "$chart")" --transform "s#^$(basename "$chart")#$name#" --exclude=.helmignore "${excludes[@]}" \
  --sort=name --owner=0 --group=0 --numeric-owner -czf "$archive" "$(basename "$chart")"
echo "$archive"
