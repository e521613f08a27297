package oauthstate

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// A copy-and-paste ("out of band") login shows the authorization URL, and the user types
// the code the server displays into the program: no handler receives a redirect, so there
// is no callback to forge and the state protects nothing (the missing PKCE is pkce's
// finding). Evidence, for the function that builds the URL:
//
//   - the redirect URI is an out-of-band one (urn:ietf:wg:oauth:2.0:oob): set on the
//     config in that function before the call, in the config's literal, or as the
//     redirect_uri option of the call; or
//   - the code is read from the terminal (fmt.Scan, a bufio reader or scanner, a prompt)
//     and handed to Exchange or returned, by that function or by a function of this
//     package that calls it.

// inputTransforms make a string from a typed line: their result is still what was typed.
var inputTransforms = []string{
	"strings.TrimSpace", "strings.TrimSuffix", "strings.TrimPrefix", "strings.Trim", "strings.TrimRight", "strings.TrimLeft",
	"strings.TrimFunc", "strings.ToLower", "strings.Clone", "bytes.TrimSpace",
	"net/url.QueryUnescape", "net/url.PathUnescape",
	// The user pastes the whole URL the browser was sent to.
	"net/url.Parse", "net/url.ParseRequestURI", "net/url.ParseQuery",
}

// inputMethods read a part of a pasted URL: u.Query().Get("code").
var inputMethods = []string{"(*net/url.URL).Query", "(net/url.Values).Get"}

// pasted reports whether the authorization request at n belongs to a copy-and-paste
// login: an AuthCodeURL (pastedLogin), or an authhandler token source whose handler
// returns a code the user typed.
func (c *checker) pasted(n inspector.Cursor) bool {
	call := n.Node().(*ast.CallExpr)
	switch catalogue.FullName(c.pass.TypesInfo, call) {
	case catalogue.AuthCodeURL, catalogue.MCPGoGetAuthorizationURL:
		return c.pastedLogin(n)
	case catalogue.AuthHandlerTokenSource, catalogue.AuthHandlerTokenSourceWithPKCE:
		return len(call.Args) > 3 && c.handlerReadsCode(call.Args[3])
	}
	return false
}

// pastedLogin reports whether the authorization request at n (an AuthCodeURL or mcp-go
// GetAuthorizationURL call) belongs to a copy-and-paste login.
func (c *checker) pastedLogin(n inspector.Cursor) bool {
	if c.oobRedirect(n) {
		return true
	}
	fn, ok := enclosingFunc(n)
	if !ok {
		return false
	}
	if c.readsPastedCode(fn.Node()) {
		return true
	}
	// A function that only builds the URL, called by one that reads the code.
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok {
		return false
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	for _, u := range c.usesOf(obj) {
		if k, _ := u.ParentEdge(); k != edge.CallExpr_Fun {
			continue
		}
		if caller, ok := enclosingFunc(u); ok && c.readsPastedCode(caller.Node()) {
			return true
		}
	}
	return false
}

// oobRedirect reports whether the AuthCodeURL or Exchange call sends an out-of-band
// redirect URI.
func (c *checker) oobRedirect(n inspector.Cursor) bool {
	uri, ok := c.flow.RedirectURI(n)
	return ok && slices.Contains(catalogue.OOBRedirectURIs, strings.TrimSpace(uri))
}

// readsPastedCode reports whether fn (a FuncDecl or FuncLit) reads a code from the terminal
// and hands it to Exchange (or mcp-go's ProcessAuthorizationResponse) or returns it.
func (c *checker) readsPastedCode(fn ast.Node) bool {
	cur, ok := c.ins.Root().FindNode(fn)
	if !ok {
		return false
	}
	for m := range cur.Preorder((*ast.CallExpr)(nil), (*ast.ReturnStmt)(nil)) {
		switch n := m.Node().(type) {
		case *ast.CallExpr:
			switch catalogue.FullName(c.pass.TypesInfo, n) {
			case catalogue.Exchange, catalogue.MCPGoProcessAuthorizationResponse: // the code is argument 1
				if len(n.Args) >= 2 && c.typed(n.Args[1], 0) {
					return true
				}
			}
		case *ast.ReturnStmt:
			if len(n.Results) > 0 && c.typed(n.Results[0], 0) {
				return true
			}
		}
	}
	return false
}

// typed reports whether e is what the user typed at the terminal: the result of a
// terminal read, a variable filled only by such reads (or by fmt.Scan(&v)), a trimmed
// copy, or the result of a function of this package that returns one.
func (c *checker) typed(e ast.Expr, depth int) bool {
	if depth > 6 {
		return false
	}
	info := c.pass.TypesInfo
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		if tv, ok := info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return c.typed(e.Args[0], depth+1) // string(line)
		}
		fn, _ := typeutil.Callee(info, e).(*types.Func)
		if fn == nil {
			return false
		}
		name := fn.Origin().FullName()
		switch {
		case slices.Contains(catalogue.TerminalReadFuncs, name):
			return true
		case slices.Contains(inputTransforms, name):
			return len(e.Args) > 0 && c.typed(e.Args[0], depth+1)
		case slices.Contains(inputMethods, name):
			sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr)
			return ok && c.typed(sel.X, depth+1)
		}
		if decl := c.flow.FuncDecl(fn); decl != nil {
			return c.returnsTyped(decl.Body, depth+1)
		}
	case *ast.Ident:
		v, ok := info.Uses[e].(*types.Var)
		if !ok || v.IsField() || v.Parent() == nil {
			return false
		}
		if v.Parent() == v.Pkg().Scope() {
			return c.flagVar(v) // var code = flag.String("code", ...) is read as *code
		}
		return c.typedVar(v, depth)
	case *ast.StarExpr: // *code, code := flag.String("code", "", ...)
		if call, ok := ast.Unparen(e.X).(*ast.CallExpr); ok {
			return slices.Contains(catalogue.TerminalFlagFuncs, catalogue.FullName(info, call))
		}
		id, ok := ast.Unparen(e.X).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.Uses[id].(*types.Var)
		return ok && c.flagVar(v)
	}
	return false
}

// flagVar reports whether every value given to v is a command-line flag the user types: a
// pointer from flag.String, or a string set by flag.StringVar(&v, ...).
func (c *checker) flagVar(v *types.Var) bool {
	info := c.pass.TypesInfo
	if _, ok := v.Type().Underlying().(*types.Pointer); ok {
		defs := c.flow.Defs(v)
		for _, d := range defs {
			call, ok := ast.Unparen(d).(*ast.CallExpr)
			if !ok || !slices.Contains(catalogue.TerminalFlagFuncs, catalogue.FullName(info, call)) {
				return false
			}
		}
		return len(defs) > 0
	}
	// A package-level string filled by flag.StringVar(&v, ...) and never assigned.
	if v.Parent() != v.Pkg().Scope() {
		return false
	}
	found := false
	for _, u := range c.usesOf(v) {
		switch k, _ := u.ParentEdge(); k {
		case edge.UnaryExpr_X:
			un := u.Parent().Node().(*ast.UnaryExpr)
			k2, _ := u.Parent().ParentEdge()
			if un.Op != token.AND || k2 != edge.CallExpr_Args ||
				!slices.Contains(catalogue.TerminalScanFuncs, catalogue.FullName(info, u.Parent().Parent().Node().(*ast.CallExpr))) {
				return false
			}
			found = true
		case edge.AssignStmt_Lhs:
			return false
		}
	}
	return found
}

// typedVar reports whether every value given to the local variable v is what the user
// typed: scanned into it (fmt.Scan(&v)) or assigned from a terminal read.
func (c *checker) typedVar(v *types.Var, depth int) bool {
	if c.typing[v] {
		return true // code = strings.TrimSpace(code): the other values decide
	}
	if c.typing == nil {
		c.typing = map[*types.Var]bool{}
	}
	c.typing[v] = true
	defer delete(c.typing, v)
	scope, ok := c.ins.Root().FindByPos(v.Parent().Pos(), v.Parent().End())
	if !ok {
		return false
	}
	info := c.pass.TypesInfo
	found := false
	for cur := range scope.Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		if info.Defs[id] != v && info.Uses[id] != v {
			continue
		}
		parent := cur.Parent()
		switch kind, index := cur.ParentEdge(); kind {
		case edge.UnaryExpr_X:
			if parent.Node().(*ast.UnaryExpr).Op != token.AND {
				continue
			}
			k, _ := parent.ParentEdge()
			if k != edge.CallExpr_Args {
				return false // its address goes elsewhere
			}
			scan := parent.Parent().Node().(*ast.CallExpr)
			if !slices.Contains(catalogue.TerminalScanFuncs, catalogue.FullName(info, scan)) || c.readsRequest(scan) {
				return false // not read from the terminal: fmt.Fscan(r.Body, &code) reads the request
			}
			found = true
		case edge.AssignStmt_Lhs:
			as := parent.Node().(*ast.AssignStmt)
			var rhs ast.Expr
			switch {
			case len(as.Lhs) == len(as.Rhs):
				rhs = as.Rhs[index]
			case index == 0 && len(as.Rhs) == 1:
				rhs = as.Rhs[0] // line, err := r.ReadString('\n')
			}
			if rhs == nil || as.Tok != token.ASSIGN && as.Tok != token.DEFINE || !c.typed(rhs, depth+1) {
				return false
			}
			found = true
		case edge.ValueSpec_Names:
			spec := parent.Node().(*ast.ValueSpec)
			switch {
			case len(spec.Values) == 0: // var code string
			case len(spec.Values) == len(spec.Names) && c.typed(spec.Values[index], depth+1),
				index == 0 && len(spec.Values) == 1 && c.typed(spec.Values[0], depth+1):
				found = true
			default:
				return false
			}
		case edge.RangeStmt_Key, edge.RangeStmt_Value, edge.IncDecStmt_X, edge.Field_Names:
			return false
		}
	}
	return found
}

// readsRequest reports whether a scan call reads from an HTTP request (fmt.Fscan(r.Body, &v)).
func (c *checker) readsRequest(scan *ast.CallExpr) bool {
	if len(scan.Args) == 0 {
		return false
	}
	sel, ok := ast.Unparen(scan.Args[0]).(*ast.SelectorExpr)
	return ok && isRequest(c.pass.TypesInfo.TypeOf(sel.X))
}

// returnsTyped reports whether the function body returns what the user typed as its
// first result: every return does, but those that return "" (on an error).
func (c *checker) returnsTyped(body *ast.BlockStmt, depth int) bool {
	if body == nil {
		return false
	}
	typed, other := false, false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			switch {
			case len(n.Results) == 0:
				other = true
			case c.typed(n.Results[0], depth):
				typed = true
			default:
				if s, ok := catalogue.StringConst(c.pass.TypesInfo, n.Results[0]); !ok || s != "" {
					other = true
				}
			}
		}
		return !other
	})
	return typed && !other
}

// handlerReadsCode reports whether an authhandler.AuthorizationHandler (a function literal
// or a function of this package) returns a code the user typed at the terminal.
func (c *checker) handlerReadsCode(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		return c.returnsTyped(e.Body, 0)
	case *ast.Ident, *ast.SelectorExpr:
		var id *ast.Ident
		if sel, ok := e.(*ast.SelectorExpr); ok {
			id = sel.Sel
		} else {
			id = e.(*ast.Ident)
		}
		if fn, ok := c.pass.TypesInfo.Uses[id].(*types.Func); ok {
			if decl := c.flow.FuncDecl(fn); decl != nil {
				return c.returnsTyped(decl.Body, 0)
			}
		}
	}
	return false
}
