package broadscope

import (
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
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/staticvar"
)

var Analyzer = &analysis.Analyzer{
	Name:             "broadscope",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/broadscope.md",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
	FactTypes:        []analysis.Fact{new(scopeListFact)},
}

// scopeListFact records the constant elements of an exported package-level list of
// strings that holds a scope the policy knows and that its package never changes, so that
// a request in another package that uses the list is judged.
type scopeListFact struct{ Scopes []string }

func (*scopeListFact) AFact() {}

func (f *scopeListFact) String() string { return fmt.Sprintf("scopeList(%d)", len(f.Scopes)) }

// A request is one place that asks for scopes, with what is known of its flow.
type request struct {
	provider string // "" if unknown
	flow     string // catalogue.UserFlow, ServiceFlow or ""
	file     string // where the request is made, for [[scopes.allow]] paths
	// delegated: a service account that acts as a user of its domain (a Subject is set:
	// Google's domain-wide delegation). Its scopes reach that user's data, so the rules
	// of user flows judge it.
	delegated bool
}

// A scopeValue is a constant string that reaches a request, and where it is written (or,
// for an element of another package's list, where the list is used, and its name).
type scopeValue struct {
	value string
	at    ast.Expr
	from  string
}

type findingKey struct {
	pos   token.Pos
	scope string
}

type finding struct {
	at  ast.Expr
	msg string
}

type fieldKey struct {
	obj   types.Object // the variable or field the struct is held in
	field *types.Var
}

type scanner struct {
	pass *check.Pass
	pol  *policy
	// Lazily built maps of the package: what is assigned to each variable and field, to
	// each field of a struct held in a variable, and where each constant is declared.
	indexed    bool
	defs       map[types.Object][]ast.Expr
	fieldDefs  map[fieldKey][]ast.Expr
	constDecls map[*types.Const]ast.Expr
	funcDecls  map[*types.Func]*ast.FuncDecl
	statics    *staticvar.Index
	changes    *staticvar.Changes // when the package changes package-level variables (of any package)
	findings   map[findingKey]finding
}

func run(pass *check.Pass) error {
	pol := policyFor(pass.Rules)
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	changes := staticvar.NewChanges(pass.TypesInfo, ins)
	exportScopeLists(pass, pol, changes)
	if pass.FactsOnly() || !catalogue.ImportsAny(pass.Pkg, catalogue.ScopePackages...) {
		return nil
	}
	s := &scanner{pass: pass, pol: pol, findings: map[findingKey]finding{}, changes: changes}
	for _, file := range pass.Files {
		// Test servers and fixtures request scopes no user ever grants; Example functions
		// are documentation people copy, judged like production code.
		name := pass.Fset.File(file.Pos()).Name()
		cursor, _ := ins.Root().FindNode(file)
		roots := []inspector.Cursor{cursor}
		if pass.InTestCode(file) {
			roots = roots[:0]
			for _, fd := range check.Examples(pass.Fset, file) {
				c, _ := cursor.FindNode(fd)
				roots = append(roots, c)
			}
		}
		for _, root := range roots {
			for c := range root.Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.CallExpr)(nil), (*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
				switch n := c.Node().(type) {
				case *ast.CompositeLit:
					s.compositeLit(c, n, name)
				case *ast.AssignStmt:
					s.assign(n, name)
				case *ast.CallExpr:
					s.call(c, n, name)
					s.authURL(c, name)
				case *ast.BasicLit, *ast.BinaryExpr:
					s.authURL(c, name)
				}
			}
		}
	}
	keys := make([]findingKey, 0, len(s.findings))
	for k := range s.findings {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].pos < keys[j].pos || keys[i].pos == keys[j].pos && keys[i].scope < keys[j].scope
	})
	for _, k := range keys {
		f := s.findings[k]
		pass.Report(analysis.Diagnostic{Pos: f.at.Pos(), End: f.at.End(), Message: f.msg})
	}
	return nil
}

// compositeLit handles struct literals with a scope field, and url.Values literals with a
// scope parameter. c is the literal's cursor.
func (s *scanner) compositeLit(c inspector.Cursor, lit *ast.CompositeLit, file string) {
	t := s.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	if catalogue.URLValues.Is(t) {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if key, ok := s.stringConst(kv.Key); ok {
				if provider, ok := catalogue.ScopeParams[key]; ok {
					s.judge(kv.Value, request{provider: provider, file: file})
				}
			}
		}
		return
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem() // an elided &T{...} in a []*T literal
	}
	if _, ok := t.Underlying().(*types.Struct); !ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, _ := kv.Key.(*ast.Ident)
		if id == nil {
			continue
		}
		field, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
		if sf := scopeField(field); sf != nil {
			s.judge(kv.Value, s.structRequest(sf, lit, heldIn(s.pass.TypesInfo, c), file))
		}
	}
}

// heldIn returns the variable that the struct literal at c (or its address) is assigned
// to, whose fields the package may set later (params.Subject = user), or nil.
func heldIn(info *types.Info, c inspector.Cursor) types.Object {
	if u, ok := c.Parent().Node().(*ast.UnaryExpr); ok && u.Op == token.AND {
		c = c.Parent()
	}
	return resultVar(info, c)
}

// assign handles cfg.Scopes = v and cfg.Scopes = append(cfg.Scopes, v).
func (s *scanner) assign(as *ast.AssignStmt, file string) {
	if len(as.Lhs) != len(as.Rhs) || as.Tok != token.ASSIGN {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		field, _ := s.pass.TypesInfo.Uses[sel.Sel].(*types.Var)
		if sf := scopeField(field); sf != nil {
			s.judge(as.Rhs[i], s.structRequest(sf, sel.X, nil, file))
		}
	}
}

// call handles the scope arguments of google and google.golang.org/api functions, and a
// scope parameter given to oauth2.SetAuthURLParam or url.Values.Set/Add.
func (s *scanner) call(c inspector.Cursor, call *ast.CallExpr, file string) {
	fn := catalogue.Callee(s.pass.TypesInfo, call)
	if fn == nil {
		return
	}
	name := fn.Origin().FullName()
	for _, sf := range catalogue.ScopeFuncs {
		if sf.Func != name {
			continue
		}
		req := request{provider: sf.Provider, flow: sf.Flow, file: file}
		if sf.Flow == catalogue.ServiceFlow {
			// cfg, err := google.JWTConfigFromJSON(key, scope); cfg.Subject = user
			req.delegated = s.subjectSet(resultVar(s.pass.TypesInfo, c))
		}
		for _, arg := range call.Args[min(sf.Arg, len(call.Args)):] {
			s.judge(arg, req)
		}
		return
	}
	switch name {
	case catalogue.ScopeParamOption, catalogue.ValuesSet, catalogue.ValuesAdd:
		if len(call.Args) != 2 {
			return
		}
		key, ok := s.stringConst(call.Args[0])
		if !ok {
			return
		}
		if provider, ok := catalogue.ScopeParams[key]; ok {
			flow := ""
			if name == catalogue.ScopeParamOption {
				flow = catalogue.UserFlow
			}
			s.judge(call.Args[1], request{provider: provider, flow: flow, file: file})
		}
	}
}

// scopeFieldMembers are catalogue.ScopeFields parsed, in the same order.
var scopeFieldMembers = func() []config.Member {
	var ms []config.Member
	for _, sf := range catalogue.ScopeFields {
		ms = append(ms, mustParseMember(sf.Field))
	}
	return ms
}()

// subjectFields are catalogue.SubjectFields parsed.
var subjectFields = func() []config.Member {
	var ms []config.Member
	for _, f := range catalogue.SubjectFields {
		ms = append(ms, mustParseMember(f))
	}
	return ms
}()

func mustParseMember(s string) config.Member {
	m, err := config.ParseMember(s)
	if err != nil {
		panic(err) // a typo in the catalogue
	}
	return m
}

// scopeField returns the catalogue entry of the scope field v, or nil.
func scopeField(v *types.Var) *catalogue.ScopeField {
	if v == nil || !v.IsField() {
		return nil
	}
	for i, m := range scopeFieldMembers {
		if v.Name() == m.Name && catalogue.IsField(v, m) {
			return &catalogue.ScopeFields[i]
		}
	}
	return nil
}

// scopeFieldMember returns the parsed Field of sf, an entry of catalogue.ScopeFields.
func scopeFieldMember(sf *catalogue.ScopeField) config.Member {
	for i := range catalogue.ScopeFields {
		if &catalogue.ScopeFields[i] == sf {
			return scopeFieldMembers[i]
		}
	}
	return config.Member{}
}

func isSubjectField(v *types.Var) bool {
	return v != nil && slices.ContainsFunc(subjectFields, func(m config.Member) bool { return catalogue.IsField(v, m) })
}

// resultVar returns the variable the first result of the call at c is assigned to
// (cfg, err := f(...); var cfg = f(...)), or nil.
func resultVar(info *types.Info, c inspector.Cursor) types.Object {
	switch p := c.Parent().Node().(type) {
	case *ast.AssignStmt:
		if len(p.Rhs) == 1 && len(p.Lhs) > 0 && p.Rhs[0] == c.Node() {
			if id, ok := p.Lhs[0].(*ast.Ident); ok {
				return info.ObjectOf(id)
			}
		}
	case *ast.ValueSpec:
		if len(p.Values) == 1 && len(p.Names) > 0 && p.Values[0] == c.Node() {
			return info.Defs[p.Names[0]]
		}
	}
	return nil
}

// subjectSet reports whether the package sets a Subject of the service-account config held
// by holder (a variable, or a struct literal), to something other than "".
func (s *scanner) subjectSet(holder any) bool {
	return s.subjectSetSeen(holder, map[types.Object]bool{})
}

func (s *scanner) subjectSetSeen(holder any, seen map[types.Object]bool) bool {
	switch h := holder.(type) {
	case nil:
		return false
	case *ast.CompositeLit:
		for _, elt := range h.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					if f, ok := s.pass.TypesInfo.Uses[id].(*types.Var); ok && isSubjectField(f) && s.maybeNonEmpty(kv.Value) {
						return true
					}
				}
			}
		}
		return false
	case ast.Expr:
		e := ast.Unparen(h)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if lit, ok := e.(*ast.CompositeLit); ok {
			return s.subjectSetSeen(lit, seen)
		}
		return s.subjectSetSeen(s.objectOf(e), seen)
	case types.Object:
		if seen[h] {
			return false
		}
		seen[h] = true
		if s.subjectFieldSet(h) {
			return true
		}
		for _, d := range s.defs[h] {
			if s.subjectSetSeen(d, seen) {
				return true
			}
		}
	}
	return false
}

// subjectFieldSet reports whether the package sets a Subject field of the struct held by
// the variable or field obj (cfg.Subject = user) to something other than "".
func (s *scanner) subjectFieldSet(obj types.Object) bool {
	if obj == nil {
		return false
	}
	s.index()
	for k, values := range s.fieldDefs {
		if k.obj == obj && isSubjectField(k.field) && slices.ContainsFunc(values, s.maybeNonEmpty) {
			return true
		}
	}
	return false
}

// maybeNonEmpty reports whether e may be a string other than "".
func (s *scanner) maybeNonEmpty(e ast.Expr) bool {
	v, ok := s.stringConst(e)
	return !ok || v != ""
}

// structRequest describes a request made through a scope field of the struct holder (a
// literal, or an expression naming a variable or field that holds the struct); heldIn is
// the variable a literal is assigned to, or nil.
func (s *scanner) structRequest(sf *catalogue.ScopeField, holder ast.Expr, heldIn types.Object, file string) request {
	req := request{provider: sf.Provider, flow: sf.Flow, file: file}
	if sf.Flow == catalogue.ServiceFlow {
		req.delegated = s.subjectSet(holder) || s.subjectFieldSet(heldIn)
	}
	if req.provider == "" && (sf.Endpoint != "" || len(sf.URLFields) > 0) {
		found := map[string]bool{}
		s.configProviders(holder, sf, found, map[types.Object]bool{})
		// What else the variable is assigned is another struct: only its fields count.
		s.fieldProviders(heldIn, sf, found)
		if len(found) == 1 { // several: the provider is chosen at run time
			for p := range found {
				req.provider = p
			}
		}
	}
	return req
}

// configProviders adds the providers that the endpoint fields of the struct held by e name.
func (s *scanner) configProviders(e ast.Expr, sf *catalogue.ScopeField, found map[string]bool, seen map[types.Object]bool) {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	if lit, ok := e.(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if id, ok := kv.Key.(*ast.Ident); ok {
				field, _ := s.pass.TypesInfo.Uses[id].(*types.Var)
				s.endpointField(field, kv.Value, sf, found)
			}
		}
		return
	}
	obj := s.objectOf(e)
	if obj == nil || seen[obj] {
		return
	}
	seen[obj] = true
	s.index()
	for _, d := range s.defs[obj] {
		s.configProviders(d, sf, found, seen)
	}
	s.fieldProviders(obj, sf, found)
}

// fieldProviders adds the providers that the package's assignments to the endpoint fields
// of the struct held by the variable or field obj name (cfg.Endpoint = github.Endpoint).
func (s *scanner) fieldProviders(obj types.Object, sf *catalogue.ScopeField, found map[string]bool) {
	if obj == nil {
		return
	}
	s.index()
	for k, values := range s.fieldDefs {
		if k.obj == obj {
			for _, v := range values {
				s.endpointField(k.field, v, sf, found)
			}
		}
	}
}

// endpointField adds the provider named by the value of field, if it is the Endpoint or an
// endpoint URL field of the struct that holds the scope field sf.
func (s *scanner) endpointField(field *types.Var, value ast.Expr, sf *catalogue.ScopeField, found map[string]bool) {
	if field == nil {
		return
	}
	m := scopeFieldMember(sf)
	m.Name = field.Name()
	if !catalogue.IsField(field, m) {
		return // a field of another struct (one that embeds the Config, say)
	}
	switch name := field.Name(); {
	case name == sf.Endpoint:
		s.endpointProviders(value, found, map[types.Object]bool{})
	case slices.Contains(sf.URLFields, name):
		if p := s.pol.hostProvider(s.urlPrefix(value)); p != "" {
			found[p] = true
		}
	}
}

// endpointProviders adds the provider of an oauth2.Endpoint expression: a known endpoint
// variable or function (by package path and name), a literal with endpoint URLs, or a
// variable of this package assigned one of those.
func (s *scanner) endpointProviders(e ast.Expr, found map[string]bool, seen map[types.Object]bool) {
	e = ast.Unparen(e)
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if p := s.pol.hostProvider(s.urlPrefix(kv.Value)); p != "" {
					found[p] = true
				}
			}
		}
		return
	case *ast.CallExpr:
		if fn := catalogue.Callee(s.pass.TypesInfo, x); fn != nil && fn.Pkg() != nil && fn.Signature().Recv() == nil {
			if p := s.pol.endpoints[fn.Pkg().Path()+"."+fn.Name()]; p != "" {
				found[p] = true
			}
		}
		return
	}
	obj := s.objectOf(e)
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || seen[v] {
		return
	}
	seen[v] = true
	if p := s.pol.endpoints[v.Pkg().Path()+"."+v.Name()]; p != "" && v.Parent() == v.Pkg().Scope() {
		found[p] = true
		return
	}
	if v.Pkg() == s.pass.Pkg {
		s.index()
		for _, d := range s.defs[v] {
			s.endpointProviders(d, found, seen)
		}
	}
}

// urlPrefix returns the constant beginning of a URL expression: the whole constant, the
// constant left operand of a concatenation, or the text of a Sprintf format before its
// first verb.
func (s *scanner) urlPrefix(e ast.Expr) string {
	if v, ok := s.stringConst(e); ok {
		return v
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if x.Op == token.ADD {
			return s.urlPrefix(x.X)
		}
	case *ast.CallExpr:
		if catalogue.FullName(s.pass.TypesInfo, x) == catalogue.Sprintf && len(x.Args) > 0 {
			if f, ok := s.stringConst(x.Args[0]); ok {
				before, _, _ := strings.Cut(f, "%")
				return before
			}
		}
	}
	return ""
}

// judge reports the over-broad scopes among the constant values of e, a scope request.
func (s *scanner) judge(e ast.Expr, req request) {
	var values []scopeValue
	s.values(e, &values, map[any]bool{})
	s.judgeValues(values, req)
}

// judgeValues reports the over-broad scopes among values, of a scope request.
func (s *scanner) judgeValues(values []scopeValue, req request) {
	for _, v := range values {
		for _, scope := range scopeTokens(v.value) {
			r := s.pol.match(scope, req)
			if r == nil {
				continue
			}
			allowFor := r.Provider
			if allowFor == config.GenericProvider {
				allowFor = req.provider
			}
			if s.pass.Rules.ScopeAllowed(allowFor, scope, req.file) {
				continue
			}
			key := findingKey{v.at.Pos(), scope}
			if _, dup := s.findings[key]; !dup {
				s.findings[key] = finding{v.at, message(scope, v.from, r, req.delegated)}
			}
		}
	}
}

// scopeTokens splits a scope value into scopes: at white space, as RFC 6749 writes them,
// and at commas, as Slack, Linear and GitHub read them.
func scopeTokens(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return unicode.IsSpace(r) || r == ',' })
}

func message(scope, from string, r *config.ScopeRule, delegated bool) string {
	advice := "request only the scopes the task needs"
	if r.Advice != "" {
		advice = r.Advice
	}
	if n := len(r.Alternatives); n > 0 {
		alts := strings.Join(r.Alternatives[:n-1], ", ")
		if n > 1 {
			alts += " or "
		}
		advice = "request " + alts + r.Alternatives[n-1] + " instead"
	}
	grants := r.Grants
	if grants == "" {
		grants = "more than the task needs"
	}
	if delegated {
		grants += ", for every user the service account acts as (domain-wide delegation)"
	}
	if from != "" {
		scope = fmt.Sprintf("%q (from var %s)", scope, from)
	} else {
		scope = strconv.Quote(scope)
	}
	return fmt.Sprintf("scope %s grants %s; %s", scope, grants, advice)
}

// values collects the constant strings that e may hold: constants, slice literals,
// append, strings.Join, strings.Fields and strings.Split of constants, the values
// assigned to variables of this package, the fields of a never-changed struct variable of
// this package, and what a helper function of this package without inputs returns.
func (s *scanner) values(e ast.Expr, out *[]scopeValue, seen map[any]bool) {
	e = ast.Unparen(e)
	if tv, ok := s.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		if tv.Value.Kind() == constant.String {
			*out = append(*out, scopeValue{constant.StringVal(tv.Value), s.writtenAt(e), ""})
		}
		return
	}
	switch x := e.(type) {
	case *ast.CompositeLit:
		for _, elt := range x.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value // [...]string{0: "a"}
			}
			s.values(elt, out, seen)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok {
			if b, ok := s.pass.TypesInfo.Uses[id].(*types.Builtin); ok {
				if b.Name() == "append" {
					for _, arg := range x.Args {
						s.values(arg, out, seen)
					}
				}
				return
			}
		}
		fn := catalogue.Callee(s.pass.TypesInfo, x)
		if fn == nil {
			return
		}
		switch fn.Origin().FullName() {
		case catalogue.ScopeJoin:
			if len(x.Args) == 2 {
				s.values(x.Args[0], out, seen)
			}
			return
		case catalogue.ScopeFieldsFunc:
			if len(x.Args) == 1 {
				s.values(x.Args[0], out, seen) // judge splits at white space
			}
			return
		case catalogue.ScopeSplit:
			if len(x.Args) != 2 {
				return
			}
			sep, ok := s.stringConst(x.Args[1])
			if !ok || sep == "" {
				return
			}
			var parts []scopeValue
			s.values(x.Args[0], &parts, seen)
			for _, p := range parts {
				var list []string
				for _, scope := range strings.Split(p.value, sep) {
					// One scope each: "a b" split at "," is no scope the server knows.
					if scope = strings.TrimSpace(scope); scope != "" && !strings.ContainsAny(scope, " \t\n") {
						list = append(list, scope)
					}
				}
				p.value = strings.Join(list, " ")
				*out = append(*out, p)
			}
			return
		}
		if fn.Pkg() == s.pass.Pkg {
			s.helperValues(fn, out, seen)
		}
	case *ast.Ident, *ast.SelectorExpr:
		if sel, ok := e.(*ast.SelectorExpr); ok {
			// prod.Scopes, where var prod = settings{Scopes: []string{...}} is never changed.
			if val, _ := s.static().Field(sel); val != nil {
				if !seen[val] {
					seen[val] = true
					s.values(val, out, seen)
				}
				return
			}
		}
		v, ok := s.objectOf(e).(*types.Var)
		if ok && v.Pkg() != nil && v.Pkg() != s.pass.Pkg && !v.IsField() {
			// Another package's list, never changed there.
			var fact scopeListFact
			if s.changes.Unchanged(v) && s.pass.ImportObjectFact(v, &fact) {
				for _, sc := range fact.Scopes {
					*out = append(*out, scopeValue{sc, e, v.Pkg().Name() + "." + v.Name()})
				}
			}
			return
		}
		// Fields may be changed anywhere: not followed.
		if !ok || v.IsField() || v.Pkg() != s.pass.Pkg || seen[v] {
			return
		}
		seen[v] = true
		s.index()
		for _, d := range s.defs[v] {
			s.values(d, out, seen)
		}
	}
}

// helperValues collects what a function of this package returns, if its result cannot
// depend on what a call passes it: it has one result, and no parameter or receiver is
// used in its body. (func scopes() []string { return []string{drive.DriveScope} }.)
func (s *scanner) helperValues(fn *types.Func, out *[]scopeValue, seen map[any]bool) {
	sig := fn.Signature()
	if seen[fn] || sig.Results().Len() != 1 {
		return
	}
	seen[fn] = true
	s.index()
	decl := s.funcDecls[fn]
	if decl == nil || decl.Body == nil {
		return
	}
	inputs := map[types.Object]bool{}
	if sig.Recv() != nil {
		inputs[sig.Recv()] = true
	}
	for i := range sig.Params().Len() {
		inputs[sig.Params().At(i)] = true
	}
	var returns []*ast.ReturnStmt
	uses := false
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if inputs[s.pass.TypesInfo.Uses[n]] {
				uses = true
			}
		case *ast.ReturnStmt:
			if !slices.ContainsFunc(returns, func(r *ast.ReturnStmt) bool { return r.Pos() <= n.Pos() && n.End() <= r.End() }) {
				returns = append(returns, n)
			}
		case *ast.FuncLit:
			// Its returns are its own; a use of an input inside it still counts.
			ast.Inspect(n.Body, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && inputs[s.pass.TypesInfo.Uses[id]] {
					uses = true
				}
				return true
			})
			return false
		}
		return true
	})
	if uses {
		return
	}
	result := sig.Results().At(0)
	for _, r := range returns {
		switch len(r.Results) {
		case 1:
			s.values(r.Results[0], out, seen)
		case 0: // a bare return of a named result
			if !seen[result] {
				seen[result] = true
				for _, d := range s.defs[result] {
					s.values(d, out, seen)
				}
			}
		}
	}
}

// static returns the package's never-changed struct variables, indexed once.
func (s *scanner) static() *staticvar.Index {
	if s.statics == nil {
		s.statics = staticvar.New(s.pass.TypesInfo, s.pass.Files, s.changes)
	}
	return s.statics
}

// exportScopeLists exports a scopeListFact for each exported package-level list of
// strings initialised with a literal that holds a scope the policy knows, and that the
// package never changes. The standard library has none.
func exportScopeLists(pass *check.Pass, pol *policy, changes *staticvar.Changes) {
	if config.IsStd(pass.Pass) {
		return
	}
	lists := map[*types.Var][]string{}
	staticvar.Inits(pass.TypesInfo, pass.Files, func(v *types.Var, init ast.Expr) {
		lit, ok := ast.Unparen(init).(*ast.CompositeLit)
		if !ok || !v.Exported() || !isStringList(v.Type()) {
			return
		}
		var elems []string
		known := false
		for _, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			if sc, ok := catalogue.StringConst(pass.TypesInfo, elt); ok {
				elems = append(elems, sc)
				known = known || slices.ContainsFunc(scopeTokens(sc), pol.knows)
			}
		}
		if known {
			lists[v] = elems
		}
	})
	staticvar.DropChanged(changes, lists)
	for v, elems := range lists {
		pass.ExportObjectFact(v, &scopeListFact{Scopes: elems})
	}
}

// writtenAt returns where a constant scope is written: the declaration of a constant of
// this package, else the expression itself.
func (s *scanner) writtenAt(e ast.Expr) ast.Expr {
	if c, ok := s.objectOf(e).(*types.Const); ok && c.Pkg() == s.pass.Pkg {
		s.index()
		if d, ok := s.constDecls[c]; ok {
			return d
		}
	}
	return e
}

// objectOf returns the variable, field or constant an identifier or selector names.
func (s *scanner) objectOf(e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return s.pass.TypesInfo.ObjectOf(x)
	case *ast.SelectorExpr:
		return s.pass.TypesInfo.ObjectOf(x.Sel)
	case *ast.StarExpr:
		return s.objectOf(x.X)
	}
	return nil
}

func (s *scanner) stringConst(e ast.Expr) (string, bool) {
	return catalogue.StringConst(s.pass.TypesInfo, e)
}

// index records, once, what the package assigns to its variables and fields and where it
// declares its constants.
func (s *scanner) index() {
	if s.indexed {
		return
	}
	s.indexed = true
	s.defs = map[types.Object][]ast.Expr{}
	s.fieldDefs = map[fieldKey][]ast.Expr{}
	s.constDecls = map[*types.Const]ast.Expr{}
	s.funcDecls = map[*types.Func]*ast.FuncDecl{}
	info := s.pass.TypesInfo
	for _, file := range s.pass.Files {
		for _, decl := range file.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok {
				if fn, ok := info.Defs[fd.Name].(*types.Func); ok {
					s.funcDecls[fn] = fd
				}
			}
		}
	}
	ins := s.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	assign := func(lhs, rhs ast.Expr) {
		switch l := ast.Unparen(lhs).(type) {
		case *ast.Ident:
			if obj := info.ObjectOf(l); obj != nil {
				s.defs[obj] = append(s.defs[obj], rhs)
			}
		case *ast.SelectorExpr:
			if f, ok := info.ObjectOf(l.Sel).(*types.Var); ok && f.IsField() {
				s.defs[f] = append(s.defs[f], rhs)
				if holder := s.objectOf(l.X); holder != nil {
					k := fieldKey{holder, f}
					s.fieldDefs[k] = append(s.fieldDefs[k], rhs)
				}
			}
		}
	}
	for n := range ins.PreorderSeq((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CompositeLit)(nil), (*ast.RangeStmt)(nil)) {
		switch n := n.(type) {
		case *ast.RangeStmt:
			// for _, v := range list: v holds the elements of a list of strings, whose
			// values are the list's values.
			if n.Value != nil && isStringList(info.TypeOf(n.X)) {
				assign(n.Value, n.X)
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.ASSIGN || n.Tok == token.DEFINE) {
				for i := range n.Lhs {
					assign(n.Lhs[i], n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			for i, id := range n.Names {
				switch obj := info.Defs[id].(type) {
				case *types.Var:
					if i < len(n.Values) && len(n.Names) == len(n.Values) {
						s.defs[obj] = append(s.defs[obj], n.Values[i])
					}
				case *types.Const:
					if i < len(n.Values) {
						s.constDecls[obj] = n.Values[i]
					} else {
						s.constDecls[obj] = id // an implicitly repeated constant
					}
				}
			}
		case *ast.CompositeLit:
			for _, elt := range n.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok {
						if f, ok := info.Uses[id].(*types.Var); ok && f.IsField() {
							s.defs[f] = append(s.defs[f], kv.Value)
						}
					}
				}
			}
		}
	}
}

// isStringList reports whether t is a slice or array of strings.
func isStringList(t types.Type) bool {
	var elem types.Type
	switch u := types.Unalias(t).(type) {
	case nil:
		return false
	default:
		switch l := u.Underlying().(type) {
		case *types.Slice:
			elem = l.Elem()
		case *types.Array:
			elem = l.Elem()
		}
	}
	b, ok := types.Unalias(elem).(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// hostProvider returns the provider whose endpoint host the URL has, or "".
func (p *policy) hostProvider(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return ""
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range p.hosts {
		if host == h.host || h.suffix && strings.HasSuffix(host, "."+h.host) {
			return h.provider
		}
	}
	return ""
}
