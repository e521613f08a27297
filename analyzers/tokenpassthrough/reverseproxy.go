package tokenpassthrough

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"net/url"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
)

// The ReverseProxy rule: an httputil.ReverseProxy forwards every request header that is not
// hop-by-hop, so the caller's Authorization header goes upstream unless the Director or
// Rewrite function removes it. It is reported where the proxy is built, when the upstream
// is a constant URL whose host is in [flow] third_party_hosts and no Director, Rewrite or
// Transport of that proxy deletes, replaces or could replace the header.

// APIs of the rule, as types.Func.FullName prints them.
const (
	newSingleHostReverseProxy = "net/http/httputil.NewSingleHostReverseProxy"
	proxyRequestSetURL        = "(*net/http/httputil.ProxyRequest).SetURL"
	urlParse                  = "net/url.Parse"
	urlParseRequestURI        = "net/url.ParseRequestURI"
)

var (
	reverseProxyType  = catalogue.TypeName{Pkg: "net/http/httputil", Name: "ReverseProxy"}
	proxyRequestType  = catalogue.TypeName{Pkg: "net/http/httputil", Name: "ProxyRequest"}
	httpTransportType = catalogue.TypeName{Pkg: "net/http", Name: "Transport"}
)

// maxDepth bounds how far values and same-package helpers are followed.
const maxDepth = 6

// reverseProxies reports proxies that forward the caller's Authorization header to a
// third-party API.
func reverseProxies(pass *check.Pass) {
	if len(pass.TypeErrors) > 0 || len(pass.Rules.Flow.ThirdPartyHosts) == 0 ||
		!catalogue.ImportsAny(pass.Pkg, "net/http/httputil") {
		return
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var sites []ast.Expr
	filter := []ast.Node{(*ast.File)(nil), (*ast.CallExpr)(nil), (*ast.CompositeLit)(nil)}
	insp.Nodes(filter, func(n ast.Node, push bool) bool {
		if !push {
			return true
		}
		switch n := n.(type) {
		case *ast.File:
			return !pass.InTestCode(n)
		case *ast.CallExpr:
			if catalogue.FullName(pass.TypesInfo, n) == newSingleHostReverseProxy && len(n.Args) == 1 {
				sites = append(sites, n)
			}
		case *ast.CompositeLit:
			if t := pass.TypesInfo.TypeOf(n); t != nil && reverseProxyType.Is(t) {
				if _, ptr := types.Unalias(t).(*types.Pointer); !ptr {
					sites = append(sites, n)
				}
			}
		}
		return true
	})
	if len(sites) == 0 {
		return
	}
	r := newProxyPackage(pass)
	for _, site := range sites {
		r.sites[site] = true
	}
	for _, site := range sites {
		if host, ok := r.forwardsTo(site); ok {
			what := "this httputil.ReverseProxy"
			if _, ok := site.(*ast.CallExpr); ok {
				what = "httputil.NewSingleHostReverseProxy"
			}
			pass.Report(analysis.Diagnostic{Pos: site.Pos(), End: site.End(), Message: fmt.Sprintf(
				"%s forwards the caller's Authorization header to the third-party API %s: the caller's bearer token, "+
					"issued for this server, is replayed upstream, which makes the server a confused deputy (token passthrough, "+
					"forbidden by the MCP authorization spec); delete it in Rewrite with pr.Out.Header.Del(\"Authorization\") and "+
					"authenticate upstream with the server's own credentials (an oauth2 TokenSource or RFC 8693 token exchange)",
				what, host)})
		}
	}
}

// proxyPackage is what the rule knows of one package's (non-test) code.
type proxyPackage struct {
	pass      *check.Pass
	info      *types.Info
	parent    map[ast.Node]ast.Node
	decls     map[*types.Func]*ast.FuncDecl
	writes    map[*types.Var][]write    // the values assigned to each variable
	hostWrite map[*types.Var]bool       // URL variables whose Host or Opaque is assigned, or *u
	uses      map[*types.Var][]ast.Expr // uses of variables that hold a ReverseProxy
	mods      []proxyMod                // assignments to a ReverseProxy's Director, Rewrite or Transport
	saved     map[*types.Var]bool       // variables that hold a ReverseProxy's Director
	sites     map[ast.Expr]bool         // where proxies are built
}

// write is one value assigned to a variable: rhs, or result index of the call rhs.
type write struct {
	rhs   ast.Expr // nil: a value the rule does not follow (range, op-assignment)
	tuple bool
	index int
}

// proxyMod is an assignment to a proxy's Director, Rewrite or Transport field.
type proxyMod struct {
	holder *types.Var // the variable holding the proxy, or nil
	field  string
	value  ast.Expr
	pos    token.Pos
}

func newProxyPackage(pass *check.Pass) *proxyPackage {
	r := &proxyPackage{
		pass: pass, info: pass.TypesInfo,
		parent:    map[ast.Node]ast.Node{},
		decls:     map[*types.Func]*ast.FuncDecl{},
		writes:    map[*types.Var][]write{},
		hostWrite: map[*types.Var]bool{},
		uses:      map[*types.Var][]ast.Expr{},
		saved:     map[*types.Var]bool{},
		sites:     map[ast.Expr]bool{},
	}
	for _, file := range pass.Files {
		if pass.InTestCode(file) {
			continue
		}
		var stack []ast.Node
		ast.Inspect(file, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return true
			}
			if len(stack) > 0 {
				r.parent[n] = stack[len(stack)-1]
			}
			stack = append(stack, n)
			switch n := n.(type) {
			case *ast.FuncDecl:
				if fn, ok := r.info.Defs[n.Name].(*types.Func); ok && n.Body != nil {
					r.decls[fn] = n
				}
			case *ast.AssignStmt:
				r.assignment(n.Lhs, n.Rhs, n.Tok)
			case *ast.ValueSpec:
				if len(n.Values) > 0 {
					lhs := make([]ast.Expr, len(n.Names))
					for i, name := range n.Names {
						lhs[i] = name
					}
					r.assignment(lhs, n.Values, token.DEFINE)
				}
			case *ast.RangeStmt:
				for _, e := range []ast.Expr{n.Key, n.Value} {
					if v := r.variable(e); v != nil {
						r.writes[v] = append(r.writes[v], write{})
					}
				}
			case *ast.Ident:
				if v, ok := r.info.Uses[n].(*types.Var); ok && reverseProxyType.Is(v.Type()) {
					r.uses[v] = append(r.uses[v], n)
				}
			}
			return true
		})
	}
	return r
}

// assignment records what an assignment or declaration writes.
func (r *proxyPackage) assignment(lhs, rhs []ast.Expr, tok token.Token) {
	for i, l := range lhs {
		var w write
		switch {
		case tok != token.ASSIGN && tok != token.DEFINE:
			// x += y: not followed
		case len(lhs) == len(rhs):
			w = write{rhs: rhs[i]}
		case len(rhs) == 1:
			w = write{rhs: rhs[0], tuple: true, index: i}
		}
		if v := r.variable(l); v != nil {
			r.writes[v] = append(r.writes[v], w)
			if w.rhs != nil && !w.tuple && r.proxyField(w.rhs) == "Director" {
				r.saved[v] = true
			}
			continue
		}
		switch l := ast.Unparen(l).(type) {
		case *ast.StarExpr:
			if v := r.variable(l.X); v != nil {
				r.hostWrite[v] = true
			}
		case *ast.SelectorExpr:
			if v := r.variable(l.X); v != nil && (l.Sel.Name == "Host" || l.Sel.Name == "Opaque") && catalogue.URL.Is(v.Type()) {
				r.hostWrite[v] = true
			}
			if f := r.proxyField(l); f == "Director" || f == "Rewrite" || f == "Transport" {
				m := proxyMod{field: f, value: w.rhs, pos: l.Pos()}
				x := ast.Unparen(l.X)
				if s, ok := x.(*ast.StarExpr); ok {
					x = s.X
				}
				m.holder = r.variable(x)
				r.mods = append(r.mods, m)
			}
		}
	}
}

// variable returns the variable e names, or nil (also for _).
func (r *proxyPackage) variable(e ast.Expr) *types.Var {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok || id.Name == "_" {
		return nil
	}
	if v, ok := r.info.Defs[id].(*types.Var); ok {
		return v
	}
	v, _ := r.info.Uses[id].(*types.Var)
	return v
}

// proxyField returns the name of the ReverseProxy field e selects, or "".
func (r *proxyPackage) proxyField(e ast.Expr) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if s := r.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && reverseProxyType.Is(s.Recv()) {
		return sel.Sel.Name
	}
	return ""
}

// route is what the Director or Rewrite functions of a proxy do with the outgoing request.
type route struct {
	dests   []dest // where they send it
	strips  bool   // they delete or replace Authorization, or set another credential
	unknown bool   // they hand the request to code the rule cannot see, or replace it
	saved   bool   // they call the Director they replace
}

// dest is one destination: a host, or unknown.
type dest struct {
	host  string
	known bool
}

// forwardsTo returns the third-party host the proxy built at site sends the caller's
// Authorization header to.
func (r *proxyPackage) forwardsTo(site ast.Expr) (string, bool) {
	var rt route
	hasRoute := false
	switch site := site.(type) {
	case *ast.CallExpr: // NewSingleHostReverseProxy(u)
		host, ok := r.urlHost(site.Args[0], 0)
		rt.dests = []dest{{host, ok}}
		hasRoute = true
	case *ast.CompositeLit:
		fields := map[string]ast.Expr{}
		for _, elt := range site.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return "", false
			}
			if key, ok := kv.Key.(*ast.Ident); ok {
				fields[key.Name] = kv.Value
			}
		}
		if fields["Director"] != nil && fields["Rewrite"] != nil {
			return "", false // rejected at run time
		}
		for _, f := range []string{"Director", "Rewrite"} {
			if fields[f] != nil && !isNil(r.info, fields[f]) {
				rt = r.funcRoute(fields[f])
				hasRoute = true
			}
		}
		if t := fields["Transport"]; t != nil && !r.plainTransport(t) {
			return "", false
		}
	}
	holder, escaped := r.holder(site)
	for _, m := range r.mods {
		if m.holder == nil || m.holder != holder {
			if escaped && !r.built(m.holder) {
				return "", false // the proxy may be the one changed there
			}
			continue
		}
		if m.pos < site.Pos() && holder.Parent() != r.pass.Pkg.Scope() {
			continue // a local variable changed before it held this proxy
		}
		switch {
		case m.value == nil:
			return "", false
		case m.field == "Transport":
			if !r.plainTransport(m.value) {
				return "", false
			}
		case isNil(r.info, m.value):
			// Director = nil, to set Rewrite instead
		default:
			g := r.funcRoute(m.value)
			if g.saved {
				rt.dests = append(rt.dests, g.dests...)
			} else {
				rt.dests = g.dests
			}
			rt.strips = rt.strips || g.strips
			rt.unknown = rt.unknown || g.unknown
			hasRoute = true
		}
	}
	if !hasRoute || rt.strips || rt.unknown || r.wrapperStrips(site, holder) {
		return "", false
	}
	third := ""
	for _, d := range rt.dests {
		if !d.known {
			return "", false
		}
		if _, ok := r.pass.Rules.Flow.ThirdPartyHost(d.host); ok && third == "" {
			third = d.host
		}
	}
	return third, third != ""
}

// holder returns the variable that holds the proxy built at site, and whether the proxy
// escapes to code that could change its Director (returned, stored in a field, passed as
// a *ReverseProxy).
func (r *proxyPackage) holder(site ast.Expr) (*types.Var, bool) {
	e, p := r.climb(site)
	var lhs ast.Expr
	switch p := p.(type) {
	case *ast.AssignStmt:
		if len(p.Lhs) == len(p.Rhs) {
			for i, x := range p.Rhs {
				if x == e {
					lhs = p.Lhs[i]
				}
			}
		}
	case *ast.ValueSpec:
		for i, x := range p.Values {
			if x == e && len(p.Names) == len(p.Values) {
				lhs = p.Names[i]
			}
		}
	}
	if lhs == nil {
		return nil, r.escapes(e, p)
	}
	if id, ok := ast.Unparen(lhs).(*ast.Ident); ok && id.Name == "_" {
		return nil, false
	}
	v := r.variable(lhs)
	if v == nil {
		return nil, true // stored in a field, map or slice
	}
	for _, use := range r.uses[v] {
		e, p := r.climb(use)
		if sel, ok := p.(*ast.SelectorExpr); ok && sel.X == e {
			continue // a field or method: changes are proxyMods
		}
		if r.escapes(e, p) {
			return v, true
		}
	}
	return v, false
}

// wrapperStrips reports whether the proxy built at site (held in holder, if not nil) is
// served by a function that removes or replaces a header that may be Authorization before
// it calls ServeHTTP, or is wrapped by a handler of the package that does.
func (r *proxyPackage) wrapperStrips(site ast.Expr, holder *types.Var) bool {
	uses := []ast.Expr{site}
	if holder != nil {
		uses = r.uses[holder]
	}
	for _, use := range uses {
		e, p := r.climb(use)
		var b *ast.BlockStmt
		switch p := p.(type) {
		case *ast.SelectorExpr: // proxy.ServeHTTP(w, req) in a handler
			if p.Sel.Name == "ServeHTTP" {
				b = r.enclosingBody(p)
			}
		case *ast.CallExpr: // middleware(proxy)
			if fn := catalogue.Callee(r.info, p); fn != nil && p.Fun != e {
				if d := r.decls[fn.Origin()]; d != nil {
					b = d.Body
				}
			}
		}
		if b != nil {
			var rt route
			r.body(b, &rt, map[*ast.FuncDecl]bool{}, 0) // only strips count here
			if rt.strips {
				return true
			}
		}
	}
	return false
}

// enclosingBody returns the body of the innermost function around n.
func (r *proxyPackage) enclosingBody(n ast.Node) *ast.BlockStmt {
	for ; n != nil; n = r.parent[n] {
		switch f := n.(type) {
		case *ast.FuncLit:
			return f.Body
		case *ast.FuncDecl:
			return f.Body
		}
	}
	return nil
}

// built reports whether every value v holds is a proxy built in this package, so that a
// change through v is not a change of a proxy that escaped.
func (r *proxyPackage) built(v *types.Var) bool {
	if v == nil || len(r.writes[v]) == 0 {
		return false
	}
	for _, w := range r.writes[v] {
		if w.rhs == nil || w.tuple {
			return false
		}
		e := ast.Unparen(w.rhs)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = ast.Unparen(u.X)
		}
		if !r.sites[e] {
			return false
		}
	}
	return true
}

// climb returns the outermost expression that is e in parentheses or with & and its parent.
func (r *proxyPackage) climb(e ast.Expr) (ast.Expr, ast.Node) {
	for {
		p := r.parent[e]
		switch x := p.(type) {
		case *ast.ParenExpr:
			e = x
			continue
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				e = x
				continue
			}
		}
		return e, p
	}
}

// escapes reports whether the proxy e, used in p, reaches code that could change it: only
// a conversion to an interface (http.Handler) or a comparison keeps it where it is.
func (r *proxyPackage) escapes(e ast.Expr, p ast.Node) bool {
	switch p := p.(type) {
	case *ast.CallExpr:
		if p.Fun == e {
			return false
		}
		if tv := r.info.Types[p.Fun]; tv.IsType() {
			return !types.IsInterface(tv.Type)
		}
		sig, ok := types.Unalias(r.info.TypeOf(p.Fun)).(*types.Signature)
		if !ok {
			return true // a built-in
		}
		for i, a := range p.Args {
			if a != e {
				continue
			}
			params := sig.Params()
			if sig.Variadic() && i >= params.Len()-1 {
				if s, ok := params.At(params.Len() - 1).Type().(*types.Slice); ok && !p.Ellipsis.IsValid() {
					return !types.IsInterface(s.Elem())
				}
				return true
			}
			return i >= params.Len() || !types.IsInterface(params.At(i).Type())
		}
		return true
	case *ast.KeyValueExpr:
		if id, ok := p.Key.(*ast.Ident); ok && p.Value == e {
			if f, ok := r.info.Uses[id].(*types.Var); ok && f.IsField() {
				return !types.IsInterface(f.Type())
			}
		}
		return true
	case *ast.AssignStmt:
		for i, x := range p.Rhs {
			if x == e && len(p.Lhs) == len(p.Rhs) {
				if t := r.info.TypeOf(p.Lhs[i]); t != nil && types.IsInterface(t) {
					return false
				}
				id, ok := p.Lhs[i].(*ast.Ident)
				return !ok || id.Name != "_"
			}
		}
		return true
	case *ast.ValueSpec:
		return p.Type == nil || !types.IsInterface(r.info.TypeOf(p.Type))
	case *ast.BinaryExpr, *ast.ExprStmt:
		return false
	}
	return true
}

// plainTransport reports whether e is a transport that leaves headers alone: an
// *http.Transport or http.DefaultTransport (an oauth2.Transport sets Authorization).
func (r *proxyPackage) plainTransport(e ast.Expr) bool {
	if isNil(r.info, e) || httpTransportType.Is(r.info.TypeOf(e)) {
		return true
	}
	var id *ast.Ident
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		id = x
	case *ast.SelectorExpr:
		id = x.Sel
	}
	v, ok := r.info.Uses[id].(*types.Var)
	return ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultTransport" && v.Parent() == v.Pkg().Scope()
}

// funcRoute returns what the Director or Rewrite function e does: a function literal, a
// function or method of the package, or a variable assigned one of those once.
func (r *proxyPackage) funcRoute(e ast.Expr) route {
	var rt route
	for range maxDepth {
		v := r.variable(e)
		if v == nil || len(r.writes[v]) != 1 || r.writes[v][0].rhs == nil || r.writes[v][0].tuple {
			break
		}
		e = r.writes[v][0].rhs
	}
	switch fn := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		r.body(fn.Body, &rt, map[*ast.FuncDecl]bool{}, 0)
		return rt
	case *ast.Ident, *ast.SelectorExpr:
		var obj types.Object
		if sel, ok := fn.(*ast.SelectorExpr); ok {
			if s := r.info.Selections[sel]; s != nil {
				obj = s.Obj()
			} else {
				obj = r.info.Uses[sel.Sel]
			}
		} else {
			obj = r.info.Uses[fn.(*ast.Ident)]
		}
		if f, ok := obj.(*types.Func); ok {
			if d := r.decls[f.Origin()]; d != nil {
				r.body(d.Body, &rt, map[*ast.FuncDecl]bool{d: true}, 0)
				return rt
			}
		}
	}
	rt.unknown = true
	return rt
}

// body adds to rt what a Director or Rewrite body (or a helper it calls with the request)
// does with the outgoing request.
func (r *proxyPackage) body(b *ast.BlockStmt, rt *route, seen map[*ast.FuncDecl]bool, depth int) {
	ast.Inspect(b, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, l := range n.Lhs {
				w := write{}
				if len(n.Lhs) == len(n.Rhs) {
					w.rhs = n.Rhs[i]
				} else if len(n.Rhs) == 1 {
					w = write{rhs: n.Rhs[0], tuple: true, index: i}
				}
				if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
					w = write{}
				}
				r.assignTo(l, w, rt)
			}
		case *ast.CallExpr:
			r.call(n, rt, seen, depth)
		}
		return true
	})
}

// assignTo judges an assignment inside a Director or Rewrite function.
func (r *proxyPackage) assignTo(l ast.Expr, w write, rt *route) {
	switch l := ast.Unparen(l).(type) {
	case *ast.SelectorExpr:
		s := r.info.Selections[l]
		if s == nil || s.Kind() != types.FieldVal {
			return
		}
		switch {
		case catalogue.HTTPRequest.Is(s.Recv()) && l.Sel.Name == "Header":
			rt.strips = true // req.Header = make(http.Header)
		case catalogue.HTTPRequest.Is(s.Recv()) && l.Sel.Name == "URL" && !r.isIn(l.X):
			host, ok := r.writtenHost(w)
			rt.dests = append(rt.dests, dest{host, ok})
		case catalogue.URL.Is(s.Recv()) && l.Sel.Name == "Host" && r.isRequestURL(l.X):
			host, ok := "", false
			if w.rhs != nil && !w.tuple {
				host, ok = r.hostExpr(w.rhs)
			}
			rt.dests = append(rt.dests, dest{host, ok})
		case catalogue.URL.Is(s.Recv()) && l.Sel.Name == "Opaque" && r.isRequestURL(l.X):
			rt.dests = append(rt.dests, dest{})
		case proxyRequestType.Is(s.Recv()) && l.Sel.Name == "Out":
			rt.unknown = true
		}
	case *ast.IndexExpr:
		if catalogue.HTTPHeader.Is(r.info.TypeOf(l.X)) && isAuthorization(r.info, l.Index) {
			rt.strips = true // req.Header["Authorization"] = ...
		}
	case *ast.StarExpr:
		if catalogue.HTTPRequest.Is(r.info.TypeOf(l.X)) {
			rt.unknown = true
		}
	}
}

// isRequestURL reports whether e is the URL field of a request other than a
// ProxyRequest's In (a Rewrite function's incoming request, which is not sent).
func (r *proxyPackage) isRequestURL(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := r.info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && sel.Sel.Name == "URL" && catalogue.HTTPRequest.Is(s.Recv()) && !r.isIn(sel.X)
}

// isIn reports whether e is a ProxyRequest's In field.
func (r *proxyPackage) isIn(e ast.Expr) bool {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s := r.info.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && sel.Sel.Name == "In" && proxyRequestType.Is(s.Recv())
}

// call judges a call inside a Director or Rewrite function.
func (r *proxyPackage) call(call *ast.CallExpr, rt *route, seen map[*ast.FuncDecl]bool, depth int) {
	if tv := r.info.Types[call.Fun]; tv.IsType() {
		return
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if b, ok := r.info.Uses[id].(*types.Builtin); ok {
			if b.Name() == "delete" && len(call.Args) == 2 && catalogue.HTTPHeader.Is(r.info.TypeOf(call.Args[0])) &&
				isAuthorization(r.info, call.Args[1]) {
				rt.strips = true
			}
			return
		}
	}
	fn := catalogue.Callee(r.info, call)
	if fn != nil {
		switch fn.Origin().FullName() {
		case catalogue.HeaderDel, catalogue.HeaderSet:
			if len(call.Args) > 0 && isAuthorization(r.info, call.Args[0]) {
				rt.strips = true
			}
			return
		case catalogue.RequestSetBasicAuth:
			rt.strips = true
			return
		case proxyRequestSetURL:
			host, ok := r.urlHost(call.Args[0], 0)
			rt.dests = append(rt.dests, dest{host, ok})
			return
		}
	}
	if !r.passesRequest(call) {
		return
	}
	if fn != nil {
		if d := r.decls[fn.Origin()]; d != nil && depth < maxDepth {
			if !seen[d] {
				seen[d] = true
				r.body(d.Body, rt, seen, depth+1)
			}
			return
		}
	} else if v := r.variable(call.Fun); v != nil && r.saved[v] && len(r.writes[v]) == 1 {
		rt.saved = true // orig(req), orig := proxy.Director
		return
	}
	rt.unknown = true
}

// passesRequest reports whether a call is given a request, a ProxyRequest or headers.
func (r *proxyPackage) passesRequest(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		t := r.info.TypeOf(a)
		if t != nil && (catalogue.HTTPRequest.Is(t) || catalogue.HTTPHeader.Is(t) || proxyRequestType.Is(t)) {
			return true
		}
	}
	return false
}

// isAuthorization reports whether a header key may be Authorization: the constant
// "Authorization" in any case, or a key that is not a constant.
func isAuthorization(info *types.Info, e ast.Expr) bool {
	s, ok := catalogue.StringConst(info, e)
	return !ok || strings.EqualFold(strings.TrimSpace(s), "Authorization")
}

// writtenHost returns the host of the URL a write assigns.
func (r *proxyPackage) writtenHost(w write) (string, bool) {
	switch {
	case w.rhs == nil:
		return "", false
	case w.tuple:
		call, ok := ast.Unparen(w.rhs).(*ast.CallExpr)
		if !ok || w.index != 0 {
			return "", false
		}
		return r.parsedHost(call)
	}
	return r.urlHost(w.rhs, 0)
}

// urlHost returns the host of the *url.URL (or url.URL) e, when it is built from a
// constant: url.Parse("https://api.github.com"), &url.URL{Host: "api.github.com"}, a
// variable assigned once from one of those, or a helper of the package that returns
// url.Parse of its string parameter.
func (r *proxyPackage) urlHost(e ast.Expr, depth int) (string, bool) {
	if depth > maxDepth {
		return "", false
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return r.urlHost(e.X, depth+1)
		}
	case *ast.StarExpr:
		return r.urlHost(e.X, depth+1)
	case *ast.CompositeLit:
		if !catalogue.URL.Is(r.info.TypeOf(e)) {
			return "", false
		}
		for _, elt := range e.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return "", false
			}
			if key, ok := kv.Key.(*ast.Ident); ok && key.Name == "Host" {
				if s, ok := catalogue.StringConst(r.info, kv.Value); ok {
					return hostPart(s)
				}
			}
		}
	case *ast.Ident:
		v := r.variable(e)
		if v == nil || r.hostWrite[v] || len(r.writes[v]) != 1 {
			return "", false
		}
		w := r.writes[v][0]
		if w.rhs != nil && !w.tuple {
			return r.urlHost(w.rhs, depth+1)
		}
		return r.writtenHost(w)
	case *ast.CallExpr:
		return r.helperHost(e)
	}
	return "", false
}

// parsedHost returns the host of url.Parse(constant) or of a helper that parses its
// constant argument.
func (r *proxyPackage) parsedHost(call *ast.CallExpr) (string, bool) {
	switch catalogue.FullName(r.info, call) {
	case urlParse, urlParseRequestURI:
		if s, ok := catalogue.StringConst(r.info, call.Args[0]); ok {
			return urlStringHost(s)
		}
		return "", false
	}
	return r.helperHost(call)
}

// helperHost returns the host for mustParse("https://api.github.com"), where mustParse is
// a function of the package with one string parameter whose every non-nil result is
// url.Parse of that parameter.
func (r *proxyPackage) helperHost(call *ast.CallExpr) (string, bool) {
	fn := catalogue.Callee(r.info, call)
	if fn == nil || len(call.Args) != 1 {
		return "", false
	}
	d := r.decls[fn.Origin()]
	s, ok := catalogue.StringConst(r.info, call.Args[0])
	if d == nil || !ok || fn.Signature().Params().Len() != 1 || len(r.writes[fn.Signature().Params().At(0)]) > 0 {
		return "", false
	}
	param := fn.Signature().Params().At(0)
	parsesParam := func(e ast.Expr) bool {
		c, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(c.Args) != 1 {
			return false
		}
		name := catalogue.FullName(r.info, c)
		return (name == urlParse || name == urlParseRequestURI) && r.variable(c.Args[0]) == param
	}
	returns := 0
	good := true
	ast.Inspect(d.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			returns++
			if len(n.Results) == 0 {
				good = false
				return false
			}
			res := n.Results[0]
			if isNil(r.info, res) || parsesParam(res) {
				return false
			}
			v := r.variable(res)
			if v == nil || r.hostWrite[v] || len(r.writes[v]) != 1 {
				good = false
				return false
			}
			w := r.writes[v][0]
			if !w.tuple || w.index != 0 || !parsesParam(w.rhs) {
				good = false
			}
			return false
		}
		return true
	})
	if returns == 0 || !good {
		return "", false
	}
	return urlStringHost(s)
}

// hostExpr returns the host that a value assigned to URL.Host names: a constant, or the
// Host of a URL built from a constant.
func (r *proxyPackage) hostExpr(e ast.Expr) (string, bool) {
	if s, ok := catalogue.StringConst(r.info, e); ok {
		return hostPart(s)
	}
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok && sel.Sel.Name == "Host" {
		if s := r.info.Selections[sel]; s != nil && s.Kind() == types.FieldVal && catalogue.URL.Is(s.Recv()) {
			return r.urlHost(sel.X, 0)
		}
	}
	return "", false
}

// urlStringHost returns the host name of an absolute URL.
func urlStringHost(s string) (string, bool) {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", false
	}
	return strings.ToLower(u.Hostname()), u.Hostname() != ""
}

// hostPart returns the host name of a URL.Host value ("api.github.com:443").
func hostPart(s string) (string, bool) {
	return urlStringHost("//" + s)
}

func isNil(info *types.Info, e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	_, isNil := info.Uses[id].(*types.Nil)
	return isNil
}
