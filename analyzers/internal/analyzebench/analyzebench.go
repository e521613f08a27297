// Package analyzebench benchmarks one analyzer over a fixed set of real packages (x/oauth2,
// mcp-go and the MCP go-sdk, from the testdata module), so that a developer can compare a
// check before and after a change with benchstat:
//
//	go test ./analyzers/hardcodedsecret -run '^$' -bench . -count 10 > old.txt
package analyzebench

import (
	"os"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

// Packages is the fixed package set.
var Packages = []string{
	"golang.org/x/oauth2/...",
	"github.com/mark3labs/mcp-go/...",
	"github.com/modelcontextprotocol/go-sdk/...",
}

var (
	loadOnce sync.Once
	loaded   []*packages.Package
	loadErr  error
)

// load loads Packages from the testdata module once per test binary.
func load(dir string) ([]*packages.Package, error) {
	loadOnce.Do(func() {
		cfg := &packages.Config{
			Mode: packages.LoadAllSyntax | packages.NeedModule,
			Dir:  dir,
			Env:  append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off"),
		}
		loaded, loadErr = packages.Load(cfg, Packages...)
	})
	return loaded, loadErr
}

// Run measures analyzer a (with everything it requires) over Packages. Loading and type
// checking happen once, outside the measured loop.
func Run(b *testing.B, a *analysis.Analyzer) {
	pkgs, err := load(fixtures.Dir(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil); err != nil {
			b.Fatal(err)
		}
	}
}
