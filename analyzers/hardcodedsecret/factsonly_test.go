package hardcodedsecret_test

import (
	"fmt"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/fixtures"
)

// Under go vet, a package analysed only for its importers' facts (-oauthvet.unit=facts, set
// by the driver from the unit's VetxOnly) reports nothing, as go vet would discard it; the
// same package analysed as a vet unit of its own reports what the standalone run does.
// (Not parallel: the flag belongs to the analyzer.)
func TestUnitFlag(t *testing.T) {
	count := func(mode string) int {
		t.Helper()
		if err := config.Analyzer.Flags.Set(config.UnitFlag, mode); err != nil {
			t.Fatal(err)
		}
		defer config.Analyzer.Flags.Set(config.UnitFlag, "")
		n := 0
		rec := &recorder{}
		for _, r := range analysistest.Run(rec, fixtures.Dir(t), hardcodedsecret.Analyzer, "./hardcodedsecret/a") {
			n += len(r.Diagnostics)
		}
		return n
	}
	standalone, vet, facts := count(""), count("vet"), count("facts")
	if standalone == 0 || vet != standalone {
		t.Errorf("%d findings standalone, %d as a vet unit: want the same, and some", standalone, vet)
	}
	if facts != 0 {
		t.Errorf("%d findings in a facts-only run, want 0", facts)
	}
}

// recorder takes analysistest's complaints (a facts-only run leaves every want unmet).
type recorder struct{ errs []string }

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
