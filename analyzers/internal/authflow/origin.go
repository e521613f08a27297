package authflow

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// Origin is where a string value comes from.
type Origin int

const (
	noValue     Origin = iota // nothing reaches (a variable refers to itself); internal
	Unknown                   // not followed, or a source the checks cannot judge: stay silent
	Fresh                     // a fresh random value: oauth2.GenerateVerifier, crypto/rand, uuid
	Constant                  // a constant, "" included
	Fixed                     // a package-level variable set once at start-up
	Predictable               // math/rand or the clock
	Shared                    // a struct field set where the struct is made, read by each request it serves (fields.go)
)

// Reportable reports whether a value from o is not fresh per login: the same for every
// login, or guessable.
func (o Origin) Reportable() bool {
	return o == Constant || o == Fixed || o == Predictable || o == Shared
}

// Value is the origin of a string value.
type Value struct {
	Origin Origin
	Empty  bool         // the value is certainly ""
	Obj    types.Object // the constant, package-level variable or field it was read from, if any
	Holder types.Object // for Shared: the struct type whose field Obj is, if named
}

// Describe names a reportable value for a message: `constant "…"` is never printed (a
// verifier or state may be a secret), only which object or kind it is.
func (v Value) Describe(from *types.Package) string {
	name := ""
	if v.Obj != nil {
		name = v.Obj.Name()
		if v.Obj.Pkg() != nil && v.Obj.Pkg() != from {
			name = v.Obj.Pkg().Name() + "." + name
		}
	}
	switch v.Origin {
	case Constant:
		if name != "" {
			return "the constant " + name
		}
		if v.Empty {
			return "an empty string"
		}
		return "a constant"
	case Fixed:
		return "the package-level variable " + name + ", set once at start-up"
	case Predictable:
		return "a predictable value (math/rand or the clock)"
	case Shared:
		holder := "struct"
		if v.Holder != nil {
			holder = v.Holder.Name()
		}
		return "the field " + holder + "." + name + ", set once when the " + holder + " is made and read by every request it serves"
	}
	return "a value"
}

// StringOrigin returns where the string expression e comes from.
func (f *Flow) StringOrigin(e ast.Expr) Value {
	f.mu.Lock()
	defer f.mu.Unlock()
	v := f.origin(e, map[*types.Var]bool{})
	if v.Origin == noValue {
		v.Origin = Unknown
	}
	return v
}

func (f *Flow) origin(e ast.Expr, seen map[*types.Var]bool) Value {
	e = ast.Unparen(e)
	info := f.pass.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		v := Value{Origin: Constant}
		if tv.Value.Kind() == constant.String {
			v.Empty = constant.StringVal(tv.Value) == ""
		}
		if obj, ok := f.objectOf(e).(*types.Const); ok {
			v.Obj = obj
		}
		return v
	}
	switch e := e.(type) {
	case *ast.Ident, *ast.SelectorExpr:
		if sel, ok := e.(*ast.SelectorExpr); ok && info.Selections[sel] != nil {
			return f.fieldOrigin(sel, seen)
		}
		v, ok := f.objectOf(e).(*types.Var)
		if !ok {
			return Value{Origin: Unknown}
		}
		return f.varOrigin(v, seen)
	case *ast.CallExpr:
		return f.callOrigin(e, 0, seen)
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return combine(f.origin(e.X, seen), f.origin(e.Y, seen))
		}
	}
	return Value{Origin: Unknown}
}

// varOrigin follows a variable: a package-level one set once at start-up (staticvar's
// Fixed) is Fixed; a local one is the union of the values assigned to it.
func (f *Flow) varOrigin(v *types.Var, seen map[*types.Var]bool) Value {
	if seen[v] {
		return Value{Origin: noValue}
	}
	seen[v] = true
	if isPackageLevel(v) {
		if v.Pkg() != f.pass.Pkg {
			// Fixed in its package (the fact), and not changed at run time here either.
			var fact FixedVarFact
			if f.changes.Fixed(v) && f.pass.ImportObjectFact(v, &fact) {
				return Value{Origin: Fixed, Obj: v}
			}
			return Value{Origin: Unknown}
		}
		if f.changes.Fixed(v) {
			return Value{Origin: Fixed, Obj: v}
		}
		info := f.varInfo(v)
		if info.escapes {
			return Value{Origin: Unknown}
		}
		return f.union(info, seen)
	}
	info := f.varInfo(v)
	if info.escapes || len(info.defs) == 0 {
		return Value{Origin: Unknown}
	}
	return f.union(info, seen)
}

// union joins the values of every def of a variable.
func (f *Flow) union(info *varInfo, seen map[*types.Var]bool) Value {
	out := Value{Origin: noValue, Empty: true}
	for _, d := range info.defs {
		var dv Value
		switch {
		case d.zero:
			dv = Value{Origin: Constant, Empty: true}
		case d.rhs == nil || d.elem != nil:
			dv = Value{Origin: Unknown}
		case d.tuple >= 0:
			call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
			if !ok {
				dv = Value{Origin: Unknown}
				break
			}
			dv = f.callOrigin(call, d.tuple, seen)
		default:
			dv = f.origin(d.rhs, seen)
		}
		out = join(out, dv)
	}
	if out.Origin == noValue {
		out.Empty = false
	}
	return out
}

// join is the union of two possible values: silent origins win, then the worst one.
func join(a, b Value) Value {
	switch {
	case a.Origin == noValue:
		return b
	case b.Origin == noValue:
		return a
	}
	out := a
	if rank(b.Origin) < rank(a.Origin) {
		out = b
	}
	out.Empty = a.Empty && b.Empty
	return out
}

// rank orders origins for join and combine: the lower wins.
func rank(o Origin) int {
	return slices.Index([]Origin{Unknown, Fresh, Predictable, Shared, Fixed, Constant}, o)
}

// combine is the value of a string built from two parts (a + b, fmt.Sprint(a, b)): a
// fresh or unknown part makes the whole so. It keeps the object only if it still names
// the whole: a Fixed variable, a Shared field, or one constant.
func combine(a, b Value) Value {
	out := join(a, b)
	if a.Origin != noValue && b.Origin != noValue && out.Origin != Fixed && out.Origin != Shared {
		out.Obj, out.Holder = nil, nil
	}
	return out
}

// transparent functions build a string from their arguments without adding randomness.
var transparent = []string{
	"fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln",
	"strconv.Itoa", "strconv.FormatInt", "strconv.FormatUint", "strconv.Quote",
	"strings.ToLower", "strings.ToUpper", "strings.TrimSpace",
}

// callOrigin is the origin of result #index of a call.
func (f *Flow) callOrigin(call *ast.CallExpr, index int, seen map[*types.Var]bool) Value {
	info := f.pass.TypesInfo
	if tv, ok := info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 { // string(x)
		return f.origin(call.Args[0], seen)
	}
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Var: // client.GenerateCodeVerifier and GenerateState are func-typed variables
		if isPackageLevel(callee) && callee.Pkg().Path() == catalogue.MCPGoClientPkg && slices.Contains(catalogue.MCPGoRandomVars, callee.Name()) {
			return Value{Origin: Fresh}
		}
	case *types.Func:
		name := callee.Origin().FullName()
		path := ""
		if callee.Pkg() != nil {
			path = callee.Pkg().Path()
		}
		switch {
		case slices.Contains(catalogue.FreshRandomFuncs, name):
			return Value{Origin: Fresh}
		case path == catalogue.MathRandPkg || path == catalogue.MathRandV2Pkg:
			return Value{Origin: Predictable}
		case name == "time.Now":
			return Value{Origin: Predictable}
		case path == "time" && callee.Signature().Recv() != nil:
			// A method of time.Time on the clock (Unix, UnixNano, Format, String, UTC,
			// Truncate, …) gives a number, string or time as guessable as the clock.
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if v := f.origin(sel.X, seen); v.Origin == Predictable {
					return v
				}
			}
		case index == 0 && slices.Contains(byteEncoders, name) && len(call.Args) == 1:
			if conv, ok := ast.Unparen(call.Args[0]).(*ast.CallExpr); ok && len(conv.Args) == 1 {
				if tv, ok := info.Types[conv.Fun]; ok && tv.IsType() { // []byte(s)
					return f.origin(conv.Args[0], seen)
				}
			}
			return f.bufferOrigin(call.Args[0])
		case index == 0 && slices.Contains(transparent, name) && !call.Ellipsis.IsValid():
			out := Value{Origin: noValue, Empty: true}
			for _, arg := range call.Args {
				out = combine(out, f.origin(arg, seen))
			}
			if out.Origin == noValue {
				return Value{Origin: Constant, Empty: true}
			}
			return out
		}
	}
	return Value{Origin: Unknown}
}

// byteEncoders turn random bytes into a string without adding or losing randomness.
var byteEncoders = []string{
	"encoding/hex.EncodeToString",
	"(*encoding/base64.Encoding).EncodeToString",
	"(*encoding/base32.Encoding).EncodeToString",
}

// bufferOrigin is the origin of a local byte slice filled by a random source: b :=
// make([]byte, n) then rand.Read(b). It is Predictable when every call the slice is handed
// to is math/rand's Read, Fresh when crypto/rand's, and Unknown otherwise.
func (f *Flow) bufferOrigin(e ast.Expr) Value {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return Value{Origin: Unknown}
	}
	v, ok := f.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok || isPackageLevel(v) || v.IsField() {
		return Value{Origin: Unknown}
	}
	info := f.varInfo(v)
	if info.escapes || info.aliased || len(info.passed) == 0 {
		return Value{Origin: Unknown}
	}
	for _, d := range info.defs {
		call, ok := ast.Unparen(d.rhs).(*ast.CallExpr)
		if !ok || d.elem != nil {
			return Value{Origin: Unknown}
		}
		if b, ok := typeutil.Callee(f.pass.TypesInfo, call).(*types.Builtin); !ok || b.Name() != "make" {
			return Value{Origin: Unknown}
		}
	}
	out := Value{Origin: noValue}
	for _, call := range info.passed {
		fn, ok := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
		if !ok || fn.Pkg() == nil {
			return Value{Origin: Unknown}
		}
		switch path := fn.Pkg().Path(); {
		case slices.Contains(byteEncoders, fn.Origin().FullName()):
			// encoded, not filled
		case fn.Name() == "Read" && path == catalogue.MathRandPkg: // not v2: its ChaCha8 is a CSPRNG
			out = join(out, Value{Origin: Predictable})
		case fn.Name() == "Read" && path == "crypto/rand":
			out = join(out, Value{Origin: Fresh})
		default:
			return Value{Origin: Unknown}
		}
	}
	if out.Origin == noValue {
		return Value{Origin: Unknown} // never filled
	}
	return out
}
