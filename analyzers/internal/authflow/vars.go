package authflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// A def is one value given to a variable.
type def struct {
	rhs   ast.Expr       // the value; nil when it is not known (x += y, range, a parameter)
	tuple int            // rhs is a call with several results and this is result #tuple; else -1
	elem  *ast.IndexExpr // an element is assigned: v[k] = rhs
	zero  bool           // declared without a value
}

// varInfo is what a variable's scope says about it.
type varInfo struct {
	defs    []def
	escapes bool            // its address is taken: it may change unseen
	calls   []*ast.CallExpr // method calls on it: v.Set(k, x)
	passed  []*ast.CallExpr // calls it is an argument of (other than append's first)
	aliased bool            // copied to another variable, field, element or result
}

// varInfo returns what the variable's scope says about v: for a local variable its
// function, for a package-level variable the package.
func (f *Flow) varInfo(v *types.Var) *varInfo {
	if isPackageLevel(v) {
		if f.pkgVars == nil {
			f.scanPackageVars()
		}
		if info := f.pkgVars[v]; info != nil {
			return info
		}
		return &varInfo{}
	}
	if info, ok := f.locals[v]; ok {
		return info
	}
	info := &varInfo{escapes: true}
	if scope := v.Parent(); scope != nil && scope.Pos().IsValid() {
		if region, ok := f.ins.Root().FindByPos(scope.Pos(), scope.End()); ok {
			found := map[*types.Var]*varInfo{}
			for c := range region.Preorder((*ast.Ident)(nil)) {
				if lv, ok := f.identVar(c); ok && lv == v {
					f.record(c, lv, found)
				}
			}
			info = found[v]
			if info == nil {
				info = &varInfo{}
			}
		}
	}
	f.locals[v] = info
	return info
}

// scanPackageVars records the definitions and address-taking of every package-level
// variable. It visits only the statements that can set a variable, not every identifier.
// (Whether a package-level variable keeps its value is staticvar's question.)
func (f *Flow) scanPackageVars() {
	f.pkgVars = map[*types.Var]*varInfo{}
	visit := func(c inspector.Cursor) {
		if _, ok := c.Node().(*ast.Ident); !ok {
			if _, ok := c.Node().(*ast.IndexExpr); !ok {
				return
			}
			c = c.ChildAt(edge.IndexExpr_X, -1) // v[k] = x
			if _, ok := c.Node().(*ast.Ident); !ok {
				return
			}
		}
		if v, ok := f.identVar(c); ok && isPackageLevel(v) {
			f.record(c, v, f.pkgVars)
		}
	}
	for c := range f.ins.Root().Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.UnaryExpr)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.AssignStmt:
			for i := range n.Lhs {
				visit(c.ChildAt(edge.AssignStmt_Lhs, i))
			}
		case *ast.ValueSpec:
			for i := range n.Names {
				visit(c.ChildAt(edge.ValueSpec_Names, i))
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				visit(c.ChildAt(edge.UnaryExpr_X, -1))
			}
		case *ast.IncDecStmt:
			visit(c.ChildAt(edge.IncDecStmt_X, -1))
		case *ast.RangeStmt:
			if n.Key != nil {
				visit(c.ChildAt(edge.RangeStmt_Key, -1))
			}
			if n.Value != nil {
				visit(c.ChildAt(edge.RangeStmt_Value, -1))
			}
		}
	}
}

// identVar returns the variable an identifier defines or uses.
func (f *Flow) identVar(c inspector.Cursor) (*types.Var, bool) {
	id := c.Node().(*ast.Ident)
	obj := f.pass.TypesInfo.Defs[id]
	if obj == nil {
		obj = f.pass.TypesInfo.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || v.IsField() {
		return nil, false
	}
	return v, true
}

// record classifies one occurrence of v by its place in the syntax tree.
func (f *Flow) record(c inspector.Cursor, v *types.Var, into map[*types.Var]*varInfo) {
	info := into[v]
	if info == nil {
		info = &varInfo{}
		into[v] = info
	}
	parent := c.Parent()
	kind, index := c.ParentEdge()
	switch kind {
	case edge.AssignStmt_Lhs:
		as := parent.Node().(*ast.AssignStmt)
		d := def{tuple: -1}
		switch {
		case as.Tok != token.ASSIGN && as.Tok != token.DEFINE: // x += y
		case len(as.Lhs) == len(as.Rhs):
			d.rhs = as.Rhs[index]
		default:
			d.rhs, d.tuple = as.Rhs[0], index
		}
		info.defs = append(info.defs, d)
	case edge.ValueSpec_Names:
		spec := parent.Node().(*ast.ValueSpec)
		d := def{tuple: -1}
		switch {
		case len(spec.Values) == 0:
			d.zero = true
		case len(spec.Values) == len(spec.Names):
			d.rhs = spec.Values[index]
		default:
			d.rhs, d.tuple = spec.Values[0], index
		}
		info.defs = append(info.defs, d)
	case edge.UnaryExpr_X:
		if parent.Node().(*ast.UnaryExpr).Op == token.AND {
			info.escapes = true
		}
	case edge.Field_Names, edge.IncDecStmt_X, edge.RangeStmt_Key, edge.RangeStmt_Value:
		info.defs = append(info.defs, def{tuple: -1}) // a parameter, or set unseen
	case edge.IndexExpr_X:
		ix := parent.Node().(*ast.IndexExpr)
		if k, i := parent.ParentEdge(); k == edge.AssignStmt_Lhs {
			as := parent.Parent().Node().(*ast.AssignStmt)
			d := def{tuple: -1, elem: ix}
			if as.Tok == token.ASSIGN && len(as.Lhs) == len(as.Rhs) {
				d.rhs = as.Rhs[i]
			}
			info.defs = append(info.defs, d)
		}
	case edge.SelectorExpr_X:
		if k, _ := parent.ParentEdge(); k == edge.CallExpr_Fun {
			info.calls = append(info.calls, parent.Parent().Node().(*ast.CallExpr))
		}
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if b, ok := f.pass.TypesInfo.Uses[calleeIdent(call)].(*types.Builtin); ok && b.Name() == "append" && index == 0 {
			return
		}
		info.passed = append(info.passed, call)
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values, edge.CompositeLit_Elts, edge.KeyValueExpr_Value,
		edge.ReturnStmt_Results, edge.SendStmt_Value:
		info.aliased = true
	}
}

// calleeIdent returns the identifier a call names (f or pkg.f), or nil.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return fun
	case *ast.SelectorExpr:
		return fun.Sel
	}
	return nil
}

// Defs returns the values assigned to a variable one by one (v = x, v := x, var v = x);
// none if its address is taken.
func (f *Flow) Defs(v *types.Var) []ast.Expr {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.defs(v)
}

func (f *Flow) defs(v *types.Var) []ast.Expr {
	info := f.varInfo(v)
	if info.escapes {
		return nil
	}
	var out []ast.Expr
	for _, d := range info.defs {
		if d.rhs != nil && d.tuple < 0 && d.elem == nil {
			out = append(out, d.rhs)
		}
	}
	return out
}
