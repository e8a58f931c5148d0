// Command helm-template renders a Helm 3 chart the way `helm template` does, for machines without a helm binary.
//
// Usage:
//
//	helm-template [flags] NAME CHART
//
//	--namespace NS        .Release.Namespace (default "default")
//	-f, --values FILE     a values file merged over the chart's values.yaml; repeatable, later files win
//	--set KEY=VALUE       a value, typed like helm's (true/false/null/integers); repeatable, comma-separated
//	--set-string KEY=VAL  a value that stays a string
//	--include-crds        emit the chart's crds/ first, as `helm template --include-crds` does
//	--kube-version V      .Capabilities.KubeVersion (default v1.20.0)
//	-s, --show-only PATH  only the manifests of this template (templates/x.yaml); repeatable
//
// It implements what the networkmachinery chart uses and fails loudly on the rest: no subcharts, no .Files, no
// values.schema.json validation, no hooks, no `lookup` against a cluster (it returns an empty map, as in helm template).
package main

import (
	"fmt"
	"os"
	"strings"
)

type options struct {
	release     string
	chartDir    string
	namespace   string
	valueFiles  []string
	sets        []string
	setStrings  []string
	includeCrds bool
	kubeVersion string
	showOnly    []string
}

func main() {
	opts, err := parseArgs(os.Args[1:])
	if err != nil {
		fmt.Fprintf(os.Stderr, "helm-template: %v\n", err)
		os.Exit(2)
	}
	out, err := render(opts)
	if err != nil {
		fmt.Fprintf(os.Stderr, "helm-template: %v\n", err)
		os.Exit(1)
	}
	os.Stdout.WriteString(out)
}

// parseArgs reads flags anywhere on the line, as helm's cobra does, in both --flag value and --flag=value forms.
func parseArgs(args []string) (options, error) {
	opts := options{namespace: "default", kubeVersion: "v1.20.0"}
	var positional []string
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if !strings.HasPrefix(arg, "-") || arg == "-" {
			positional = append(positional, arg)
			continue
		}
		name, value, inline := strings.Cut(arg, "=")
		if name == "--include-crds" {
			opts.includeCrds = true
			continue
		}
		if !inline {
			if i+1 >= len(args) {
				return opts, fmt.Errorf("%s needs a value", name)
			}
			i++
			value = args[i]
		}
		switch name {
		case "--namespace", "-n":
			opts.namespace = value
		case "--values", "-f":
			opts.valueFiles = append(opts.valueFiles, value)
		case "--set":
			opts.sets = append(opts.sets, value)
		case "--set-string":
			opts.setStrings = append(opts.setStrings, value)
		case "--show-only", "-s":
			opts.showOnly = append(opts.showOnly, value)
		case "--kube-version":
			opts.kubeVersion = value
		default:
			return opts, fmt.Errorf("unknown flag %s", name)
		}
	}
	if len(positional) != 2 {
		return opts, fmt.Errorf("usage: helm-template [flags] NAME CHART (got %d arguments)", len(positional))
	}
	opts.release, opts.chartDir = positional[0], positional[1]
	return opts, nil
}
