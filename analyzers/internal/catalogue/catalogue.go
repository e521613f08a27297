// Package catalogue names the APIs oauthvet knows, by package path and name, and resolves
// them through go/types. Checks never compare identifiers, receiver names or import
// aliases: they ask this package whether an object is the one the catalogue names.
package catalogue

import (
	"go/ast"
	"go/constant"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// Functions and methods, as types.Func.FullName prints them.
const (
	HeaderSet           = "(net/http.Header).Set"
	HeaderAdd           = "(net/http.Header).Add"
	RequestSetBasicAuth = "(*net/http.Request).SetBasicAuth"
	ValuesSet           = "(net/url.Values).Set"
	ValuesAdd           = "(net/url.Values).Add"
)

// Types, as package path and name.
var (
	HTTPHeader = TypeName{"net/http", "Header"}
	URLValues  = TypeName{"net/url", "Values"}
)

// JWTPackages are golang-jwt and the forks and predecessors with the same API.
var JWTPackages = []string{
	"github.com/golang-jwt/jwt/v5",
	"github.com/golang-jwt/jwt/v4",
	"github.com/golang-jwt/jwt",
	"github.com/dgrijalva/jwt-go",
	"github.com/form3tech-oss/jwt-go",
}

// NoReturnStd are the standard library's functions that never return, as FullName prints
// them (the paths package computes no facts for the standard library).
var NoReturnStd = []string{
	"os.Exit", "runtime.Goexit", "syscall.Exit",
	"log.Fatal", "log.Fatalf", "log.Fatalln", "log.Panic", "log.Panicf", "log.Panicln",
	"(*log.Logger).Fatal", "(*log.Logger).Fatalf", "(*log.Logger).Fatalln",
	"(*log.Logger).Panic", "(*log.Logger).Panicf", "(*log.Logger).Panicln",
	"(*testing.common).FailNow", "(*testing.common).Fatal", "(*testing.common).Fatalf",
	"(*testing.common).SkipNow", "(*testing.common).Skip", "(*testing.common).Skipf",
}

// FatalLoggers are logging packages whose Fatal* and Exit* functions and methods log and
// then end the process through a hook or function value that ctrlflow cannot follow.
var FatalLoggers = []string{
	"k8s.io/klog/v2",
	"k8s.io/klog",
	"github.com/golang/glog",
	"github.com/sirupsen/logrus",
	"go.uber.org/zap",
	"github.com/charmbracelet/log",
}

// TypeName is a named type by package path and name.
type TypeName struct{ Pkg, Name string }

// Is reports whether t (or what it points to) is the named type.
func (n TypeName) Is(t types.Type) bool {
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	return obj.Pkg() != nil && obj.Pkg().Path() == n.Pkg && obj.Name() == n.Name
}

// ImportsAny reports whether pkg imports one of the packages directly: the fast path of a
// check whose pattern needs one of those APIs.
func ImportsAny(pkg *types.Package, paths ...string) bool {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return true
		}
	}
	return false
}

// StringConst returns the value of e if it is a string constant (folded: a literal, a
// named constant of any package, or a constant expression).
func StringConst(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// Callee returns the function or method a call statically names, or nil (for calls of
// function values, conversions and built-ins). Interface methods are returned abstract.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// FullName returns the callee's types.Func.FullName, or "".
func FullName(info *types.Info, call *ast.CallExpr) string {
	if fn := Callee(info, call); fn != nil {
		return fn.Origin().FullName()
	}
	return ""
}

// IsField reports whether v is the field that m names ("pkg/path.Type.Field"), by
// identity: the named type's struct must hold v itself.
func IsField(v *types.Var, m config.Member) bool {
	if v == nil || !v.IsField() || v.Pkg() == nil || v.Name() != m.Name || v.Pkg().Path() != m.Pkg || m.Type == "" {
		return false
	}
	tn, ok := v.Pkg().Scope().Lookup(m.Type).(*types.TypeName)
	if !ok {
		return false
	}
	st, ok := tn.Type().Underlying().(*types.Struct)
	if !ok {
		return false
	}
	v = v.Origin()
	for i := range st.NumFields() {
		if st.Field(i) == v {
			return true
		}
	}
	return false
}

// IsJWTToken reports whether t is *Token of one of the JWTPackages.
func IsJWTToken(t types.Type) bool {
	ptr, ok := types.Unalias(t).(*types.Pointer)
	if !ok {
		return false
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	return ok && named.Obj().Name() == "Token" && named.Obj().Pkg() != nil && slices.Contains(JWTPackages, named.Obj().Pkg().Path())
}

// IsJWTKeyfunc reports whether sig is a golang-jwt Keyfunc: func(*jwt.Token) (any, error).
func IsJWTKeyfunc(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() != 1 || sig.Results().Len() != 2 || !IsJWTToken(sig.Params().At(0).Type()) {
		return false
	}
	iface, ok := sig.Results().At(0).Type().Underlying().(*types.Interface)
	return ok && iface.Empty() && types.Identical(sig.Results().At(1).Type(), types.Universe.Lookup("error").Type())
}

// IsJWTSignedString reports whether fn is (*jwt.Token).SignedString of a JWTPackage.
func IsJWTSignedString(fn *types.Func) bool {
	if fn == nil || fn.Name() != "SignedString" {
		return false
	}
	recv := fn.Signature().Recv()
	return recv != nil && IsJWTToken(recv.Type())
}

// IsString reports whether t is a string type (string, or a named type whose underlying
// type is string).
func IsString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}
