package driver

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"path/filepath"
	"runtime/debug"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// The SARIF 2.1.0 log, as much of it as oauthvet writes.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		Invocations        []sarifInvocation           `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
		Results            []sarifResult               `json:"results"` // present even if empty
		ColumnKind         string                      `json:"columnKind"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version,omitempty"`
		SemVer         string      `json:"semanticVersion,omitempty"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string         `json:"id"`
		Name                 string         `json:"name,omitempty"`
		ShortDescription     sarifText      `json:"shortDescription"`
		FullDescription      sarifText      `json:"fullDescription"`
		Help                 sarifText      `json:"help"`
		HelpURI              string         `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleConf  `json:"defaultConfiguration"`
		Properties           map[string]any `json:"properties"`
	}
	sarifRuleConf struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown,omitempty"`
	}
	sarifInvocation struct {
		ExecutionSuccessful bool                `json:"executionSuccessful"`
		Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifResult struct {
		RuleID              string             `json:"ruleId"`
		RuleIndex           int                `json:"ruleIndex"`
		Level               string             `json:"level"`
		Message             sarifText          `json:"message"`
		Locations           []sarifLocation    `json:"locations"`
		RelatedLocations    []sarifLocation    `json:"relatedLocations,omitempty"`
		PartialFingerprints map[string]string  `json:"partialFingerprints"`
		Suppressions        []sarifSuppression `json:"suppressions,omitempty"`
		Properties          map[string]any     `json:"properties"`
	}
	sarifLocation struct {
		ID               *int             `json:"id,omitempty"`
		PhysicalLocation sarifPhysicalLoc `json:"physicalLocation"`
		Message          *sarifText       `json:"message,omitempty"`
	}
	sarifPhysicalLoc struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           *sarifRegion     `json:"region,omitempty"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn,omitempty"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
	sarifSuppression struct {
		Kind          string `json:"kind"`
		Justification string `json:"justification,omitempty"`
	}
)

const (
	sarifSchema    = "https://json.schemastore.org/sarif-2.1.0.json"
	informationURI = "https://github.com/oauthvet/oauthvet"
	srcRoot        = "%SRCROOT%"
)

// printSARIF writes the findings as a SARIF 2.1.0 log with one run: a rule per check (and
// one for the config analyzer's reports about directives), a result per finding reported
// once (a file of a package and its test variant is one result), silenced findings with an
// inSource suppression, and the analyzers' failures as notifications.
func printSARIF(w io.Writer, res *Results) error {
	rules, index := sarifRules()
	version, semver := toolVersion()
	run := sarifRun{
		Tool:               sarifTool{Driver: sarifDriver{Name: "oauthvet", Version: version, SemVer: semver, InformationURI: informationURI, Rules: rules}},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{srcRoot: {URI: fileURI(root()) + "/"}},
		Results:            []sarifResult{},
		ColumnKind:         "utf16CodeUnits",
	}
	inv := sarifInvocation{ExecutionSuccessful: len(res.Errors) == 0 && !res.LoadFailed}
	for _, e := range res.Errors {
		inv.Notifications = append(inv.Notifications, sarifNotification{Level: "error",
			Message: sarifText{Text: fmt.Sprintf("%s on %s: %s", e.Analyzer, e.Package, e.Err)}})
	}
	run.Invocations = []sarifInvocation{inv}
	src := newSources()
	seen := map[string]bool{}
	for _, x := range res.Findings {
		k := fmt.Sprint(x.Posn, x.End, x.Analyzer, x.Message)
		if x.Hidden || seen[k] {
			continue
		}
		seen[k] = true
		// A report about a directive is no finding of the check that makes it (a stale
		// //oauthvet:ignore tokenlog is no token in a log): it goes to the directive rule,
		// which has no security severity.
		ruleID := x.Analyzer
		if x.Category == all.Ignore.Name {
			ruleID = "oauthvet"
		}
		i, ok := index[ruleID]
		if !ok {
			continue // an analyzer oauthvet does not know (none today)
		}
		r := sarifResult{
			RuleID:              ruleID,
			RuleIndex:           i,
			Level:               string(x.Rule.Severity),
			Message:             sarifText{Text: x.Message},
			Locations:           []sarifLocation{location(src, x.Posn, x.End, "")},
			PartialFingerprints: map[string]string{fingerprintVersion: x.Fingerprint},
			Properties: map[string]any{
				"category":          x.Rule.Name,
				"precision":         precision(x.Rule.Tier),
				"tier":              string(x.Rule.Tier),
				"severity":          string(x.Rule.Severity),
				"security-severity": x.Rule.SecuritySeverity,
				"check":             x.Analyzer,
			},
		}
		for j, rel := range x.Related {
			loc := location(src, rel.Posn, rel.End, rel.Message)
			id := j + 1
			loc.ID = &id
			r.RelatedLocations = append(r.RelatedLocations, loc)
		}
		if x.Silenced {
			r.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: x.Suppressed}}
		}
		run.Results = append(run.Results, r)
	}
	data, err := json.MarshalIndent(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}}, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "%s\n", data)
	return err
}

// sarifRules returns the rules, one per check in the registry's order and then the config
// analyzer's, and each rule's index by ID.
func sarifRules() ([]sarifRule, map[string]int) {
	var rules []sarifRule
	index := map[string]int{}
	for _, c := range all.Checks {
		def := c.Categories[0]
		url := all.DocsBase + c.Name() + ".md"
		tags := []string{"security", "oauth"}
		if c.CWE != "" {
			tags = append(tags, "external/cwe/"+strings.ToLower(c.CWE))
		}
		subRules := make([]map[string]string, 0, len(c.Categories))
		for _, cat := range c.Categories {
			subRules = append(subRules, map[string]string{"category": cat.Name, "tier": string(cat.Tier),
				"severity": string(cat.Severity), "security-severity": cat.SecuritySeverity})
		}
		index[c.Name()] = len(rules)
		rules = append(rules, sarifRule{
			ID:                   c.Name(),
			Name:                 ruleName(c.Name()),
			ShortDescription:     sarifText{Text: def.Summary},
			FullDescription:      sarifText{Text: fullDescription(c.Analyzer.Doc)},
			Help:                 sarifText{Text: c.Analyzer.Doc + "\n\nDocumentation: " + url, Markdown: helpMarkdown(c.Analyzer, url)},
			HelpURI:              url,
			DefaultConfiguration: sarifRuleConf{Level: string(def.Severity)},
			Properties: map[string]any{
				"tags":              tags,
				"precision":         precision(def.Tier),
				"security-severity": def.SecuritySeverity,
				"sub-rules":         subRules,
			},
		})
	}
	// The config analyzer reports malformed //oauthvet:ignore directives; every check
	// reports those that silence nothing, as its own rule with category "ignore".
	index["oauthvet"] = len(rules)
	ig := all.Ignore
	rules = append(rules, sarifRule{
		ID:                   "oauthvet",
		Name:                 "OauthvetDirective",
		ShortDescription:     sarifText{Text: ig.Summary},
		FullDescription:      sarifText{Text: "A //oauthvet:ignore directive must name known checks and give a reason after \" -- \"; one that silences nothing is reported too, so that stale suppressions are removed."},
		Help:                 sarifText{Text: "Write //oauthvet:ignore NAME[,NAME] -- reason on the reported line or the line above.", Markdown: "Write `//oauthvet:ignore NAME[,NAME] -- reason` on the reported line or the line above. See [suppressing a finding](" + informationURI + "#suppressing-a-finding)."},
		HelpURI:              informationURI + "#suppressing-a-finding",
		DefaultConfiguration: sarifRuleConf{Level: string(ig.Severity)},
		Properties:           map[string]any{"tags": []string{"oauth", "maintainability"}, "precision": precision(ig.Tier)},
	})
	return rules, index
}

// precision is CodeQL's name for a tier.
func precision(t all.Tier) string {
	if t == all.High {
		return "high"
	}
	return "medium"
}

// ruleNames are the rules' friendly names (SARIF wants them to differ from the IDs).
var ruleNames = map[string]string{
	"hardcodedsecret":  "HardCodedCredential",
	"pkce":             "AuthorizationCodeWithoutPkce",
	"oauthstate":       "MissingOrPredictableOauthState",
	"legacygrant":      "LegacyOauthGrant",
	"broadscope":       "OverBroadOauthScope",
	"tokenexpiry":      "TokenExpiryIgnored",
	"tokenlog":         "TokenInLogOrModelContext",
	"tokenpassthrough": "CallerTokenForwarded",
	"tokeninurl":       "TokenInUrlQuery",
}

// ruleName is a rule's friendly name, or "" (omitted) for a check without one.
func ruleName(check string) string { return ruleNames[check] }

// fullDescription is the analyzer's documentation up to GitHub's 1,024 characters, cut at
// a paragraph.
func fullDescription(doc string) string {
	const limit = 1024
	if len(doc) <= limit {
		return doc
	}
	paras := strings.Split(doc, "\n\n")
	out := paras[0]
	for _, p := range paras[1:] {
		if len(out)+2+len(p) > limit-1 {
			break
		}
		out += "\n\n" + p
	}
	if len(out) > limit {
		out = out[:limit-3] + "..."
	}
	return out
}

// helpMarkdown renders an analyzer's documentation as Markdown: indented lines become Go
// code blocks, "Bad:" and "Good:" become bold labels, and a link to the check's page ends it.
func helpMarkdown(a *analysis.Analyzer, url string) string {
	var sb strings.Builder
	title, rest, _ := strings.Cut(a.Doc, "\n\n")
	fmt.Fprintf(&sb, "**%s** (`%s`)\n\n", title, a.Name)
	lines := strings.Split(rest, "\n")
	inCode := false
	for i, line := range lines {
		code := strings.HasPrefix(line, "\t")
		blank := strings.TrimSpace(line) == ""
		if inCode && !code && !(blank && codeFollows(lines[i+1:])) {
			sb.WriteString("```\n")
			inCode = false
		}
		switch {
		case code && !inCode:
			sb.WriteString("```go\n")
			inCode = true
			fallthrough
		case code:
			sb.WriteString(strings.TrimPrefix(line, "\t") + "\n")
		case blank:
			sb.WriteString("\n")
		case strings.TrimSpace(line) == "Bad:" || strings.TrimSpace(line) == "Good:":
			sb.WriteString("**" + strings.TrimSpace(line) + "**\n")
		default:
			sb.WriteString(line + "\n")
		}
	}
	if inCode {
		sb.WriteString("```\n")
	}
	fmt.Fprintf(&sb, "\nSee [%s](%s) for the sub-rules, their precision tier and severity, and how to suppress a finding.\n", a.Name, url)
	return sb.String()
}

// codeFollows reports whether the first non-blank line is indented code.
func codeFollows(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return strings.HasPrefix(l, "\t")
		}
	}
	return false
}

// location is a SARIF location: a URI relative to %SRCROOT% (or an absolute file URI for a
// file outside it) and a region in UTF-16 columns.
func location(src sources, posn, end token.Position, msg string) sarifLocation {
	loc := sarifLocation{PhysicalLocation: sarifPhysicalLoc{ArtifactLocation: artifact(posn.Filename)}}
	if posn.Line > 0 {
		if end.Line < posn.Line || end.Filename != posn.Filename {
			end = posn
		}
		reg := &sarifRegion{StartLine: posn.Line, StartColumn: utf16Column(src.line(posn.Filename, posn.Line), posn.Column),
			EndLine: end.Line, EndColumn: utf16Column(src.line(end.Filename, end.Line), end.Column)}
		if reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
			reg.EndColumn = reg.StartColumn
		}
		loc.PhysicalLocation.Region = reg
	}
	if msg != "" {
		loc.Message = &sarifText{Text: msg}
	}
	return loc
}

func artifact(file string) sarifArtifactLoc {
	if rel, ok := underRoot(file); ok {
		return sarifArtifactLoc{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLoc{URI: fileURI(file)}
}

func fileURI(path string) string {
	p := filepath.ToSlash(path)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive
	}
	return (&url.URL{Scheme: "file", Path: p}).String()
}

// utf16Column converts a 1-based byte column in line to a 1-based UTF-16 column.
func utf16Column(line string, col int) int {
	if col < 1 {
		return 1
	}
	if col-1 > len(line) {
		return col // past the text we have: leave it as is
	}
	n := 1
	for _, r := range line[:col-1] {
		if r == utf8.RuneError {
			n++
			continue
		}
		n += len(utf16.Encode([]rune{r}))
	}
	return n
}

// toolVersion is the module's version (also as a semantic version), or the VCS revision
// the binary was built from ("0.0.0-" and the revision, since SARIF wants a version that
// starts with a number).
func toolVersion() (version, semver string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "0.0.0-devel", ""
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		v = strings.TrimPrefix(v, "v")
		return v, v
	}
	rev, dirty := "devel", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(12, len(s.Value))]
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if dirty {
		rev += "-dirty"
	}
	return "0.0.0-" + rev, ""
}
