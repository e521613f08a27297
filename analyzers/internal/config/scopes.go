package config

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// ScopesSchema is the scope policy used by broadscope.
type ScopesSchema struct {
	Rule  []ScopeRule  `toml:"rule"`
	Allow []ScopeAllow `toml:"allow"`
}

// ScopeRule describes one over-broad scope of one provider.
type ScopeRule struct {
	Provider     string   `toml:"provider"`
	Scope        string   `toml:"scope"`
	Severity     string   `toml:"severity"` // "high", "medium", "low"
	Grants       string   `toml:"grants"`
	Alternatives []string `toml:"alternatives"`
	Source       string   `toml:"source"`
	Enabled      *bool    `toml:"enabled"`
}

// ScopeAllow accepts a scope for the whole module or for path patterns, with a reason.
type ScopeAllow struct {
	Provider string `toml:"provider"`
	Scope    string `toml:"scope"`
	Paths    []Glob `toml:"paths"`
	Reason   string `toml:"reason"`
}

// mergeScopes merges a user's [scopes] over the defaults: a rule for the same provider and
// scope replaces the default one; allows are appended.
func mergeScopes(dst, src *ScopesSchema) {
	dst.Rule = mergeNamed(dst.Rule, src.Rule, func(r ScopeRule) string { return r.Provider + "\x00" + r.Scope })
	dst.Allow = append(dst.Allow, src.Allow...)
}

func validateScopes(s *ScopesSchema, bad badFunc) error {
	for i, r := range s.Rule {
		switch r.Severity {
		case "high", "medium", "low":
		default:
			return bad(toml.Key{"scopes", "rule", "severity"}, i, "scope %q: severity must be high, medium or low, not %q", r.Scope, r.Severity)
		}
		if r.Provider == "" || r.Scope == "" {
			return bad(toml.Key{"scopes", "rule", "scope"}, i, "[[scopes.rule]] needs a provider and a scope")
		}
	}
	for i, a := range s.Allow {
		if a.Scope == "" {
			return bad(toml.Key{"scopes", "allow", "scope"}, i, "[[scopes.allow]] needs a scope")
		}
		if strings.TrimSpace(a.Reason) == "" {
			return bad(toml.Key{"scopes", "allow", "reason"}, i, "[[scopes.allow]] for %q needs a reason", a.Scope)
		}
	}
	return nil
}
