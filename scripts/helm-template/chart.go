package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"gopkg.in/yaml.v2"
)

// Metadata is Chart.yaml, exposed to templates as .Chart with helm's field names (.Chart.Name, .Chart.AppVersion).
type Metadata struct {
	APIVersion   string            `yaml:"apiVersion"`
	Name         string            `yaml:"name"`
	Version      string            `yaml:"version"`
	KubeVersion  string            `yaml:"kubeVersion"`
	Description  string            `yaml:"description"`
	Type         string            `yaml:"type"`
	Keywords     []string          `yaml:"keywords"`
	Home         string            `yaml:"home"`
	Sources      []string          `yaml:"sources"`
	Icon         string            `yaml:"icon"`
	AppVersion   string            `yaml:"appVersion"`
	Deprecated   bool              `yaml:"deprecated"`
	Annotations  map[string]string `yaml:"annotations"`
	Dependencies []interface{}     `yaml:"dependencies"`
}

// chartFile is one file of the chart, named as helm names it: CHARTNAME/templates/x.yaml.
type chartFile struct {
	name string
	data string
}

type chart struct {
	metadata  Metadata
	values    map[string]interface{}
	templates []chartFile
	crds      []chartFile
}

func loadChart(dir string) (*chart, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "Chart.yaml"))
	if err != nil {
		return nil, err
	}
	c := &chart{}
	if err := yaml.UnmarshalStrict(raw, &c.metadata); err != nil {
		return nil, fmt.Errorf("Chart.yaml: %v", err)
	}
	if c.metadata.APIVersion != "v2" || c.metadata.Name == "" || c.metadata.Version == "" {
		return nil, fmt.Errorf("Chart.yaml: apiVersion v2, name and version are required")
	}
	if len(c.metadata.Dependencies) > 0 {
		return nil, fmt.Errorf("Chart.yaml: dependencies (subcharts) are not supported")
	}
	if c.values, err = readValuesFile(filepath.Join(dir, "values.yaml")); err != nil {
		return nil, err
	}
	if c.templates, err = readTree(dir, "templates", c.metadata.Name); err != nil {
		return nil, err
	}
	if c.crds, err = readTree(dir, "crds", c.metadata.Name); err != nil {
		return nil, err
	}
	return c, nil
}

// readTree reads every file under dir/sub, sorted by name; a missing folder is empty.
func readTree(dir, sub, chartName string) ([]chartFile, error) {
	var files []chartFile
	root := filepath.Join(dir, sub)
	if _, err := os.Stat(root); os.IsNotExist(err) {
		return nil, nil
	}
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		files = append(files, chartFile{name: chartName + "/" + filepath.ToSlash(rel), data: string(data)})
		return nil
	})
	sort.Slice(files, func(i, j int) bool { return files[i].name < files[j].name })
	return files, err
}

// isPartial says whether a template file only defines named templates (helm renders no output for it).
func isPartial(name string) bool {
	return strings.HasPrefix(filepath.Base(name), "_")
}

// isManifest says whether a CRD file is applied: helm takes .yaml, .yml and .json from crds/.
func isManifest(name string) bool {
	ext := filepath.Ext(name)
	return ext == ".yaml" || ext == ".yml" || ext == ".json"
}
