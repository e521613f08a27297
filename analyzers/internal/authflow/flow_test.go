package authflow_test

import (
	"os"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/legacygrant"
	"github.com/oauthvet/oauthvet/analyzers/oauthstate"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
)

// TestSharedFlow runs the three checks that share one *Flow per package together, as the
// drivers do, in parallel: under -race it finds unguarded writes to the Flow's caches.
func TestSharedFlow(t *testing.T) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Dir: fixtures.Dir(t), Env: append(os.Environ(), "GOPROXY=off", "GOWORK=off")}
	pkgs, err := packages.Load(cfg, "./pkce/a", "./oauthstate/callback", "./legacygrant/a")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{pkce.Analyzer, oauthstate.Analyzer, legacygrant.Analyzer}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for act := range graph.All() {
		if act.Err != nil {
			t.Errorf("%v: %v", act, act.Err)
		}
		if act.IsRoot {
			n += len(act.Diagnostics)
		}
	}
	if n == 0 {
		t.Error("no diagnostics: the fixtures were not analyzed")
	}
}
