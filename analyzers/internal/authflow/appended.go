package authflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
)

// AuthURLOptions returns what an AuthCodeURL call may send besides its state: its options
// (from argument #1 on), and the PKCE parameters written after the URL it returns, as in
//
//	u := cfg.AuthCodeURL(state)
//	u += "&code_challenge=" + ch + "&code_challenge_method=S256"
//
// The URL is followed through + (cfg.AuthCodeURL(s) + "&…"), += and u = u + "&…" on a
// local variable (and the local variables given such a string), and fmt.Sprintf with a
// constant format. Only constant text counts: a parameter written from a variable is not
// known.
func (f *Flow) AuthURLOptions(call *ast.CallExpr) Kind {
	k := f.CallOptions(call, 1)
	f.mu.Lock()
	defer f.mu.Unlock()
	cur, ok := f.ins.Root().FindByPos(call.Pos(), call.End())
	if !ok || cur.Node() != call {
		return k
	}
	var text strings.Builder
	f.appended(cur, &text, map[*types.Var]bool{})
	if text.Len() == 0 {
		return k
	}
	r := queryRequest(text.String(), call)
	if r == nil {
		return k
	}
	for _, p := range r.Params {
		switch p.Key {
		case "code_challenge":
			k |= ChallengeParam
		case "code_challenge_method":
			k |= methodKind(p.Value, p.Known)
		}
	}
	return k
}

// appended writes, separated by &, the text written after the string expression at cur.
func (f *Flow) appended(cur inspector.Cursor, out *strings.Builder, seen map[*types.Var]bool) {
	// Climb the + chain the expression starts: s + "&a=" + x + "&b=…".
	for {
		k, _ := cur.ParentEdge()
		if k == edge.ParenExpr_X {
			cur = cur.Parent()
			continue
		}
		bin, ok := cur.Parent().Node().(*ast.BinaryExpr)
		if k != edge.BinaryExpr_X || !ok || bin.Op != token.ADD {
			break
		}
		out.WriteByte('&')
		f.flatten(bin.Y, out)
		cur = cur.Parent()
	}
	var v *types.Var
	switch k, i := cur.ParentEdge(); k {
	case edge.CallExpr_Args:
		call := cur.Parent().Node().(*ast.CallExpr)
		if isSprintf(f.pass.TypesInfo, call) && i > 0 {
			out.WriteByte('&')
			f.formatText(call, out)
		}
		return
	case edge.AssignStmt_Rhs:
		as := cur.Parent().Node().(*ast.AssignStmt)
		if (as.Tok == token.ASSIGN || as.Tok == token.DEFINE) && len(as.Lhs) == len(as.Rhs) {
			v = f.localVar(as.Lhs[i])
		}
	case edge.ValueSpec_Values:
		spec := cur.Parent().Node().(*ast.ValueSpec)
		if len(spec.Names) == len(spec.Values) {
			v = f.localVar(spec.Names[i])
		}
	}
	if v == nil || seen[v] {
		return
	}
	seen[v] = true
	region, ok := f.ins.Root().FindByPos(v.Parent().Pos(), v.Parent().End())
	if !ok {
		return
	}
	for u := range region.Preorder((*ast.Ident)(nil)) {
		if f.pass.TypesInfo.Uses[u.Node().(*ast.Ident)] != v {
			continue
		}
		if k, _ := u.ParentEdge(); k == edge.AssignStmt_Lhs {
			if as := u.Parent().Node().(*ast.AssignStmt); as.Tok == token.ADD_ASSIGN && len(as.Rhs) == 1 {
				out.WriteByte('&')
				f.flatten(as.Rhs[0], out) // u += "&code_challenge=" + ch
			}
			continue
		}
		f.appended(u, out, seen)
	}
}

// localVar returns the local variable an identifier names or defines, or nil.
func (f *Flow) localVar(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return nil
	}
	v, ok := f.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || isPackageLevel(v) || v.IsField() || v.Parent() == nil {
		return nil
	}
	return v
}
