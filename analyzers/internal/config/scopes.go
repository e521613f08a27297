package config

import (
	"path/filepath"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// ScopesSchema is the scope policy used by broadscope: the providers it can recognise, the
// over-broad scopes of each, and the scopes a project accepts.
type ScopesSchema struct {
	// MinSeverity is the lowest severity reported: "info", "low" (the default), "medium",
	// "high" or "critical".
	MinSeverity string          `toml:"min_severity"`
	Provider    []ScopeProvider `toml:"provider"`
	Rule        []ScopeRule     `toml:"rule"`
	Allow       []ScopeAllow    `toml:"allow"`
}

// ScopeProvider says how a flow's provider is recognised: by the oauth2.Endpoint values of
// golang.org/x/oauth2 and its subpackages, by the host of an endpoint URL, or by a prefix
// that the provider's scope strings may carry.
type ScopeProvider struct {
	Name string `toml:"name"`
	// Endpoints are package-level variables of type oauth2.Endpoint, or functions that
	// return one, as "package/path.Name": "golang.org/x/oauth2/google.Endpoint".
	Endpoints []string `toml:"endpoints"`
	// Hosts of the authorization and token endpoints; "*.example.com" matches subdomains.
	Hosts []string `toml:"hosts"`
	// ScopePrefixes name the provider wherever a scope starts with one of them; the rest
	// of the scope is matched too ("https://graph.microsoft.com/Mail.ReadWrite" is
	// Microsoft's "Mail.ReadWrite").
	ScopePrefixes []string `toml:"scope_prefixes"`
}

// ScopeRule describes one over-broad scope of one provider. Provider "generic" applies in
// every flow.
type ScopeRule struct {
	Provider     string   `toml:"provider"`
	Scope        string   `toml:"scope"`
	Severity     string   `toml:"severity"` // see Severities
	Grants       string   `toml:"grants"`
	Alternatives []string `toml:"alternatives"` // narrower scopes to request instead
	Advice       string   `toml:"advice"`       // what to do where no narrower scope exists
	Source       string   `toml:"source"`
	// Flows limits the rule to "user" flows (a person consents: authorization code,
	// device code, hand-built authorization URLs) or "service" flows (client
	// credentials, service accounts, application default credentials). Empty: any flow.
	Flows []string `toml:"flows"`
	// Unambiguous marks a scope string that names this provider's scope even where the
	// flow's provider is unknown ("admin:org" is GitHub's; "repo" could be anyone's).
	Unambiguous *bool `toml:"unambiguous"`
	Enabled     *bool `toml:"enabled"`
}

// IsEnabled reports whether the rule is on (the default).
func (r *ScopeRule) IsEnabled() bool { return r.Enabled == nil || *r.Enabled }

// IsUnambiguous reports whether the rule applies where the provider is unknown.
func (r *ScopeRule) IsUnambiguous() bool { return r.Unambiguous != nil && *r.Unambiguous }

// ScopeAllow accepts a scope for the whole module or for path patterns, with a reason.
type ScopeAllow struct {
	Provider string `toml:"provider"` // optional: only this provider's scope
	Scope    string `toml:"scope"`
	Paths    []Glob `toml:"paths"` // relative to the config file's directory; empty: everywhere
	Reason   string `toml:"reason"`
}

// Severities are the scope severities, lowest first.
var Severities = []string{"info", "low", "medium", "high", "critical"}

// SeverityRank returns the index of s in Severities, or -1.
func SeverityRank(s string) int { return slices.Index(Severities, s) }

// GenericProvider is the provider name of rules that apply in every flow.
const GenericProvider = "generic"

// ScopeAllowed reports whether the project's config accepts scope (of provider, "" if
// unknown) in the file at absolute path filename.
func (r *Rules) ScopeAllowed(provider, scope, filename string) bool {
	// Only a project's file declares allows, and a run merges one project file over the
	// defaults: its patterns are relative to that file's directory.
	base := ""
	if n := len(r.Files); n > 0 {
		base = filepath.Dir(r.Files[n-1])
	}
	for _, a := range r.Scopes.Allow {
		if a.Scope != scope || a.Provider != "" && a.Provider != provider {
			continue
		}
		if len(a.Paths) == 0 {
			return true
		}
		rel, err := filepath.Rel(base, filename)
		if base == "" || err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		rel = filepath.ToSlash(rel)
		for _, g := range a.Paths {
			if g.Match(rel) {
				return true
			}
		}
	}
	return false
}

// mergeScopes merges a user's [scopes] over the defaults. A rule for the same provider and
// scope overrides the default field by field (so `severity = "low"` alone lowers it); a
// provider of the same name gains the user's endpoints, hosts and prefixes; allows are
// appended.
func mergeScopes(dst, src *ScopesSchema) {
	if src.MinSeverity != "" {
		dst.MinSeverity = src.MinSeverity
	}
	for _, p := range src.Provider {
		i := slices.IndexFunc(dst.Provider, func(d ScopeProvider) bool { return d.Name == p.Name })
		if i < 0 {
			dst.Provider = append(slices.Clip(dst.Provider), p) // Clip: never extend the defaults' array
			continue
		}
		d := dst.Provider[i] // copy: never write into the defaults' backing arrays
		d.Endpoints = append(slices.Clone(d.Endpoints), p.Endpoints...)
		d.Hosts = append(slices.Clone(d.Hosts), p.Hosts...)
		d.ScopePrefixes = append(slices.Clone(d.ScopePrefixes), p.ScopePrefixes...)
		dst.Provider = slices.Clone(dst.Provider)
		dst.Provider[i] = d
	}
	rules := slices.Clone(dst.Rule)
	for _, s := range src.Rule {
		i := slices.IndexFunc(rules, func(d ScopeRule) bool { return d.Provider == s.Provider && d.Scope == s.Scope })
		if i < 0 {
			rules = append(rules, s)
			continue
		}
		d := &rules[i]
		if s.Severity != "" {
			d.Severity = s.Severity
		}
		if s.Grants != "" {
			d.Grants = s.Grants
		}
		if s.Alternatives != nil {
			d.Alternatives = s.Alternatives
		}
		if s.Advice != "" {
			d.Advice = s.Advice
		}
		if s.Source != "" {
			d.Source = s.Source
		}
		if s.Flows != nil {
			d.Flows = s.Flows
		}
		if s.Unambiguous != nil {
			d.Unambiguous = s.Unambiguous
		}
		if s.Enabled != nil {
			d.Enabled = s.Enabled
		}
	}
	dst.Rule = rules
	dst.Allow = append(slices.Clone(dst.Allow), src.Allow...)
}

// defaultProviders are the provider names declared in the embedded rules.toml, for
// validating a user's file (the embedded file declares its own).
func defaultProviders() []string {
	f, _ := decode(embedded) // memoized; its errors surface in Defaults
	var names []string
	for _, p := range f.Scopes.Provider {
		names = append(names, p.Name)
	}
	return names
}

func validateScopes(s *ScopesSchema, isDefaults bool, bad badFunc) error {
	if s.MinSeverity != "" && SeverityRank(s.MinSeverity) < 0 {
		return bad(toml.Key{"scopes", "min_severity"}, 0, "min_severity must be one of %s, not %q", strings.Join(Severities, ", "), s.MinSeverity)
	}
	known := []string{GenericProvider}
	if !isDefaults {
		known = append(known, defaultProviders()...)
	}
	for i, p := range s.Provider {
		if strings.TrimSpace(p.Name) == "" || p.Name == GenericProvider {
			return bad(toml.Key{"scopes", "provider", "name"}, i, "[[scopes.provider]] needs a name (other than %q)", GenericProvider)
		}
		for _, e := range p.Endpoints {
			if m, err := ParseMember(e); err != nil || m.Type != "" {
				return bad(toml.Key{"scopes", "provider", "endpoints"}, i, "provider %q: endpoint %q is not of the form package/path.Name", p.Name, e)
			}
		}
		for _, h := range p.Hosts {
			if h == "" || strings.ContainsAny(h, "/: ") {
				return bad(toml.Key{"scopes", "provider", "hosts"}, i, "provider %q: %q is not a host name (write \"login.example.com\" or \"*.example.com\")", p.Name, h)
			}
		}
		known = append(known, p.Name)
	}
	providerList := func() string {
		l := slices.Clone(known)
		slices.Sort(l)
		return strings.Join(slices.Compact(l), ", ")
	}
	for i, r := range s.Rule {
		if r.Provider == "" || r.Scope == "" {
			return bad(toml.Key{"scopes", "rule", "scope"}, i, "[[scopes.rule]] needs a provider and a scope")
		}
		if !slices.Contains(known, r.Provider) {
			return bad(toml.Key{"scopes", "rule", "provider"}, i, "scope %q: unknown provider %q (known: %s; declare a new one with [[scopes.provider]])", r.Scope, r.Provider, providerList())
		}
		if r.Severity != "" && SeverityRank(r.Severity) < 0 {
			return bad(toml.Key{"scopes", "rule", "severity"}, i, "scope %q: severity must be one of %s, not %q", r.Scope, strings.Join(Severities, ", "), r.Severity)
		}
		for _, fl := range r.Flows {
			if fl != "user" && fl != "service" {
				return bad(toml.Key{"scopes", "rule", "flows"}, i, "scope %q: unknown flow %q (known: user, service)", r.Scope, fl)
			}
		}
		if r.Source != "" && !strings.HasPrefix(r.Source, "https://") {
			return bad(toml.Key{"scopes", "rule", "source"}, i, "scope %q: source must be an https:// URL of the provider's documentation", r.Scope)
		}
	}
	for i, a := range s.Allow {
		if a.Scope == "" {
			return bad(toml.Key{"scopes", "allow", "scope"}, i, "[[scopes.allow]] needs a scope")
		}
		if a.Provider != "" && !slices.Contains(known, a.Provider) {
			return bad(toml.Key{"scopes", "allow", "provider"}, i, "[[scopes.allow]] for %q: unknown provider %q (known: %s)", a.Scope, a.Provider, providerList())
		}
		if strings.TrimSpace(a.Reason) == "" {
			return bad(toml.Key{"scopes", "allow", "reason"}, i, "[[scopes.allow]] for %q needs a reason", a.Scope)
		}
	}
	return nil
}
