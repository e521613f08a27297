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

// A state read is a check unless the value is only stored, logged, written into a URL or
// dropped: any comparison, lookup, switch, return or call of another function may compare
// it with the value kept at login (precision first: when unsure, it is a check).

// stateSinks receive a state without comparing it: logging, errors, redirects, URLs.
var stateSinks = []string{
	"net/http.Redirect", "net/http.Error", "net/http.SetCookie",
	"(net/url.Values).Set", "(net/url.Values).Add", "(net/http.Header).Set", "(net/http.Header).Add",
	"fmt.Errorf", "errors.New",
}

// sinkPkgs print or log their arguments.
var sinkPkgs = []string{"log", "log/slog"}

// stateTransforms make a new string from the state: their result is followed in its place.
var stateTransforms = []string{
	"fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln",
	"strings.TrimSpace", "strings.ToLower", "strings.ToUpper", "strings.Clone",
	"net/url.QueryEscape", "net/url.PathEscape", "net/url.QueryUnescape", "net/url.PathUnescape",
	"strconv.Quote",
}

// readsState reports whether n reads the "state" parameter of a request or a parsed query:
// r.FormValue("state"), q.Get("state"), q.Has("state"), q["state"].
func (c *checker) readsState(n ast.Node) bool {
	switch n := n.(type) {
	case *ast.CallExpr:
		return c.paramKey(n) == "state"
	case *ast.IndexExpr:
		key, ok := c.flow.ConstString(n.Index)
		return ok && key == "state" && catalogue.URLValues.Is(c.pass.TypesInfo.TypeOf(n.X))
	}
	return false
}

// stateChecked reports whether the state read at cur may be compared with a stored value.
func (c *checker) stateChecked(cur inspector.Cursor) bool {
	if call, ok := cur.Node().(*ast.CallExpr); ok {
		if fn, ok := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func); ok && fn.Name() == "Has" {
			return false // only whether a state is present
		}
	}
	return c.valueChecked(cur, 0, map[*types.Var]bool{})
}

// valueChecked reports whether the state value at cur, or a value made from it, may reach
// a comparison: see stateChecked.
func (c *checker) valueChecked(cur inspector.Cursor, depth int, seen map[*types.Var]bool) bool {
	if depth > 8 {
		return true
	}
	info := c.pass.TypesInfo
	parent := cur.Parent()
	kind, index := cur.ParentEdge()
	switch kind {
	case edge.ParenExpr_X, edge.UnaryExpr_X, edge.StarExpr_X, edge.IndexExpr_X, edge.SliceExpr_X, edge.TypeAssertExpr_X:
		return c.valueChecked(parent, depth+1, seen) // a value made from it
	case edge.BinaryExpr_X, edge.BinaryExpr_Y:
		bin := parent.Node().(*ast.BinaryExpr)
		switch bin.Op {
		case token.ADD:
			return c.valueChecked(parent, depth+1, seen)
		case token.EQL, token.NEQ:
			other := bin.Y
			if kind == edge.BinaryExpr_Y {
				other = bin.X
			}
			// state == "" only tests that one was sent.
			s, ok := catalogue.StringConst(info, other)
			return !ok || s != ""
		}
		return true
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return c.valueChecked(parent, depth+1, seen) // []byte(state)
		}
		switch callee := typeutil.Callee(info, call).(type) {
		case *types.Builtin:
			switch callee.Name() {
			case "len", "cap", "delete", "print", "println":
				return false
			}
		case *types.Func:
			name := callee.Origin().FullName()
			switch {
			case slices.Contains(stateTransforms, name):
				return c.valueChecked(parent, depth+1, seen)
			case slices.Contains(stateSinks, name):
				return false
			case callee.Pkg() != nil && slices.Contains(sinkPkgs, callee.Pkg().Path()):
				return false
			case callee.Pkg() != nil && callee.Pkg().Path() == "fmt" && callee.Name() != "Sscan" && callee.Name() != "Sscanf":
				return false // fmt.Print*, fmt.Fprint*
			}
		}
		return true // handed to a function that may compare it
	case edge.IndexExpr_Index:
		// m[state] = v stores under it; a lookup (v, ok := m[state]) finds the login.
		k, _ := parent.ParentEdge()
		return k != edge.AssignStmt_Lhs
	case edge.AssignStmt_Rhs:
		as := parent.Node().(*ast.AssignStmt)
		if len(as.Lhs) != len(as.Rhs) {
			return true
		}
		return c.storedChecked(as.Lhs[index], depth, seen)
	case edge.ValueSpec_Values:
		spec := parent.Node().(*ast.ValueSpec)
		if len(spec.Names) != len(spec.Values) {
			return true
		}
		return c.storedChecked(spec.Names[index], depth, seen)
	case edge.KeyValueExpr_Key, edge.KeyValueExpr_Value:
		// In a struct or map literal: stored, unless the literal is handed to a function.
		return c.literalChecked(parent.Parent(), depth, seen)
	case edge.CompositeLit_Elts:
		return c.literalChecked(parent, depth, seen)
	case edge.SelectorExpr_X:
		k, _ := parent.ParentEdge()
		return k != edge.AssignStmt_Lhs
	case edge.ExprStmt_X, edge.AssignStmt_Lhs:
		return false
	}
	return true // returned, switched on, sent, ...: it may be compared
}

// literalChecked reports whether a composite literal holding the state is handed to a
// function (which may compare it) rather than stored.
func (c *checker) literalChecked(lit inspector.Cursor, depth int, seen map[*types.Var]bool) bool {
	for {
		k, _ := lit.ParentEdge()
		if k != edge.ParenExpr_X && k != edge.UnaryExpr_X {
			break
		}
		lit = lit.Parent()
	}
	switch k, _ := lit.ParentEdge(); k {
	case edge.CallExpr_Args, edge.ReturnStmt_Results:
		return c.valueChecked(lit, depth+1, seen)
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		return c.valueChecked(lit, depth+1, seen)
	}
	return false
}

// storedChecked follows a state assigned to lhs: a local variable is followed through its
// uses; a field, element or package-level variable only stores it.
func (c *checker) storedChecked(lhs ast.Expr, depth int, seen map[*types.Var]bool) bool {
	field := false
	for {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			break
		}
		lhs, field = sel.X, true // p.State = state: follow a struct declared in the function
	}
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return false
	}
	obj := c.pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = c.pass.TypesInfo.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return false
	}
	if field && c.isParam(v) {
		return false // a field of the receiver or of a parameter: stored for later
	}
	if seen[v] {
		return false
	}
	seen[v] = true
	for _, u := range c.usesOf(v) {
		if c.valueChecked(u, depth+1, seen) {
			return true
		}
	}
	return false
}

// isParam reports whether v is a parameter, result or receiver of a function.
func (c *checker) isParam(v *types.Var) bool {
	cur, ok := c.ins.Root().FindByPos(v.Pos(), v.Pos()+token.Pos(len(v.Name())))
	if !ok {
		return true
	}
	k, _ := cur.ParentEdge()
	return k == edge.Field_Names
}

// readsOriginCheck reports whether fn reads what tells a request sent by the page's own
// script from a cross-site one: the X-Requested-With header, a CSRF header (X-CSRF-Token),
// a CSRF parameter (csrf_token), or a header or parameter whose name is not a constant.
func (c *checker) readsOriginCheck(fn inspector.Cursor) bool {
	info := c.pass.TypesInfo
	csrf := func(k string) bool {
		k = strings.ToLower(k)
		return k == "x-requested-with" || strings.Contains(k, "csrf") || strings.Contains(k, "xsrf")
	}
	for m := range fn.Preorder((*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)) {
		var key ast.Expr
		switch n := m.Node().(type) {
		case *ast.CallExpr:
			name := catalogue.FullName(info, n)
			if (name == "(net/http.Header).Get" || name == "(net/http.Header).Values" || slices.Contains(catalogue.RequestParamFuncs, name)) && len(n.Args) == 1 {
				key = n.Args[0]
			}
		case *ast.IndexExpr:
			if catalogue.HTTPHeader.Is(info.TypeOf(n.X)) {
				key = n.Index
			}
		}
		if key == nil {
			continue
		}
		if k, ok := c.flow.ConstString(key); !ok || csrf(k) {
			return true
		}
	}
	return false
}
