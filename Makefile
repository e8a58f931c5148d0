# Network Machinery: install and release targets. `make` (or `make help`) lists them; docs/install.md explains them.
# Cluster targets use kubectl with its current context (KUBECONFIG or ~/.kube/config).

CHART_DIR := deploy/helm/networkmachinery
CRD_DIR := $(CHART_DIR)/crds
INSTALL_YAML := deploy/install.yaml
VERSION := $(shell sed -n 's/^version: *//p' $(CHART_DIR)/Chart.yaml)
APP_VERSION := $(shell sed -n 's/^appVersion: *"*\([^"]*\)"*/\1/p' $(CHART_DIR)/Chart.yaml)
OUT := out
IMAGES_OUT := $(OUT)/images
# Where `make push` copies the netm image: REGISTRY/networkmachinery/netm:APP_VERSION (e.g. REGISTRY=HOST[:PORT]/PROJECT).
REGISTRY ?=
SKOPEO ?= skopeo
KUBECTL ?= kubectl

.DEFAULT_GOAL := help
.PHONY: help manifests install-crds webhook install uninstall package package-netm package-chart package-images tag push ship

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

manifests: ## Regenerate the CRDs (from the C# models) and deploy/install.yaml (from the chart)
	./netm crds --output $(CRD_DIR)
	scripts/install-manifest.sh > $(INSTALL_YAML).tmp || { rm -f $(INSTALL_YAML).tmp; exit 1; }
	mv $(INSTALL_YAML).tmp $(INSTALL_YAML)

install-crds: ## kubectl apply the CRDs and wait until they are established
	$(KUBECTL) apply -f $(CRD_DIR)
	$(KUBECTL) wait --for condition=Established --timeout 60s -f $(CRD_DIR)

# The webhook's certificates are self-managed: the operator creates the CA and serving certificate Secret when it
# starts and writes the CA into the ValidatingWebhookConfiguration, so there is nothing to generate here.
webhook: ## kubectl apply only the admission webhook: its Service, ValidatingWebhookConfiguration, and the operator's RBAC (which covers its certificates)
	scripts/helm-template.sh networkmachinery $(CHART_DIR) --namespace networkmachinery --set createNamespace=true \
	  --show-only templates/namespace.yaml --show-only templates/operator-rbac.yaml --show-only templates/webhook.yaml \
	  | $(KUBECTL) apply -f -

install: ## kubectl apply deploy/install.yaml (CRDs, namespace networkmachinery, RBAC, operator, webhook, collector)
	$(KUBECTL) apply -f $(INSTALL_YAML)

uninstall: ## kubectl delete everything deploy/install.yaml created, CRDs (and so every resource of theirs) included; finishes in the background
	$(KUBECTL) delete --ignore-not-found --wait=false -f $(INSTALL_YAML)

package: package-netm package-chart package-images ## The archives and images below, into out/

package-netm: ## netm as a self-contained linux-x64 release: out/netm-VERSION-linux-x64.tar.gz
	rm -rf $(OUT)/netm-$(VERSION)-linux-x64
	dotnet publish src/Netm/NetworkMachinery.Netm.csproj -c Release -r linux-x64 --self-contained \
	  -p:Version=$(VERSION) -o $(OUT)/netm-$(VERSION)-linux-x64 --nologo -v quiet
	tar -C $(OUT) -czf $(OUT)/netm-$(VERSION)-linux-x64.tar.gz netm-$(VERSION)-linux-x64

package-chart: ## The chart as `helm package` lays it out: out/networkmachinery-VERSION.tgz
	scripts/package-chart.sh $(CHART_DIR) $(OUT)

package-images: ## The container images (pause, busybox, dnsmasq, netm), built without Docker: out/images/NAME.tar (docker archive) and out/images/NAME/ (OCI layout)
	./netm devcluster images --output $(IMAGES_OUT)

tag: ## git tag vVERSION (the chart's version) on a clean tree
	@if [ -n "$$(git status --porcelain)" ]; then echo "tag: the working tree has uncommitted changes; commit or stash them first" >&2; exit 1; fi
	@if git rev-parse -q --verify "refs/tags/v$(VERSION)" >/dev/null; then echo "tag: v$(VERSION) exists; raise version in $(CHART_DIR)/Chart.yaml" >&2; exit 1; fi
	git tag -a v$(VERSION) -m "Network Machinery $(VERSION)"

push: package-images ## Push the netm image with skopeo to REGISTRY (make push REGISTRY=HOST/PROJECT; log in first with skopeo login)
	@if [ -z "$(REGISTRY)" ]; then echo "push: set REGISTRY, e.g. make push REGISTRY=HOST[:PORT]/PROJECT" >&2; exit 1; fi
	$(SKOPEO) copy oci:$(IMAGES_OUT)/netm:$(APP_VERSION) docker://$(REGISTRY)/networkmachinery/netm:$(APP_VERSION)

ship: package tag push ## Release: package, tag and push (needs REGISTRY)
