// Package paths is oauthvet's one place for reasoning about control flow: which statements
// end the path they are on (return, panic, a call that never returns), and whether a check
// is evaluated on every path to a point (Ends.Dominated).
//
// A function never returns when its body ends in a statement that does not let control
// continue: os.Exit, runtime.Goexit, panic, or a call of such a function. That holds as a
// fact across packages, so a project's own die() ends a path wherever it is called. The
// standard library's such functions (log.Fatal, (*testing.T).Fatal, ...) are listed in the
// catalogue instead, so that no facts need computing there. This is the noReturn of go vet's ctrlflow pass, computed
// from the syntax alone: it needs no control-flow graphs and it runs on code that does
// not type-check, as the checks do. Loggers that exit through a hook it cannot follow
// (klog, logrus, zap) are named in the catalogue.
//
// A check that needs it requires Analyzer and asks the result:
//
//	ends := pass.ResultOf[paths.Analyzer].(*paths.Ends)
//	if ends.Terminates(ifStmt.Body) { ... }
package paths

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// Analyzer provides *Ends for the package and exports a NoReturn fact for each of its
// functions that never returns.
var Analyzer = &analysis.Analyzer{
	Name:             "oauthvetpaths",
	Doc:              "provide oauthvet's reasoning about statements that end a path (return, panic, calls that never return)",
	Run:              run,
	ResultType:       reflect.TypeOf((*Ends)(nil)),
	FactTypes:        []analysis.Fact{(*NoReturn)(nil)},
	RunDespiteErrors: true,
}

// NoReturn marks a function that never returns normally.
type NoReturn struct{}

func (*NoReturn) AFact()         {}
func (*NoReturn) String() string { return "noReturn" }

// Ends answers whether statements and calls end the path they are on.
type Ends struct {
	info  *types.Info
	local map[*types.Func]bool // this package's functions that never return
	fact  func(*types.Func) bool
}

// run finds the package's functions that never return: those whose body ends the path,
// repeated until nothing changes (f calls g, which exits).
func run(pass *analysis.Pass) (any, error) {
	ends := &Ends{info: pass.TypesInfo, local: map[*types.Func]bool{}, fact: func(fn *types.Func) bool {
		return pass.ImportObjectFact(fn, new(NoReturn))
	}}
	if config.IsStd(pass) {
		// The checks report nothing in the standard library, and its functions that never
		// return are listed (catalogue.NoReturnStd): no facts to compute, so a driver can
		// load it from export data.
		return ends, nil
	}
	bodies := map[*types.Func]*ast.BlockStmt{}
	for _, f := range pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
					bodies[fn] = fd.Body
				}
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for fn, body := range bodies {
			if !ends.local[fn] && ends.Terminates(body) && !endsInReturn(body) {
				ends.local[fn] = true
				changed = true
			}
		}
	}
	for fn := range ends.local {
		pass.ExportObjectFact(fn, new(NoReturn))
	}
	return ends, nil
}

// endsInReturn reports whether a body that terminates may do so by returning: then the
// function returns. Only a body ending in a call that never returns, a panic, an endless
// loop or branches that all do is a function that never returns; a return anywhere on
// the way (if/else with a return) makes it one that returns.
func endsInReturn(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			found = true
		}
		return !found
	})
	return found
}

// Terminates reports whether control never leaves s normally: it ends in a return, a
// branch statement, a panic or a call that never returns, or is an if, switch or select
// whose every branch does.
func (e *Ends) Terminates(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return s != nil && len(s.List) > 0 && e.Terminates(s.List[len(s.List)-1])
	case *ast.LabeledStmt:
		return e.Terminates(s.Stmt)
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(s.X).(*ast.CallExpr)
		return ok && e.NoReturn(call)
	case *ast.IfStmt:
		return s.Else != nil && e.Terminates(s.Body) && e.Terminates(s.Else)
	case *ast.SwitchStmt:
		return e.clausesTerminate(s.Body)
	case *ast.TypeSwitchStmt:
		return e.clausesTerminate(s.Body)
	case *ast.SelectStmt:
		for _, c := range s.Body.List {
			if !e.listTerminates(c.(*ast.CommClause).Body) {
				return false
			}
		}
		return true
	case *ast.ForStmt:
		return s.Cond == nil && !hasBreak(s.Body)
	}
	return false
}

// clausesTerminate: a switch with a default clause whose every clause ends the path.
func (e *Ends) clausesTerminate(body *ast.BlockStmt) bool {
	hasDefault := false
	for _, c := range body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		}
		if len(cc.Body) > 0 {
			if br, ok := cc.Body[len(cc.Body)-1].(*ast.BranchStmt); ok && br.Tok == token.FALLTHROUGH {
				continue
			}
		}
		if !e.listTerminates(cc.Body) || hasBreak(&ast.BlockStmt{List: cc.Body}) {
			return false
		}
	}
	return hasDefault
}

func (e *Ends) listTerminates(list []ast.Stmt) bool {
	return len(list) > 0 && e.Terminates(list[len(list)-1])
}

// hasBreak reports whether body holds a break that leaves the statement it belongs to (an
// unlabelled break outside nested loops, switches and selects, or any labelled break).
func hasBreak(body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			// a labelled break inside still may leave ours; an unlabelled one does not
			ast.Inspect(n, func(m ast.Node) bool {
				if br, ok := m.(*ast.BranchStmt); ok && br.Tok == token.BREAK && br.Label != nil {
					found = true
				}
				return !found
			})
			return false
		case *ast.BranchStmt:
			if n.Tok == token.BREAK {
				found = true
			}
		}
		return !found
	})
	return found
}

// NoReturn reports whether the call never returns: panic, os.Exit, runtime.Goexit, a
// function known (in this package, or by a fact) never to return, or a logger's Fatal
// function or testing.TB's Fatal, FailNow and Skip (interface methods).
func (e *Ends) NoReturn(call *ast.CallExpr) bool {
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := e.info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
			return true
		}
	}
	fn, _ := typeutil.Callee(e.info, call).(*types.Func)
	if fn == nil {
		return false
	}
	fn = fn.Origin()
	if slices.Contains(catalogue.NoReturnStd, fn.FullName()) {
		return true
	}
	if e.local[fn] || fn.Pkg() != nil && e.fact(fn) {
		return true
	}
	return isFatalLogger(fn)
}

func isFatalLogger(fn *types.Func) bool {
	if fn.Pkg() == nil {
		return false
	}
	name := fn.Name()
	if fn.Pkg().Path() == "testing" {
		return strings.HasPrefix(name, "Fatal") || name == "FailNow" || strings.HasPrefix(name, "Skip") && name != "Skipped"
	}
	return slices.Contains(catalogue.FatalLoggers, fn.Pkg().Path()) &&
		(strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Exit") || strings.HasPrefix(name, "Panic"))
}

// Go code without goto has structured control flow, so "a check is evaluated on every
// path to this point" is "the check is in an always-evaluated part of a statement that
// encloses this point, or of one that comes before it in an enclosing block", where an
// if statement whose every branch either checks or ends the path (return, break, panic,
// log.Fatal, os.Exit, ...) counts as checking. That is what dominance in the function's
// control-flow graph says, without building one per query.

// Dominated reports whether some node that satisfies isCheck is evaluated on every path
// from the function's entry to the node at cur. Checks inside function literals, go and
// defer statements, and the branches of earlier statements do not count.
func (ends *Ends) Dominated(cur inspector.Cursor, isCheck func(ast.Node) bool) bool {
	for ; ; cur, _ = Up(cur) {
		parent, ok := Up(cur)
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
			if (kind == edge.IfStmt_Body || kind == edge.IfStmt_Else) && ends.checkedWhen(p.Cond, kind == edge.IfStmt_Body, isCheck) {
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
			if ends.evaluatedCheck(n, isCheck) {
				return true
			}
		}
	}
}

// evaluatedCheck reports whether a check is evaluated whenever n is: n's branches,
// loop bodies, function literals and deferred or concurrent calls are skipped.
func (ends *Ends) evaluatedCheck(n ast.Node, isCheck func(ast.Node) bool) bool {
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
			found = (n.Init != nil && ends.evaluatedCheck(n.Init, isCheck)) ||
				(ends.Terminates(n.Body) || ends.checkedWhen(n.Cond, true, isCheck) || ends.evaluatedCheck(n.Body, isCheck)) &&
					(n.Else != nil && (ends.Terminates(n.Else) || ends.evaluatedCheck(n.Else, isCheck)) || ends.checkedWhen(n.Cond, false, isCheck))
			return false
		case *ast.ForStmt:
			found = (n.Init != nil && ends.evaluatedCheck(n.Init, isCheck)) || (n.Cond != nil && ends.evaluatedCheck(n.Cond, isCheck))
			return false
		case *ast.RangeStmt:
			found = ends.evaluatedCheck(n.X, isCheck)
			return false
		case *ast.SwitchStmt:
			found = (n.Init != nil && ends.evaluatedCheck(n.Init, isCheck)) || (n.Tag != nil && ends.evaluatedCheck(n.Tag, isCheck))
			// The first case expression is always evaluated; taking all of them errs
			// on the side of silence.
			for _, cc := range n.Body.List {
				for _, e := range cc.(*ast.CaseClause).List {
					found = found || ends.evaluatedCheck(e, isCheck)
				}
			}
			return false
		case *ast.TypeSwitchStmt:
			found = (n.Init != nil && ends.evaluatedCheck(n.Init, isCheck)) || ends.evaluatedCheck(n.Assign, isCheck)
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
func (ends *Ends) checkedWhen(cond ast.Expr, outcome bool, isCheck func(ast.Node) bool) bool {
	return ends.evaluatedCheck(cond, isCheck) && ends.checkedOn(cond, outcome, isCheck)
}

func (ends *Ends) checkedOn(cond ast.Expr, outcome bool, isCheck func(ast.Node) bool) bool {
	switch e := ast.Unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return ends.checkedOn(e.X, !outcome, isCheck)
		}
	case *ast.BinaryExpr:
		x, y := e.X, e.Y
		switch e.Op {
		case token.LAND:
			if outcome { // both held
				return ends.checkedOn(x, true, isCheck) || ends.checkedOn(y, true, isCheck)
			}
			// x failed, or x held and y failed
			return ends.checkedOn(x, false, isCheck) && (ends.checkedOn(x, true, isCheck) || ends.checkedOn(y, false, isCheck))
		case token.LOR:
			if !outcome { // both failed
				return ends.checkedOn(x, false, isCheck) || ends.checkedOn(y, false, isCheck)
			}
			// x held, or x failed and y held
			return ends.checkedOn(x, true, isCheck) && (ends.checkedOn(x, false, isCheck) || ends.checkedOn(y, true, isCheck))
		case token.EQL, token.NEQ:
			if ends.isNil(x) || ends.isNil(y) {
				if (e.Op == token.EQL) == outcome {
					return true // the value is nil
				}
			}
		}
	}
	return ends.evaluatedCheck(cond, isCheck)
}

func (ends *Ends) isNil(e ast.Expr) bool {
	return ends.info.Types[e].IsNil()
}

// Up returns the parent of the node at c, or false when c is a file or the root.
func Up(c inspector.Cursor) (inspector.Cursor, bool) {
	if n := c.Node(); n == nil {
		return c, false
	} else if _, ok := n.(*ast.File); ok {
		return c, false
	}
	p := c.Parent()
	return p, p.Node() != nil
}
