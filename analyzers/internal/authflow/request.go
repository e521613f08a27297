package authflow

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/url"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// A Request is an OAuth request built by hand: a url.Values, or a query string written as
// constants with values filled in (concatenation or fmt.Sprintf).
type Request struct {
	Params   []Param
	Complete bool // every parameter is seen: nothing may be added unseen
}

// A Param is one parameter of a Request.
type Param struct {
	Key, Value string
	Known      bool     // Value is a constant
	At         ast.Node // the element, call or string that sets it
}

// Get returns the parameters named key.
func (r *Request) Get(key string) []Param {
	var out []Param
	for _, p := range r.Params {
		if p.Key == key {
			out = append(out, p)
		}
	}
	return out
}

// Has reports whether the request sets key.
func (r *Request) Has(key string) bool { return len(r.Get(key)) > 0 }

// ResponseTypes splits a response_type value into its space-separated words
// ("id_token token").
func ResponseTypes(value string) []string { return strings.Fields(value) }

// keysOfInterest are the parameters a request must set, as a constant, to be collected.
var keysOfInterest = []string{"response_type", "grant_type", "code_challenge_method"}

// queryKey finds one of keysOfInterest in a constant query string.
var queryKey = regexp.MustCompile(`(^|[?&])(response_type|grant_type|code_challenge_method)=`)

// Requests returns the requests built by hand in the package that set one of
// response_type, grant_type or code_challenge_method as a constant.
func (f *Flow) Requests() []*Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.scanned {
		return f.requests
	}
	f.scanned = true
	info := f.pass.TypesInfo
	valuesVars := map[*types.Var]bool{}
	var order []*types.Var
	markVar := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok || isPackageLevel(v) || v.IsField() {
			return false
		}
		if !valuesVars[v] {
			valuesVars[v] = true
			order = append(order, v)
		}
		return true
	}
	for c := range f.ins.Root().Preorder((*ast.CompositeLit)(nil), (*ast.CallExpr)(nil), (*ast.BinaryExpr)(nil), (*ast.BasicLit)(nil), (*ast.Ident)(nil)) {
		switch n := c.Node().(type) {
		case *ast.CompositeLit:
			if !catalogue.URLValues.Is(info.TypeOf(n)) || !f.litHasKey(n) {
				continue
			}
			switch kind, i := c.ParentEdge(); kind {
			case edge.AssignStmt_Rhs:
				as := c.Parent().Node().(*ast.AssignStmt)
				if len(as.Lhs) == len(as.Rhs) && markVar(as.Lhs[i]) {
					continue
				}
			case edge.ValueSpec_Values:
				spec := c.Parent().Node().(*ast.ValueSpec)
				if len(spec.Names) == len(spec.Values) && markVar(spec.Names[i]) {
					continue
				}
			}
			r := &Request{Complete: f.sentAsIs(c)}
			f.litParams(n, r)
			f.requests = append(f.requests, r)
		case *ast.CallExpr:
			fn, _ := typeutil.Callee(info, n).(*types.Func)
			if fn == nil || !ArgsFit(n, fn) {
				continue
			}
			switch fn.Origin().FullName() {
			case catalogue.ValuesSet, catalogue.ValuesAdd:
				if key, ok := f.ConstString(n.Args[0]); ok && slices.Contains(keysOfInterest, key) {
					markVar(ast.Unparen(n.Fun).(*ast.SelectorExpr).X)
				}
			case "fmt.Sprintf":
				if r := f.stringRequest(n); r != nil {
					r.Complete = r.Complete && !f.extended(c)
					f.requests = append(f.requests, r)
				}
			}
		case *ast.BinaryExpr, *ast.BasicLit, *ast.Ident:
			if id, ok := n.(*ast.Ident); ok { // a named string constant used as a whole
				if _, isConst := info.Uses[id].(*types.Const); !isConst {
					continue
				}
				if k, _ := c.ParentEdge(); k == edge.SelectorExpr_Sel {
					c = c.Parent() // pkg.Const
				}
			}
			if f.partOfString(c) {
				continue
			}
			e := c.Node().(ast.Expr)
			if bin, ok := e.(*ast.BinaryExpr); ok && bin.Op != token.ADD {
				continue
			}
			if !catalogue.IsString(typeOr(info, e)) {
				continue
			}
			if r := f.stringRequest(e); r != nil {
				r.Complete = r.Complete && !f.extended(c)
				f.requests = append(f.requests, r)
			}
		}
	}
	for _, v := range order {
		f.requests = append(f.requests, f.valuesRequest(v))
	}
	return f.requests
}

// sentAsIs reports whether a url.Values literal not held in a local variable is used as
// it is: encoded (url.Values{...}.Encode()) or sent (http.PostForm). Returned, stored in a
// field or handed to another function, it may be given more parameters unseen.
func (f *Flow) sentAsIs(c inspector.Cursor) bool {
	switch k, _ := c.ParentEdge(); k {
	case edge.SelectorExpr_X:
		sel := c.Parent().Node().(*ast.SelectorExpr)
		fn, ok := f.pass.TypesInfo.Uses[sel.Sel].(*types.Func)
		return ok && fn.Origin().FullName() == catalogue.ValuesEncode
	case edge.CallExpr_Args:
		fn, _ := typeutil.Callee(f.pass.TypesInfo, c.Parent().Node().(*ast.CallExpr)).(*types.Func)
		return fn != nil && slices.Contains(readOnlyValuesFuncs, fn.Origin().FullName())
	}
	return false
}

// stringBuilders build on a string: parse it as a URL, format or write it into a longer one.
var stringBuilders = []string{
	"net/url.Parse", "net/url.ParseRequestURI",
	"fmt.Sprintf", "fmt.Sprint", "fmt.Fprintf", "fmt.Fprint",
	"(*strings.Builder).WriteString", "(*bytes.Buffer).WriteString",
}

// extended reports whether a query string may be given more parameters unseen: it is
// handed to a stringBuilders function, or kept in a variable that is concatenated, handed
// to one, or copied elsewhere.
func (f *Flow) extended(c inspector.Cursor) bool {
	var id *ast.Ident
	switch k, i := c.ParentEdge(); k {
	case edge.CallExpr_Args:
		return f.buildsOn(c.Parent().Node().(*ast.CallExpr))
	case edge.AssignStmt_Rhs:
		if as := c.Parent().Node().(*ast.AssignStmt); len(as.Lhs) == len(as.Rhs) {
			id, _ = ast.Unparen(as.Lhs[i]).(*ast.Ident)
		}
	case edge.ValueSpec_Values:
		if spec := c.Parent().Node().(*ast.ValueSpec); len(spec.Names) == len(spec.Values) {
			id = spec.Names[i]
		}
	}
	if id == nil {
		return false
	}
	v, ok := f.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == nil {
		return true // a field or an unknown variable
	}
	region := f.ins.Root()
	if !isPackageLevel(v) {
		if r, ok := f.ins.Root().FindByPos(v.Parent().Pos(), v.Parent().End()); ok {
			region = r
		}
	}
	for u := range region.Preorder((*ast.Ident)(nil)) {
		if f.pass.TypesInfo.Uses[u.Node().(*ast.Ident)] != v {
			continue
		}
		switch k, _ := u.ParentEdge(); k {
		case edge.CallExpr_Args:
			if f.buildsOn(u.Parent().Node().(*ast.CallExpr)) {
				return true
			}
		case edge.AssignStmt_Lhs:
			if u.Parent().Node().(*ast.AssignStmt).Tok != token.ASSIGN {
				return true // u += "&code_challenge=" + c
			}
		case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.UnaryExpr_X, edge.AssignStmt_Rhs, edge.ValueSpec_Values,
			edge.ReturnStmt_Results, edge.CompositeLit_Elts, edge.KeyValueExpr_Value, edge.SendStmt_Value:
			return true
		}
	}
	return false
}

// buildsOn reports whether call is one of stringBuilders.
func (f *Flow) buildsOn(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
	return fn != nil && slices.Contains(stringBuilders, fn.Origin().FullName())
}

// partOfString reports whether a string expression is part of a larger one (an operand of
// +, a Sprintf format), or the value of a constant declaration (judged where it is used).
func (f *Flow) partOfString(c inspector.Cursor) bool {
	switch k, i := c.ParentEdge(); k {
	case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.SelectorExpr_X:
		return true
	case edge.CallExpr_Args:
		return i == 0 && isSprintf(f.pass.TypesInfo, c.Parent().Node().(*ast.CallExpr))
	case edge.ValueSpec_Values:
		gen, ok := c.Parent().Parent().Node().(*ast.GenDecl)
		return ok && gen.Tok == token.CONST
	}
	return false
}

func typeOr(info *types.Info, e ast.Expr) types.Type {
	if t := info.TypeOf(e); t != nil {
		return t
	}
	return types.Typ[types.Invalid]
}

func isSprintf(info *types.Info, call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn != nil && fn.FullName() == "fmt.Sprintf"
}

// litHasKey reports whether a url.Values literal sets one of keysOfInterest.
func (f *Flow) litHasKey(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if key, ok := f.ConstString(kv.Key); ok && slices.Contains(keysOfInterest, key) {
				return true
			}
		}
	}
	return len(lit.Elts) == 0
}

// litParams adds the parameters of a url.Values literal.
func (f *Flow) litParams(lit *ast.CompositeLit, r *Request) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			r.Complete = false
			continue
		}
		key, ok := f.ConstString(kv.Key)
		if !ok {
			r.Complete = false
			continue
		}
		f.sliceParams(key, kv.Value, kv, r)
	}
}

// sliceParams adds key's values from a []string expression.
func (f *Flow) sliceParams(key string, e ast.Expr, at ast.Node, r *Request) {
	inner, ok := ast.Unparen(e).(*ast.CompositeLit)
	if !ok {
		r.Params = append(r.Params, Param{Key: key, At: at})
		return
	}
	for _, ve := range inner.Elts {
		value, known := f.ConstString(ve)
		r.Params = append(r.Params, Param{Key: key, Value: value, Known: known, At: ve})
	}
}

// valuesRequest collects what a local url.Values variable is given: literals, v[k] = …,
// v.Set and v.Add. It is incomplete if the variable comes from elsewhere or is handed to
// code that may add to it.
func (f *Flow) valuesRequest(v *types.Var) *Request {
	info := f.varInfo(v)
	r := &Request{Complete: !info.escapes && !info.aliased}
	for _, d := range info.defs {
		switch rhs := ast.Unparen(d.rhs).(type) {
		case nil:
			if !d.zero {
				r.Complete = false
			}
		case *ast.CompositeLit:
			if d.elem != nil {
				if key, ok := f.ConstString(d.elem.Index); ok {
					f.sliceParams(key, rhs, rhs, r)
				} else {
					r.Complete = false
				}
				continue
			}
			f.litParams(rhs, r)
		case *ast.CallExpr:
			if b, ok := typeutil.Callee(f.pass.TypesInfo, rhs).(*types.Builtin); !ok || b.Name() != "make" || d.elem != nil {
				r.Complete = false
			}
		default:
			r.Complete = false
		}
	}
	for _, call := range info.calls {
		fn, _ := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
		if fn == nil || !ArgsFit(call, fn) {
			r.Complete = false
			continue
		}
		switch fn.Origin().FullName() {
		case catalogue.ValuesSet, catalogue.ValuesAdd:
			key, ok := f.ConstString(call.Args[0])
			if !ok {
				r.Complete = false
				continue
			}
			value, known := f.ConstString(call.Args[1])
			r.Params = append(r.Params, Param{Key: key, Value: value, Known: known, At: call})
		case "(net/url.Values).Del":
			r.Complete = false
		}
	}
	for _, call := range info.passed {
		fn, _ := typeutil.Callee(f.pass.TypesInfo, call).(*types.Func)
		if fn == nil || !slices.Contains(readOnlyValuesFuncs, fn.Origin().FullName()) {
			r.Complete = false
		}
	}
	return r
}

// readOnlyValuesFuncs send a url.Values without changing it.
var readOnlyValuesFuncs = []string{"net/http.PostForm", "(*net/http.Client).PostForm"}

// verb matches a fmt verb; %% is a literal percent sign.
var verb = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?(\d+|\*)?(\.(\d+|\*)?)?[a-zA-Z%]`)

// hole stands for a value not known in a string built from constants and values.
const hole = "\x00"

// stringRequest parses a query string written as constants with holes for values. It
// returns nil unless a constant piece sets one of keysOfInterest.
func (f *Flow) stringRequest(e ast.Expr) *Request {
	var text strings.Builder
	if call, ok := e.(*ast.CallExpr); ok { // fmt.Sprintf(format, args...)
		if !f.formatText(call, &text) {
			return nil
		}
	} else {
		f.flatten(e, &text)
	}
	s := text.String()
	if !queryKey.MatchString(s) || strings.ContainsAny(s, " \t\n") {
		return nil // whitespace: a message about a request, not a URL or a form body
	}
	return queryRequest(s, e)
}

// queryRequest parses a query string (or a URL with one) with holes for values; nil if it
// is a URL without a query.
func queryRequest(s string, at ast.Node) *Request {
	if i := strings.IndexByte(s, '?'); i >= 0 {
		s = s[i+1:]
	} else if strings.Contains(s, "://") {
		return nil
	}
	s, _, _ = strings.Cut(s, "#")
	r := &Request{Complete: true}
	for i, h := range s {
		if string(h) == hole && (i == 0 || s[i-1] != '=') {
			r.Complete = false // a value may add parameters only where it is not a value itself
		}
	}
	for seg := range strings.SplitSeq(s, "&") {
		if seg == "" {
			continue
		}
		key, value, _ := strings.Cut(seg, "=")
		if strings.Contains(key, hole) {
			r.Complete = false
			continue
		}
		p := Param{Key: unescape(key), At: at}
		if !strings.Contains(value, hole) {
			p.Value, p.Known = unescape(value), true
		}
		r.Params = append(r.Params, p)
	}
	return r
}

// formatText writes the constant format of fmt.Sprintf(format, args...) with a hole for
// each verb; false if the format is not constant.
func (f *Flow) formatText(call *ast.CallExpr, out *strings.Builder) bool {
	if len(call.Args) == 0 {
		return false
	}
	format, ok := f.ConstString(call.Args[0])
	if !ok {
		return false
	}
	out.WriteString(verb.ReplaceAllStringFunc(format, func(v string) string {
		if v == "%%" {
			return "%"
		}
		return hole
	}))
	return true
}

// flatten writes a string concatenation, with a hole for each part that is not constant.
func (f *Flow) flatten(e ast.Expr, out *strings.Builder) {
	if s, ok := f.ConstString(e); ok {
		out.WriteString(s)
		return
	}
	if bin, ok := ast.Unparen(e).(*ast.BinaryExpr); ok && bin.Op == token.ADD {
		f.flatten(bin.X, out)
		f.flatten(bin.Y, out)
		return
	}
	out.WriteString(hole)
}

func unescape(s string) string {
	if u, err := url.QueryUnescape(s); err == nil {
		return u
	}
	return s
}
