package config

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// The mode of this process, set once by the binary before any analysis.
var vetUnit, factsOnly bool

// SetVetUnit records that go vet runs this process on one package (a .cfg argument), and
// whether only for the facts its importers need (VetxOnly: go vet discards the
// diagnostics of such a run).
func SetVetUnit(vetxOnly bool) { vetUnit, factsOnly = true, vetxOnly }

// VetUnit reports whether go vet runs this process on a single package. go vet analyses a
// package with in-package tests only as its test variant; the standalone driver analyses
// both variants.
func VetUnit() bool { return vetUnit }

// FactsOnly reports whether this process analyses a package only for its facts.
func FactsOnly() bool { return factsOnly }

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
