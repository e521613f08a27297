package broadscope

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// An authorization URL written in the code carries its scopes in its query:
//
//	"https://slack.com/oauth/v2/authorize?client_id=" + id + "&scope=chat:write&user_scope=search:read"
//	fmt.Sprintf("https://github.com/login/oauth/authorize?client_id=%s&scope=%s", id, scopes)
//
// It is a user flow of the provider whose host it names (of none, if the host is nobody's
// the policy knows), when its path ends at an authorization endpoint (…/authorize,
// Google's …/auth).

// A urlPart is a piece of a string expression: constant text, or a hole whose value is
// not a constant.
type urlPart struct {
	text string
	at   ast.Expr // where the text is written, or the hole's expression
	hole bool
}

// authURL judges the scope parameters of the authorization URL that the string
// expression at c builds, if it is one: a constant, a concatenation or a fmt.Sprintf,
// judged whole (not as an operand of a longer concatenation).
func (s *scanner) authURL(c inspector.Cursor, file string) {
	e := c.Node().(ast.Expr)
	if b, ok := c.Parent().Node().(*ast.BinaryExpr); ok && b.Op == token.ADD {
		return
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind != token.STRING || !strings.Contains(x.Value, "scope=") {
			return
		}
	case *ast.BinaryExpr:
		if !s.isString(x) {
			return
		}
	case *ast.CallExpr:
		if catalogue.FullName(s.pass.TypesInfo, x) != catalogue.Sprintf {
			return
		}
	}
	var parts []urlPart
	if !s.urlParts(e, &parts) || len(parts) == 0 || parts[0].hole {
		return
	}
	// The text, a hole written as \x00; owner[i] is the part that wrote byte i.
	var b strings.Builder
	var owner []int
	for i, p := range parts {
		t := p.text
		if p.hole {
			t = "\x00"
		}
		b.WriteString(t)
		for range len(t) {
			owner = append(owner, i)
		}
	}
	text := b.String()
	if !strings.Contains(text, "scope=") {
		return
	}
	q := strings.IndexByte(text, '?')
	if q < 0 {
		return
	}
	scheme, rest, ok := strings.Cut(text[:q], "://")
	if !ok || strings.ContainsRune(scheme, '\x00') {
		return
	}
	host, path, _ := strings.Cut(rest, "/")
	if host == "" || strings.ContainsRune(host, '\x00') || !isAuthorizePath(path) {
		return
	}
	req := request{provider: s.pol.hostProvider(scheme + "://" + host), flow: catalogue.UserFlow, file: file}
	query := text[q+1:]
	if end := strings.IndexByte(query, '#'); end >= 0 {
		query = query[:end]
	}
	off := q + 1
	for param := range strings.SplitSeq(query, "&") {
		start := off
		off += len(param) + 1
		key, value, ok := strings.Cut(param, "=")
		if !ok || strings.ContainsRune(key, '\x00') {
			continue
		}
		implied, isScope := catalogue.ScopeParams[key]
		if !isScope || implied != "" && implied != req.provider {
			continue
		}
		s.judgeQueryValue(parts, owner, value, start+len(key)+1, req)
	}
}

// judgeQueryValue judges the value of a scope parameter, which starts at byte off of the
// URL's text: the holes and the constant scopes in it that separators (or the value's
// ends) bound, so that "repo" in "scope=repo" + suffix is not taken for a whole scope.
func (s *scanner) judgeQueryValue(parts []urlPart, owner []int, value string, off int, req request) {
	// sepAt: value[i:] starts with a separator (or i is its end); sepBefore: value[:i] ends
	// with one (or i is its start).
	sepAt := func(i int) bool {
		return i >= len(value) || strings.IndexByte(" +,", value[i]) >= 0 || i+3 <= len(value) && isEscapedSep(value[i:i+3])
	}
	sepBefore := func(i int) bool {
		return i <= 0 || strings.IndexByte(" +,", value[i-1]) >= 0 || i >= 3 && isEscapedSep(value[i-3:i])
	}
	for i := 0; i < len(value); {
		if value[i] == '\x00' {
			if sepBefore(i) && sepAt(i+1) {
				s.judge(unescaped(parts[owner[off+i]].at, s.pass.TypesInfo), req)
			}
			i++
			continue
		}
		j := i
		for j < len(value) && value[j] != '\x00' {
			j++
		}
		seg, err := url.QueryUnescape(value[i:j])
		if err != nil {
			seg = value[i:j]
		}
		tokens := scopeTokens(seg)
		if i > 0 && !sepBefore(i) && len(tokens) > 0 { // the first token goes on from a hole
			tokens = tokens[1:]
		}
		if j < len(value) && !sepBefore(j) && len(tokens) > 0 { // the last one goes on into a hole
			tokens = tokens[:len(tokens)-1]
		}
		if len(tokens) > 0 {
			s.judgeValues([]scopeValue{{strings.Join(tokens, " "), parts[owner[off+i]].at, ""}}, req)
		}
		i = j
	}
}

// isEscapedSep reports whether s is a percent-encoded space or comma.
func isEscapedSep(s string) bool {
	return strings.EqualFold(s, "%20") || strings.EqualFold(s, "%2C")
}

// isAuthorizePath reports whether a URL path (holes allowed) ends at an authorization
// endpoint: "oauth/v2/authorize", "{tenant}/oauth2/v2.0/authorize", "o/oauth2/v2/auth".
func isAuthorizePath(path string) bool {
	path = strings.TrimSuffix(path, "/")
	last := path[strings.LastIndexByte(path, '/')+1:]
	return last == "authorize" || last == "auth"
}

// urlParts appends the parts of the string expression e: the operands of a concatenation,
// the format and arguments of a fmt.Sprintf, a constant, or else one hole. It reports
// false for a format it cannot follow (explicit argument indexes, * widths).
func (s *scanner) urlParts(e ast.Expr, out *[]urlPart) bool {
	e = ast.Unparen(e)
	if b, ok := e.(*ast.BinaryExpr); ok && b.Op == token.ADD && s.isString(b) {
		return s.urlParts(b.X, out) && s.urlParts(b.Y, out)
	}
	if v, ok := s.stringConst(e); ok {
		*out = append(*out, urlPart{text: v, at: s.writtenAt(e)})
		return true
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || catalogue.FullName(s.pass.TypesInfo, call) != catalogue.Sprintf || len(call.Args) == 0 {
		*out = append(*out, urlPart{at: e, hole: true})
		return true
	}
	format, ok := s.stringConst(call.Args[0])
	if !ok {
		*out = append(*out, urlPart{at: e, hole: true})
		return true
	}
	at := s.writtenAt(call.Args[0])
	args := call.Args[1:]
	var lit strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			lit.WriteByte(format[i])
			continue
		}
		if i+1 < len(format) && format[i+1] == '%' {
			lit.WriteByte('%')
			i++
			continue
		}
		j := i + 1
		for j < len(format) && strings.IndexByte("+-# 0123456789.", format[j]) >= 0 {
			j++
		}
		if j >= len(format) || format[j] == '[' || format[j] == '*' || len(args) == 0 {
			return false
		}
		*out = append(*out, urlPart{text: lit.String(), at: at}, urlPart{at: args[0], hole: true})
		lit.Reset()
		args = args[1:]
		i = j
	}
	*out = append(*out, urlPart{text: lit.String(), at: at})
	return true
}

// unescaped returns the argument of url.QueryEscape or url.PathEscape, else e.
func unescaped(e ast.Expr, info *types.Info) ast.Expr {
	if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 && slices.Contains(catalogue.URLEscapers, catalogue.FullName(info, call)) {
		return call.Args[0]
	}
	return e
}

// isString reports whether e is of a string type.
func (s *scanner) isString(e ast.Expr) bool {
	b, ok := types.Unalias(s.pass.TypesInfo.TypeOf(e)).(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
