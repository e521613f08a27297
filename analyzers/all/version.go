package all

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// VersionFlag implements -V=full for go vet. go vet caches each package's result under the
// tool's ID, so the ID covers the executable and every oauthvet.toml of the module the go
// command runs in: editing a config re-runs the analysis. It also validates that config, so
// that a broken file is reported once, before any package is analysed.
type VersionFlag struct{}

func (VersionFlag) IsBoolFlag() bool { return true }
func (VersionFlag) String() string   { return "" }
func (VersionFlag) Get() any         { return nil }

func (VersionFlag) Set(s string) error {
	if s != "full" && s != "true" {
		return fmt.Errorf("unsupported flag value: -V=%s (use -V=full)", s)
	}
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	h := sha256.New()
	if err := hashFile(h, exe); err != nil {
		return err
	}
	cwd, _ := os.Getwd()
	configs, err := ModuleConfigs(cwd)
	if err != nil {
		return err
	}
	for _, c := range configs {
		fmt.Fprintf(h, "\x00%s\x00", c)
		if err := hashFile(h, c); err != nil {
			return err
		}
		if _, err := config.Load(c, filepath.Dir(c)); err != nil {
			fmt.Fprintf(os.Stderr, "oauthvet: %v\n", err)
			os.Exit(1)
		}
	}
	fmt.Printf("%s version devel buildID=%02x\n", filepath.Base(os.Args[0]), h.Sum(nil))
	os.Exit(0)
	return nil
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

// ModuleConfigs returns every oauthvet.toml that can apply to the module holding dir: those
// in dir and above it up to the module root, and those below the root (skipping vendor,
// testdata, hidden directories and nested modules), sorted.
func ModuleConfigs(dir string) ([]string, error) {
	root := config.ModuleRoot(dir)
	if root == "" {
		if p := config.Find(dir); p != "" {
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
			name := d.Name()
			if path != root && (strings.HasPrefix(name, ".") || name == "vendor" || name == "testdata" || name == "node_modules") {
				return filepath.SkipDir
			}
			if path != root {
				if _, err := os.Stat(filepath.Join(path, "go.mod")); err == nil {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if d.Name() == config.FileName {
			out = append(out, path)
		}
		return nil
	})
	return out, err
}

// PreflightConfig validates, before any package is loaded, the config a standalone run will
// use (the -oauthvet.config file, or the oauthvet.toml files of the module in the current
// directory), so that a broken config is reported once and the run fails with exit 1.
// Under go vet (a .cfg argument) the -V=full step does this instead.
func PreflightConfig() {
	args := os.Args[1:]
	explicit := ""
	for i, a := range args {
		switch {
		case strings.HasSuffix(a, ".cfg") || a == "-flags" || a == "help":
			return
		case a == "-oauthvet.config" || a == "--oauthvet.config":
			if i+1 < len(args) {
				explicit = args[i+1]
			}
		case strings.HasPrefix(a, "-oauthvet.config=") || strings.HasPrefix(a, "--oauthvet.config="):
			_, explicit, _ = strings.Cut(a, "=")
		}
	}
	cwd, _ := os.Getwd()
	paths := []string{explicit}
	if explicit == "" {
		paths, _ = ModuleConfigs(cwd)
	}
	for _, p := range paths {
		if _, err := config.Load(p, cwd); err != nil {
			fmt.Fprintf(os.Stderr, "oauthvet: %v\n", err)
			os.Exit(1)
		}
	}
}

// DetectVetUnit tells the checks when go vet runs the tool on one package (a .cfg argument), and
// whether only for its facts (the VetxOnly field of the .cfg file): go vet discards that
// run's diagnostics, so checks without facts skip it and the others compute only facts.
func DetectVetUnit() {
	if len(os.Args) < 2 || !strings.HasSuffix(os.Args[len(os.Args)-1], ".cfg") {
		return
	}
	data, err := os.ReadFile(os.Args[len(os.Args)-1])
	if err != nil {
		return // unitchecker reports it
	}
	var unit struct{ VetxOnly bool }
	if json.Unmarshal(data, &unit) == nil {
		config.SetVetUnit(unit.VetxOnly)
	}
}
