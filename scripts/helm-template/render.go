package main

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"gopkg.in/yaml.v2"
)

// installOrder is helm's releaseutil.InstallOrder: the kinds helm template prints first; other kinds follow, by name.
var installOrder = []string{
	"Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy", "PodDisruptionBudget",
	"ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume", "PersistentVolumeClaim",
	"CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding", "ClusterRoleBindingList",
	"Role", "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod", "ReplicationController",
	"ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob", "IngressClass", "Ingress",
	"APIService",
}

// documentSeparator is helm's releaseutil.SplitManifests separator.
var documentSeparator = regexp.MustCompile(`(?:^|\s*\n)---\s*`)

type manifest struct {
	source  string
	content string
	kind    string
}

func render(opts options) (string, error) {
	c, err := loadChart(opts.chartDir)
	if err != nil {
		return "", err
	}
	user := map[string]interface{}{}
	for _, file := range opts.valueFiles {
		values, err := readValuesFile(file)
		if err != nil {
			return "", err
		}
		user = overlay(user, values, false)
	}
	for _, set := range opts.sets {
		if err := applySet(user, set, false); err != nil {
			return "", err
		}
	}
	for _, set := range opts.setStrings {
		if err := applySet(user, set, true); err != nil {
			return "", err
		}
	}
	kube, err := parseKubeVersion(opts.kubeVersion)
	if err != nil {
		return "", err
	}

	e, err := newEngine(c.templates)
	if err != nil {
		return "", err
	}
	values := overlay(c.values, user, true)
	var manifests []manifest
	for _, f := range c.templates {
		if isPartial(f.name) || strings.HasSuffix(f.name, "/NOTES.txt") {
			continue
		}
		data := map[string]interface{}{
			"Values":       values,
			"Chart":        c.metadata,
			"Capabilities": Capabilities{KubeVersion: kube},
			"Release": map[string]interface{}{
				"Name": opts.release, "Namespace": opts.namespace, "Service": "Helm",
				"IsInstall": true, "IsUpgrade": false, "Revision": 1,
			},
			"Template": map[string]interface{}{"Name": f.name, "BasePath": c.metadata.Name + "/templates"},
		}
		out, err := e.execute(f.name, data)
		if err != nil {
			return "", err
		}
		split, err := splitManifests(f.name, out)
		if err != nil {
			return "", err
		}
		manifests = append(manifests, split...)
	}
	if manifests, err = selectTemplates(manifests, c.metadata.Name, opts.showOnly); err != nil {
		return "", err
	}
	sortByKind(manifests)

	var b strings.Builder
	if opts.includeCrds && len(opts.showOnly) == 0 {
		for _, crd := range c.crds {
			if isManifest(crd.name) {
				fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", crd.name, crd.data)
			}
		}
	}
	for _, m := range manifests {
		fmt.Fprintf(&b, "---\n# Source: %s\n%s\n", m.source, m.content)
	}
	return b.String(), nil
}

// splitManifests cuts one rendered file into its documents, drops the empty ones, and reads each one's kind; a
// document that is not YAML is an error, as helm's install would make it.
func splitManifests(source, text string) ([]manifest, error) {
	var out []manifest
	for _, doc := range documentSeparator.Split(strings.TrimSpace(text), -1) {
		doc = strings.TrimSpace(doc)
		if doc == "" {
			continue
		}
		var head struct {
			Kind string `yaml:"kind"`
		}
		if err := yaml.Unmarshal([]byte(doc), &head); err != nil {
			return nil, fmt.Errorf("YAML parse error on %s: %v", source, err)
		}
		out = append(out, manifest{source: source, content: doc, kind: head.Kind})
	}
	return out, nil
}

// sortByKind orders the documents by helm's install order; ties keep file order, then document order.
func sortByKind(manifests []manifest) {
	rank := func(kind string) int {
		for i, k := range installOrder {
			if k == kind {
				return i
			}
		}
		return len(installOrder)
	}
	sort.SliceStable(manifests, func(i, j int) bool {
		ri, rj := rank(manifests[i].kind), rank(manifests[j].kind)
		if ri != rj {
			return ri < rj
		}
		if ri == len(installOrder) {
			return manifests[i].kind < manifests[j].kind
		}
		return false
	})
}

// selectTemplates keeps the manifests of the --show-only templates (all without any); like helm, it is an error when
// one of them renders nothing.
func selectTemplates(manifests []manifest, chartName string, showOnly []string) ([]manifest, error) {
	if len(showOnly) == 0 {
		return manifests, nil
	}
	var out []manifest
	for _, path := range showOnly {
		source := chartName + "/" + strings.TrimPrefix(path, chartName+"/")
		found := false
		for _, m := range manifests {
			if m.source == source {
				out = append(out, m)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("could not find template %s in chart", path)
		}
	}
	return out, nil
}
