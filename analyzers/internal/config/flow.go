package config

import (
	"regexp"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
)

// FlowSchema lists the sources, sinks and sanitizers of the token-flow checks (tokenlog,
// tokenpassthrough, tokeninurl).
type FlowSchema struct {
	Source    []FlowFunc `toml:"source"`
	Sink      []FlowFunc `toml:"sink"`
	Sanitizer []FlowFunc `toml:"sanitizer"`

	// ThirdPartyHosts are the hosts of third-party APIs ("api.github.com", or
	// "*.googleapis.com" for every subdomain): tokenpassthrough reports an
	// httputil.ReverseProxy that forwards the caller's Authorization header to one of them.
	ThirdPartyHosts []string `toml:"third_party_hosts"`
}

// FlowFunc is one [[flow.source]], [[flow.sink]] or [[flow.sanitizer]] entry. It names
// functions and methods as go/types prints them ("(*log/slog.Logger).Info"), or, for a
// source, a named type whose values are credentials ("golang.org/x/oauth2.Token").
type FlowFunc struct {
	Func  string   `toml:"func"`  // one function or method
	Funcs []string `toml:"funcs"` // or several that share the other settings

	// Sources by type: values of Type (or a pointer to it) hold a credential. Fields are
	// the fields that carry it; every other field is metadata (expiry, token type). A Whole
	// source (a request, its headers) leaks only when printed whole. An Incoming source,
	// as a function parameter, is the request the function serves: its Authorization
	// header is the caller's bearer token.
	Type     string   `toml:"type"`
	Fields   []string `toml:"fields"`
	Whole    bool     `toml:"whole"`
	Incoming bool     `toml:"incoming"`

	// Sources by JSON name: a string field of any struct type whose JSON name (its json
	// tag) is one of JSONTags carries a credential, and values of the type are sources as
	// a Type entry's are: the wire format of a token response (access_token) decoded into
	// a program's own struct, or of the client credentials it sends (client_secret).
	JSONTags []string `toml:"json_tags"`

	// Sinks: the argument indexes (from 0, receiver not counted) that must not receive a
	// token; -1 means every variadic argument. Sources by function: the result (from 0)
	// that carries the token.
	Args   []int `toml:"args"`
	Result int   `toml:"result"`

	// Params marks parameters (from 0, receiver not counted) of the named functions as
	// credentials inside them: a source for a project's own func NewClient(token string).
	// Such an entry is no source of results. For a source, Args marks the arguments given
	// to the functions as credentials in the caller: what a token verifier is given
	// (oidc IDTokenVerifier.Verify(ctx, raw)) is a token wherever else it goes.
	Params []int `toml:"params"`

	// KeyArg and Keys restrict a source, sink or sanitizer to calls whose argument KeyArg
	// is a constant equal (ignoring case) to one of Keys: Header.Get("Authorization"),
	// url.Values.Set("id_token_hint", v). Writer names an argument that must be os.Stdout
	// or os.Stderr (fmt.Fprintf).
	KeyArg *int     `toml:"key_arg"`
	Keys   []string `toml:"keys"`
	Writer *int     `toml:"writer"`
	// KeyPattern matches keys too (an RE2 regular expression, whole key): the names of
	// environment variables that hold credentials, "(^|_)(API_?KEY|TOKEN)$".
	KeyPattern string `toml:"key_pattern"`
	keyRE      *regexp.Regexp

	// Field makes a sink of a struct field, "package/path.Type.Field": a value stored into it
	// goes where the field's text goes (a tool result's text into the model's context, a
	// URL's RawQuery into the URL). A sink names a func, funcs or a field.
	Field string `toml:"field"`

	Kind   string `toml:"kind"`   // sources: what the value is ("OAuth token"); sinks: where it goes ("log")
	Advice string `toml:"advice"` // sources: what to log instead (tokenlog's message)
	Check  string `toml:"check"`  // sinks: the check that reports it
	Reason string `toml:"reason"` // sanitizers: why the result is safe
}

// Names returns the functions the entry names (Func and Funcs).
func (f *FlowFunc) Names() []string {
	if f.Func == "" {
		return f.Funcs
	}
	return append([]string{f.Func}, f.Funcs...)
}

// HasKey reports whether s is one of the entry's Keys, ignoring case, or matches its
// KeyPattern.
func (f *FlowFunc) HasKey(s string) bool {
	return slices.ContainsFunc(f.Keys, func(k string) bool { return strings.EqualFold(k, s) }) ||
		f.keyRE != nil && f.keyRE.MatchString(s)
}

// A FlowCheck is what one token-flow check reports of what reaches its sinks. The flow
// engine (analyzers/internal/tokenflow) knows the checks only through this table.
type FlowCheck struct {
	Name string
	// Whole: a value that leaks only when printed whole (a request, its headers) counts, as
	// a log prints it; else only a credential itself (a URL or a header holds text).
	Whole bool
	// Incoming: only the caller's credential counts (from the request the code serves); a
	// sink that writes into that same request passes nothing on, and copying headers under
	// keys known only at run time passes every header, Authorization included, on.
	Incoming bool
	// Output: outside a server, stdout is the program's output rather than a log when a
	// call prints the credential alone (a credential helper, a `token` command).
	Output bool
	// Followed: a helper that passes its parameter to one of the check's sinks makes its
	// callers in other packages worth analysing (a logging helper). A helper that puts it
	// into a URL or a header does not: client libraries are full of them.
	Followed bool
	// Message formats a finding: %[1]s is what reaches the sink, %[2]s where it goes. Empty
	// for the engine's log message (its advice by kind, stdout, model context, panic).
	Message string
}

// FlowChecks are the token-flow checks, which a [[flow.sink]] names.
var FlowChecks = []FlowCheck{
	{Name: "tokenlog", Whole: true, Output: true, Followed: true},
	{Name: "tokenpassthrough", Incoming: true,
		Message: "the caller's bearer token is sent on to another service (%[2]s): the MCP authorization spec forbids token passthrough, which makes the server a confused deputy; get a token for the upstream API with the server's own credentials or RFC 8693 token exchange (oauthex.ExchangeToken)"},
	{Name: "tokeninurl",
		Message: "%[1]s put into a URL (%[2]s): URLs end up in server, proxy and browser logs and leak through Referer; send it in the Authorization header (req.Header.Set(\"Authorization\", \"Bearer \"+tok), or oauth2.Config.Client)"},
}

// FlowCheckNamed returns the flow check of that name, or the zero FlowCheck.
func FlowCheckNamed(name string) FlowCheck {
	for _, c := range FlowChecks {
		if c.Name == name {
			return c
		}
	}
	return FlowCheck{}
}

func flowCheckNames() []string {
	names := make([]string, len(FlowChecks))
	for i, c := range FlowChecks {
		names[i] = c.Name
	}
	return names
}

// mergeFlow appends a user's [flow] entries to the defaults.
func mergeFlow(dst, src *FlowSchema) {
	// New slices: dst may share arrays with the memoized defaults.
	dst.Source = slices.Concat(dst.Source, src.Source)
	dst.Sink = slices.Concat(dst.Sink, src.Sink)
	dst.Sanitizer = slices.Concat(dst.Sanitizer, src.Sanitizer)
	dst.ThirdPartyHosts = slices.Concat(dst.ThirdPartyHosts, src.ThirdPartyHosts)
}

// ThirdPartyHost returns the entry of ThirdPartyHosts that host (a host name without a
// port) matches, ignoring case: "api.github.com" matches itself, "*.googleapis.com"
// matches every subdomain of googleapis.com (not googleapis.com itself).
func (f *FlowSchema) ThirdPartyHost(host string) (string, bool) {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "" {
		return "", false
	}
	for _, h := range f.ThirdPartyHosts {
		l := strings.ToLower(h)
		if suffix, ok := strings.CutPrefix(l, "*."); ok {
			if strings.HasSuffix(host, "."+suffix) {
				return h, true
			}
		} else if host == l {
			return h, true
		}
	}
	return "", false
}

func validateFlow(f *FlowSchema, bad badFunc) error {
	for _, h := range f.ThirdPartyHosts {
		if !validHostPattern(h) {
			return bad(toml.Key{"flow", "third_party_hosts"}, 0, "third_party_hosts: %q is not a host name (write \"api.example.com\" or \"*.example.com\", without scheme, port or path)", h)
		}
	}
	for i, fn := range f.Source {
		switch {
		case len(fn.JSONTags) > 0 && (fn.Type != "" || len(fn.Names()) > 0 || len(fn.Fields) > 0 || fn.Whole || fn.Incoming || fn.KeyArg != nil || len(fn.Params) > 0 || len(fn.Args) > 0):
			return bad(toml.Key{"flow", "source", "json_tags"}, i, "[[flow.source]] with json_tags takes only kind and advice")
		case len(fn.JSONTags) > 0 && slices.Contains(fn.JSONTags, ""):
			return bad(toml.Key{"flow", "source", "json_tags"}, i, "json_tags: a JSON name cannot be empty")
		case fn.Type == "" && len(fn.Names()) == 0 && len(fn.JSONTags) == 0:
			return bad(toml.Key{"flow", "source", "kind"}, i, "[[flow.source]] needs a func, funcs, type or json_tags")
		case fn.Type != "" && len(fn.Names()) > 0:
			return bad(toml.Key{"flow", "source", "kind"}, i, "[[flow.source]] names a type and a func; use one entry for each")
		case fn.Type != "" && !validTypeName(fn.Type):
			return bad(toml.Key{"flow", "source", "type"}, i, "%q is not of the form package/path.Type", fn.Type)
		case fn.Kind == "":
			return bad(toml.Key{"flow", "source", "kind"}, i, "[[flow.source]] needs a kind (what the value is, e.g. \"OAuth token\")")
		case fn.Result < 0:
			return bad(toml.Key{"flow", "source", "result"}, i, "result must be 0 or more")
		case len(fn.Params) > 0 && (fn.Type != "" || fn.KeyArg != nil || fn.Result != 0):
			return bad(toml.Key{"flow", "source", "params"}, i, "[[flow.source]] with params marks parameters of funcs; it takes no type, key_arg or result")
		case slices.ContainsFunc(fn.Params, func(p int) bool { return p < 0 }):
			return bad(toml.Key{"flow", "source", "params"}, i, "parameter indexes must be 0 or more")
		case len(fn.Args) > 0 && (fn.Type != "" || fn.KeyArg != nil || fn.Result != 0 || len(fn.Params) > 0):
			return bad(toml.Key{"flow", "source", "args"}, i, "[[flow.source]] with args marks the arguments given to funcs; it takes no type, key_arg, result or params")
		case slices.ContainsFunc(fn.Args, func(a int) bool { return a < 0 }):
			return bad(toml.Key{"flow", "source", "args"}, i, "argument indexes must be 0 or more")
		}
		if err := validateKeys(&f.Source[i], "source", i, bad); err != nil {
			return err
		}
	}
	for i, fn := range f.Sink {
		switch {
		case fn.Field != "" && (len(fn.Names()) > 0 || len(fn.Args) > 0 || fn.KeyArg != nil || fn.Writer != nil):
			return bad(toml.Key{"flow", "sink", "field"}, i, "[[flow.sink]] with a field takes only check and kind")
		case fn.Field != "" && !validFieldName(fn.Field):
			return bad(toml.Key{"flow", "sink", "field"}, i, "%q is not of the form package/path.Type.Field", fn.Field)
		case fn.Field == "" && len(fn.Names()) == 0:
			return bad(toml.Key{"flow", "sink", "func"}, i, "[[flow.sink]] needs a func, funcs or field")
		case fn.Type != "" || len(fn.Fields) > 0 || fn.Whole || fn.Incoming:
			return bad(toml.Key{"flow", "sink", "func"}, i, "[[flow.sink]] takes func, funcs, field, args, key_arg, keys, writer, kind and check")
		case fn.Field == "" && len(fn.Args) == 0:
			return bad(toml.Key{"flow", "sink", "func"}, i, "[[flow.sink]] %q needs args (argument indexes; -1 = every variadic argument)", fn.Names()[0])
		}
		what, at := fn.Field, "field"
		if what == "" {
			what, at = fn.Names()[0], "func"
		}
		switch {
		case !slices.Contains(flowCheckNames(), fn.Check):
			return bad(toml.Key{"flow", "sink", "check"}, i, "[[flow.sink]] %q: check must be one of %s", what, strings.Join(flowCheckNames(), ", "))
		case fn.Kind == "":
			return bad(toml.Key{"flow", "sink", at}, i, "[[flow.sink]] %q needs a kind (where the value goes, e.g. \"log\")", what)
		}
		for _, a := range fn.Args {
			if a < -1 {
				return bad(toml.Key{"flow", "sink", "args"}, i, "argument index %d: use 0 or more, or -1 for every variadic argument", a)
			}
		}
		if fn.Writer != nil && *fn.Writer < 0 {
			return bad(toml.Key{"flow", "sink", "writer"}, i, "writer must be 0 or more")
		}
		if err := validateKeys(&f.Sink[i], "sink", i, bad); err != nil {
			return err
		}
	}
	for i, fn := range f.Sanitizer {
		switch {
		case len(fn.Names()) == 0:
			return bad(toml.Key{"flow", "sanitizer", "func"}, i, "[[flow.sanitizer]] needs a func or funcs")
		case strings.TrimSpace(fn.Reason) == "":
			return bad(toml.Key{"flow", "sanitizer", "func"}, i, "[[flow.sanitizer]] %q needs a reason", fn.Names()[0])
		}
		if err := validateKeys(&f.Sanitizer[i], "sanitizer", i, bad); err != nil {
			return err
		}
	}
	return nil
}

func validateKeys(fn *FlowFunc, table string, i int, bad badFunc) error {
	if (fn.KeyArg == nil) != (len(fn.Keys) == 0 && fn.KeyPattern == "") {
		return bad(toml.Key{"flow", table, "keys"}, i, "[[flow.%s]]: key_arg and keys (or key_pattern) go together", table)
	}
	if fn.KeyPattern != "" {
		re, err := regexp.Compile("^(?:" + fn.KeyPattern + ")$")
		if err != nil {
			return bad(toml.Key{"flow", table, "key_pattern"}, i, "key_pattern: %v", err)
		}
		fn.keyRE = re
	}
	if fn.KeyArg != nil && *fn.KeyArg < 0 {
		return bad(toml.Key{"flow", table, "key_arg"}, i, "key_arg must be 0 or more")
	}
	return nil
}

// validHostPattern reports whether h is a host name, optionally with a leading "*." for
// every subdomain: "api.github.com", "*.googleapis.com".
func validHostPattern(h string) bool {
	h = strings.TrimPrefix(h, "*.")
	if h == "" || strings.HasPrefix(h, ".") || strings.HasSuffix(h, ".") || strings.Contains(h, "..") {
		return false
	}
	for _, r := range h {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// validFieldName reports whether s looks like "package/path.Type.Field".
func validFieldName(s string) bool {
	dot := strings.LastIndex(s, ".")
	return dot > 0 && dot < len(s)-1 && validTypeName(s[:dot])
}

// validTypeName reports whether s looks like "package/path.Type".
func validTypeName(s string) bool {
	dot := strings.LastIndex(s, ".")
	return dot > 0 && dot < len(s)-1 && !strings.Contains(s[dot:], "/")
}
