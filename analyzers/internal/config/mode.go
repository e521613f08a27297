package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// UnitFlag is the config analyzer's flag (-oauthvet.unit) by which a driver says how go vet
// runs this process: "vet" on one package, "facts" on one package only for the facts its
// importers need (VetxOnly: go vet discards that run's diagnostics). A standalone run
// leaves it empty. The checks read it through their Pass (Rules.VetUnit, Rules.FactsOnly),
// and a test sets it like any analyzer flag. Not for users: -flags does not list it.
const UnitFlag = "unit"

var unit string

func init() {
	Analyzer.Flags.StringVar(&unit, UnitFlag, "", `set by the driver under go vet: "vet" (one package per process) or "facts" (only its facts are used)`)
}

// IsStd reports whether the analysed package belongs to the standard library: its import
// path has no dot in its first element and its files are in a Go installation's src
// directory. A module named without a dot ("myapp") is no standard library.
func IsStd(pass *analysis.Pass) bool {
	path := pass.Pkg.Path()
	if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
		return false
	}
	named := false
	for _, f := range pass.Files {
		if name := pass.Fset.File(f.Pos()).Name(); name != "" {
			if inGoRoot(filepath.Dir(name), path) {
				return true // (cgo's generated files are elsewhere)
			}
			named = true
		}
	}
	return !named // no files: nothing to analyse either way
}

// inGoRoot reports whether dir, the directory of the package path, is GOROOT/src/path of
// a Go installation: the runtime's GOROOT, $GOROOT, or any directory whose src holds the
// runtime package (a toolchain other than the one that built oauthvet).
func inGoRoot(dir, path string) bool {
	dir = filepath.ToSlash(dir)
	src, ok := strings.CutSuffix(dir, "/"+path)
	if !ok || !strings.HasSuffix(src, "/src") {
		return false
	}
	root := strings.TrimSuffix(src, "/src")
	for _, r := range []string{runtime.GOROOT(), os.Getenv("GOROOT")} {
		if r != "" && filepath.ToSlash(filepath.Clean(r)) == root {
			return true
		}
	}
	return goInstallation(root)
}

// goInstallation reports whether root holds a Go installation (src/runtime/runtime.go and
// a VERSION file or go.env), memoized per root.
var goInstallation = func() func(string) bool {
	var mu sync.Mutex
	seen := map[string]bool{}
	return func(root string) bool {
		mu.Lock()
		defer mu.Unlock()
		if v, ok := seen[root]; ok {
			return v
		}
		_, err1 := os.Stat(filepath.Join(root, "src", "runtime", "runtime.go"))
		_, err2 := os.Stat(filepath.Join(root, "src", "cmd", "go"))
		v := err1 == nil && err2 == nil
		seen[root] = v
		return v
	}
}()
