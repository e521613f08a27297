package config

import (
	"fmt"
	"regexp"
	"strings"
)

// The TOML schema shared by rules.toml and a project's oauthvet.toml. Every key a file may
// hold is declared here; anything else is an error.

type fileSchema struct {
	Version int            `toml:"version"`
	Disable []DisableRule  `toml:"disable"`
	Secrets secretsSchema  `toml:"secrets"`
	Scopes  ScopesSchema   `toml:"scopes"`
	Flow    FlowSchema     `toml:"flow"`
	Checks  map[string]any `toml:"checks"` // per-check settings, read by the check that owns the name
	Output  OutputSchema   `toml:"output"`
}

// OutputSchema is the [output] table: which findings the standalone driver reports. The
// analyzers ignore it (under go vet every finding is printed); -severity and -tier override it.
type OutputSchema struct {
	Severity string `toml:"severity"` // "error", "warning" or "note": that level and above
	Tier     string `toml:"tier"`     // "high": high-tier sub-rules only; "medium": all
}

// DisableRule switches checks off for files that match path patterns.
type DisableRule struct {
	Checks []string `toml:"checks"`
	Paths  []Glob   `toml:"paths"`
	Reason string   `toml:"reason"`

	base string // directory the patterns are relative to (the declaring file's)
}

type secretsSchema struct {
	MinLength           *int           `toml:"min_length"`
	PlaceholderWords    []string       `toml:"placeholder_words"`
	PlaceholderPatterns []Regexp       `toml:"placeholder_patterns"`
	Allow               []string       `toml:"allow"`
	AllowPatterns       []Regexp       `toml:"allow_patterns"`
	ParamNames          []string       `toml:"param_names"`
	HeaderSchemes       []string       `toml:"header_schemes"`
	HeaderNames         []string       `toml:"header_names"`
	Field               []SecretField  `toml:"field"`
	Format              []SecretFormat `toml:"format"`
}

// SecretField names a struct field whose constant value is a credential.
type SecretField struct {
	Name    string `toml:"name"` // "golang.org/x/oauth2.Config.ClientSecret"
	Kind    string `toml:"kind"` // "OAuth client secret"
	Enabled *bool  `toml:"enabled"`
}

// SecretFormat is a known credential format, matched anywhere in a string constant.
type SecretFormat struct {
	Name     string   `toml:"name"`
	Provider string   `toml:"provider"`
	Kind     string   `toml:"kind"`
	Regex    Regexp   `toml:"regex"`
	Keywords []string `toml:"keywords"` // substrings every match contains (a fast prefilter)
	Checksum string   `toml:"checksum"` // "" or "github-crc32"
	InTests  bool     `toml:"in_tests"`
	Enabled  *bool    `toml:"enabled"`
}

// Regexp is a regular expression compiled while the file is decoded, so that a bad one is
// reported at its own line and column.
type Regexp struct {
	*regexp.Regexp
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Regexp) UnmarshalText(b []byte) error {
	re, err := regexp.Compile(string(b))
	if err != nil {
		return fmt.Errorf("bad regular expression: %v", err)
	}
	r.Regexp = re
	return nil
}

// Glob is a slash-separated path pattern: "*" matches within one element, "**" across
// elements, "?" one character.
type Glob struct {
	Pattern string
	re      *regexp.Regexp
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Glob) UnmarshalText(b []byte) error {
	p := string(b)
	if p == "" {
		return fmt.Errorf("empty path pattern")
	}
	if strings.HasPrefix(p, "/") || strings.Contains(p, `\`) {
		return fmt.Errorf("path pattern %q must be relative and use '/'", p)
	}
	var sb strings.Builder
	sb.WriteString("^")
	for i := 0; i < len(p); i++ {
		switch c := p[i]; c {
		case '*':
			if i+1 < len(p) && p[i+1] == '*' {
				i++
				if i+1 < len(p) && p[i+1] == '/' { // "**/" also matches no directory at all
					i++
					sb.WriteString("(?:.*/)?")
				} else {
					sb.WriteString(".*")
				}
			} else {
				sb.WriteString("[^/]*")
			}
		case '?':
			sb.WriteString("[^/]")
		default:
			sb.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	sb.WriteString("(?:/.*)?$") // a directory pattern covers what is below it
	g.Pattern = p
	g.re = regexp.MustCompile(sb.String())
	return nil
}

// Match reports whether the slash-separated relative path matches the pattern.
func (g Glob) Match(rel string) bool { return g.re != nil && g.re.MatchString(rel) }
