package authflow

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/staticvar"
)

// A value kept in a struct field is Shared when the struct is made once and then serves
// every request: the field is set only where the struct is made, and read through the
// receiver of a method, in a function that serves an HTTP request:
//
//	func NewServer() *Server { return &Server{verifier: oauth2.GenerateVerifier()} }
//	func (s *Server) login(w http.ResponseWriter, r *http.Request) {
//		http.Redirect(w, r, s.cfg.AuthCodeURL(st, oauth2.S256ChallengeOption(s.verifier)), http.StatusFound)
//	}
//
// The field must be unexported (another package may set an exported one) and declared in
// this package. "Set only where the struct is made" means every write of the field is an
// element of a composite literal, or an assignment y.F = v to a local variable y holding
// a struct just made (y := &Server{}, new(Server)), neither in a function that serves a
// request nor assigned over an existing struct (*s = Server{…}). Any other write — through
// a receiver or parameter (a helper that sets it per login), with op=, ++, range, or its
// address taken — makes the field Unknown.

// fieldOrigin is the origin of the field selection sel.
func (f *Flow) fieldOrigin(sel *ast.SelectorExpr, seen map[*types.Var]bool) Value {
	info := f.pass.TypesInfo
	s := info.Selections[sel]
	if s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return Value{Origin: Unknown}
	}
	field := s.Obj().(*types.Var).Origin() // the field of a generic type, for every instance
	if field.Pkg() != f.pass.Pkg || field.Exported() || !f.receiverReadInHandler(sel) {
		return Value{Origin: Unknown}
	}
	values, ok := f.constructionWrites(field)
	if !ok || len(values) == 0 {
		return Value{Origin: Unknown}
	}
	if seen[field] {
		return Value{Origin: noValue}
	}
	seen[field] = true
	written := Value{Origin: noValue, Empty: true}
	for _, v := range values {
		written = join(written, f.origin(v, seen))
	}
	if written.Origin == Constant {
		return written // a constant is reported as one
	}
	out := Value{Origin: Shared, Obj: field}
	if named, ok := types.Unalias(derefType(s.Recv())).(*types.Named); ok {
		out.Holder = named.Obj()
	}
	return out
}

// receiverReadInHandler reports whether sel (x.F) reads a field of the receiver of the
// method it is in, from a function (the method or a function literal in it) with an
// *http.Request parameter.
func (f *Flow) receiverReadInHandler(sel *ast.SelectorExpr) bool {
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	cur, ok := f.ins.Root().FindByPos(sel.Pos(), sel.End())
	if !ok {
		return false
	}
	first := true
	for enc := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if first && !f.servesRequest(enc) {
			return false
		}
		first = false
		if fd, ok := enc.Node().(*ast.FuncDecl); ok {
			if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
				return false
			}
			recv := f.pass.TypesInfo.Defs[fd.Recv.List[0].Names[0]]
			return recv != nil && f.pass.TypesInfo.Uses[id] == recv
		}
	}
	return false
}

// servesRequest reports whether the function at c has an *http.Request parameter.
func (f *Flow) servesRequest(c inspector.Cursor) bool {
	var ft *ast.FuncType
	switch n := c.Node().(type) {
	case *ast.FuncDecl:
		ft = n.Type
	case *ast.FuncLit:
		ft = n.Type
	}
	for _, p := range ft.Params.List {
		if t := f.pass.TypesInfo.TypeOf(p.Type); t != nil && isPointer(t) && catalogue.HTTPRequest.Is(t) {
			return true
		}
	}
	return false
}

// innermostServesRequest reports whether the innermost function around c serves a request.
func (f *Flow) innermostServesRequest(c inspector.Cursor) bool {
	for enc := range c.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return f.servesRequest(enc)
	}
	return false
}

// constructionWrites returns the values written to an unexported field of this package,
// and whether every write is made where its struct is made (see fieldOrigin).
func (f *Flow) constructionWrites(field *types.Var) ([]ast.Expr, bool) {
	if w, ok := f.fieldWrites[field]; ok {
		return w.values, w.ok
	}
	if f.fieldWrites == nil {
		f.fieldWrites = map[*types.Var]fieldWrite{}
	}
	w := f.scanFieldWrites(field)
	f.fieldWrites[field] = w
	return w.values, w.ok
}

type fieldWrite struct {
	values []ast.Expr
	ok     bool
}

func (f *Flow) scanFieldWrites(field *types.Var) fieldWrite {
	info := f.pass.TypesInfo
	isField := func(e ast.Expr) (*ast.SelectorExpr, bool) {
		sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
		if !ok {
			return nil, false
		}
		s := info.Selections[sel]
		return sel, s != nil && s.Kind() == types.FieldVal && s.Obj().(*types.Var).Origin() == field
	}
	var w fieldWrite
	for c := range f.ins.Root().Preorder((*ast.CompositeLit)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.RangeStmt)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			v := fieldElement(info, n, field)
			if v == nil {
				continue
			}
			if f.innermostServesRequest(c) || !f.freshStruct(c) {
				return fieldWrite{}
			}
			w.values = append(w.values, v)
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				sel, ok := isField(lhs)
				if !ok {
					continue
				}
				if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) || f.innermostServesRequest(c) || !f.newStructVar(sel.X) {
					return fieldWrite{}
				}
				w.values = append(w.values, n.Rhs[i])
			}
		case *ast.IncDecStmt:
			if _, ok := isField(n.X); ok {
				return fieldWrite{}
			}
		case *ast.UnaryExpr:
			if _, ok := isField(n.X); ok && n.Op == token.AND {
				return fieldWrite{}
			}
		case *ast.RangeStmt:
			_, k := isField(n.Key)
			_, v := isField(n.Value)
			if k || v {
				return fieldWrite{}
			}
		}
	}
	w.ok = true
	return w
}

// fieldElement returns the value a struct literal gives field, or nil.
func fieldElement(info *types.Info, lit *ast.CompositeLit, field *types.Var) ast.Expr {
	t := info.TypeOf(lit)
	if t == nil {
		return nil
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if st.Field(i).Origin() == field {
			return staticvar.Element(info, lit, i)
		}
	}
	return nil
}

// freshStruct reports whether the struct literal at c (or its address) makes a new struct
// rather than overwriting one the code already holds: it is not the value of an
// assignment to anything but a plain variable (*s = T{…}, s.inner = T{…}).
func (f *Flow) freshStruct(c inspector.Cursor) bool {
	for {
		switch k, _ := c.ParentEdge(); k {
		case edge.UnaryExpr_X, edge.ParenExpr_X:
			c = c.Parent()
			continue
		case edge.AssignStmt_Rhs:
			as := c.Parent().Node().(*ast.AssignStmt)
			if as.Tok == token.ASSIGN {
				for _, lhs := range as.Lhs {
					if _, ok := ast.Unparen(lhs).(*ast.Ident); !ok {
						return false
					}
				}
			}
		}
		return true
	}
}

// newStructVar reports whether e is a local variable whose every value is a struct just
// made: T{…}, &T{…} or new(T).
func (f *Flow) newStructVar(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := f.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || isPackageLevel(v) || v.IsField() {
		return false
	}
	info := f.varInfo(v)
	if info.escapes || len(info.defs) == 0 {
		return false
	}
	for _, d := range info.defs {
		if d.zero {
			continue // var y T
		}
		rhs := ast.Unparen(d.rhs)
		if u, ok := rhs.(*ast.UnaryExpr); ok && u.Op == token.AND {
			rhs = ast.Unparen(u.X)
		}
		switch rhs := rhs.(type) {
		case *ast.CompositeLit:
			if d.tuple >= 0 || d.elem != nil {
				return false
			}
		case *ast.CallExpr:
			if b, ok := typeutil.Callee(f.pass.TypesInfo, rhs).(*types.Builtin); !ok || b.Name() != "new" || d.tuple >= 0 || d.elem != nil {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func derefType(t types.Type) types.Type {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}
