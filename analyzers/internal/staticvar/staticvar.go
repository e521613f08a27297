// Package staticvar finds the package-level struct variables whose fields certainly hold
// what their initialiser wrote: a project's own settings compiled in (var prod =
// Settings{ClientSecret: "…", Scopes: []string{…}}) and later copied into an OAuth
// request (oauth2.Config{ClientSecret: prod.ClientSecret}).
package staticvar

import (
	"go/ast"
	"go/token"
	"go/types"
)

// Index holds the package's struct variables initialised with a composite literal (not a
// pointer to one, which may be aliased) that the package never assigns, takes the address
// of, or changes a field of (also through a method with a pointer receiver).
type Index struct {
	info *types.Info
	vars map[*types.Var]*ast.CompositeLit
}

// New indexes the package-level variables of files.
func New(info *types.Info, files []*ast.File) *Index {
	x := &Index{info: info, vars: map[*types.Var]*ast.CompositeLit{}}
	Inits(info, files, func(v *types.Var, init ast.Expr) {
		if lit, ok := ast.Unparen(init).(*ast.CompositeLit); ok && isStruct(info.TypeOf(lit)) {
			x.vars[v] = lit
		}
	})
	DropChanged(info, files, x.vars)
	return x
}

// Inits calls f for each package-level variable declared with an initialiser of its own
// (not one of the results of a call that returns several).
func Inits(info *types.Info, files []*ast.File, f func(v *types.Var, init ast.Expr)) {
	for _, file := range files {
		for _, decl := range file.Decls {
			gd, ok := decl.(*ast.GenDecl)
			if !ok || gd.Tok != token.VAR {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					if v, ok := info.Defs[name].(*types.Var); ok {
						f(v, vs.Values[i])
					}
				}
			}
		}
	}
}

// DropChanged removes from vars the variables whose value the package may change after
// initialisation: those it assigns, increments, ranges into, takes the address of
// (flag.StringVar(&v, ...)), or changes a field or element of (v.F = x, v.F[i] = x, also
// through a method with a pointer receiver).
func DropChanged[T any](info *types.Info, files []*ast.File, vars map[*types.Var]T) {
	if len(vars) == 0 {
		return
	}
	for _, file := range files {
		ast.Inspect(file, func(n ast.Node) bool {
			var targets []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				targets = n.Lhs
			case *ast.IncDecStmt:
				targets = []ast.Expr{n.X}
			case *ast.RangeStmt:
				if n.Tok == token.ASSIGN {
					targets = []ast.Expr{n.Key, n.Value}
				}
			case *ast.UnaryExpr:
				if n.Op == token.AND {
					targets = []ast.Expr{n.X}
				}
			case *ast.SelectorExpr:
				// prod.Load() with a pointer receiver takes &prod.
				if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
					if _, ptrRecv := sel.Obj().(*types.Func).Signature().Recv().Type().(*types.Pointer); ptrRecv {
						if t := info.TypeOf(n.X); t != nil && !isPointer(t) {
							targets = []ast.Expr{n.X}
						}
					}
				}
			}
			for _, t := range targets {
				if v := root(info, t); v != nil {
					delete(vars, v)
				}
			}
			return true
		})
	}
}

// root returns the variable an expression such as v, v.F, v.F[i] or v.F.G is part of.
func root(info *types.Info, e ast.Expr) *types.Var {
	for e != nil {
		switch t := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, _ := info.Uses[t].(*types.Var)
			return v
		case *ast.SelectorExpr:
			if sel := info.Selections[t]; sel == nil {
				return nil // a qualified identifier: another package's variable
			}
			e = t.X
		case *ast.IndexExpr:
			e = t.X
		case *ast.SliceExpr:
			e = t.X
		default:
			return nil
		}
	}
	return nil
}

// Field returns the expression the initialiser of an indexed variable writes into the
// field that e (v.F, v.F.G, or a promoted field) selects, and the variable; or nil. A
// field the literal leaves out, or one reached through a pointer, gives nil.
func (x *Index) Field(e ast.Expr) (ast.Expr, *types.Var) {
	if len(x.vars) == 0 {
		return nil, nil
	}
	var path []int // field indices, outermost selection last
	cur := ast.Unparen(e)
	for {
		s, ok := cur.(*ast.SelectorExpr)
		if !ok {
			break
		}
		sel := x.info.Selections[s]
		if sel == nil || sel.Kind() != types.FieldVal || sel.Indirect() {
			return nil, nil
		}
		path = append(append([]int(nil), sel.Index()...), path...)
		cur = ast.Unparen(s.X)
	}
	id, ok := cur.(*ast.Ident)
	if !ok || len(path) == 0 {
		return nil, nil
	}
	v, _ := x.info.Uses[id].(*types.Var)
	lit := x.vars[v]
	if lit == nil {
		return nil, nil
	}
	var val ast.Expr = lit
	for _, i := range path {
		l, ok := ast.Unparen(val).(*ast.CompositeLit)
		if !ok {
			return nil, nil // a field held in a variable or returned by a call: not followed
		}
		if val = x.element(l, i); val == nil {
			return nil, nil
		}
	}
	return val, v
}

// element returns the value a struct literal gives its i-th field, or nil.
func (x *Index) element(lit *ast.CompositeLit, i int) ast.Expr {
	st, ok := x.info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok || i >= st.NumFields() {
		return nil
	}
	for j, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			if j == i {
				return elt
			}
			continue
		}
		if key, ok := kv.Key.(*ast.Ident); ok && key.Name == st.Field(i).Name() {
			return kv.Value
		}
	}
	return nil
}

func isStruct(t types.Type) bool {
	if t == nil {
		return false
	}
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}
