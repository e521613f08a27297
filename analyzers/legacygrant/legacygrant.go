package legacygrant

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/authflow"
	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

var Analyzer = &analysis.Analyzer{
	Name:             "legacygrant",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/legacygrant.md",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer, authflow.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
}

const (
	msgPassword = "resource-owner password grant: the agent handles the user's password (no MFA, no consent, every right the user has) and OAuth 2.1 removed it (RFC 9700 §2.4: MUST NOT); " +
		"use the authorization-code flow with PKCE (AuthCodeURL with oauth2.S256ChallengeOption), the device flow (DeviceAuth) without a browser, or clientcredentials for the agent's own identity"
	msgImplicit = "implicit grant (response_type=%s): the access token comes back in the browser URL, where history, referrers and scripts read it, and OAuth 2.1 removed it (RFC 9700 §2.1.2); " +
		"use response_type=code with PKCE: (*oauth2.Config).AuthCodeURL with oauth2.S256ChallengeOption(v)"
	msgRegisterPassword = "client registration asks for the %q grant, which OAuth 2.1 removed (RFC 9700); " +
		"register for authorization_code (with PKCE), refresh_token or the device grant instead"
)

func run(pass *check.Pass) error {
	if authflow.IsOAuth2Library(pass.Pkg) || !catalogue.ImportsAny(pass.Pkg, catalogue.OAuth2Pkg, catalogue.NetURLPkg, catalogue.NetHTTPPkg, catalogue.GoSDKOAuthExPkg,
		catalogue.MCPGoTransportPkg, catalogue.MCPGoClientPkg) {
		return nil
	}
	c := &checker{
		pass:     pass,
		info:     pass.TypesInfo,
		flow:     pass.ResultOf[authflow.Analyzer].(*authflow.Flow),
		ins:      pass.ResultOf[inspect.Analyzer].(*inspector.Inspector),
		reported: map[token.Pos]bool{},
		consts:   map[*types.Const]bool{},
	}
	for _, file := range pass.Files {
		for _, root := range authflow.LintedRoots(pass, file) {
			c.scan(root)
		}
	}
	for _, r := range c.flow.Requests() {
		if len(r.Params) == 0 || !authflow.Linted(pass, r.Params[0].At.Pos()) {
			continue
		}
		for _, p := range r.Params {
			var msg string
			switch {
			case p.Key == "response_type" && p.Known && implicit(p.Value):
				msg = fmt.Sprintf(msgImplicit, p.Value)
			case p.Key == "grant_type" && p.Known && p.Value == "password":
				msg = msgPassword
			default:
				continue
			}
			if at := c.requestSite(p.At); at != nil {
				c.report(at, msg)
			}
		}
	}
	return nil
}

// scan reports the password grants, implicit grants and registrations under root.
func (c *checker) scan(root ast.Node) {
	cur, _ := c.ins.Root().FindNode(root)
	for cur := range cur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SelectorExpr)(nil), (*ast.AssignStmt)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.SelectorExpr: // a method value: login := cfg.PasswordCredentialsToken
			p := cur
			for k, _ := p.ParentEdge(); k == edge.ParenExpr_X; k, _ = p.ParentEdge() {
				p = p.Parent()
			}
			if k, _ := p.ParentEdge(); k != edge.CallExpr_Fun && isPasswordGrant(c.info, n) {
				c.report(n, msgPassword)
			}
		case *ast.CallExpr:
			if fn := catalogue.Callee(c.info, n); fn == nil || !authflow.ArgsFit(n, fn) {
				continue
			}
			switch catalogue.FullName(c.info, n) {
			case catalogue.PasswordCredentialsToken:
				c.report(n, msgPassword)
			case catalogue.SetAuthURLParam:
				if key, ok := c.flow.ConstString(n.Args[0]); ok && key == "response_type" {
					if v, ok := c.flow.ConstString(n.Args[1]); ok && implicit(v) {
						c.report(n, fmt.Sprintf(msgImplicit, v))
					}
				}
			}
		case *ast.CompositeLit:
			c.registration(n)
			c.jsonPassword(cur, n)
		case *ast.AssignStmt:
			c.registrationField(n)
		}
	}
}

type checker struct {
	pass     *check.Pass
	info     *types.Info
	flow     *authflow.Flow
	ins      *inspector.Inspector
	reported map[token.Pos]bool
	consts   map[*types.Const]bool // constants judged as requests
}

// report reports msg at n, once per position.
func (c *checker) report(n ast.Node, msg string) {
	if c.reported[n.Pos()] {
		return
	}
	c.reported[n.Pos()] = true
	c.pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msg})
}

// requestSite returns where to report a hand-built request (a url.Values element, a
// query string or form body), or nil when it is not sent: a string matched against
// (strings.Contains(q, "response_type=token"), a switch case, a regexp) is data, and a
// named constant given to a blank identifier is not used at all. A named constant is
// reported once: at its declaration when this package declares it, else at its first use.
func (c *checker) requestSite(at ast.Node) ast.Node {
	cur, ok := c.ins.Root().FindByPos(at.Pos(), at.End())
	if !ok || cur.Node() != at {
		return at
	}
	if c.matchedAgainst(cur) {
		return nil
	}
	var id *ast.Ident
	switch e := at.(type) {
	case *ast.Ident:
		id = e
	case *ast.SelectorExpr:
		id = e.Sel
	}
	k, ok := c.info.Uses[id].(*types.Const)
	if id == nil || !ok {
		return at
	}
	if blank(cur) || c.consts[k] {
		return nil
	}
	c.consts[k] = true
	if k.Pkg() != c.pass.Pkg {
		return at
	}
	if decl, ok := c.ins.Root().FindByPos(k.Pos(), k.Pos()+token.Pos(len(k.Name()))); ok {
		if kind, i := decl.ParentEdge(); kind == edge.ValueSpec_Names {
			if spec := decl.Parent().Node().(*ast.ValueSpec); len(spec.Values) == len(spec.Names) {
				return spec.Values[i]
			}
		}
	}
	return at
}

// matchedAgainst reports whether the string at cur is compared or searched with: an
// argument of a catalogue.StringMatchFuncs function (through a []byte conversion), an
// operand of == or !=, or a switch case.
func (c *checker) matchedAgainst(cur inspector.Cursor) bool {
	for {
		kind, i := cur.ParentEdge()
		switch kind {
		case edge.ParenExpr_X:
			cur = cur.Parent()
			continue
		case edge.CallExpr_Args:
			call := cur.Parent().Node().(*ast.CallExpr)
			if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() {
				cur = cur.Parent() // []byte("grant_type=password")
				continue
			}
			name := catalogue.FullName(c.info, call)
			switch name {
			case "strings.Replace", "strings.ReplaceAll", "bytes.Replace", "bytes.ReplaceAll":
				return i == 1 // the new string is written into a request
			case "strings.NewReplacer":
				return i%2 == 0
			}
			return slices.Contains(catalogue.StringMatchFuncs, name)
		case edge.BinaryExpr_X, edge.BinaryExpr_Y:
			op := cur.Parent().Node().(*ast.BinaryExpr).Op
			return op == token.EQL || op == token.NEQ
		case edge.CaseClause_List:
			return true
		}
		return false
	}
}

// blank reports whether the expression at cur is assigned to the blank identifier.
func blank(cur inspector.Cursor) bool {
	var lhs ast.Expr
	switch kind, i := cur.ParentEdge(); kind {
	case edge.AssignStmt_Rhs:
		if as := cur.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			lhs = as.Lhs[i]
		}
	case edge.ValueSpec_Values:
		if spec := cur.Parent().Node().(*ast.ValueSpec); len(spec.Names) == len(spec.Values) {
			lhs = spec.Names[i]
		}
	}
	id, ok := lhs.(*ast.Ident)
	return ok && id.Name == "_"
}

// jsonPassword reports a password grant sent as a JSON body (Auth0 and others accept
// one): a map literal with "grant_type": "password" that is marshalled, directly or
// through a local variable.
func (c *checker) jsonPassword(cur inspector.Cursor, lit *ast.CompositeLit) {
	t := c.info.TypeOf(lit)
	if t == nil {
		return
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !catalogue.IsString(m.Key()) || !(catalogue.IsString(m.Elem()) || types.IsInterface(m.Elem())) {
		return
	}
	var value ast.Expr
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			key, _ := c.flow.ConstString(kv.Key)
			v, _ := c.flow.ConstString(kv.Value)
			if key == "grant_type" && v == "password" {
				value = kv.Value
			}
		}
	}
	if value != nil && c.marshalled(cur) {
		c.report(value, msgPassword)
	}
}

// marshalled reports whether the value at cur is given to a catalogue.JSONMarshalFuncs
// function, directly or through a local variable it is assigned to.
func (c *checker) marshalled(cur inspector.Cursor) bool {
	cur = outer(cur)
	if c.marshalArg(cur) {
		return true
	}
	var id *ast.Ident
	switch kind, i := cur.ParentEdge(); kind {
	case edge.AssignStmt_Rhs:
		if as := cur.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			id, _ = as.Lhs[i].(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		if spec := cur.Parent().Node().(*ast.ValueSpec); len(spec.Names) == len(spec.Values) {
			id = spec.Names[i]
		}
	}
	if id == nil {
		return false
	}
	v, _ := c.info.ObjectOf(id).(*types.Var)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	scope, ok := c.ins.Root().FindByPos(v.Parent().Pos(), v.Parent().End())
	if !ok {
		return false
	}
	for u := range scope.Preorder((*ast.Ident)(nil)) {
		if c.info.Uses[u.Node().(*ast.Ident)] == v && c.marshalArg(outer(u)) {
			return true
		}
	}
	return false
}

// outer returns the outermost expression around cur that only takes its address or
// parenthesizes it.
func outer(cur inspector.Cursor) inspector.Cursor {
	for k, _ := cur.ParentEdge(); k == edge.ParenExpr_X || k == edge.UnaryExpr_X; k, _ = cur.ParentEdge() {
		cur = cur.Parent()
	}
	return cur
}

// marshalArg reports whether the expression at cur is an argument of a
// catalogue.JSONMarshalFuncs function.
func (c *checker) marshalArg(cur inspector.Cursor) bool {
	k, _ := cur.ParentEdge()
	return k == edge.CallExpr_Args && slices.Contains(catalogue.JSONMarshalFuncs, catalogue.FullName(c.info, cur.Parent().Node().(*ast.CallExpr)))
}

// isPasswordGrant reports whether sel selects (*oauth2.Config).PasswordCredentialsToken.
func isPasswordGrant(info *types.Info, sel *ast.SelectorExpr) bool {
	if s := info.Selections[sel]; s != nil {
		fn, ok := s.Obj().(*types.Func)
		return ok && fn.Origin().FullName() == catalogue.PasswordCredentialsToken
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func) // a method expression: (*oauth2.Config).PasswordCredentialsToken
	return ok && fn.Origin().FullName() == catalogue.PasswordCredentialsToken
}

// implicit reports whether a response_type asks for a token from the authorization
// endpoint: "token", "id_token token", "code token".
func implicit(responseType string) bool {
	return slices.Contains(authflow.ResponseTypes(responseType), "token")
}

// registration reports go-sdk dynamic client registration metadata that asks for a
// removed grant.
func (c *checker) registration(lit *ast.CompositeLit) {
	t := c.info.TypeOf(lit)
	if t == nil || !catalogue.GoSDKClientRegistrationMetadata.Is(t) {
		return
	}
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		return
	}
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				c.registered(c.info.Uses[id], kv.Value)
			}
		}
	}
}

// registrationField reports the same for the fields set after the metadata is made:
// meta.GrantTypes = []string{"implicit"}, or appended to.
func (c *checker) registrationField(as *ast.AssignStmt) {
	if len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			continue
		}
		if s, ok := c.info.Selections[sel]; ok && s.Kind() == types.FieldVal {
			c.registered(s.Obj(), as.Rhs[i])
		}
	}
}

// registered reports removed grants and implicit response types in the value of a
// GrantTypes or ResponseTypes field: a []string literal, or append(x, …).
func (c *checker) registered(obj types.Object, value ast.Expr) {
	field, _ := obj.(*types.Var)
	grants, responses := catalogue.IsField(field, catalogue.GoSDKRegistrationGrantTypes), catalogue.IsField(field, catalogue.GoSDKRegistrationResponseTypes)
	if !grants && !responses {
		return
	}
	var elts []ast.Expr
	switch v := ast.Unparen(value).(type) {
	case *ast.CompositeLit:
		elts = v.Elts
	case *ast.CallExpr:
		if b, ok := c.info.Uses[calleeIdent(v)].(*types.Builtin); ok && b.Name() == "append" && len(v.Args) > 1 && !v.Ellipsis.IsValid() {
			elts = v.Args[1:]
		}
	}
	for _, ve := range elts {
		v, ok := c.flow.ConstString(ve)
		if !ok {
			continue
		}
		switch {
		case grants && (v == "password" || v == "implicit"):
			c.report(ve, fmt.Sprintf(msgRegisterPassword, v))
		case responses && implicit(v):
			c.report(ve, fmt.Sprintf(msgImplicit, v))
		}
	}
}

func calleeIdent(call *ast.CallExpr) *ast.Ident {
	id, _ := ast.Unparen(call.Fun).(*ast.Ident)
	return id
}
