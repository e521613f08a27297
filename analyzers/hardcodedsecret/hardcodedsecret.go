package hardcodedsecret

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/redact"
	"github.com/oauthvet/oauthvet/analyzers/internal/secretscan"
	"github.com/oauthvet/oauthvet/analyzers/internal/staticvar"
)

var Analyzer = &analysis.Analyzer{
	Name:             "hardcodedsecret",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/hardcodedsecret.md",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
	FactTypes:        []analysis.Fact{new(constValueFact), new(constFieldsFact), new(envDefaultFact)},
}

// constValueFact records that an exported package-level variable is initialised with a
// constant string and never assigned in its package, so that a use in another package is
// judged like a constant.
type constValueFact struct{ Value string }

func (*constValueFact) AFact() {}

func (f *constValueFact) String() string {
	return fmt.Sprintf("constValue(%d chars)", len(f.Value))
}

// constFieldsFact records the fields, by index path ("1.0"), that the initialiser of an
// exported package-level struct variable sets to a constant credential-like string, when
// its package never changes the variable: prod.ClientSecret used in another package is
// judged like a constant.
type constFieldsFact struct{ Fields []constField } // in field order

type constField struct{ Path, Value string }

func (*constFieldsFact) AFact() {}

func (f *constFieldsFact) String() string {
	return fmt.Sprintf("constFields(%d)", len(f.Fields))
}

// A finding is collected first and reported after the walk, so that one root cause gives
// one diagnostic: a typed sink wins over a format match at the same expression.
type finding struct {
	pos, end token.Pos
	msg      string
	sink     bool                          // found at a typed sink, not only by its format
	related  []analysis.RelatedInformation // other sinks the same named value reaches
}

type scanner struct {
	pass     *check.Pass
	secrets  *config.Secrets
	fields   []fieldSink
	vars     map[*types.Var]string // same-package variables with a constant initialiser, never assigned
	findings map[token.Pos]finding
	inTest   bool                       // the file being scanned is test code or test support
	support  bool                       // the package is test support: its own files import "testing"
	notes    map[int]bool               // lines of the current test file whose comment says "notsecret"
	file     *ast.File                  // the file being scanned
	body     *ast.BlockStmt             // the body of the function declaration being scanned
	public   map[*ast.BasicLit]bool     // literals of a native app's config, public by design
	byObject map[types.Object]token.Pos // the finding of each named value reported at a sink
	statics  *staticvar.Index           // never-changed struct variables of the package, built on demand
	changes  *staticvar.Changes         // when the package changes package-level variables (of any package)
	depth    int                        // of constValue, against initialisation cycles in ill-typed code
	// envDefaults are the package's getenv-with-default helpers (envdefault.go).
	envDefaults map[*types.Func]envDefaultFact
}

type fieldSink struct {
	member config.Member
	kind   string
}

func run(pass *check.Pass) error {
	s := &scanner{pass: pass, secrets: &pass.Rules.Secrets, findings: map[token.Pos]finding{}, support: pass.ImportsTesting(),
		public: map[*ast.BasicLit]bool{}, byObject: map[types.Object]token.Pos{},
		changes: staticvar.NewChanges(pass.TypesInfo, pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))}
	for _, f := range s.secrets.Fields {
		m, _ := config.ParseMember(f.Name) // validated when the config was loaded
		s.fields = append(s.fields, fieldSink{m, f.Kind})
	}
	s.collectConstVars()
	s.collectEnvDefaults()
	if pass.FactsOnly() {
		return nil
	}

	s.scan(pass.ResultOf[inspect.Analyzer].(*inspector.Inspector))

	list := make([]finding, 0, len(s.findings))
	for _, f := range s.findings {
		list = append(list, f)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].pos < list[j].pos })
	for _, f := range list {
		pass.Report(analysis.Diagnostic{Pos: f.pos, End: f.end, Message: f.msg, Related: f.related})
	}
	return nil
}

// scan walks the package once, reporting sinks and formats file by file.
func (s *scanner) scan(ins *inspector.Inspector) {
	skip := map[*ast.BasicLit]bool{} // import paths and struct tags are not values
	var folded []ast.Node            // constant expressions of the current file scanned whole
	files := map[*ast.File]bool{}    // the files to scan (check.Run drops go test's main)
	for _, f := range s.pass.Files {
		files[f] = true
	}
	inFile := false
	for n := range ins.PreorderSeq(
		(*ast.File)(nil), (*ast.ImportSpec)(nil), (*ast.Field)(nil), (*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil),
		(*ast.CallExpr)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil), (*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
		if f, ok := n.(*ast.File); ok {
			inFile, folded = files[f], folded[:0]
			if inFile {
				s.file = f
				s.inTest = s.support || s.pass.InTestCode(f)
				s.notes = nil
				if s.inTest {
					s.notes = notSecretLines(s.pass.Fset, f)
				}
			}
			continue
		}
		if !inFile {
			continue
		}
		switch n := n.(type) {
		case *ast.ImportSpec:
			skip[n.Path] = true
		case *ast.Field:
			if n.Tag != nil {
				skip[n.Tag] = true
			}
		case *ast.CompositeLit:
			s.compositeLit(n)
		case *ast.AssignStmt:
			s.assign(n)
		case *ast.CallExpr:
			s.call(n)
		case *ast.FuncLit:
			sig, _ := s.pass.TypesInfo.TypeOf(n).(*types.Signature)
			s.keyfunc(sig, n.Body)
		case *ast.FuncDecl:
			s.body = n.Body
			if fn, ok := s.pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
				s.keyfunc(fn.Signature(), n.Body)
			}
		case *ast.BasicLit, *ast.BinaryExpr:
			if lit, ok := n.(*ast.BasicLit); ok && (skip[lit] || s.public[lit]) {
				continue
			}
			if slices.ContainsFunc(folded, func(f ast.Node) bool { return f.Pos() <= n.Pos() && n.End() <= f.End() }) {
				continue
			}
			// A concatenation is scanned whole only if it is made of literals alone
			// ("GOCSPX-" + "…"); one that uses a named constant is scanned literal by
			// literal, since the constant is reported where it is written.
			if bin, isBin := n.(*ast.BinaryExpr); isBin && !literalsOnly(bin) {
				continue
			}
			if v, ok := s.stringConst(n.(ast.Expr)); ok {
				if _, isBin := n.(*ast.BinaryExpr); isBin {
					folded = append(folded, n)
				}
				s.format(n, v)
			}
		}
	}
}

// notSecretLines returns the lines of a file that carry a comment saying "notsecret": in
// test code, a value on such a line is a test vector its author marked as fake.
func notSecretLines(fset *token.FileSet, f *ast.File) map[int]bool {
	var lines map[int]bool
	for _, g := range f.Comments {
		for _, c := range g.List {
			if strings.Contains(strings.ToLower(c.Text), "notsecret") {
				if lines == nil {
					lines = map[int]bool{}
				}
				lines[fset.Position(c.Slash).Line] = true
			}
		}
	}
	return lines
}

// format reports a known credential format anywhere in a string constant.
func (s *scanner) format(n ast.Node, v string) {
	if m, ok := secretscan.FindFormat(s.secrets, v, s.inTest); ok {
		s.add(n, false, s.formatMessage(n, m, ""))
	}
}

// formatMessage describes a value in a provider's format written in source at n (for where,
// a sink). Outside tests it is a credential to revoke; in test code it may be a test
// vector, which needs no revoking but must not pass for a live credential.
func (s *scanner) formatMessage(n ast.Node, m secretscan.Match, where string) string {
	if where != "" {
		where = " for " + where
	}
	if s.inTest {
		in := "test code"
		if check.InExample(s.pass.Fset, s.file, n.Pos()) {
			in = "an example" // documentation people copy
		}
		return fmt.Sprintf("%s written in %s%s: a value in the provider's real format passes for a live credential, and leaks if it is one; make it obviously fake (…-test-only-…) or mark its line // notsecret", m.Describe(), in, where)
	}
	return fmt.Sprintf("%s written in source%s: anyone who can read the code can use it; revoke it and load it at run time (environment, secret manager or file)", m.Describe(), where)
}

// compositeLit checks struct literals of credential-bearing types and map literals whose
// keys are credential headers or parameters.
func (s *scanner) compositeLit(lit *ast.CompositeLit) {
	t := s.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	if p, ok := t.Underlying().(*types.Pointer); ok && lit.Type == nil {
		t = p.Elem() // an element of []*T{{...}}: &T{...} with the &T elided
	}
	switch u := t.Underlying().(type) {
	case *types.Struct:
		if catalogue.ConfigType.Is(t) && s.nativeGoogleClient(lit) {
			// Its secret is public by design, also in a known format (GOCSPX-…).
			for _, elt := range lit.Elts {
				ast.Inspect(elt, func(n ast.Node) bool {
					if lit, ok := n.(*ast.BasicLit); ok {
						s.public[lit] = true
					}
					return true
				})
			}
			return
		}
		for i, elt := range lit.Elts {
			var field *types.Var
			value := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				id, _ := kv.Key.(*ast.Ident)
				if id == nil {
					continue
				}
				field, _ = s.pass.TypesInfo.Uses[id].(*types.Var)
				value = kv.Value
			} else if i < u.NumFields() {
				field = u.Field(i)
			}
			s.fieldValue(field, value)
		}
	case *types.Map:
		if b, ok := u.Key().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
			return
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			key, ok := s.stringConst(kv.Key)
			if !ok {
				continue
			}
			values := []ast.Expr{kv.Value}
			if inner, ok := kv.Value.(*ast.CompositeLit); ok { // url.Values{"k": {"v"}}, http.Header{"k": {"v"}}
				values = inner.Elts
			}
			for _, v := range values {
				s.keyedValue(key, v)
			}
		}
	}
}

// nativeGoogleClient reports whether an oauth2.Config literal is the client of a Google
// installed (desktop) app: a constant Google client ID, and a redirect to the loopback
// interface or out of band (RFC 8252 §7.3, §7.1), in the literal or assigned in the same
// function. Google documents that such an app's client secret is not treated as a secret,
// since every copy of the app carries it (RFC 8252 §8.5: the client is public); loading it
// at run time would hide nothing, and PKCE (the pkce check) is what protects the flow.
func (s *scanner) nativeGoogleClient(lit *ast.CompositeLit) bool {
	googleID, native := false, false
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, _ := kv.Key.(*ast.Ident)
		field, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
		switch {
		case field == nil:
		case catalogue.IsField(field, configClientID):
			v, ok := s.constValue(kv.Value)
			googleID = ok && strings.HasSuffix(v, googleClientIDSuffix)
		case catalogue.IsField(field, catalogue.ConfigRedirectURL):
			native = s.nativeRedirect(kv.Value)
		}
	}
	if googleID && !native && s.body != nil && s.body.Pos() <= lit.Pos() && lit.End() <= s.body.End() {
		ast.Inspect(s.body, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				for i, lhs := range as.Lhs {
					if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && s.isFieldSelection(sel) &&
						catalogue.IsField(s.pass.TypesInfo.Selections[sel].Obj().(*types.Var), catalogue.ConfigRedirectURL) && s.nativeRedirect(as.Rhs[i]) {
						native = true
					}
				}
			}
			return !native
		})
	}
	return googleID && native
}

var configClientID = config.Member{Pkg: catalogue.OAuth2Pkg, Type: "Config", Name: "ClientID"}

// googleClientIDSuffix ends every Google OAuth client ID.
const googleClientIDSuffix = ".apps.googleusercontent.com"

// nativeRedirect reports whether a redirect URI is a native app's: out of band, or http on
// the loopback interface (a constant, or the constant start of a Sprintf format or of a
// concatenation that adds the port).
func (s *scanner) nativeRedirect(e ast.Expr) bool {
	v, ok := s.constValue(e)
	if !ok {
		switch x := ast.Unparen(e).(type) {
		case *ast.CallExpr:
			if catalogue.FullName(s.pass.TypesInfo, x) == catalogue.Sprintf && len(x.Args) > 0 {
				v, ok = s.stringConst(x.Args[0])
				v, _, _ = strings.Cut(v, "%")
			}
		case *ast.BinaryExpr:
			v, ok = s.stringConst(x.X)
		}
	}
	if !ok {
		return false
	}
	if slices.Contains(catalogue.OOBRedirectURIs, strings.TrimSpace(v)) {
		return true
	}
	u, err := url.Parse(strings.TrimSuffix(v, ":"))
	if err != nil || u.Scheme != "http" {
		return false
	}
	switch u.Hostname() {
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	return false
}

// assign checks cfg.ClientSecret = v and header["Authorization"] = []string{v}.
func (s *scanner) assign(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.SelectorExpr:
			if sel := s.pass.TypesInfo.Selections[l]; sel != nil && sel.Kind() == types.FieldVal {
				s.fieldValue(sel.Obj().(*types.Var), as.Rhs[i])
			}
		case *ast.IndexExpr:
			t := s.pass.TypesInfo.TypeOf(l.X)
			if t == nil || !(catalogue.HTTPHeader.Is(t) || catalogue.URLValues.Is(t)) {
				continue
			}
			key, ok := s.stringConst(l.Index)
			if !ok {
				continue
			}
			values := []ast.Expr{as.Rhs[i]}
			if inner, ok := as.Rhs[i].(*ast.CompositeLit); ok {
				values = inner.Elts
			}
			for _, v := range values {
				s.keyedValue(key, v)
			}
		}
	}
}

// call checks header and form setters, SetBasicAuth, JWT signing and the key arguments
// of catalogue.SecretKeyFuncs (cookie stores, JWT middleware).
func (s *scanner) call(call *ast.CallExpr) {
	fn := catalogue.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	switch name := fn.Origin().FullName(); {
	case name == catalogue.HeaderSet || name == catalogue.HeaderAdd || name == catalogue.ValuesSet || name == catalogue.ValuesAdd:
		if len(call.Args) == 2 {
			if key, ok := s.stringConst(call.Args[0]); ok {
				s.keyedValue(key, call.Args[1])
			}
		}
	case name == catalogue.RequestSetBasicAuth:
		if len(call.Args) == 2 {
			s.credential(call.Args[1], "HTTP Basic password", "(*http.Request).SetBasicAuth")
		}
	case catalogue.IsJWTSignedString(fn):
		if len(call.Args) == 1 {
			s.credential(call.Args[0], "JWT signing key", "(*jwt.Token).SignedString")
		}
	default:
		if i, ok := catalogue.GoogleCredentialsJSON[name]; ok && i < len(call.Args) {
			s.googleJSON(call.Args[i], "google."+fn.Name())
		} else if i, ok := catalogue.ClientSecretArgs[name]; ok && i < len(call.Args) {
			s.credential(call.Args[i], "OAuth client secret", fn.Pkg().Name()+"."+fn.Name())
		} else if keys, ok := catalogue.SecretKeyFuncs[name]; ok && !call.Ellipsis.IsValid() {
			variadic := fn.Signature().Variadic()
			for i, arg := range call.Args {
				if kind := keys.Kind(i, variadic); kind != "" {
					s.credential(arg, kind, fn.Pkg().Name()+"."+fn.Name())
				}
			}
		}
	}
}

// googleJSON reports a client secret, refresh token or private key in constant Google
// credentials JSON read by fn. One in a known format is reported by the format scan.
func (s *scanner) googleJSON(arg ast.Expr, fn string) {
	doc, ok := s.constValue(arg)
	if !ok || s.inTest || !strings.Contains(doc, "{") {
		return
	}
	if _, ok := secretscan.FindFormat(s.secrets, doc, false); ok {
		return
	}
	var top map[string]any
	if json.Unmarshal([]byte(doc), &top) != nil {
		return
	}
	// The credential is reported where the JSON is written if that is in this package,
	// else at the argument.
	at, where := s.unconvert(arg), fmt.Sprintf("Google credentials JSON read by %s", fn)
	if obj := s.referencedObject(at); obj != nil {
		if decl := s.declaration(obj); decl != nil {
			at = decl
		} else {
			where += fmt.Sprintf(" (from %s)", describeObject(obj, s.pass.Pkg))
		}
	}
	for _, obj := range []any{top, top["installed"], top["web"]} {
		m, _ := obj.(map[string]any)
		for _, k := range googleJSONKeys {
			v, _ := m[k.key].(string)
			if v != "" && secretscan.IsCredential(s.secrets, v) {
				s.add(at, true, fmt.Sprintf("hard-coded %s in %s: anyone who can read the code can use it; load the credentials file at run time (path from a flag or environment, or a secret manager)",
					redact.Secret(k.kind, v, ""), where))
				return
			}
		}
	}
}

var googleJSONKeys = []struct{ key, kind string }{
	{"client_secret", "OAuth client secret"},
	{"refresh_token", "OAuth refresh token"},
	{"private_key", "service account private key"},
}

// declaration returns the value a constant or package-level variable of this package is
// declared with, or nil.
func (s *scanner) declaration(obj types.Object) ast.Expr {
	if obj.Pkg() != s.pass.Pkg || obj.Parent() != obj.Pkg().Scope() {
		return nil
	}
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST && gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				for i, name := range vs.Names {
					if s.pass.TypesInfo.Defs[name] == obj && i < len(vs.Values) {
						return s.unconvert(vs.Values[i])
					}
				}
			}
		}
	}
	return nil
}

// keyfunc checks a golang-jwt Keyfunc that returns a constant key: an HMAC secret that
// anyone with the source can use to forge tokens.
func (s *scanner) keyfunc(sig *types.Signature, body *ast.BlockStmt) {
	if body == nil || !catalogue.IsJWTKeyfunc(sig) {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // its returns are its own
		case *ast.ReturnStmt:
			// HMAC keys are []byte; other constants (jwt.UnsafeAllowNoneSignatureType)
			// are sentinels, not keys.
			if len(n.Results) == 2 && isByteSlice(s.pass.TypesInfo.TypeOf(n.Results[0])) {
				s.credential(n.Results[0], "JWT verification key", "a jwt.Keyfunc")
			}
		}
		return true
	})
}

// fieldValue checks a value written into a struct field that rules.toml names.
func (s *scanner) fieldValue(field *types.Var, value ast.Expr) {
	if field == nil {
		return
	}
	for _, f := range s.fields {
		if catalogue.IsField(field, f.member) {
			s.credential(value, f.kind, fmt.Sprintf("%s.%s", f.member.Type, f.member.Name))
			return
		}
	}
}

// keyedValue checks the value of a header or form parameter with a constant name (in a
// header, a form, or a map keyed by such names). A credential is one token: a value with
// white space after its scheme is a label, a description or a prompt that happens to sit
// under a credential's name ("authorization": "Bearer token of the signed-in user"), and
// values made of protocol words ("authorization_code", "X-Api-Key") are placeholders.
func (s *scanner) keyedValue(key string, value ast.Expr) {
	header := containsFold(s.secrets.HeaderNames, key)
	if !header && !containsFold(s.secrets.ParamNames, key) {
		return
	}
	v, ok := s.constValue(value)
	if !ok {
		return
	}
	cred, scheme := v, ""
	if header {
		for _, sch := range s.secrets.HeaderSchemes {
			if len(v) > len(sch) && strings.EqualFold(v[:len(sch)], sch) && v[len(sch)] == ' ' {
				cred, scheme = strings.TrimSpace(v[len(sch)+1:]), sch
				break
			}
		}
	}
	if strings.ContainsAny(cred, " \t\r\n") {
		if _, ok := secretscan.FindFormat(s.secrets, v, s.inTest); !ok {
			return
		}
	}
	if strings.EqualFold(scheme, "Basic") {
		cred = secretscan.BasicPassword(cred)
	}
	where := fmt.Sprintf("the %s parameter", key)
	if header {
		where = fmt.Sprintf("the %s header", key)
	}
	s.reportCredential(value, cred, v, "credential", where)
}

// credential reports value if it is a constant that is a real-looking credential.
func (s *scanner) credential(value ast.Expr, kind, where string) {
	if v, ok := s.constValue(value); ok {
		s.reportCredential(value, v, v, kind, where)
	} else if arg, helper := s.defaultArg(value); arg != nil {
		if v, ok := s.constValue(arg); ok {
			s.reportCredential(arg, v, v, kind, where+" (the default of "+helper+" when the variable is unset)")
		}
	}
}

// reportCredential reports cred (found in the constant whole) written at a sink. In test
// code only a known real format is reported; elsewhere any value that is not a
// placeholder. A constant of this package in a known format is reported where it is
// written, by the format scan, not again at each use.
func (s *scanner) reportCredential(at ast.Expr, cred, whole, kind, where string) {
	at = s.unconvert(at) // []byte("...") is reported at the literal, like the format scan
	if m, ok := secretscan.FindFormat(s.secrets, whole, s.inTest); ok {
		if s.reportedWhereWritten(at) {
			return
		}
		s.add(at, true, s.formatMessage(at, m, where))
		return
	}
	if s.inTest || !secretscan.IsCredential(s.secrets, cred) {
		return
	}
	origin := ""
	if sel, ok := at.(*ast.SelectorExpr); ok && s.isFieldSelection(sel) {
		origin = fmt.Sprintf(" (from var %s)", selectorName(sel))
	} else if obj := s.referencedObject(at); obj != nil {
		// One named value is one root cause: reported at its first sink in the package,
		// with the others as related positions.
		if first, ok := s.byObject[obj]; ok {
			if f, ok := s.findings[first]; ok && f.pos != at.Pos() {
				f.related = append(f.related, analysis.RelatedInformation{Pos: at.Pos(), End: at.End(), Message: "also used here for " + where})
				s.findings[first] = f
			}
			return
		}
		s.byObject[obj] = at.Pos()
		origin = fmt.Sprintf(" (from %s)", describeObject(obj, s.pass.Pkg))
	}
	s.add(at, true, fmt.Sprintf("hard-coded %s in %s%s: anyone who can read the code can use it; load it at run time (environment, secret manager or file)",
		redact.Secret(kind, cred, ""), where, origin))
}

// add records a finding at n; at one position a sink finding wins over a format match. A
// test vector on a line marked "notsecret" is not reported.
func (s *scanner) add(n ast.Node, sink bool, msg string) {
	if s.notes[s.pass.Fset.Position(n.Pos()).Line] {
		return
	}
	if old, dup := s.findings[n.Pos()]; !dup || sink && !old.sink {
		s.findings[n.Pos()] = finding{pos: n.Pos(), end: n.End(), msg: msg, sink: sink}
	}
}

// reportedWhereWritten reports whether a value in a known format at a sink is reported
// where it is written, by the format scan of this package or of the package that declares
// it: the value comes from a literal inside the expression (Sprintf("Bearer %s", "ghp_…")),
// or from a constant, variable or settings field that itself holds a known format. A
// literal (or concatenation of literals) at the sink itself is reported there, once.
func (s *scanner) reportedWhereWritten(at ast.Expr) bool {
	if bin, ok := at.(*ast.BinaryExpr); ok && literalsOnly(bin) {
		return false
	}
	if _, ok := at.(*ast.BasicLit); ok {
		return false
	}
	found := false
	known := func(v string, ok bool) {
		if ok {
			if _, f := secretscan.FindFormat(s.secrets, v, false); f {
				found = true
			}
		}
	}
	ast.Inspect(at, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BasicLit:
			known(s.stringConst(n))
		case *ast.SelectorExpr:
			if s.isFieldSelection(n) {
				known(s.settingsField(n))
				return false
			}
		case *ast.Ident:
			switch obj := s.pass.TypesInfo.Uses[n].(type) {
			case *types.Const:
				if obj.Val().Kind() == constant.String {
					known(constant.StringVal(obj.Val()), true)
				}
			case *types.Var:
				known(s.constValue(n))
			}
		}
		return !found
	})
	return found
}

// isFieldSelection reports whether sel selects a field (prod.ClientSecret), not a
// qualified identifier or a method.
func (s *scanner) isFieldSelection(sel *ast.SelectorExpr) bool {
	k := s.pass.TypesInfo.Selections[sel]
	return k != nil && k.Kind() == types.FieldVal
}

// settingsField returns the constant string a field of a never-changed struct variable
// holds: of this package from its initialiser (prod.ClientSecret, where var prod =
// settings{ClientSecret: "…"}), of another package from its constFieldsFact.
func (s *scanner) settingsField(sel *ast.SelectorExpr) (string, bool) {
	v, path := staticvar.FieldPath(s.pass.TypesInfo, sel)
	switch {
	case v == nil:
		return "", false
	case v.Pkg() == s.pass.Pkg:
		if s.statics == nil {
			s.statics = staticvar.New(s.pass.TypesInfo, s.pass.Files, s.changes)
		}
		if val, _ := s.statics.Field(sel); val != nil {
			return s.constValue(val)
		}
	default:
		var fact constFieldsFact
		if !s.changedHere(v) && s.pass.ImportObjectFact(v, &fact) {
			key := pathKey(path)
			for _, f := range fact.Fields {
				if f.Path == key {
					return f.Value, true
				}
			}
		}
	}
	return "", false
}

func pathKey(path []int) string {
	key := make([]string, len(path))
	for i, n := range path {
		key[i] = strconv.Itoa(n)
	}
	return strings.Join(key, ".")
}

func (s *scanner) referencedObject(e ast.Expr) types.Object {
	switch e := s.unconvert(e).(type) {
	case *ast.Ident:
		return s.pass.TypesInfo.Uses[e]
	case *ast.SelectorExpr:
		return s.pass.TypesInfo.Uses[e.Sel]
	}
	return nil
}

// constValue returns the string a value certainly holds: a constant (folded, from any
// package), a []byte or string conversion of one, fmt.Sprintf of constants, a
// package-level variable initialised with one and never assigned, or the field of a
// never-changed struct variable whose initialiser sets it to one (of this package, or of
// another through its constFieldsFact).
func (s *scanner) constValue(e ast.Expr) (string, bool) {
	e = ast.Unparen(e)
	if v, ok := s.stringConst(e); ok {
		return v, true
	}
	if s.depth > 8 {
		return "", false
	}
	s.depth++
	defer func() { s.depth-- }()
	switch x := e.(type) {
	case *ast.CallExpr:
		if len(x.Args) == 1 && s.isConversion(x) {
			return s.constValue(x.Args[0])
		}
		return s.sprintf(x)
	case *ast.SelectorExpr:
		if s.isFieldSelection(x) {
			return s.settingsField(x)
		}
	}
	v, ok := s.referencedObject(e).(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return "", false
	}
	if v.Pkg() == s.pass.Pkg {
		val, ok := s.vars[v]
		return val, ok
	}
	var fact constValueFact
	if !s.changedHere(v) && s.pass.ImportObjectFact(v, &fact) {
		return fact.Value, true
	}
	return "", false
}

// changedHere reports whether this package may change another package's variable v, so
// that v's fact (written by its own package) does not hold here.
func (s *scanner) changedHere(v *types.Var) bool { return !s.changes.Unchanged(v) }

func (s *scanner) stringConst(e ast.Expr) (string, bool) {
	return catalogue.StringConst(s.pass.TypesInfo, e)
}

// sprintf returns the value of fmt.Sprintf with a constant format whose verbs are all %s
// or %v and constant string arguments.
func (s *scanner) sprintf(call *ast.CallExpr) (string, bool) {
	if len(call.Args) < 2 || catalogue.FullName(s.pass.TypesInfo, call) != catalogue.Sprintf || call.Ellipsis.IsValid() {
		return "", false
	}
	format, ok := s.stringConst(call.Args[0])
	if !ok {
		return "", false
	}
	verbs := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		if i++; i == len(format) {
			return "", false
		}
		switch format[i] {
		case '%':
		case 's', 'v':
			verbs++
		default:
			return "", false // widths, flags, other verbs and indexed arguments
		}
	}
	if verbs != len(call.Args)-1 {
		return "", false
	}
	args := make([]any, verbs)
	for i, a := range call.Args[1:] {
		v, ok := s.constValue(a)
		if !ok || !isString(s.pass.TypesInfo.TypeOf(a)) {
			return "", false
		}
		args[i] = v
	}
	return fmt.Sprintf(format, args...), true
}

func isString(t types.Type) bool {
	b, ok := types.Unalias(t).(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// unconvert strips parentheses and type conversions: []byte(key) is key.
func (s *scanner) unconvert(e ast.Expr) ast.Expr {
	for {
		e = ast.Unparen(e)
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !s.isConversion(call) {
			return e
		}
		e = call.Args[0]
	}
}

func (s *scanner) isConversion(call *ast.CallExpr) bool {
	tv, ok := s.pass.TypesInfo.Types[call.Fun]
	return ok && tv.IsType()
}

// collectConstVars finds the package-level variables initialised with a constant string
// (or a []byte of one) that the package never assigns or takes the address of, and
// exports a fact for the exported ones.
func (s *scanner) collectConstVars() {
	s.vars = map[*types.Var]string{}
	staticvar.Inits(s.pass.TypesInfo, s.pass.Files, func(v *types.Var, init ast.Expr) {
		if val, ok := s.constValue(init); ok {
			s.vars[v] = val
		}
	})
	// A variable the package changes (flag.StringVar(&v, ...)) does not certainly hold
	// its initial value.
	staticvar.DropChanged(s.changes, s.vars)
	for v, val := range s.vars {
		if v.Exported() && !secretscan.IsPlaceholder(s.secrets, val) {
			s.pass.ExportObjectFact(v, &constValueFact{Value: val})
		}
	}
	s.exportSettings()
}

// exportSettings exports a constFieldsFact for each exported struct variable whose
// initialiser sets a field to a real-looking credential (not a URL or a sentence) and
// that the package never changes.
func (s *scanner) exportSettings() {
	info := s.pass.TypesInfo
	settings := map[*types.Var][]constField{}
	staticvar.Inits(info, s.pass.Files, func(v *types.Var, init ast.Expr) {
		lit, ok := staticvar.IsStructLit(info, init)
		if !ok || !v.Exported() {
			return
		}
		staticvar.EachField(info, lit, func(path []int, value ast.Expr) {
			val, ok := s.constValue(value)
			if ok && secretscan.IsCredential(s.secrets, val) && !strings.Contains(val, "://") && !strings.ContainsAny(val, " \t\n") {
				settings[v] = append(settings[v], constField{pathKey(path), val}) // in field order
			}
		})
	})
	staticvar.DropChanged(s.changes, settings)
	for v, fields := range settings {
		s.pass.ExportObjectFact(v, &constFieldsFact{Fields: fields})
	}
}

func containsFold(list []string, s string) bool {
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(x, s) })
}

// describeObject names a constant or variable for a message, without its value (which
// types.ObjectString would print): "const localSecret", "var secrets.Token".
func describeObject(obj types.Object, from *types.Package) string {
	kind := "var"
	if _, ok := obj.(*types.Const); ok {
		kind = "const"
	}
	name := obj.Name()
	if obj.Pkg() != nil && obj.Pkg() != from {
		name = obj.Pkg().Name() + "." + name
	}
	return kind + " " + name
}

// selectorName returns v.F.G for a selection of fields, without parentheses.
func selectorName(e ast.Expr) string {
	switch x := ast.Unparen(e).(type) {
	case *ast.SelectorExpr:
		return selectorName(x.X) + "." + x.Sel.Name
	case *ast.Ident:
		return x.Name
	}
	return types.ExprString(e)
}

// literalsOnly reports whether a concatenation's operands are all string literals.
func literalsOnly(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.BinaryExpr:
		return literalsOnly(e.X) && literalsOnly(e.Y)
	}
	return false
}

func isByteSlice(t types.Type) bool {
	sl, ok := types.Unalias(t).(*types.Slice)
	if !ok {
		return false
	}
	b, ok := sl.Elem().Underlying().(*types.Basic)
	return ok && b.Kind() == types.Byte
}
