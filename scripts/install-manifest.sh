#!/usr/bin/env bash
# install-manifest.sh [helm template flags]: prints deploy/install.yaml, the chart deploy/helm/networkmachinery rendered for `kubectl apply`:
# release networkmachinery in namespace networkmachinery, the chart's default values plus createNamespace=true (so
# that the file creates its namespace), CRDs first. `make manifests` writes it; a test fails when the checked-in file
# differs from this output. Flags (e.g. --values FILE) add to the values: `netm devcluster deploy --kafka` renders it
# with its node's Kafka that way.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

echo "# Generated from deploy/helm/networkmachinery by \`make manifests\` (scripts/install-manifest.sh). Do not edit: change the chart and run it again."
echo "# Installs Network Machinery into the namespace networkmachinery: kubectl apply -f deploy/install.yaml"
cd "$root"
scripts/helm-template.sh networkmachinery deploy/helm/networkmachinery \
  --namespace networkmachinery --include-crds --set createNamespace=true "$@"
