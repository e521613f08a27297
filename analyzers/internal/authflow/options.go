package authflow

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// Kind is a set of what oauth2.AuthCodeOption values may hold.
type Kind uint16

const (
	S256Challenge  Kind = 1 << iota // oauth2.S256ChallengeOption(v)
	ChallengeParam                  // SetAuthURLParam("code_challenge", c)
	MethodS256                      // SetAuthURLParam("code_challenge_method", "S256")
	MethodPlain                     // SetAuthURLParam("code_challenge_method", "plain")
	MethodOther                     // another or a non-constant code_challenge_method
	Verifier                        // oauth2.VerifierOption(v) or SetAuthURLParam("code_verifier", v)
	OtherOption                     // an option that carries no PKCE
	Unresolved                      // a value not followed: it may hold anything
	OtherGrant                      // SetAuthURLParam("grant_type" or "response_type", …) for another flow than the code flow
	Nonce                           // SetAuthURLParam("nonce", n), as go-oidc's oidc.Nonce(n): an OpenID Connect nonce
)

func (k Kind) String() string {
	var parts []string
	for i, name := range []string{"S256Challenge", "ChallengeParam", "MethodS256", "MethodPlain", "MethodOther", "Verifier", "Other", "Unresolved", "OtherGrant", "Nonce"} {
		if k&(1<<i) != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, "|")
}

// HasS256Challenge reports whether the options certainly send an S256 code challenge.
func (k Kind) HasS256Challenge() bool {
	return k&S256Challenge != 0 || (k&ChallengeParam != 0 && k&MethodS256 != 0)
}

// CallOptions returns what the variadic AuthCodeOption arguments of call, from argument
// #first on, may hold: each argument, or the slice passed with opts....
func (f *Flow) CallOptions(call *ast.CallExpr, first int) Kind {
	f.mu.Lock()
	defer f.mu.Unlock()
	if first >= len(call.Args) {
		return 0
	}
	seen := map[types.Object]bool{}
	if call.Ellipsis.IsValid() {
		return f.optionSlice(call.Args[first], seen)
	}
	var k Kind
	for _, arg := range call.Args[first:] {
		k |= f.option(arg, seen)
	}
	return k
}

// option is what one AuthCodeOption expression may hold.
func (f *Flow) option(e ast.Expr, seen map[types.Object]bool) Kind {
	e = ast.Unparen(e)
	if tv, ok := f.pass.TypesInfo.Types[e]; ok && tv.IsNil() {
		return 0
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(f.pass.TypesInfo, e).(*types.Func)
		if !ok {
			return Unresolved
		}
		switch fn.Origin().FullName() {
		case catalogue.S256ChallengeOption:
			return S256Challenge
		case catalogue.VerifierOption:
			return Verifier
		case catalogue.SetAuthURLParam:
			return f.paramKind(e)
		}
		return f.funcOptionsAt(fn, seen)
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := f.objectOf(e).(*types.Var)
		if !ok {
			return Unresolved
		}
		if v.Pkg() != nil && v.Pkg().Path() == catalogue.OAuth2Pkg && slices.Contains(catalogue.OAuth2Options, v.Name()) {
			return OtherOption
		}
		return f.varOptions(v, false, seen)
	case *ast.IndexExpr: // opts[i]: any element of the slice
		return f.optionSlice(e.X, seen)
	}
	return Unresolved
}

// optionSlice is what the elements of a []AuthCodeOption expression may hold.
func (f *Flow) optionSlice(e ast.Expr, seen map[types.Object]bool) Kind {
	e = ast.Unparen(e)
	info := f.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return 0
	}
	switch e := e.(type) {
	case *ast.CompositeLit:
		var k Kind
		for _, elt := range e.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				elt = kv.Value
			}
			k |= f.option(elt, seen)
		}
		return k
	case *ast.CallExpr:
		switch callee := typeutil.Callee(info, e).(type) {
		case *types.Builtin:
			switch callee.Name() {
			case "make":
				return 0
			case "append":
				if len(e.Args) == 0 {
					return 0
				}
				k := f.optionSlice(e.Args[0], seen)
				if e.Ellipsis.IsValid() && len(e.Args) == 2 {
					return k | f.optionSlice(e.Args[1], seen)
				}
				for _, arg := range e.Args[1:] {
					k |= f.option(arg, seen)
				}
				return k
			}
		case *types.Func:
			return f.funcOptionsAt(callee, seen)
		}
		return Unresolved
	case *ast.Ident, *ast.SelectorExpr:
		v, ok := f.objectOf(e).(*types.Var)
		if !ok {
			return Unresolved
		}
		return f.varOptions(v, true, seen)
	case *ast.SliceExpr:
		return f.optionSlice(e.X, seen)
	}
	return Unresolved
}

// varOptions is what a variable of type AuthCodeOption (slice: []AuthCodeOption) may hold:
// the union of every value assigned to it in its scope.
func (f *Flow) varOptions(v *types.Var, slice bool, seen map[types.Object]bool) Kind {
	if seen[v] {
		return 0
	}
	seen[v] = true
	if isPackageLevel(v) && v.Pkg() != f.pass.Pkg {
		var fact OptionsFact
		if f.pass.ImportObjectFact(v, &fact) {
			return fact.Kinds
		}
		return Unresolved
	}
	info := f.varInfo(v)
	if info.escapes || len(info.defs) == 0 {
		return Unresolved
	}
	var k Kind
	for _, d := range info.defs {
		switch {
		case d.zero:
		case d.rhs == nil:
			k |= Unresolved
		case d.elem != nil:
			k |= f.option(d.rhs, seen)
		case d.tuple >= 0:
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if fn, isFunc := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func); ok && isFunc {
				k |= f.funcOptionsAt(fn, seen)
			} else {
				k |= Unresolved
			}
		case slice:
			k |= f.optionSlice(d.rhs, seen)
		default:
			k |= f.option(d.rhs, seen)
		}
	}
	return k
}

// funcOptionsAt is what the option result of a call of fn may hold: from its return
// statements in this package, from an OptionsFact in another.
func (f *Flow) funcOptionsAt(fn *types.Func, seen map[types.Object]bool) Kind {
	if optionResult(fn.Signature()) < 0 {
		return Unresolved
	}
	if fn.Pkg() != f.pass.Pkg {
		var fact OptionsFact
		if fn.Pkg() != nil && f.pass.ImportObjectFact(fn.Origin(), &fact) {
			return fact.Kinds
		}
		return Unresolved
	}
	if seen[fn] {
		return 0
	}
	seen[fn] = true
	return f.funcOptions(fn)
}

// funcOptions is what the option result of a function of this package may hold: the
// union over its return statements (those of nested function literals excluded).
func (f *Flow) funcOptions(fn *types.Func) Kind {
	if k, ok := f.funcKinds[fn]; ok {
		return k
	}
	f.funcKinds[fn] = 0 // recursion
	sig := fn.Signature()
	idx := optionResult(sig)
	decl := f.funcDecl(fn)
	if decl == nil || idx < 0 {
		f.funcKinds[fn] = Unresolved
		return Unresolved
	}
	slice := isOptionSlice(sig.Results().At(idx).Type())
	seen := map[types.Object]bool{fn: true}
	var k Kind
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			var e ast.Expr
			switch {
			case len(n.Results) == 0: // named results
				if v := sig.Results().At(idx); v.Name() != "" {
					k |= f.varOptions(v, slice, seen)
				} else {
					k |= Unresolved
				}
				return false
			case len(n.Results) == sig.Results().Len():
				e = n.Results[idx]
			default:
				k |= Unresolved
				return false
			}
			if slice {
				k |= f.optionSlice(e, seen)
			} else {
				k |= f.option(e, seen)
			}
		}
		return true
	})
	f.funcKinds[fn] = k
	return k
}

// optionResult returns the index of the first result of type AuthCodeOption or
// []AuthCodeOption, or -1.
func optionResult(sig *types.Signature) int {
	for i := range sig.Results().Len() {
		if t := sig.Results().At(i).Type(); isOption(t) || isOptionSlice(t) {
			return i
		}
	}
	return -1
}

func isOption(t types.Type) bool { return catalogue.AuthCodeOption.Is(t) && !isPointer(t) }

func isOptionSlice(t types.Type) bool {
	s, ok := t.Underlying().(*types.Slice)
	return ok && isOption(s.Elem())
}

func isPointer(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// paramKind classifies oauth2.SetAuthURLParam(key, value).
func (f *Flow) paramKind(call *ast.CallExpr) Kind {
	if len(call.Args) != 2 {
		return Unresolved
	}
	key, ok := f.ConstString(call.Args[0])
	if !ok {
		return Unresolved
	}
	switch key {
	case "code_challenge":
		return ChallengeParam
	case "code_verifier":
		return Verifier
	case "nonce":
		return Nonce
	case "grant_type", "response_type":
		// Exchange with grant_type token-exchange or jwt-bearer (go-sdk's oauthex does
		// this), or AuthCodeURL with another response_type, is not the code flow.
		if v, ok := f.ConstString(call.Args[1]); ok && (v == "authorization_code" || v == "code") {
			return OtherOption
		}
		return OtherGrant
	case "code_challenge_method":
		return methodKind(f.ConstString(call.Args[1]))
	}
	return OtherOption
}

// methodKind classifies a code_challenge_method value; known says it is a constant.
func methodKind(m string, known bool) Kind {
	switch {
	case known && m == "S256":
		return MethodS256
	case known && strings.EqualFold(m, "plain"):
		return MethodPlain
	}
	return MethodOther
}

// ConstString returns the value of a constant string expression.
func (f *Flow) ConstString(e ast.Expr) (string, bool) {
	return catalogue.StringConst(f.pass.TypesInfo, e)
}
