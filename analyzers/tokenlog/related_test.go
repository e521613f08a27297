package tokenlog_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
	"github.com/oauthvet/oauthvet/analyzers/tokenlog"
)

// A finding points back to where the credential was read when that is the one source of
// its kind in the function (signedauth.go), and to nothing when several are (envcred.go's
// Start reads four environment variables named like credentials).
func TestRelatedSource(t *testing.T) {
	related := map[int]int{} // finding line → related line (0: none)
	for _, r := range analysistest.Run(t, fixtures.Dir(t), tokenlog.Analyzer, "./tokenlog/signedauth", "./tokenlog/envcred") {
		for _, d := range r.Diagnostics {
			line := r.Pass.Fset.Position(d.Pos).Line
			related[line] = 0
			if len(d.Related) == 1 {
				related[line] = r.Pass.Fset.Position(d.Related[0].Pos).Line
				if d.Related[0].Message != "the Authorization header is read here" {
					t.Errorf("line %d: related message %q", line, d.Related[0].Message)
				}
			}
		}
	}
	want := map[int]int{19: 15, 35: 33, 39: 33, 27: 0, 29: 0, 31: 0, 34: 0}
	for line, w := range want {
		if got, ok := related[line]; !ok || got != w {
			t.Errorf("finding on line %d: related line %d (found: %v), want %d", line, got, ok, w)
		}
	}
}
