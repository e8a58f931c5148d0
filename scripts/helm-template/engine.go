package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/template"

	"github.com/Masterminds/sprig"
	"gopkg.in/yaml.v2"
)

// recursionLimit is helm's bound on nested include and tpl calls.
const recursionLimit = 1000

// KubeVersion is .Capabilities.KubeVersion.
type KubeVersion struct {
	Version string
	Major   string
	Minor   string
}

// String prints the version as helm does ({{ .Capabilities.KubeVersion }}).
func (v KubeVersion) String() string { return v.Version }

// GitVersion is helm 2's name for Version, still accepted by helm 3.
func (v KubeVersion) GitVersion() string { return v.Version }

// Capabilities is .Capabilities; only KubeVersion is implemented (no APIVersions: nothing here asks a cluster).
type Capabilities struct {
	KubeVersion KubeVersion
}

func parseKubeVersion(v string) (KubeVersion, error) {
	parts := strings.SplitN(strings.TrimPrefix(v, "v"), ".", 3)
	if len(parts) < 2 {
		return KubeVersion{}, fmt.Errorf("--kube-version %q is not vMAJOR.MINOR[.PATCH]", v)
	}
	version := "v" + strings.TrimPrefix(v, "v")
	if len(parts) == 2 {
		version += ".0"
	}
	return KubeVersion{Version: version, Major: parts[0], Minor: parts[1]}, nil
}

// engine renders one chart's templates; every template file is parsed into one set, so that any file may include a
// template that another defines, as in helm.
type engine struct {
	root  *template.Template
	depth int
}

func newEngine(files []chartFile) (*engine, error) {
	e := &engine{}
	e.root = template.New("gotpl").Option("missingkey=zero").Funcs(e.funcMap())
	for _, f := range files {
		if _, err := e.root.New(f.name).Parse(f.data); err != nil {
			return nil, fmt.Errorf("parse error: %v", err)
		}
	}
	return e, nil
}

// execute renders one file by name; helm removes the "<no value>" that missingkey=zero prints for absent map keys.
func (e *engine) execute(name string, data interface{}) (string, error) {
	var buf bytes.Buffer
	if err := e.root.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
}

// funcMap is helm's: sprig's text functions without env and expandenv, plus helm's own.
func (e *engine) funcMap() template.FuncMap {
	f := sprig.TxtFuncMap()
	delete(f, "env")
	delete(f, "expandenv")
	extra := template.FuncMap{
		"toYaml":        toYAML,
		"fromYaml":      fromYAML,
		"fromYamlArray": fromYAMLArray,
		"toJson":        toJSON,
		"fromJson":      fromJSON,
		"fromJsonArray": fromJSONArray,
		"required":      required,
		"include":       e.include,
		"tpl":           e.tpl,
		// helm template talks to no cluster: lookup finds nothing.
		"lookup": func(string, string, string, string) (map[string]interface{}, error) {
			return map[string]interface{}{}, nil
		},
	}
	for k, v := range extra {
		f[k] = v
	}
	return f
}

func (e *engine) include(name string, data interface{}) (string, error) {
	if e.depth >= recursionLimit {
		return "", fmt.Errorf("rendering template has a nested reference name: %s: unable to execute template", name)
	}
	e.depth++
	defer func() { e.depth-- }()
	var buf bytes.Buffer
	if err := e.root.ExecuteTemplate(&buf, name, data); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// tpl renders a string as a template with the chart's named templates available, as helm's tpl does.
func (e *engine) tpl(text string, data interface{}) (string, error) {
	if e.depth >= recursionLimit {
		return "", errors.New("tpl: nested too deeply")
	}
	e.depth++
	defer func() { e.depth-- }()
	clone, err := e.root.Clone()
	if err != nil {
		return "", err
	}
	t, err := clone.New("tpl").Parse(text)
	if err != nil {
		return "", fmt.Errorf("cannot parse template %q: %v", text, err)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return "", fmt.Errorf("error during tpl function execution for %q: %v", text, err)
	}
	return strings.ReplaceAll(buf.String(), "<no value>", ""), nil
}

func required(message string, value interface{}) (interface{}, error) {
	if value == nil {
		return value, errors.New(message)
	}
	if s, ok := value.(string); ok && s == "" {
		return value, errors.New(message)
	}
	return value, nil
}

// toYAML is sigs.k8s.io/yaml's Marshal (JSON first, so struct tags and key order follow encoding/json; then YAML
// with go-yaml v2's number typing), with the final newline trimmed, as helm does.
func toYAML(v interface{}) string {
	text, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	var doc interface{}
	if err := yaml.Unmarshal(text, &doc); err != nil {
		return ""
	}
	out, err := yaml.Marshal(doc)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(string(out), "\n")
}

// fromYAML parses a YAML map; errors go into the "Error" key, as in helm.
func fromYAML(text string) map[string]interface{} {
	m, err := yamlToJSONMap([]byte(text))
	if err != nil {
		return map[string]interface{}{"Error": err.Error()}
	}
	return m
}

func fromYAMLArray(text string) []interface{} {
	var doc interface{}
	if err := yaml.Unmarshal([]byte(text), &doc); err != nil {
		return []interface{}{err.Error()}
	}
	converted, err := jsonCompatible(doc)
	if err != nil {
		return []interface{}{err.Error()}
	}
	list, ok := converted.([]interface{})
	if !ok {
		return []interface{}{"not a YAML list"}
	}
	return list
}

func toJSON(v interface{}) string {
	text, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return string(text)
}

func fromJSON(text string) map[string]interface{} {
	m := map[string]interface{}{}
	if err := json.Unmarshal([]byte(text), &m); err != nil {
		m["Error"] = err.Error()
	}
	return m
}

func fromJSONArray(text string) []interface{} {
	var list []interface{}
	if err := json.Unmarshal([]byte(text), &list); err != nil {
		return []interface{}{err.Error()}
	}
	return list
}
