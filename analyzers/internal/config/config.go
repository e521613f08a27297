// Package config loads oauthvet's rules: the embedded rules.toml merged with a project's
// oauthvet.toml (or the file named by -oauthvet.config), validated and compiled once.
//
// It also defines the analyzer named "oauthvet", which every check requires: it owns the
// -oauthvet.config flag, hands each check the rules for its package, and reports malformed
// //oauthvet:ignore directives.
package config

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	oauthvet "github.com/oauthvet/oauthvet"
)

// FileName is the name of a project's config file, found by walking up from a package's
// directory to its module root.
const FileName = "oauthvet.toml"

// Checks are the public names of oauthvet's checks (see DESIGN.md); never rename one.
var Checks = []string{
	"hardcodedsecret", "pkce", "oauthstate", "legacygrant", "broadscope",
	"tokenexpiry", "tokenlog", "tokenpassthrough", "tokeninurl",
}

// Rules is the merged, validated policy a check runs with. It is immutable once loaded and
// shared by every package that sees the same config files.
type Rules struct {
	Files   []string // the files merged over the defaults, in order
	Disable []DisableRule
	Secrets Secrets
	Scopes  ScopesSchema
	Flow    FlowSchema
	Checks  map[string]any
	Output  OutputSchema

	// VetUnit records that go vet runs this process on one package (-oauthvet.unit): it
	// analyses a package with in-package tests only as its test variant, the standalone
	// driver both variants. FactsOnly records that the package is analysed only for the
	// facts its importers need: its diagnostics are discarded.
	VetUnit, FactsOnly bool
}

// Secrets is the compiled [secrets] table.
type Secrets struct {
	MinLength           int
	PlaceholderWords    map[string]bool
	PlaceholderPatterns []*regexp.Regexp
	Allow               map[string]bool
	AllowPatterns       []*regexp.Regexp
	ParamNames          []string
	HeaderSchemes       []string
	HeaderNames         []string
	Fields              []SecretField  // enabled only
	Formats             []SecretFormat // enabled only
}

// DisabledFor reports whether check is switched off for the file at absolute path filename.
func (r *Rules) DisabledFor(check, filename string) bool {
	for _, d := range r.Disable {
		if !slices.Contains(d.Checks, check) && !slices.Contains(d.Checks, "all") {
			continue
		}
		rel, err := filepath.Rel(d.base, filename)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		rel = filepath.ToSlash(rel)
		for _, g := range d.Paths {
			if g.Match(rel) {
				return true
			}
		}
	}
	return false
}

// Error is a config error with its position, printed as file:line:col: message.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	msg := oneLine(e.Msg)
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, msg)
	}
	return fmt.Sprintf("%s: %s", e.File, msg)
}

// oneLine escapes the control characters a decoder message may quote from the file, so
// that an error is always one line.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, s)
}

// Defaults returns the embedded rules alone.
var Defaults = sync.OnceValues(func() (*Rules, error) {
	return build([]source{embedded})
})

// embedded is the source of the defaults.
var embedded = source{name: "rules.toml (embedded)", data: oauthvet.DefaultRules}

type source struct {
	name string // path, for messages and relative patterns
	data []byte
}

// cache maps the content of the merged files to their compiled Rules, so that packages that
// share a config compile it once. Keys are content hashes, so an edited file is reloaded.
var cache sync.Map // [sha256]cacheEntry

type cacheEntry struct {
	rules *Rules
	err   error
}

// Load returns the defaults merged with the user's config: the file at explicit if it is not
// empty, else the oauthvet.toml found by walking up from dir to the module root (if any).
func Load(explicit, dir string) (*Rules, error) {
	path := explicit
	if path == "" {
		path = Find(dir)
	} else if !filepath.IsAbs(path) {
		// Under go vet the tool runs in each package's directory, so a relative path is
		// resolved against the module root, the same for every package.
		root := ModuleRoot(dir)
		if root == "" {
			root = dir
		}
		path = filepath.Join(root, path)
	}
	if path == "" {
		return Defaults()
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: fmt.Sprintf("cannot read oauthvet config: %v", err)}
	}
	key := sha256.Sum256(append([]byte(path+"\x00"), data...))
	if e, ok := cache.Load(key); ok {
		return e.(cacheEntry).rules, e.(cacheEntry).err
	}
	r, err := build([]source{embedded, {name: path, data: data}})
	cache.Store(key, cacheEntry{r, err})
	return r, err
}

// Find returns the oauthvet.toml nearest to dir, looking in dir and its parents up to and
// including the module root (the first directory with a go.mod), or "" if there is none.
func Find(dir string) string {
	for d := dir; d != ""; {
		p := filepath.Join(d, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p
		}
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return ""
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
	return ""
}

// ModuleRoot returns the nearest directory at or above dir that holds a go.mod, or "".
func ModuleRoot(dir string) string {
	for d := dir; d != ""; {
		if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
	return ""
}

// build decodes each source in order, merging later ones over earlier ones, and compiles
// the result.
func build(srcs []source) (*Rules, error) {
	var merged fileSchema
	r := &Rules{}
	for i, src := range srcs {
		f, err := decode(src)
		if err != nil {
			return nil, err
		}
		if i == 0 {
			merged = f
		} else {
			mergeInto(&merged, &f)
			r.Files = append(r.Files, src.name)
		}
	}
	compile(r, &merged)
	return r, nil
}

// decoded memoizes decode by file name and content: the embedded defaults are decoded once
// per process, not once per user config. A decoded file is never modified afterwards.
var decoded sync.Map // [sha256]decodeResult

type decodeResult struct {
	f   fileSchema
	err error
}

// decode parses and validates one file.
func decode(src source) (fileSchema, error) {
	key := sha256.Sum256(append([]byte(src.name+"\x00"), src.data...))
	if r, ok := decoded.Load(key); ok {
		return r.(decodeResult).f, r.(decodeResult).err
	}
	f, err := decodeUncached(src)
	decoded.Store(key, decodeResult{f, err})
	return f, err
}

func decodeUncached(src source) (fileSchema, error) {
	var f fileSchema
	md, err := toml.NewDecoder(bytes.NewReader(src.data)).Decode(&f)
	if err != nil {
		return f, positioned(src, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		line, col := locateKey(src.data, und[0], -1)
		return f, &Error{File: src.name, Line: line, Col: col,
			Msg: fmt.Sprintf("unknown key %q (see rules.toml for the schema)", und[0].String())}
	}
	if err := validate(src, &f); err != nil {
		return f, err
	}
	base := filepath.Dir(src.name)
	for j := range f.Disable {
		f.Disable[j].base = base
	}
	return f, nil
}

// mergeInto merges a user's file over the rules so far: plain lists are appended, named
// entries replace the default of the same name, scalars override.
func mergeInto(dst, src *fileSchema) {
	// Every list is built anew (slices.Concat): dst may share arrays with a memoized file.
	dst.Disable = slices.Concat(dst.Disable, src.Disable)
	s, d := &src.Secrets, &dst.Secrets
	if s.MinLength != nil {
		d.MinLength = s.MinLength
	}
	d.PlaceholderWords = slices.Concat(d.PlaceholderWords, s.PlaceholderWords)
	d.PlaceholderPatterns = slices.Concat(d.PlaceholderPatterns, s.PlaceholderPatterns)
	d.Allow = slices.Concat(d.Allow, s.Allow)
	d.AllowPatterns = slices.Concat(d.AllowPatterns, s.AllowPatterns)
	d.ParamNames = slices.Concat(d.ParamNames, s.ParamNames)
	d.HeaderSchemes = slices.Concat(d.HeaderSchemes, s.HeaderSchemes)
	d.HeaderNames = slices.Concat(d.HeaderNames, s.HeaderNames)
	d.Field = mergeNamed(d.Field, s.Field, func(f SecretField) string { return f.Name })
	d.Format = mergeNamed(d.Format, s.Format, func(f SecretFormat) string { return f.Name })
	if src.Output.Severity != "" {
		dst.Output.Severity = src.Output.Severity
	}
	if src.Output.Tier != "" {
		dst.Output.Tier = src.Output.Tier
	}
	mergeScopes(&dst.Scopes, &src.Scopes)
	mergeFlow(&dst.Flow, &src.Flow)
	if len(src.Checks) > 0 {
		dst.Checks = maps.Clone(dst.Checks)
		if dst.Checks == nil {
			dst.Checks = map[string]any{}
		}
		maps.Copy(dst.Checks, src.Checks)
	}
}

func mergeNamed[T any](dst, src []T, name func(T) string) []T {
	out := slices.Clone(dst)
	for _, s := range src {
		if i := slices.IndexFunc(out, func(d T) bool { return name(d) == name(s) }); i >= 0 {
			out[i] = s
		} else {
			out = append(out, s)
		}
	}
	return out
}

func compile(r *Rules, f *fileSchema) {
	r.Disable = f.Disable
	r.Scopes = f.Scopes
	r.Flow = f.Flow
	r.Checks = f.Checks
	r.Output = f.Output
	s := &f.Secrets
	out := &r.Secrets
	out.MinLength = 8
	if s.MinLength != nil {
		out.MinLength = *s.MinLength
	}
	out.PlaceholderWords = map[string]bool{}
	for _, w := range s.PlaceholderWords {
		out.PlaceholderWords[strings.ToLower(w)] = true
	}
	for _, p := range s.PlaceholderPatterns {
		out.PlaceholderPatterns = append(out.PlaceholderPatterns, p.Regexp)
	}
	out.Allow = map[string]bool{}
	for _, a := range s.Allow {
		out.Allow[a] = true
	}
	for _, p := range s.AllowPatterns {
		out.AllowPatterns = append(out.AllowPatterns, p.Regexp)
	}
	out.ParamNames = s.ParamNames
	out.HeaderSchemes = s.HeaderSchemes
	out.HeaderNames = s.HeaderNames
	for _, fl := range s.Field {
		if fl.Enabled == nil || *fl.Enabled {
			out.Fields = append(out.Fields, fl)
		}
	}
	for _, fm := range s.Format {
		if fm.Enabled == nil || *fm.Enabled {
			out.Formats = append(out.Formats, fm)
		}
	}
}

// badFunc makes a config error at the nth occurrence (from 0) of key in the file.
type badFunc func(key toml.Key, nth int, format string, args ...any) *Error

// validate checks what the TOML types alone cannot.
func validate(src source, f *fileSchema) error {
	var bad badFunc = func(key toml.Key, nth int, format string, args ...any) *Error {
		line, col := locateKey(src.data, key, nth)
		return &Error{File: src.name, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
	}
	if f.Version != 0 && f.Version != 1 {
		return bad(toml.Key{"version"}, 0, "unsupported version %d (this oauthvet reads version 1)", f.Version)
	}
	for i, d := range f.Disable {
		if len(d.Checks) == 0 || len(d.Paths) == 0 {
			return bad(toml.Key{"disable"}, i, "[[disable]] needs checks and paths")
		}
		for _, c := range d.Checks {
			if c != "all" && !slices.Contains(Checks, c) {
				return bad(toml.Key{"disable", "checks"}, i, "unknown check %q in [[disable]] (known: %s)", c, strings.Join(Checks, ", "))
			}
		}
		if strings.TrimSpace(d.Reason) == "" {
			return bad(toml.Key{"disable", "reason"}, i, "[[disable]] needs a reason")
		}
	}
	s := &f.Secrets
	if s.MinLength != nil && *s.MinLength < 1 {
		return bad(toml.Key{"secrets", "min_length"}, 0, "min_length must be at least 1")
	}
	for i, fl := range s.Field {
		if m, err := ParseMember(fl.Name); err != nil || m.Type == "" {
			return bad(toml.Key{"secrets", "field", "name"}, i, "%q is not of the form package/path.Type.Field", fl.Name)
		}
		if fl.Kind == "" {
			return bad(toml.Key{"secrets", "field", "kind"}, i, "[[secrets.field]] %q needs a kind", fl.Name)
		}
	}
	for i, fm := range s.Format {
		if fm.Name == "" || fm.Kind == "" {
			return bad(toml.Key{"secrets", "format", "name"}, i, "[[secrets.format]] needs a name and a kind")
		}
		if fm.Regex.Regexp == nil && (fm.Enabled == nil || *fm.Enabled) {
			return bad(toml.Key{"secrets", "format", "regex"}, i, "[[secrets.format]] %q needs a regex", fm.Name)
		}
		if fm.Checksum != "" && fm.Checksum != "github-crc32" {
			return bad(toml.Key{"secrets", "format", "checksum"}, i, "unknown checksum %q (known: github-crc32)", fm.Checksum)
		}
	}
	if o := f.Output.Severity; o != "" && o != "error" && o != "warning" && o != "note" {
		return bad(toml.Key{"output", "severity"}, 0, "unknown severity %q (known: error, warning, note)", o)
	}
	if o := f.Output.Tier; o != "" && o != "high" && o != "medium" {
		return bad(toml.Key{"output", "tier"}, 0, "unknown tier %q (known: high, medium)", o)
	}
	if err := validateScopes(&f.Scopes, src.name == embedded.name, bad); err != nil {
		return err
	}
	if err := validateFlow(&f.Flow, bad); err != nil {
		return err
	}
	return nil
}

// Member is a qualified name of a package member or of a member of a package-level type:
// "golang.org/x/oauth2.Config.ClientSecret" is {Pkg: "golang.org/x/oauth2", Type: "Config", Name: "ClientSecret"}.
type Member struct {
	Pkg, Type, Name string
}

// ParseMember parses "pkg/path.Type.Member" or "pkg/path.Name".
func ParseMember(s string) (Member, error) {
	slash := strings.LastIndex(s, "/")
	parts := strings.Split(s[slash+1:], ".")
	if len(parts) < 2 || len(parts) > 3 || slices.Contains(parts, "") {
		return Member{}, fmt.Errorf("%q is not of the form package/path.Type.Field", s)
	}
	m := Member{Pkg: s[:slash+1] + parts[0]}
	if len(parts) == 3 {
		m.Type, m.Name = parts[1], parts[2]
	} else {
		m.Name = parts[1]
	}
	return m, nil
}

var lineInMsg = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "([^"]*)"\))?: (.*)$`)

// positioned turns a decoder error into an Error with the best position it can find.
func positioned(src source, err error) error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return &Error{File: src.name, Line: pe.Position.Line, Col: max(pe.Position.Col, 1), Msg: pe.Message}
	}
	if m := lineInMsg.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[1])
		msg := m[3]
		if m[2] != "" {
			msg = fmt.Sprintf("%s: %s", m[2], msg)
		}
		return &Error{File: src.name, Line: line, Col: valueColumn(src.data, line), Msg: msg}
	}
	return &Error{File: src.name, Msg: strings.TrimPrefix(err.Error(), "toml: ")}
}

// valueColumn returns the column of the value on a "key = value" line, or 1.
func valueColumn(data []byte, line int) int {
	lines := strings.Split(string(data), "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	l := lines[line-1]
	if i := strings.Index(l, "="); i >= 0 {
		return i + 2 + len(l[i+1:]) - len(strings.TrimLeft(l[i+1:], " \t"))
	}
	return len(l) - len(strings.TrimLeft(l, " \t")) + 1
}

// locateKey finds where key is written: the "name = value" line in the nth table (counting
// from 0; -1 for any) whose header is the key's table, or that table's header when the key
// is missing.
// It returns 1, 1 if it cannot tell.
func locateKey(data []byte, key toml.Key, nth int) (int, int) {
	if len(key) == 0 {
		return 1, 1
	}
	table, field := strings.Join(key[:len(key)-1], "."), key[len(key)-1]
	cur, seen := "", -1
	header := [2]int{1, 1}
	for i, l := range strings.Split(string(data), "\n") {
		t := strings.TrimSpace(l)
		col := len(l) - len(strings.TrimLeft(l, " \t")) + 1
		if strings.HasPrefix(t, "[") {
			cur = strings.TrimSpace(strings.Trim(t[:strings.Index(t+"#", "#")], "[] \t"))
			if cur == key.String() && nth <= 0 {
				return i + 1, col
			}
			if cur == table {
				seen++
				if seen == nth || nth < 0 && seen == 0 {
					header = [2]int{i + 1, col}
				}
			}
			continue
		}
		eq := strings.Index(t, "=")
		if eq <= 0 || strings.HasPrefix(t, "#") || cur != table || seen != nth && nth >= 0 && table != "" {
			continue
		}
		if strings.Trim(strings.TrimSpace(t[:eq]), `"'`) == field {
			return i + 1, col
		}
	}
	return header[0], header[1]
}

// reportSuppressed is -oauthvet.suppressed: see ReportSuppressed.
var reportSuppressed bool

func init() {
	Analyzer.Flags.BoolVar(&reportSuppressed, "suppressed", false,
		"also report findings silenced by //oauthvet:ignore, marked as suppressed (for drivers that write SARIF)")
}

// ReportSuppressed reports whether a finding silenced by //oauthvet:ignore is still to be
// reported, marked (suppress.Mark) so that the driver can emit it as suppressed in SARIF.
func ReportSuppressed() bool { return reportSuppressed }
