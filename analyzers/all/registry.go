package all

import (
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/broadscope"
	"github.com/oauthvet/oauthvet/analyzers/hardcodedsecret"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/legacygrant"
	"github.com/oauthvet/oauthvet/analyzers/oauthstate"
	"github.com/oauthvet/oauthvet/analyzers/pkce"
	"github.com/oauthvet/oauthvet/analyzers/tokenexpiry"
	"github.com/oauthvet/oauthvet/analyzers/tokeninurl"
	"github.com/oauthvet/oauthvet/analyzers/tokenlog"
	"github.com/oauthvet/oauthvet/analyzers/tokenpassthrough"
)

// Tier is how far a category's findings can be trusted, set from the judged findings on
// real code (bench/wild/triage.tsv): high where precision there is at least 0.90 and the
// rule has no known policy disputes; medium otherwise. CI can block on high alone.
type Tier string

const (
	High   Tier = "high"
	Medium Tier = "medium"
)

// Severity is how much a finding matters, as SARIF levels name it.
type Severity string

const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Note    Severity = "note"
)

// Rank orders severities: note 1, warning 2, error 3; anything else 0.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 3
	case Warning:
		return 2
	case Note:
		return 1
	}
	return 0
}

// Category is a check's sub-rule: the Category of its diagnostics.
type Category struct {
	Name     string
	Tier     Tier
	Severity Severity
	// SecuritySeverity is GitHub code scanning's 0.0–10.0 score, as a string.
	SecuritySeverity string
	Summary          string
}

// Check is one of oauthvet's checks: its analyzer and what every driver and document says
// of it. The analyzer's name is the public ID (DESIGN.md): never rename one.
type Check struct {
	Analyzer *analysis.Analyzer
	CWE      string // the CWE the check's findings are instances of, "CWE-798"
	// Categories are the sub-rules; the first is the default, whose name is the check's
	// own (check.Run gives a diagnostic without a category the check's name).
	Categories []Category
}

// Name is the check's public ID.
func (c *Check) Name() string { return c.Analyzer.Name }

// Summary is the first line of the analyzer's documentation.
func (c *Check) Summary() string {
	first, _, _ := strings.Cut(c.Analyzer.Doc, "\n")
	return first
}

// Category returns the sub-rule named name, or the default one.
func (c *Check) Category(name string) Category {
	for _, cat := range c.Categories {
		if cat.Name == name {
			return cat
		}
	}
	return c.Categories[0]
}

// DocsBase is where each check's page lives: DocsBase + NAME + ".md".
const DocsBase = "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/"

// Ignore is the category of the reports about //oauthvet:ignore directives (malformed, or
// silencing nothing), which any analyzer can make.
var Ignore = Category{Name: "ignore", Tier: High, Severity: Warning, SecuritySeverity: "0.0",
	Summary: "a //oauthvet:ignore directive that is malformed or silences nothing"}

// Checks lists every check, in the order drivers run and documents show them. A new check
// is one more entry here (and its name in config.Checks, which a test ties to this list).
var Checks = []*Check{
	{Analyzer: hardcodedsecret.Analyzer, CWE: "CWE-798", Categories: []Category{
		{Name: "hardcodedsecret", Tier: Medium, Severity: Error, SecuritySeverity: "8.0",
			Summary: "a client secret, token, API key or signing key written in source"},
	}},
	{Analyzer: pkce.Analyzer, CWE: "CWE-345", Categories: []Category{
		{Name: "pkce", Tier: High, Severity: Warning, SecuritySeverity: "6.1",
			Summary: "an authorization-code flow without S256 PKCE, or with a verifier that is not fresh"},
	}},
	{Analyzer: oauthstate.Analyzer, CWE: "CWE-352", Categories: []Category{
		{Name: "oauthstate", Tier: Medium, Severity: Warning, SecuritySeverity: "6.1",
			Summary: "a constant, predictable or unchecked OAuth state"},
	}},
	{Analyzer: legacygrant.Analyzer, CWE: "CWE-522", Categories: []Category{
		{Name: "legacygrant", Tier: High, Severity: Warning, SecuritySeverity: "5.3",
			Summary: "the resource-owner password or implicit grant"},
	}},
	{Analyzer: broadscope.Analyzer, CWE: "CWE-250", Categories: []Category{
		{Name: "broadscope", Tier: Medium, Severity: Note, SecuritySeverity: "4.3",
			Summary: "a scope wider than the task needs"},
	}},
	{Analyzer: tokenexpiry.Analyzer, CWE: "CWE-613", Categories: []Category{
		{Name: "tokenexpiry", Tier: Medium, Severity: Warning, SecuritySeverity: "5.3",
			Summary: "a token used or kept without regard to expiry"},
		{Name: "static-refreshable", Tier: Medium, Severity: Warning, SecuritySeverity: "4.3",
			Summary: "a refreshable token wrapped in a source that never refreshes it"},
		{Name: "no-expiry", Tier: Medium, Severity: Warning, SecuritySeverity: "4.3",
			Summary: "a token stored or built without its expiry"},
		{Name: "unchecked", Tier: Medium, Severity: Warning, SecuritySeverity: "4.3",
			Summary: "a stored token used without checking or refreshing it"},
		{Name: "skip-check", Tier: Medium, Severity: Error, SecuritySeverity: "7.5",
			Summary: "a verifier of incoming tokens with its expiry, issuer or audience check switched off"},
		{Name: "unverified", Tier: Medium, Severity: Error, SecuritySeverity: "8.1",
			Summary: "claims of an incoming token read without verifying its signature"},
		{Name: "exp-optional", Tier: Medium, Severity: Error, SecuritySeverity: "7.5",
			Summary: "a verifier of incoming tokens that accepts tokens without an expiry"},
	}},
	{Analyzer: tokenlog.Analyzer, CWE: "CWE-532", Categories: []Category{
		{Name: "tokenlog", Tier: Medium, Severity: Warning, SecuritySeverity: "6.5",
			Summary: "a token or Authorization header reaching a log or the model's context"},
	}},
	{Analyzer: tokenpassthrough.Analyzer, CWE: "CWE-441", Categories: []Category{
		{Name: "tokenpassthrough", Tier: Medium, Severity: Error, SecuritySeverity: "7.4",
			Summary: "an MCP server or proxy forwarding the caller's token to another API"},
	}},
	{Analyzer: tokeninurl.Analyzer, CWE: "CWE-598", Categories: []Category{
		{Name: "tokeninurl", Tier: Medium, Severity: Warning, SecuritySeverity: "5.3",
			Summary: "a token placed in a URL query string"},
	}},
}

// Lookup returns the check named name.
func Lookup(name string) (*Check, bool) {
	for _, c := range Checks {
		if c.Name() == name {
			return c, true
		}
	}
	return nil, false
}

// CategoryOf returns the sub-rule of a diagnostic that the analyzer named check reported
// with the given category: the ignore category for directive reports, else the check's own.
func CategoryOf(check, category string) Category {
	if category == Ignore.Name {
		return Ignore
	}
	if c, ok := Lookup(check); ok {
		return c.Category(category)
	}
	return Category{Name: category, Tier: Medium, Severity: Warning, SecuritySeverity: "0.0"}
}

// Analyzers returns the config analyzer (named oauthvet, owner of -oauthvet.config)
// followed by every check: the list every driver runs (the oauthvet command, go vet
// -vettool, the golangci-lint plugin, the language server).
func Analyzers() []*analysis.Analyzer {
	out := []*analysis.Analyzer{config.Analyzer}
	for _, c := range Checks {
		out = append(out, c.Analyzer)
	}
	return out
}
