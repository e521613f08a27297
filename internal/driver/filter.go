package driver

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// filter is what a run reports and how: the format, the lowest severity, the tier, and the
// fingerprints of a baseline.
type filter struct {
	format   string // text, json or sarif
	severity all.Severity
	tier     all.Tier
	baseline map[string]bool // nil: no baseline
}

// newFilter reads the output flags; the [output] table of oauthvet.toml gives -severity
// and -tier their defaults.
func newFilter(s *settings, out all.Output) (*filter, error) {
	f := &filter{format: s.format, severity: out.Severity, tier: out.Tier}
	if s.json {
		if f.format != "text" && f.format != "json" {
			return nil, fmt.Errorf("-json conflicts with -format=%s", f.format)
		}
		f.format = "json"
	}
	switch f.format {
	case "text", "json", "sarif":
	default:
		return nil, fmt.Errorf("unknown -format=%s (use text, json or sarif)", f.format)
	}
	if s.severity != "" {
		f.severity = all.Severity(s.severity)
	}
	if f.severity != "" && f.severity.Rank() == 0 {
		return nil, fmt.Errorf("unknown -severity=%s (use error, warning or note)", f.severity)
	}
	if s.tier != "" {
		f.tier = all.Tier(s.tier)
	}
	if f.tier != "" && f.tier != all.High && f.tier != all.Medium {
		return nil, fmt.Errorf("unknown -tier=%s (use high or medium)", f.tier)
	}
	if s.baseline != "" {
		b, err := readBaseline(s.baseline)
		if err != nil {
			return nil, err
		}
		f.baseline = b
	}
	return f, nil
}

// apply hides the findings the filter leaves out.
func (f *filter) apply(res *Results) error {
	for _, x := range res.Findings {
		x.Hidden = f.severity != "" && x.Rule.Severity.Rank() < f.severity.Rank() ||
			f.tier == all.High && x.Rule.Tier != all.High ||
			f.baseline[x.Fingerprint]
	}
	return nil
}

// readBaseline returns the oauthvet fingerprints of the results of a SARIF file.
func readBaseline(name string) (map[string]bool, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("reading -baseline: %v", err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				PartialFingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil || log.Version == "" {
		return nil, fmt.Errorf("-baseline=%s is not a SARIF file (write one with -format=sarif): %v", name, err)
	}
	out := map[string]bool{}
	for _, run := range log.Runs {
		for _, r := range run.Results {
			if fp := r.PartialFingerprints[fingerprintVersion]; fp != "" {
				out[fp] = true
			}
		}
	}
	return out, nil
}
