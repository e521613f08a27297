// Package staticvar says which package-level variables keep their value: the one
// definition, for every check, of "a package variable that is never changed".
//
// A variable may be changed at initialisation (in a func init) or at run time (in any
// other function, or unseen: through its address or a method with a pointer receiver).
// Two questions follow, and each check asks the one it needs:
//
//   - Unchanged: does the variable certainly hold what its declaration wrote? Nothing
//     changes it, not even init. A check that reads the initialiser (a secret or a scope
//     list compiled in: var prod = Settings{ClientSecret: "…"}, later copied into an
//     oauth2.Config) needs this: init() { prod.ClientSecret = os.Getenv("S") } makes
//     the literal dead.
//   - Fixed: does it hold one value for the whole run once the program has started?
//     Only init may change it, from whatever source: a constant, the environment, even a
//     random source. A check that asks whether a value is the same for every login (a
//     PKCE verifier, an OAuth state) needs this.
//
// The package also indexes the struct variables initialised with a literal that are
// Unchanged, so that their fields can be read (Index).
package staticvar

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"
)

// When is a set of the times a package-level variable may be changed.
type When uint8

const (
	AtInit    When = 1 << iota // in the body of a func init, outside function literals
	AtRunTime                  // anywhere else, or unseen (its address taken, a pointer method called)
)

// Changes records when a package's code may change package-level variables, of the
// package or of another (an importer that sets pkg.Settings.ClientSecret makes pkg's fact
// about it untrue for that importer). It scans the package on the first question; it is
// not safe for concurrent use.
type Changes struct {
	info *types.Info
	ins  *inspector.Inspector
	when map[*types.Var]When
}

// NewChanges returns the Changes of the package whose syntax ins holds.
func NewChanges(info *types.Info, ins *inspector.Inspector) *Changes {
	return &Changes{info: info, ins: ins}
}

// When returns when the package may change v after its declaration: 0 if never.
func (c *Changes) When(v *types.Var) When {
	if c.when == nil {
		c.scan()
	}
	return c.when[v]
}

// Unchanged reports whether v certainly holds what its declaration wrote: the package
// never changes it, not even in a func init.
func (c *Changes) Unchanged(v *types.Var) bool { return c.When(v) == 0 }

// Fixed reports whether v holds one value for the whole run once the package is
// initialised: the package changes it, if at all, only in a func init.
func (c *Changes) Fixed(v *types.Var) bool { return c.When(v)&AtRunTime == 0 }

// DropChanged removes from vars the variables that are not Unchanged.
func DropChanged[T any](c *Changes, vars map[*types.Var]T) {
	for v := range vars {
		if !c.Unchanged(v) {
			delete(vars, v)
		}
	}
}

// scan records each change: an assignment (=, op=, :=, ++, range =) to the variable or to
// a field or element of it (v.F = x, v.F[i] = x), its address taken (&v, &v.F, as
// flag.StringVar(&v, ...) does), and a call or method value of a method with a pointer
// receiver on it (prod.Load(), which takes &prod).
func (c *Changes) scan() {
	c.when = map[*types.Var]When{}
	info := c.info
	for cur := range c.ins.Root().Preorder((*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.SelectorExpr)(nil)) {
		var targets []ast.Expr
		when := AtRunTime
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			targets, when = n.Lhs, inInit(cur)
		case *ast.IncDecStmt:
			targets, when = []ast.Expr{n.X}, inInit(cur)
		case *ast.RangeStmt:
			if n.Tok == token.ASSIGN {
				targets, when = []ast.Expr{n.Key, n.Value}, inInit(cur)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				targets = []ast.Expr{n.X}
			}
		case *ast.SelectorExpr:
			if sel := info.Selections[n]; sel != nil && sel.Kind() == types.MethodVal {
				if _, ptrRecv := sel.Obj().(*types.Func).Signature().Recv().Type().(*types.Pointer); ptrRecv {
					if t := info.TypeOf(n.X); t != nil && !isPointer(t) {
						targets = []ast.Expr{n.X}
					}
				}
			}
		}
		for _, t := range targets {
			if v := root(info, t); v != nil && v.Pkg() != nil && v.Parent() == v.Pkg().Scope() {
				c.when[v] |= when
			}
		}
	}
}

// inInit returns AtInit for a statement in the body of a func init (not in a function
// literal there, which may run later), else AtRunTime.
func inInit(cur inspector.Cursor) When {
	for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if fd, ok := enc.Node().(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == "init" {
			return AtInit
		}
		break
	}
	return AtRunTime
}

// Index holds the package's struct variables initialised with a composite literal (not a
// pointer to one, which may be aliased) that are Unchanged.
type Index struct {
	info *types.Info
	vars map[*types.Var]*ast.CompositeLit
}

// New indexes the package-level variables of files.
func New(info *types.Info, files []*ast.File, changes *Changes) *Index {
	x := &Index{info: info, vars: map[*types.Var]*ast.CompositeLit{}}
	Inits(info, files, func(v *types.Var, init ast.Expr) {
		if lit, ok := IsStructLit(info, init); ok {
			x.vars[v] = lit
		}
	})
	DropChanged(changes, x.vars)
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
		if val = Element(x.info, l, i); val == nil {
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
		val := Element(info, lit, i)
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

// Element returns the value a struct literal gives its i-th field, or nil.
func Element(info *types.Info, lit *ast.CompositeLit, i int) ast.Expr {
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
