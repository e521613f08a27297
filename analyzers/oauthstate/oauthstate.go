package oauthstate

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/authflow"
	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

var Analyzer = &analysis.Analyzer{
	Name:             "oauthstate",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/oauthstate.md",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer, authflow.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
}

const (
	msgEmptyState = "%s with an empty state: nothing ties the callback to the login this browser started (login CSRF); " +
		"pass a fresh random state per login (crypto/rand.Text() or oauth2.GenerateVerifier()), keep it in the user's session and compare it in the callback"
	msgFixedState = "%s state is %s: anyone can forge the callback with it (login CSRF); " +
		"pass a fresh random state per login (crypto/rand.Text() or oauth2.GenerateVerifier()), keep it in the user's session and compare it in the callback"
	msgNoStateCheck = "callback exchanges the code without checking state: an attacker can log the user into the attacker's account (login CSRF, RFC 6749 §10.12); " +
		"compare the request's \"state\" with the value stored at login before Exchange, or use PKCE: oauth2.VerifierOption(v)"
	msgStateAfterExchange = "callback reads state only after exchanging the code: the attacker's code is already redeemed (login CSRF); " +
		"compare the request's \"state\" with the value stored at login before calling Exchange"
	msgStateNotCompared = "callback reads state but never compares it with the value stored at login: an attacker can log the user into the attacker's account (login CSRF, RFC 6749 §10.12); " +
		"compare the request's \"state\" with the value stored at login (subtle.ConstantTimeCompare) before Exchange, or use PKCE: oauth2.VerifierOption(v)"
	msgRequestState = "%s state is the request parameter %q: whoever sends the link chooses it, so it does not tie the callback to this browser (login CSRF); " +
		"pass a fresh random state per login (crypto/rand.Text() or oauth2.GenerateVerifier()), keep it in the user's session and compare it in the callback"
	msgPostMessage = "the code comes from Google's popup flow (redirect_uri postmessage), sent by the page's script, and nothing checks where the request came from: another site can send its own code here (login CSRF); " +
		"reject requests without the X-Requested-With header (or without a CSRF token) before Exchange"
	msgExpectedFromRequest = "SetExpectedState with the state of the callback request: ProcessAuthorizationResponse then compares the state with itself (login CSRF); " +
		"set the expected state to the value made with client.GenerateState() when the login started"
)

type checker struct {
	pass       *check.Pass
	flow       *authflow.Flow
	ins        *inspector.Inspector
	reported   map[any]bool
	uses       map[types.Object][]inspector.Cursor // uses of functions and variables, by usesOf
	checks     map[ast.Node]bool                   // by checksState
	inProgress map[ast.Node]bool                   // being judged by checksState
	typing     map[*types.Var]bool                 // being judged by typedVar
	cycleHits  int                                 // provisional answers given for functions in progress
}

func run(pass *check.Pass) error {
	if authflow.IsOAuth2Library(pass.Pkg) || !catalogue.ImportsAny(pass.Pkg, catalogue.OAuth2Pkg, catalogue.AuthHandlerPkg, catalogue.MCPGoTransportPkg, catalogue.MCPGoClientPkg) {
		return nil
	}
	c := &checker{
		pass:       pass,
		flow:       pass.ResultOf[authflow.Analyzer].(*authflow.Flow),
		reported:   map[any]bool{},
		checks:     map[ast.Node]bool{},
		inProgress: map[ast.Node]bool{},
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.ins = ins
	var exchanges []inspector.Cursor
	for _, file := range pass.Files {
		for _, root := range authflow.LintedRoots(pass, file) {
			c.scan(root, &exchanges)
		}
	}
	for _, n := range exchanges {
		c.callback(n)
	}
	return nil
}

// scan reports the states of the authorization requests under root and collects its
// Exchange calls.
func (c *checker) scan(root ast.Node, exchanges *[]inspector.Cursor) {
	pass := c.pass
	cur, _ := c.ins.Root().FindNode(root)
	for n := range cur.Preorder((*ast.CallExpr)(nil)) {
		call := n.Node().(*ast.CallExpr)
		fn, _ := typeutil.Callee(pass.TypesInfo, call).(*types.Func)
		if fn == nil || !authflow.ArgsFit(call, fn) {
			continue
		}
		switch name := fn.Origin().FullName(); name {
		case catalogue.AuthCodeURL:
			// RFC 9700 §2.1: a client using PKCE may rely on it against CSRF (the
			// oauth2 package's own example passes "state" with S256ChallengeOption).
			if !c.flow.AuthURLOptions(call).HasS256Challenge() {
				c.state(n, 0, "AuthCodeURL")
			}
		case catalogue.AuthHandlerTokenSource:
			c.state(n, 2, "authhandler.TokenSource")
		case catalogue.AuthHandlerTokenSourceWithPKCE:
			// Non-nil PKCEParams: PKCE is in use (pkce judges its method).
			if tv, ok := pass.TypesInfo.Types[call.Args[4]]; ok && tv.IsNil() {
				c.state(n, 2, "authhandler.TokenSourceWithPKCE")
			}
		case catalogue.MCPGoGetAuthorizationURL:
			// mcp-go sends a non-empty challenge with method S256: as for AuthCodeURL.
			if !c.mcpChallenge(call.Args[2], 0) {
				c.state(n, 1, "GetAuthorizationURL")
			}
		case catalogue.Exchange:
			*exchanges = append(*exchanges, n)
		case catalogue.MCPGoSetExpectedState:
			if req := requestParam(pass.TypesInfo, n); req != nil && c.paramValue(call.Args[0], req, "state") && !c.processesOtherState(n, req) {
				pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgExpectedFromRequest})
			}
		}
	}
}

// state reports a state argument that is the same for every login, or that the request
// which starts the login chooses.
func (c *checker) state(n inspector.Cursor, index int, api string) {
	call := n.Node().(*ast.CallExpr)
	if index >= len(call.Args) {
		return
	}
	e := call.Args[index]
	v := c.flow.StringOrigin(e)
	if !v.Origin.Reportable() {
		if v.Origin == authflow.Unknown {
			if key, ok := c.requestChosen(n, e); ok && !c.pasted(n) {
				c.pass.Reportf(e.Pos(), msgRequestState, api, key)
			}
		}
		return
	}
	var root any = e.Pos()
	if v.Obj != nil {
		root = v.Obj
	} else if id, ok := ast.Unparen(e).(*ast.Ident); ok && c.pass.TypesInfo.Uses[id] != nil {
		root = c.pass.TypesInfo.Uses[id]
	}
	if c.pasted(n) {
		return // a copy-and-paste login has no callback to forge (pasted.go)
	}
	if v.Empty && v.Origin == authflow.Constant {
		c.pass.Reportf(e.Pos(), msgEmptyState, api)
		return
	}
	if c.reported[root] {
		return
	}
	c.reported[root] = true
	c.pass.Reportf(e.Pos(), msgFixedState, api, v.Describe(c.pass.Pkg))
}

// callback reports an Exchange, in a function with an *http.Request parameter, of the
// request's "code", with no PKCE verifier and no check of the request's "state" before it:
// neither in the function, nor in a helper of this package it hands the request to, nor
// in a middleware that may wrap it.
func (c *checker) callback(n inspector.Cursor) {
	call := n.Node().(*ast.CallExpr)
	if len(call.Args) < 2 {
		return
	}
	req := requestParam(c.pass.TypesInfo, n)
	if req == nil || !c.paramValue(call.Args[1], req, "code") {
		return
	}
	if k := c.flow.CallOptions(call, 2); k&(authflow.Verifier|authflow.Unresolved|authflow.OtherGrant) != 0 {
		return // PKCE protects the exchange, the options are not known, or it is another grant
	}
	fn, _ := enclosingFunc(n)
	readAfter, readUnchecked := false, false
	for m := range fn.Preorder((*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)) {
		if c.readsState(m.Node()) {
			// A "state" read from any query or form (vals from url.ParseQuery too).
			if !c.stateChecked(m) {
				readUnchecked = true
				continue
			}
			if m.Node().Pos() < call.Pos() {
				return
			}
			readAfter = true
			continue
		}
		if m, ok := m.Node().(*ast.CallExpr); ok {
			if c.paramRead(m, req, "grant_type") {
				return // a token endpoint (an authorization-server facade): no state there
			}
			if m.Pos() < call.Pos() && (c.handsOnRequest(m, req) || c.unnamedParamRead(m)) {
				return // a helper given the request, or a read of a parameter named elsewhere, may check the state
			}
		}
	}
	if c.handlerWrapped(fn, 0, newWalk()) || c.exportedHelper(fn) {
		return // a middleware or a caller may check it
	}
	msg := msgNoStateCheck
	if c.oobRedirect(n) {
		return // the user pastes the code shown by the server into a form: no redirect to forge
	}
	if uri, ok := c.flow.RedirectURI(n); ok && uri == catalogue.PostMessageRedirectURI {
		// Google's popup code flow: the page's script posts the code; no redirect brings
		// it, and the defence is a header a cross-site form cannot send.
		if c.readsOriginCheck(fn) {
			return
		}
		msg = msgPostMessage
	}
	switch {
	case readAfter:
		msg = msgStateAfterExchange
	case readUnchecked:
		msg = msgStateNotCompared
	}
	c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msg})
}

// requestParam returns the *http.Request parameter of the function enclosing n, or nil.
func requestParam(info *types.Info, n inspector.Cursor) *types.Var {
	_, sig := enclosingFuncSig(info, n)
	if sig == nil {
		return nil
	}
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if isRequest(p.Type()) {
			return p
		}
	}
	return nil
}

func enclosingFunc(n inspector.Cursor) (inspector.Cursor, bool) {
	for enc := range n.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return enc, true
	}
	return inspector.Cursor{}, false
}

func enclosingFuncSig(info *types.Info, n inspector.Cursor) (inspector.Cursor, *types.Signature) {
	enc, ok := enclosingFunc(n)
	if !ok {
		return enc, nil
	}
	switch f := enc.Node().(type) {
	case *ast.FuncLit:
		sig, _ := info.TypeOf(f).(*types.Signature)
		return enc, sig
	case *ast.FuncDecl:
		if fn, ok := info.Defs[f.Name].(*types.Func); ok {
			return enc, fn.Signature()
		}
	}
	return enc, nil
}

// paramValue reports whether e is the request parameter key of req, read directly or
// through a local variable: r.FormValue("code"), q.Get("code") with q := r.URL.Query().
func (c *checker) paramValue(e ast.Expr, req *types.Var, key string) bool {
	e = ast.Unparen(e)
	if call, ok := e.(*ast.CallExpr); ok {
		return c.paramRead(call, req, key)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	for _, d := range c.flow.Defs(v) {
		if call, ok := ast.Unparen(d).(*ast.CallExpr); ok && c.paramRead(call, req, key) {
			return true
		}
	}
	return false
}

// paramKey returns the constant key of a query or form parameter read — r.FormValue(key),
// r.PostFormValue(key), v.Get(key), v.Has(key) of any request or url.Values — or "".
func (c *checker) paramKey(call *ast.CallExpr) string {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil || !slices.Contains(catalogue.RequestParamFuncs, fn.Origin().FullName()) || len(call.Args) != 1 {
		return ""
	}
	k, _ := c.flow.ConstString(call.Args[0])
	return k
}

// paramRead reports whether call reads the parameter key of the request req:
// r.FormValue(key), r.PostFormValue(key), r.URL.Query().Get(key), r.Form.Get(key).
func (c *checker) paramRead(call *ast.CallExpr, req *types.Var, key string) bool {
	if c.paramKey(call) != key {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && c.fromRequest(sel.X, req, 0)
}

// fromRequest reports whether e is the request req or derived from it: r, r.URL,
// r.URL.Query(), r.Form, or a local variable set from one of those.
func (c *checker) fromRequest(e ast.Expr, req *types.Var, depth int) bool {
	if depth > 4 {
		return false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return false
		}
		if v == req {
			return true
		}
		for _, d := range c.flow.Defs(v) {
			if c.fromRequest(d, req, depth+1) {
				return true
			}
		}
	case *ast.SelectorExpr:
		return c.fromRequest(e.X, req, depth+1)
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
			return c.fromRequest(sel.X, req, depth+1)
		}
	}
	return false
}

// handsOnRequest reports whether call passes the request (or its URL, query or form) to a
// function that might check the state: a function of this package that does (see
// checksState), or any other but fmt, log and net/http. With req nil, any request, URL or
// query counts.
func (c *checker) handsOnRequest(call *ast.CallExpr, req *types.Var) bool {
	passes := false
	for _, arg := range call.Args {
		t := c.pass.TypesInfo.TypeOf(arg)
		if t == nil || !(isRequest(t) || catalogue.URLValues.Is(t) || catalogue.URL.Is(t)) {
			continue // r.Context() and the like carry no state
		}
		if req == nil || c.fromRequest(arg, req, 0) {
			passes = true
			break
		}
	}
	if !passes {
		return false
	}
	fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if !ok {
		return true
	}
	if fn.Pkg() != nil {
		switch fn.Pkg().Path() {
		case "fmt", "log", "log/slog", catalogue.NetHTTPPkg:
			return false
		}
	}
	if decl := c.flow.FuncDecl(fn); decl != nil {
		return c.checksState(decl, 0)
	}
	return true
}

// stateLikeKeys name request parameters that may carry a state the client made itself
// (a browser app that makes and checks its own state) or a secret of the session.
var stateLikeKeys = []string{"state", "csrf", "xsrf", "nonce", "session", "secret", "rand"}

// requestChosen returns the parameter key when e is a query or form parameter of the
// request the enclosing function serves — r.FormValue("uid"), or a variable given only
// such values — and the key does not name a state, nonce or session value.
func (c *checker) requestChosen(n inspector.Cursor, e ast.Expr) (string, bool) {
	req := requestParam(c.pass.TypesInfo, n)
	if req == nil {
		return "", false
	}
	read := func(e ast.Expr) (string, bool) {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return "", false
		}
		key := c.paramKey(call)
		if key == "" || !c.paramRead(call, req, key) {
			return "", false
		}
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && fn.Name() == "Has" {
			return "", false
		}
		lower := strings.ToLower(key)
		for _, w := range stateLikeKeys {
			if strings.Contains(lower, w) {
				return "", false
			}
		}
		return key, true
	}
	if key, ok := read(e); ok {
		return key, true
	}
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return "", false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return "", false
	}
	for _, u := range c.usesOf(v) {
		switch k, _ := u.ParentEdge(); k {
		case edge.AssignStmt_Lhs, edge.UnaryExpr_X, edge.RangeStmt_Key, edge.RangeStmt_Value, edge.IncDecStmt_X:
			if k != edge.UnaryExpr_X || u.Parent().Node().(*ast.UnaryExpr).Op == token.AND {
				return "", false // set again, or its address taken: only v := r.FormValue(key) is followed
			}
		}
	}
	key := ""
	for _, d := range c.flow.Defs(v) {
		k, ok := read(d)
		if !ok || (key != "" && k != key) {
			return "", false
		}
		key = k
	}
	return key, key != ""
}

// isRequest reports whether t is *http.Request.
func isRequest(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok && catalogue.HTTPRequest.Is(t)
}

// mcpChallenge reports whether e is an S256 challenge made by mcp-go
// (client.GenerateCodeChallenge(v), transport.GenerateCodeChallenge(v)), directly or
// through local variables given only such values.
func (c *checker) mcpChallenge(e ast.Expr, depth int) bool {
	if depth > 4 {
		return false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		switch callee := typeutil.Callee(info, e).(type) {
		case *types.Func:
			return callee.Origin().FullName() == catalogue.MCPGoGenerateCodeChallenge
		case *types.Var: // client.GenerateCodeChallenge is a func-typed variable
			return callee.Pkg() != nil && callee.Pkg().Path() == catalogue.MCPGoClientPkg && callee.Name() == catalogue.MCPGoChallengeVar &&
				callee.Parent() == callee.Pkg().Scope()
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
			return false
		}
		defs := c.flow.Defs(v)
		for _, d := range defs {
			if !c.mcpChallenge(d, depth+1) {
				return false
			}
		}
		return len(defs) > 0
	}
	return false
}

// processesOtherState reports whether the function around n calls mcp-go's
// ProcessAuthorizationResponse with a state that is not the request's: with the expected
// state set from the request, that call compares the request's state with the other one.
func (c *checker) processesOtherState(n inspector.Cursor, req *types.Var) bool {
	fn, ok := enclosingFunc(n)
	if !ok {
		return false
	}
	for m := range fn.Preorder((*ast.CallExpr)(nil)) {
		call := m.Node().(*ast.CallExpr)
		if catalogue.FullName(c.pass.TypesInfo, call) == catalogue.MCPGoProcessAuthorizationResponse && len(call.Args) == 4 &&
			!c.paramValue(call.Args[2], req, "state") {
			return true
		}
	}
	return false
}
