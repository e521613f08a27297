package driver

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// versionFlag implements -V=full for go vet. go vet caches each package's result under the
// tool's ID, so the ID covers the executable and every oauthvet.toml of the module the go
// command runs in: editing a config re-runs the analysis. It also validates that config, so
// that a broken file is reported once, before any package is analysed.
type versionFlag struct{}

func (versionFlag) IsBoolFlag() bool { return true }
func (versionFlag) String() string   { return "" }
func (versionFlag) Get() any         { return nil }

func (versionFlag) Set(s string) error {
	if s != "full" && s != "true" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	id, err := toolID()
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: %v\n", progname(), err)
		os.Exit(1)
	}
	fmt.Printf("%s version devel buildID=%s\n", progname(), id)
	os.Exit(0)
	return nil
}

// toolID hashes the executable and the module's configs, validating each config.
func toolID() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return "", err
	}
	cwd, _ := os.Getwd()
	configs, err := moduleConfigs(cwd)
	if err != nil {
		return "", err
	}
	for _, c := range configs {
		fmt.Fprintf(h, "\x00%s\x00", c)
		if err := hashFile(h, c); err != nil {
			return "", err
		}
		if _, err := all.LoadConfig(c, filepath.Dir(c)); err != nil {
			return "", err
		}
	}
	return fmt.Sprintf("%02x", h.Sum(nil)), nil
}

func hashFile(w io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.Copy(w, f)
	return err
}

// moduleConfigs returns every oauthvet.toml that can apply to the module holding dir: those
// in dir and above it up to the module root, and those below the root (skipping vendor,
// testdata, hidden directories and nested modules), sorted.
func moduleConfigs(dir string) ([]string, error) {
	root := all.ModuleRoot(dir)
	if root == "" {
		if p := all.FindConfig(dir); p != "" {
			return []string{p}, nil
		}
		return nil, nil
	}
	var out []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // unreadable directories cannot hold a config we would read either
		}
		if d.IsDir() {
			if path == root {
				return nil
			}
			name := d.Name()
			if strings.HasPrefix(name, ".") || name == "vendor" || name == "testdata" || name == "node_modules" {
				return filepath.SkipDir
			}
			if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Name() == all.ConfigFileName {
			out = append(out, path)
		}
		return nil
	})
	return out, err
}

// absConfig makes a relative -oauthvet.config absolute, against the module root of the
// current directory (where preflight read it): the config analyzer would otherwise resolve
// it against the module of each package it analyses, the standard library's included.
func absConfig(flags *flag.FlagSet) error {
	f := flags.Lookup("config")
	p := f.Value.String()
	if p == "" || filepath.IsAbs(p) {
		return nil
	}
	cwd, _ := os.Getwd()
	root := all.ModuleRoot(cwd)
	if root == "" {
		root = cwd
	}
	return f.Value.Set(filepath.Join(root, p))
}

// preflight validates, before any package is loaded, the config a standalone run will use
// (the -oauthvet.config file, or the oauthvet.toml files of the module in the current
// directory), so that a broken config is reported once and the run fails. It returns the
// [output] table of the config that applies in the current directory.
func preflight(explicit string) (all.Output, error) {
	cwd, _ := os.Getwd()
	paths := []string{explicit}
	if explicit == "" {
		paths, _ = moduleConfigs(cwd)
	}
	for _, p := range paths {
		if _, err := all.LoadConfig(p, cwd); err != nil {
			return all.Output{}, err
		}
	}
	return all.LoadConfig(explicit, cwd)
}

// vetUnit reports whether go vet runs the tool on one package (the last argument is a .cfg
// file), and tells the checks, with whether the run is for facts only (the VetxOnly field
// of the .cfg file): go vet discards that run's diagnostics, so checks without facts skip
// it and the others compute only facts.
func vetUnit(args []string, analyzers []*analysis.Analyzer) bool {
	if len(args) == 0 || !strings.HasSuffix(args[len(args)-1], ".cfg") {
		return false
	}
	var unit struct{ VetxOnly bool }
	if data, err := os.ReadFile(args[len(args)-1]); err == nil && json.Unmarshal(data, &unit) == nil {
		mode := "vet"
		if unit.VetxOnly {
			mode = "facts"
		}
		configAnalyzerFlags(analyzers).Set(all.UnitFlag, mode)
	} // else unitchecker reports the error
	return true
}

func progname() string { return filepath.Base(os.Args[0]) }
