package tokenexpiry

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// The flow this check needs is syntax and types: a flow-insensitive def-use of local
// variables over the AST; whether a check is evaluated on every path to a use is asked of
// the paths package (Ends.Dominated), which also knows the calls that never return.

// A value is one value assigned to a local variable: the right-hand side, and for a
// tuple assignment from a call the index of the result.
type value struct {
	expr    ast.Expr
	index   int  // result index for a tuple assignment (x, err := f()), else -1
	decoded bool // the variable was filled by json.Unmarshal or Decoder.Decode
	decoder ast.Expr
}

// defs collects every value assigned to a local variable in the package, and the
// variables that are parameters (whose values come from callers).
type defs struct {
	info   *types.Info
	values map[*types.Var][]value
	params map[*types.Var]paramOf
}

type paramOf struct {
	fn    *types.Func // nil for a function literal
	lit   *ast.FuncLit
	index int // -1 for the receiver
}

func (d *defs) collect(ins *inspector.Inspector, files []*ast.File, isDecode func(*ast.CallExpr) bool) {
	for _, file := range files {
		cur, _ := ins.Root().FindNode(file)
		for c := range cur.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.CallExpr)(nil), (*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
			switch n := c.Node().(type) {
			case *ast.AssignStmt:
				d.assign(n.Lhs, n.Rhs)
			case *ast.ValueSpec:
				lhs := make([]ast.Expr, len(n.Names))
				for i, id := range n.Names {
					lhs[i] = id
				}
				d.assign(lhs, n.Values)
			case *ast.CallExpr:
				if isDecode(n) && len(n.Args) > 0 {
					if v := d.localVar(n.Args[len(n.Args)-1]); v != nil {
						d.values[v] = append(d.values[v], value{expr: n, index: -1, decoded: true})
					}
				}
			case *ast.FuncDecl:
				fn, _ := d.info.Defs[n.Name].(*types.Func)
				if n.Recv != nil {
					d.addParams(n.Recv, fn, nil, true)
				}
				d.addParams(n.Type.Params, fn, nil, false)
			case *ast.FuncLit:
				d.addParams(n.Type.Params, nil, n, false)
			}
		}
	}
}

func (d *defs) addParams(fields *ast.FieldList, fn *types.Func, lit *ast.FuncLit, recv bool) {
	if fields == nil {
		return
	}
	i := 0
	for _, f := range fields.List {
		names := f.Names
		if len(names) == 0 {
			i++
			continue
		}
		for _, id := range names {
			if v, ok := d.info.Defs[id].(*types.Var); ok {
				idx := i
				if recv {
					idx = -1
				}
				d.params[v] = paramOf{fn: fn, lit: lit, index: idx}
			}
			i++
		}
	}
}

func (d *defs) assign(lhs, rhs []ast.Expr) {
	if len(rhs) == 1 && len(lhs) > 1 {
		for i, l := range lhs {
			if v := d.identVar(l); v != nil {
				d.values[v] = append(d.values[v], value{expr: rhs[0], index: i})
			}
		}
		return
	}
	for i, l := range lhs {
		if i >= len(rhs) {
			break
		}
		if v := d.identVar(l); v != nil {
			d.values[v] = append(d.values[v], value{expr: rhs[i], index: -1})
		}
	}
}

// identVar returns the local variable an identifier names (defines or uses).
func (d *defs) identVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	obj := d.info.Defs[id]
	if obj == nil {
		obj = d.info.Uses[id]
	}
	v, _ := obj.(*types.Var)
	if v == nil || v.IsField() || isPackageLevel(v) {
		return nil
	}
	return v
}

// localVar returns the local variable e points to (&x) or is (x of pointer type).
func (d *defs) localVar(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op.String() == "&" {
		e = u.X
	}
	return d.identVar(e)
}

func isPackageLevel(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

// path returns a key naming the storage an expression denotes: a variable, a chain of
// fields from one, or a map element with a constant-looking key. Two expressions with
// the same key denote the same token.
func path(info *types.Info, e ast.Expr) (string, bool) {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		obj := info.Uses[e]
		if obj == nil {
			obj = info.Defs[e]
		}
		if _, ok := obj.(*types.Var); !ok {
			return "", false
		}
		return fmt.Sprintf("%p", obj), true
	case *ast.StarExpr:
		return path(info, e.X)
	case *ast.TypeAssertExpr: // v.(*oauth2.Token) is v's token
		return path(info, e.X)
	case *ast.UnaryExpr:
		if e.Op.String() == "&" {
			return path(info, e.X)
		}
	case *ast.SelectorExpr:
		if sel, ok := info.Selections[e]; ok && sel.Kind() == types.FieldVal {
			base, ok := path(info, e.X)
			return base + "." + e.Sel.Name, ok
		}
		if v, ok := info.Uses[e.Sel].(*types.Var); ok && isPackageLevel(v) {
			return fmt.Sprintf("%p", v), true
		}
	case *ast.IndexExpr:
		base, ok := path(info, e.X)
		return base + "[" + types.ExprString(e.Index) + "]", ok
	}
	return "", false
}

// enclosingFunc returns the innermost function declaration or literal that holds cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c, true
	}
	return inspector.Cursor{}, false
}

// funcType returns the type of a function declaration or literal, or nil.
func funcType(fn ast.Node) *ast.FuncType {
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		return fn.Type
	case *ast.FuncLit:
		return fn.Type
	}
	return nil
}

// collect applies follow to every cursor and joins what it finds; it fails when one does.
func collect[T any](curs []inspector.Cursor, follow func(inspector.Cursor) ([]T, bool)) ([]T, bool) {
	var out []T
	for _, cur := range curs {
		more, ok := follow(cur)
		if !ok {
			return nil, false
		}
		out = append(out, more...)
	}
	return out, true
}
