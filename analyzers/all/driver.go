package all

import (
	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/suppress"
)

// What a driver outside analyzers/ (internal/driver) needs of the config and suppression
// packages, which Go's internal rule keeps from it. The command-line handling itself lives
// in the driver.

// ConfigFileName is the name of a project's config file.
const ConfigFileName = config.FileName

// SuppressedFlag is the config analyzer's flag that makes the checks report findings
// silenced by //oauthvet:ignore, marked (see Suppression), instead of dropping them.
const SuppressedFlag = "suppressed"

// Output is the [output] table of a config: the findings a standalone run reports.
type Output struct {
	Severity Severity // that level and above; "" for all
	Tier     Tier     // High for high-tier sub-rules only; "" or Medium for all
}

// LoadConfig loads and validates the config a package in dir would use (the file explicit
// names, resolved against the module root, or the nearest oauthvet.toml) and returns its
// [output] table.
func LoadConfig(explicit, dir string) (Output, error) {
	r, err := config.Load(explicit, dir)
	if err != nil {
		return Output{}, err
	}
	return Output{Severity: Severity(r.Output.Severity), Tier: Tier(r.Output.Tier)}, nil
}

// ModuleRoot returns the nearest directory at or above dir that holds a go.mod, or "".
func ModuleRoot(dir string) string { return config.ModuleRoot(dir) }

// FindConfig returns the oauthvet.toml nearest to dir up to its module root, or "".
func FindConfig(dir string) string { return config.Find(dir) }

// UnitFlag is the config analyzer's flag (-oauthvet.UnitFlag) by which the driver tells
// the checks that go vet runs this process on one package: "vet", or "facts" when only
// its facts are used (go vet discards the diagnostics of such a run). Not for users.
const UnitFlag = config.UnitFlag

// Suppression reports whether d is a finding silenced by //oauthvet:ignore (reported only
// with -oauthvet.suppressed), and returns the directive's reason and d without its mark.
func Suppression(d analysis.Diagnostic) (reason string, unmarked analysis.Diagnostic, ok bool) {
	return suppress.Suppression(d)
}
