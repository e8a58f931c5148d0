package main

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"gopkg.in/yaml.v2"
)

// readValuesFile reads a values file the way helm does (sigs.k8s.io/yaml: YAML to JSON, then encoding/json), so that
// every number becomes a float64, as in helm.
func readValuesFile(path string) (map[string]interface{}, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	values, err := yamlToJSONMap(raw)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return values, nil
}

func yamlToJSONMap(raw []byte) (map[string]interface{}, error) {
	var doc interface{}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		return nil, err
	}
	if doc == nil {
		return map[string]interface{}{}, nil
	}
	converted, err := jsonCompatible(doc)
	if err != nil {
		return nil, err
	}
	text, err := json.Marshal(converted)
	if err != nil {
		return nil, err
	}
	values := map[string]interface{}{}
	if err := json.Unmarshal(text, &values); err != nil {
		return nil, fmt.Errorf("the top level must be a map: %v", err)
	}
	return values, nil
}

// jsonCompatible turns yaml.v2's map[interface{}]interface{} into map[string]interface{}, as sigs.k8s.io/yaml does.
func jsonCompatible(v interface{}) (interface{}, error) {
	switch t := v.(type) {
	case map[interface{}]interface{}:
		m := make(map[string]interface{}, len(t))
		for k, value := range t {
			converted, err := jsonCompatible(value)
			if err != nil {
				return nil, err
			}
			m[fmt.Sprint(k)] = converted
		}
		return m, nil
	case []interface{}:
		list := make([]interface{}, len(t))
		for i, value := range t {
			converted, err := jsonCompatible(value)
			if err != nil {
				return nil, err
			}
			list[i] = converted
		}
		return list, nil
	default:
		return v, nil
	}
}

// overlay lays top over base, recursively for maps where both have one; anything else in top replaces. Helm merges
// several --values files this way (deleteNulls false: a null is a value), and fills the user's values in from the
// chart's defaults this way too (deleteNulls true: a user's null deletes the default).
func overlay(base, top map[string]interface{}, deleteNulls bool) map[string]interface{} {
	out := make(map[string]interface{}, len(base))
	for k, v := range base {
		out[k] = v
	}
	for k, v := range top {
		if v == nil && deleteNulls {
			delete(out, k)
			continue
		}
		if tm, ok := v.(map[string]interface{}); ok {
			if bm, ok := out[k].(map[string]interface{}); ok {
				out[k] = overlay(bm, tm, deleteNulls)
				continue
			}
		}
		out[k] = v
	}
	return out
}

// applySet applies one --set (or --set-string) argument: KEY=VALUE[,KEY=VALUE...], dotted keys, a {a,b} list as
// the value, `\,` and `\.` escapes. Helm's list indexes (key[0]=x) are refused rather than misread.
func applySet(values map[string]interface{}, arg string, asString bool) error {
	for _, assignment := range splitUnescaped(arg, ',', true) {
		key, value, ok := cutUnescaped(assignment, '=')
		if !ok {
			return fmt.Errorf("--set %q: key %q has no value", arg, assignment)
		}
		if strings.ContainsAny(key, "[]") {
			return fmt.Errorf("--set %q: list indexes are not supported", arg)
		}
		path := splitUnescaped(key, '.', false)
		var typed interface{}
		if strings.HasPrefix(value, "{") && strings.HasSuffix(value, "}") {
			var list []interface{}
			for _, item := range splitUnescaped(value[1:len(value)-1], ',', false) {
				list = append(list, typedValue(unescape(item), asString))
			}
			typed = list
		} else {
			typed = typedValue(unescape(value), asString)
		}
		node := values
		for _, part := range path[:len(path)-1] {
			part = unescape(part)
			next, ok := node[part].(map[string]interface{})
			if !ok {
				next = map[string]interface{}{}
				node[part] = next
			}
			node = next
		}
		node[unescape(path[len(path)-1])] = typed
	}
	return nil
}

// typedValue is helm's strvals typing: true, false, null and integers without a leading zero are typed.
func typedValue(value string, asString bool) interface{} {
	if asString {
		return value
	}
	switch {
	case strings.EqualFold(value, "true"):
		return true
	case strings.EqualFold(value, "false"):
		return false
	case strings.EqualFold(value, "null"):
		return nil
	case value == "0":
		return int64(0)
	}
	if value != "" && value[0] != '0' {
		if i, err := strconv.ParseInt(value, 10, 64); err == nil {
			return i
		}
	}
	return value
}

// splitUnescaped splits on sep where it is not escaped with a backslash (and, with braces, not inside {...}); the
// escapes stay in the parts for unescape.
func splitUnescaped(s string, sep byte, braces bool) []string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == '\\':
			i++
		case braces && s[i] == '{':
			depth++
		case braces && s[i] == '}':
			depth--
		case s[i] == sep && depth == 0:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

func cutUnescaped(s string, sep byte) (string, string, bool) {
	parts := splitUnescaped(s, sep, false)
	if len(parts) < 2 {
		return s, "", false
	}
	return parts[0], s[len(parts[0])+1:], true
}

func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
