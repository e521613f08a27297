package broadscope

import (
	"slices"
	"strings"
	"sync"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// policy is the [scopes] table compiled for lookup. It is built once per loaded config.
type policy struct {
	minRank   int
	endpoints map[string]string // "package/path.Name" of an endpoint var or func -> provider
	hosts     []providerHost
	prefixes  []providerPrefix
	rules     map[string][]*config.ScopeRule // by scope string
}

type providerHost struct {
	host, provider string
	suffix         bool // "*.example.com": any subdomain
}

type providerPrefix struct {
	prefix, provider string
}

var policies sync.Map // *config.Rules -> *policy

func policyFor(r *config.Rules) *policy {
	if p, ok := policies.Load(r); ok {
		return p.(*policy)
	}
	p := compile(&r.Scopes)
	policies.Store(r, p)
	return p
}

func compile(s *config.ScopesSchema) *policy {
	p := &policy{
		minRank:   config.SeverityRank("low"),
		endpoints: map[string]string{},
		rules:     map[string][]*config.ScopeRule{},
	}
	if s.MinSeverity != "" {
		p.minRank = config.SeverityRank(s.MinSeverity)
	}
	for _, pr := range s.Provider {
		for _, e := range pr.Endpoints {
			p.endpoints[e] = pr.Name
		}
		for _, h := range pr.Hosts {
			h = strings.ToLower(h)
			if rest, ok := strings.CutPrefix(h, "*."); ok {
				p.hosts = append(p.hosts, providerHost{rest, pr.Name, true})
			} else {
				p.hosts = append(p.hosts, providerHost{h, pr.Name, false})
			}
		}
		for _, pre := range pr.ScopePrefixes {
			p.prefixes = append(p.prefixes, providerPrefix{pre, pr.Name})
		}
	}
	for i := range s.Rule {
		r := &s.Rule[i]
		if r.IsEnabled() {
			p.rules[r.Scope] = append(p.rules[r.Scope], r)
		}
	}
	return p
}

// match returns the most severe rule that judges scope in the request, or nil.
func (p *policy) match(scope string, req request) *config.ScopeRule {
	var best *config.ScopeRule
	consider := func(r *config.ScopeRule, namedByScope bool) {
		switch {
		case r.Provider == config.GenericProvider:
			// A bare url.Values "scope" parameter may belong to any REST API
			// (GitLab's ?scope=all lists issues): wildcards need an OAuth request.
			if req.flow == "" {
				return
			}
		case r.Provider == req.provider, namedByScope:
		case req.provider == "" && r.IsUnambiguous():
		default:
			return
		}
		if len(r.Flows) > 0 && !slices.Contains(r.Flows, req.flow) && !(req.delegated && slices.Contains(r.Flows, catalogue.UserFlow)) {
			return
		}
		if rank := severityRank(r); rank < p.minRank || best != nil && rank <= severityRank(best) {
			return
		}
		best = r
	}
	for _, r := range p.rules[scope] {
		consider(r, p.namesProvider(scope, r.Provider))
	}
	// A prefixed form ("https://graph.microsoft.com/Mail.ReadWrite") is the provider's
	// scope of the same name.
	for _, pre := range p.prefixes {
		if rest, ok := strings.CutPrefix(scope, pre.prefix); ok && rest != "" {
			for _, r := range p.rules[rest] {
				if r.Provider == pre.provider {
					consider(r, true)
				}
			}
		}
	}
	return best
}

// knows reports whether some rule judges scope, for some provider.
func (p *policy) knows(scope string) bool {
	if len(p.rules[scope]) > 0 {
		return true
	}
	for _, pre := range p.prefixes {
		if rest, ok := strings.CutPrefix(scope, pre.prefix); ok && len(p.rules[rest]) > 0 {
			return true
		}
	}
	return false
}

// namesProvider reports whether scope carries one of provider's scope prefixes.
func (p *policy) namesProvider(scope, provider string) bool {
	for _, pre := range p.prefixes {
		if pre.provider == provider && strings.HasPrefix(scope, pre.prefix) {
			return true
		}
	}
	return false
}

// severityRank ranks a rule's severity; a project's rule without one is "medium".
func severityRank(r *config.ScopeRule) int {
	if r.Severity == "" {
		return config.SeverityRank("medium")
	}
	return config.SeverityRank(r.Severity)
}
