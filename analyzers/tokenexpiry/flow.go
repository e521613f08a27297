package tokenexpiry

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// The flow this check needs is syntax and types: a flow-insensitive def-use of local
// variables over the AST, and dominance over the structured statements of a function.
// Go code without goto has structured control flow, so "a check is evaluated on every
// path to this point" is "the check is in an always-evaluated part of a statement that
// encloses this point, or of one that comes before it in an enclosing block", where an
// if statement whose every branch either checks or leaves (return, break, panic) counts
// as checking. That is what SSA dominance says, without building SSA. A check inside a
// function literal, a loop body or a deferred call does not count; a check made before
// a function literal counts for its body (it may run later: the check stays silent).

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

// dominated reports whether some node that satisfies isCheck is evaluated on every path
// from the function's entry to the node at cur. Checks inside function literals, go and
// defer statements, and the branches of earlier statements do not count.
func dominated(cur inspector.Cursor, isCheck func(ast.Node) bool) bool {
	for ; ; cur, _ = up(cur) {
		parent, ok := up(cur)
		if !ok {
			return false
		}
		kind, idx := cur.ParentEdge()
		var before []ast.Node
		switch p := parent.Node().(type) {
		case *ast.FuncDecl:
			return false
		case *ast.BlockStmt:
			if kind == edge.BlockStmt_List {
				for _, s := range p.List[:idx] {
					before = append(before, s)
				}
			}
		case *ast.CaseClause:
			for _, e := range p.List {
				before = append(before, e)
			}
			if kind == edge.CaseClause_Body {
				for _, s := range p.Body[:idx] {
					before = append(before, s)
				}
			}
		case *ast.CommClause:
			if p.Comm != nil {
				before = append(before, p.Comm)
			}
			if kind == edge.CommClause_Body {
				for _, s := range p.Body[:idx] {
					before = append(before, s)
				}
			}
		case *ast.IfStmt:
			if p.Init != nil {
				before = append(before, p.Init)
			}
			// In a branch, the condition has the branch's outcome: in the body of
			// if a && !t.Valid(), the check was made; in the body of if a || …, not.
			if (kind == edge.IfStmt_Body || kind == edge.IfStmt_Else) && checkedWhen(p.Cond, kind == edge.IfStmt_Body, isCheck) {
				return true
			}
		case *ast.ForStmt:
			if p.Init != nil {
				before = append(before, p.Init)
			}
			if kind == edge.ForStmt_Body && p.Cond != nil {
				before = append(before, p.Cond)
			}
		case *ast.RangeStmt:
			if kind == edge.RangeStmt_Body {
				before = append(before, p.X)
			}
		case *ast.SwitchStmt:
			if p.Init != nil {
				before = append(before, p.Init)
			}
			if p.Tag != nil && kind == edge.SwitchStmt_Body {
				before = append(before, p.Tag)
			}
			if kind == edge.SwitchStmt_Body {
				// Case expressions of earlier clauses are evaluated too.
				for _, cc := range p.Body.List {
					if cc == cur.Node() {
						break
					}
					for _, e := range cc.(*ast.CaseClause).List {
						before = append(before, e)
					}
				}
			}
		case *ast.TypeSwitchStmt:
			if p.Init != nil {
				before = append(before, p.Init)
			}
			if kind == edge.TypeSwitchStmt_Body {
				before = append(before, p.Assign)
			}
		}
		for _, n := range before {
			if evaluatedCheck(n, isCheck) {
				return true
			}
		}
	}
}

// evaluatedCheck reports whether a check is evaluated whenever n is: n's branches,
// loop bodies, function literals and deferred or concurrent calls are skipped.
func evaluatedCheck(n ast.Node, isCheck func(ast.Node) bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if found {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt, *ast.SelectStmt:
			return false
		case *ast.IfStmt:
			// Every way on past the if checks: the way through the body (the condition
			// held) and the way around or through the else (it did not). A check the
			// condition evaluates only on some outcomes (if fast && !t.Valid() { return })
			// counts for those alone.
			found = (n.Init != nil && evaluatedCheck(n.Init, isCheck)) ||
				(terminates(n.Body) || checkedWhen(n.Cond, true, isCheck) || evaluatedCheck(n.Body, isCheck)) &&
					(n.Else != nil && (terminates(n.Else) || evaluatedCheck(n.Else, isCheck)) || checkedWhen(n.Cond, false, isCheck))
			return false
		case *ast.ForStmt:
			found = (n.Init != nil && evaluatedCheck(n.Init, isCheck)) || (n.Cond != nil && evaluatedCheck(n.Cond, isCheck))
			return false
		case *ast.RangeStmt:
			found = evaluatedCheck(n.X, isCheck)
			return false
		case *ast.SwitchStmt:
			found = (n.Init != nil && evaluatedCheck(n.Init, isCheck)) || (n.Tag != nil && evaluatedCheck(n.Tag, isCheck))
			// The first case expression is always evaluated; taking all of them errs
			// on the side of silence.
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					found = found || evaluatedCheck(e, isCheck)
				}
			}
			return false
		case *ast.TypeSwitchStmt:
			found = (n.Init != nil && evaluatedCheck(n.Init, isCheck)) || evaluatedCheck(n.Assign, isCheck)
			return false
		}
		if n != nil && isCheck(n) {
			found = true
		}
		return !found
	})
	return found
}

// checkedWhen reports whether a check is evaluated whenever the condition cond comes out
// as outcome. The right operand of && and || is evaluated only on some outcomes of the
// left one. Beside a check, the nil side of a nil comparison counts as checked, as there
// is no token to use there: if t != nil && !t.Valid() { return } checks t.
func checkedWhen(cond ast.Expr, outcome bool, isCheck func(ast.Node) bool) bool {
	return evaluatedCheck(cond, isCheck) && checkedOn(cond, outcome, isCheck)
}

func checkedOn(cond ast.Expr, outcome bool, isCheck func(ast.Node) bool) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return checkedOn(e.X, !outcome, isCheck)
		}
	case *ast.BinaryExpr:
		x, y := e.X, e.Y
		switch e.Op {
		case token.LAND:
			if outcome { // both held
				return checkedOn(x, true, isCheck) || checkedOn(y, true, isCheck)
			}
			// x failed, or x held and y failed
			return checkedOn(x, false, isCheck) && (checkedOn(x, true, isCheck) || checkedOn(y, false, isCheck))
		case token.LOR:
			if !outcome { // both failed
				return checkedOn(x, false, isCheck) || checkedOn(y, false, isCheck)
			}
			// x held, or x failed and y held
			return checkedOn(x, true, isCheck) && (checkedOn(x, false, isCheck) || checkedOn(y, true, isCheck))
		case token.EQL, token.NEQ:
			if isNil(x) || isNil(y) {
				if (e.Op == token.EQL) == outcome {
					return true // the value is nil
				}
			}
		}
	}
	return evaluatedCheck(cond, isCheck)
}

func isNil(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	return ok && id.Name == "nil"
}

// enclosingFunc returns the innermost function declaration or literal that holds cur.
func enclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c, true
	}
	return inspector.Cursor{}, false
}

// up returns the parent of the node at c, or false when c is a file or the root.
func up(c inspector.Cursor) (inspector.Cursor, bool) {
	if n := c.Node(); n == nil {
		return c, false
	} else if _, ok := n.(*ast.File); ok {
		return c, false
	}
	p := c.Parent()
	return p, p.Node() != nil
}

// terminates reports whether control never leaves s normally: it ends in a return, a
// branch statement or a panic, or is an if whose branches all do.
func terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return len(s.List) > 0 && terminates(s.List[len(s.List)-1])
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := s.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := call.Fun.(*ast.Ident)
		return ok && id.Name == "panic"
	case *ast.IfStmt:
		return s.Else != nil && terminates(s.Body) && terminates(s.Else)
	}
	return false
}
