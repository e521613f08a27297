package authflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// RedirectURI returns the redirect URI that the AuthCodeURL or Exchange call at n sends,
// when it is a constant: the call's redirect_uri option (SetAuthURLParam), else the last
// value set to the config's RedirectURL in the enclosing function before the call, else
// the RedirectURL of the oauth2.Config literal that the receiver variable is always
// given (directly, or as the result of a function of this package).
func (f *Flow) RedirectURI(n inspector.Cursor) (string, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	call, ok := n.Node().(*ast.CallExpr)
	if !ok {
		return "", false
	}
	info := f.pass.TypesInfo
	for _, opt := range call.Args[min(len(call.Args), 1):] {
		if oc, ok := ast.Unparen(opt).(*ast.CallExpr); ok && catalogue.FullName(info, oc) == catalogue.SetAuthURLParam && len(oc.Args) == 2 {
			if key, _ := f.ConstString(oc.Args[0]); key == "redirect_uri" {
				return f.ConstString(oc.Args[1])
			}
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return "", false
	}
	recv := sel.X
	// cfg.RedirectURL = "..." in this function, before the call.
	for fn := range n.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		var last ast.Expr
		for a := range fn.Preorder((*ast.AssignStmt)(nil)) {
			as := a.Node().(*ast.AssignStmt)
			if as.Pos() > call.Pos() || len(as.Lhs) != len(as.Rhs) {
				continue
			}
			for i, lhs := range as.Lhs {
				if ls, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok && f.isRedirectField(ls) && f.sameRef(ls.X, recv) {
					last = as.Rhs[i]
				}
			}
		}
		if last != nil {
			return f.ConstString(last)
		}
		break
	}
	id, ok := ast.Unparen(recv).(*ast.Ident)
	if !ok {
		return "", false
	}
	v, ok := info.Uses[id].(*types.Var)
	if !ok {
		return "", false
	}
	return f.literalRedirect(f.defs(v), 0)
}

// literalRedirect returns the RedirectURL that every one of the values gives an
// oauth2.Config literal (or its address), following functions of this package that return
// such a literal.
func (f *Flow) literalRedirect(values []ast.Expr, depth int) (string, bool) {
	if len(values) == 0 || depth > 3 {
		return "", false
	}
	uri := ""
	for i, e := range values {
		u, ok := f.valueRedirect(e, depth)
		if !ok || (i > 0 && u != uri) {
			return "", false
		}
		uri = u
	}
	return uri, true
}

func (f *Flow) valueRedirect(e ast.Expr, depth int) (string, bool) {
	info := f.pass.TypesInfo
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		if !catalogue.ConfigType.Is(info.TypeOf(e)) {
			return "", false
		}
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if key, ok := kv.Key.(*ast.Ident); ok {
					if fv, ok := info.Uses[key].(*types.Var); ok && catalogue.IsField(fv, catalogue.ConfigRedirectURL) {
						return f.ConstString(kv.Value)
					}
				}
			}
		}
		return "", true // no RedirectURL: the empty one
	case *ast.CallExpr:
		fn := catalogue.Callee(info, e)
		if fn == nil {
			return "", false
		}
		decl := f.funcDecl(fn)
		if decl == nil || fn.Signature().Results().Len() != 1 {
			return "", false
		}
		var results []ast.Expr
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.ReturnStmt:
				if len(n.Results) == 1 {
					results = append(results, n.Results[0])
				} else {
					results = append(results, nil)
				}
			}
			return true
		})
		for _, r := range results {
			if r == nil {
				return "", false
			}
		}
		return f.literalRedirect(results, depth+1)
	}
	return "", false
}

func (f *Flow) isRedirectField(sel *ast.SelectorExpr) bool {
	s := f.pass.TypesInfo.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal {
		return false
	}
	fv, _ := s.Obj().(*types.Var)
	return catalogue.IsField(fv, catalogue.ConfigRedirectURL)
}

// sameRef reports whether a and b name the same variable, or the same field of the same
// variable (s.cfg), by object identity.
func (f *Flow) sameRef(a, b ast.Expr) bool {
	info := f.pass.TypesInfo
	switch a := ast.Unparen(a).(type) {
	case *ast.Ident:
		b, ok := ast.Unparen(b).(*ast.Ident)
		return ok && info.Uses[a] != nil && info.Uses[a] == info.Uses[b]
	case *ast.SelectorExpr:
		b, ok := ast.Unparen(b).(*ast.SelectorExpr)
		return ok && info.Uses[a.Sel] != nil && info.Uses[a.Sel] == info.Uses[b.Sel] && f.sameRef(a.X, b.X)
	}
	return false
}
