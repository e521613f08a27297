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
		if lit, ok := IsStructLit(info, init); ok {
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
	eachChange(info, files, func(v *types.Var) { delete(vars, v) })
}

// Changed returns the package-level variables, of this package or another, that the files
// may change (see DropChanged): an importer that sets pkg.Settings.ClientSecret from the
// environment makes pkg's fact about it untrue for that importer.
func Changed(info *types.Info, files []*ast.File) map[*types.Var]bool {
	out := map[*types.Var]bool{}
	eachChange(info, files, func(v *types.Var) { out[v] = true })
	return out
}

func eachChange(info *types.Info, files []*ast.File, changed func(*types.Var)) {
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
					changed(v)
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
				v, _ := info.Uses[t.Sel].(*types.Var) // a qualified identifier: another package's variable
				return v
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
	v, path := FieldPath(x.info, e)
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
		if val = element(x.info, l, i); val == nil {
			return nil, nil
		}
	}
	return val, v
}

// FieldPath returns the package-level variable (of this package or, through a qualified
// identifier, of another) that a selection of fields (v.F.G, pkg.V.F) starts at, and the
// indices of the fields it selects; or nil. Selections through a pointer give nil.
func FieldPath(info *types.Info, e ast.Expr) (*types.Var, []int) {
	var path []int
	cur := ast.Unparen(e)
	for {
		s, ok := cur.(*ast.SelectorExpr)
		if !ok {
			break
		}
		sel := info.Selections[s]
		if sel == nil {
			cur = s.Sel // a qualified identifier
			break
		}
		if sel.Kind() != types.FieldVal || sel.Indirect() {
			return nil, nil
		}
		path = append(append([]int(nil), sel.Index()...), path...)
		cur = ast.Unparen(s.X)
	}
	id, ok := cur.(*ast.Ident)
	if !ok || len(path) == 0 {
		return nil, nil
	}
	v, _ := info.Uses[id].(*types.Var)
	if v == nil || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil, nil
	}
	return v, path
}

// EachField calls f with the path and value of each field a struct literal sets, looking
// into the literals of fields that hold structs (not pointers to them).
func EachField(info *types.Info, lit *ast.CompositeLit, f func(path []int, value ast.Expr)) {
	eachField(info, lit, nil, f)
}

func eachField(info *types.Info, lit *ast.CompositeLit, prefix []int, f func([]int, ast.Expr)) {
	st, ok := info.TypeOf(lit).Underlying().(*types.Struct)
	if !ok {
		return
	}
	for i := range st.NumFields() {
		val := element(info, lit, i)
		if val == nil {
			continue
		}
		path := append(prefix[:len(prefix):len(prefix)], i)
		if inner, ok := ast.Unparen(val).(*ast.CompositeLit); ok && isStruct(info.TypeOf(inner)) {
			eachField(info, inner, path, f)
		} else {
			f(path, val)
		}
	}
}

// element returns the value a struct literal gives its i-th field, or nil.
func element(info *types.Info, lit *ast.CompositeLit, i int) ast.Expr {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
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

// IsStructLit reports whether e is a literal of a struct type (not a pointer to one).
func IsStructLit(info *types.Info, e ast.Expr) (*ast.CompositeLit, bool) {
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return lit, ok && isStruct(info.TypeOf(lit))
}

func isPointer(t types.Type) bool {
	_, ok := t.Underlying().(*types.Pointer)
	return ok
}
