package oauthstate

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/authflow"
	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// A callback may be wrapped by a middleware that checks the state before it runs. The
// check follows where the callback goes as a value: registered as it is on a net/http mux
// (or served as it is), nothing runs before it; handed to any other function, put in a
// literal or a variable that goes elsewhere, a middleware may run first.

// registrations serve a handler as it is.
var registrations = []string{
	"net/http.Handle", "net/http.HandleFunc",
	"(*net/http.ServeMux).Handle", "(*net/http.ServeMux).HandleFunc",
	"net/http.ListenAndServe", "net/http.ListenAndServeTLS", "net/http.Serve", "net/http.ServeTLS",
}

// maxWrapDepth bounds how far a handler value is followed; beyond it the check is silent.
const maxWrapDepth = 24

// usesOf returns the cursors of the uses of obj in the code the check lints: the
// identifier, or the selector expression (x.Method, pkg.Func) it is the name of.
func (c *checker) usesOf(obj types.Object) []inspector.Cursor {
	if c.uses == nil {
		c.uses = map[types.Object][]inspector.Cursor{}
		for _, file := range c.pass.Files {
			for _, root := range authflow.LintedRoots(c.pass, file) {
				rc, _ := c.ins.Root().FindNode(root)
				for cur := range rc.Preorder((*ast.Ident)(nil)) {
					o := c.pass.TypesInfo.Uses[cur.Node().(*ast.Ident)]
					switch o.(type) {
					case *types.Func, *types.Var:
					default:
						continue
					}
					if k, _ := cur.ParentEdge(); k == edge.SelectorExpr_Sel {
						cur = cur.Parent()
					}
					c.uses[o] = append(c.uses[o], cur)
				}
			}
		}
	}
	return c.uses[obj]
}

// handlerWrapped reports whether the function fn (a FuncDecl or FuncLit cursor), used as
// a handler, may run behind a middleware or a caller that checks the state.
func (c *checker) handlerWrapped(fn inspector.Cursor, depth int, w *walk) bool {
	if depth > maxWrapDepth {
		return true
	}
	switch f := fn.Node().(type) {
	case *ast.FuncLit:
		return c.valueWrapped(fn, depth+1, w)
	case *ast.FuncDecl:
		obj, ok := c.pass.TypesInfo.Defs[f.Name].(*types.Func)
		if !ok {
			return false
		}
		return c.objectWrapped(obj, depth+1, w)
	}
	return false
}

// objectWrapped reports whether any use of a function or variable holding a handler may
// wrap it.
func (c *checker) objectWrapped(obj types.Object, depth int, w *walk) bool {
	if w.seen[obj] {
		return false
	}
	w.seen[obj] = true
	for _, u := range c.usesOf(obj) {
		if c.valueWrapped(u, depth+1, w) {
			return true
		}
	}
	return false
}

// valueWrapped reports whether the handler value at cur may be wrapped by a state check,
// judged by where the value goes.
func (c *checker) valueWrapped(cur inspector.Cursor, depth int, w *walk) bool {
	if depth > maxWrapDepth {
		return true
	}
	info := c.pass.TypesInfo
	parent := cur.Parent()
	switch kind, index := cur.ParentEdge(); kind {
	case edge.ParenExpr_X:
		return c.valueWrapped(parent, depth+1, w)
	case edge.CallExpr_Fun:
		// The handler is called here: by a function that may check the state first, or
		// that is itself wrapped.
		return c.callerWrapped(parent, depth, w)
	case edge.SelectorExpr_X:
		sel := parent.Node().(*ast.SelectorExpr)
		if k, _ := parent.ParentEdge(); k == edge.CallExpr_Fun && sel.Sel.Name == "ServeHTTP" {
			return c.callerWrapped(parent.Parent(), depth, w) // next.ServeHTTP(w, r)
		}
		return true
	case edge.CallExpr_Args:
		call := parent.Node().(*ast.CallExpr)
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return c.valueWrapped(parent, depth+1, w) // http.HandlerFunc(f)
		}
		fn, ok := typeutil.Callee(info, call).(*types.Func)
		if !ok {
			return true
		}
		if slices.Contains(registrations, fn.Origin().FullName()) {
			return c.muxWrapped(call)
		}
		decl := c.flow.FuncDecl(fn)
		if decl == nil {
			return true // a middleware we cannot see
		}
		// A function of this package: it may check the state, call the handler after a
		// check, or return it to be wrapped again.
		if c.checksState(decl, 0) {
			return true
		}
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
			if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodExpr {
				index-- // T.M(recv, h): the first argument is the receiver
				if index < 0 {
					return true // the handler as a receiver: not followed
				}
			}
		}
		if p := paramAt(fn.Signature(), index); p != nil {
			// The handler as the parameter: where the function returns it, it goes
			// where this call goes.
			prev, had := w.sites[fn.Origin()]
			w.sites[fn.Origin()] = parent
			wrapped := c.objectWrapped(p, depth+1, w)
			if had {
				w.sites[fn.Origin()] = prev
			} else {
				delete(w.sites, fn.Origin())
			}
			if wrapped {
				return true
			}
		}
		return fn.Signature().Results().Len() > 0 && c.valueWrapped(parent, depth+1, w)
	case edge.ReturnStmt_Results:
		// Returned by a function: follow the calls of that function.
		for enc := range parent.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
			return c.resultWrapped(enc, depth+1, w)
		}
		return true
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		var lhs ast.Expr
		if as, ok := parent.Node().(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
			lhs = as.Lhs[index]
		} else if spec, ok := parent.Node().(*ast.ValueSpec); ok && len(spec.Names) == len(spec.Values) {
			lhs = spec.Names[index]
		}
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return true // a field or an element: it may be used anywhere
		}
		if id.Name == "_" {
			return false // var _ http.HandlerFunc = f: a compile-time check
		}
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		if v, ok := obj.(*types.Var); ok && !v.IsField() {
			return c.objectWrapped(v, depth+1, w)
		}
		return true
	case edge.KeyValueExpr_Value:
		// &http.Server{Handler: h} serves it as it is.
		lit, ok := parent.Parent().Node().(*ast.CompositeLit)
		key, _ := parent.Node().(*ast.KeyValueExpr).Key.(*ast.Ident)
		if ok && key != nil && key.Name == "Handler" && httpServer.Is(info.TypeOf(lit)) {
			return false
		}
		return true
	}
	return true // in a literal, a channel, ...: it may be wrapped anywhere
}

// walk is the state of one walk over where a handler goes.
type walk struct {
	seen  map[types.Object]bool
	sites map[types.Object]inspector.Cursor // a function entered through a parameter: the call
}

func newWalk() *walk {
	return &walk{seen: map[types.Object]bool{}, sites: map[types.Object]inspector.Cursor{}}
}

var httpServer = catalogue.TypeName{Pkg: catalogue.NetHTTPPkg, Name: "Server"}

// callerWrapped reports whether the function that calls a handler at call may check the
// state first, or is itself a handler that may be wrapped.
func (c *checker) callerWrapped(call inspector.Cursor, depth int, w *walk) bool {
	for enc := range call.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		return c.checksState(enc.Node(), 0) || c.handlerWrapped(enc, depth+1, w)
	}
	return true
}

// resultWrapped reports whether a handler returned by fn may be wrapped where fn is called.
func (c *checker) resultWrapped(fn inspector.Cursor, depth int, w *walk) bool {
	var uses []inspector.Cursor
	switch f := fn.Node().(type) {
	case *ast.FuncLit:
		uses = []inspector.Cursor{fn}
	case *ast.FuncDecl:
		obj, ok := c.pass.TypesInfo.Defs[f.Name].(*types.Func)
		if !ok {
			return true
		}
		if site, ok := w.sites[obj]; ok {
			return c.valueWrapped(site, depth+1, w) // the call that handed the handler in
		}
		if w.seen[obj] {
			return false
		}
		w.seen[obj] = true
		uses = c.usesOf(obj)
	}
	for _, u := range uses {
		for k, _ := u.ParentEdge(); k == edge.ParenExpr_X; k, _ = u.ParentEdge() {
			u = u.Parent()
		}
		if k, _ := u.ParentEdge(); k != edge.CallExpr_Fun {
			return true // the function itself goes elsewhere
		}
		if c.valueWrapped(u.Parent(), depth+1, w) {
			return true
		}
	}
	return false
}

// paramAt returns the parameter that receives argument #i, or nil.
func paramAt(sig *types.Signature, i int) *types.Var {
	n := sig.Params().Len()
	if n == 0 {
		return nil
	}
	if i >= n {
		if !sig.Variadic() {
			return nil
		}
		i = n - 1
	}
	return sig.Params().At(i)
}

// checksState reports whether a helper, middleware or caller fn (FuncDecl or FuncLit) may
// check a request's state: it reads the state and may compare it, reads a parameter whose
// name is not a constant, hands a request, URL or query to a function of another package,
// or calls a function of this package that does.
func (c *checker) checksState(fn ast.Node, depth int) bool {
	if v, ok := c.checks[fn]; ok {
		return v
	}
	if c.inProgress[fn] {
		c.cycleHits++
		return false // a recursive call decides nothing
	}
	if depth > maxWrapDepth {
		return true
	}
	c.inProgress[fn] = true
	before := c.cycleHits
	result := c.scanChecksState(fn, depth)
	delete(c.inProgress, fn)
	// A false that relied on a function still being judged (a cycle) is not final.
	if result || c.cycleHits == before {
		c.checks[fn] = result
	}
	return result
}

func (c *checker) scanChecksState(fn ast.Node, depth int) bool {
	cur, ok := c.ins.Root().FindNode(fn)
	if !ok {
		return true
	}
	info := c.pass.TypesInfo
	for m := range cur.Preorder((*ast.CallExpr)(nil), (*ast.IndexExpr)(nil)) {
		if c.readsState(m.Node()) {
			if c.stateChecked(m) {
				return true
			}
			continue
		}
		call, ok := m.Node().(*ast.CallExpr)
		if !ok {
			continue
		}
		if c.unnamedParamRead(call) {
			return true // a parameter named elsewhere: it may be the state
		}
		callee, _ := typeutil.Callee(info, call).(*types.Func)
		if callee != nil {
			if decl := c.flow.FuncDecl(callee); decl != nil {
				if c.checksState(decl, depth+1) {
					return true
				}
				continue
			}
		}
		if isHandlerCall(info, call) {
			continue // next(w, r), next.ServeHTTP(w, r): the wrapped handler, followed by the caller
		}
		if c.handsOnRequest(call, nil) { // to a function of another package
			return true
		}
	}
	return false
}

// isHandlerCall reports whether call calls an HTTP handler: a function value or a
// ServeHTTP method taking (http.ResponseWriter, *http.Request).
func isHandlerCall(info *types.Info, call *ast.CallExpr) bool {
	var sig *types.Signature
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Var:
		sig, _ = callee.Type().Underlying().(*types.Signature)
	case *types.Func:
		if callee.Name() != "ServeHTTP" {
			return false
		}
		sig = callee.Signature()
	}
	return sig != nil && isHandlerSig(sig)
}

// unnamedParamRead reports whether call reads a query or form parameter whose name is not
// a constant (r.FormValue(s.stateParam)): it may be the state.
func (c *checker) unnamedParamRead(call *ast.CallExpr) bool {
	fn, _ := typeutil.Callee(c.pass.TypesInfo, call).(*types.Func)
	if fn == nil || !slices.Contains(catalogue.RequestParamFuncs, fn.Origin().FullName()) || len(call.Args) != 1 {
		return false
	}
	_, ok := c.flow.ConstString(call.Args[0])
	return !ok
}

// muxWrapped reports whether the ServeMux a handler is registered on is itself handed to
// a function of this package that checks the state (a middleware around the whole mux).
func (c *checker) muxWrapped(call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok {
		return false
	}
	v, ok := c.pass.TypesInfo.Uses[id].(*types.Var)
	if !ok {
		return false
	}
	for _, u := range c.usesOf(v) {
		if k, _ := u.ParentEdge(); k != edge.CallExpr_Args {
			continue
		}
		fn, _ := typeutil.Callee(c.pass.TypesInfo, u.Parent().Node().(*ast.CallExpr)).(*types.Func)
		if fn == nil {
			continue
		}
		if decl := c.flow.FuncDecl(fn); decl != nil && c.checksState(decl, 0) {
			return true
		}
	}
	return false
}

// exportedHelper reports whether fn is a function other packages can call that is not
// itself an HTTP handler (oauthutil.Complete(ctx, r)): its callers there may check the
// state before they call it. A function given the http.ResponseWriter answers the request
// (a handler, also one that returns an error for its framework), so it must check the state.
func (c *checker) exportedHelper(fn inspector.Cursor) bool {
	decl, ok := fn.Node().(*ast.FuncDecl)
	if !ok || c.pass.Pkg.Name() == "main" || !decl.Name.IsExported() {
		return false
	}
	obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return false
	}
	sig := obj.Signature()
	if recv := sig.Recv(); recv != nil {
		t := recv.Type()
		if p, ok := types.Unalias(t).(*types.Pointer); ok {
			t = p.Elem()
		}
		named, ok := types.Unalias(t).(*types.Named)
		if !ok || !named.Obj().Exported() {
			return false
		}
	}
	for i := range sig.Params().Len() {
		if catalogue.HTTPResponseWriter.Is(sig.Params().At(i).Type()) {
			return false // it answers the request: a handler, whatever else it returns
		}
	}
	return true
}

// isHandlerSig reports whether sig is func(http.ResponseWriter, *http.Request).
func isHandlerSig(sig *types.Signature) bool {
	return sig.Params().Len() == 2 && sig.Results().Len() == 0 &&
		catalogue.HTTPResponseWriter.Is(sig.Params().At(0).Type()) && isRequest(sig.Params().At(1).Type())
}
