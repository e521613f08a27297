package tokenflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// maxRounds bounds the fixed-point iteration over a package.
const maxRounds = 24

// engine labels the SSA values of one package until nothing changes. It is flow-insensitive
// within a function: a value carries every label any path can give it.
type engine struct {
	pass  *analysis.Pass
	c     *compiled
	funcs []*ssa.Function

	val       map[ssa.Value]labels
	mem       map[ssa.Value]map[string]labels // abstract memory: root value, then access path
	results   map[*ssa.Call][]labels          // per-result labels of calls with a tuple result
	fvBind    map[*ssa.FreeVar]ssa.Value
	ctxSlots  map[string]labels // context.WithValue by key type
	stripped  map[ssa.Value]bool
	noAuth    map[ssa.Value]bool                      // requests whose Authorization header the package deletes
	authSets  map[ssa.Value][]ssa.Value               // values a request's Authorization header (or its headers) may be replaced with
	fields    map[*types.Var]labels                   // text fields of this package's types that some code stores a credential in
	fieldArgs map[*ssa.Function]map[*types.Var]labels // text fields of this package's types that a function stores its parameters in
	judging   map[ssa.Value]bool                      // requests authDeleted is judging (against recursion)
	analysed  map[*ssa.Function]bool                  // funcs, as a set
	roots     map[ssa.Value]ssa.Value                 // reqRoot, memoized
	bare      map[ssa.Value]bool                      // bareRequest, memoized
	summaries map[*ssa.Function]*summary
	imported  map[*types.Func]*summary // converted facts; nil entry: the package exports none for it
	findings  map[findKey]Flow
	// srcSites records, per function and kind, the calls that read a credential of that
	// kind (a [[flow.source]] by function), for the related position of a finding.
	srcSites  map[*ssa.Function]map[labels][]token.Pos
	calls     map[token.Pos]*ast.CallExpr
	assigned  map[token.Pos]ast.Expr // x.f = v: the position of f, then v
	namesAuth map[*ssa.Function]bool // the function mentions "Authorization"
	mcpServer bool                   // the package imports an MCP server package, directly or not

	cur     *ssa.Function
	site    *ssa.Call // the call being judged, if it has a value
	changed bool
}

type findKey struct {
	pos   token.Pos
	check string
}

// summary is a function's summary while the package is analysed.
type summary struct {
	returns   []labels
	sinks     map[ParamSink]bool
	ctxStores map[paramCtx]bool // context.WithValue(ctx, key, param)
}

// paramCtx is a parameter stored in a context under a key of the named type.
type paramCtx struct {
	param int
	key   string
}

func newEngine(pass *analysis.Pass, c *compiled, funcs []*ssa.Function) *engine {
	e := &engine{
		pass: pass, c: c, funcs: funcs,
		val:       map[ssa.Value]labels{},
		mem:       map[ssa.Value]map[string]labels{},
		results:   map[*ssa.Call][]labels{},
		fvBind:    map[*ssa.FreeVar]ssa.Value{},
		ctxSlots:  map[string]labels{},
		stripped:  map[ssa.Value]bool{},
		noAuth:    map[ssa.Value]bool{},
		authSets:  map[ssa.Value][]ssa.Value{},
		fields:    map[*types.Var]labels{},
		fieldArgs: map[*ssa.Function]map[*types.Var]labels{},
		judging:   map[ssa.Value]bool{},
		analysed:  map[*ssa.Function]bool{},
		roots:     map[ssa.Value]ssa.Value{},
		bare:      map[ssa.Value]bool{},
		summaries: map[*ssa.Function]*summary{},
		imported:  map[*types.Func]*summary{},
		findings:  map[findKey]Flow{},
		srcSites:  map[*ssa.Function]map[labels][]token.Pos{},
		calls:     map[token.Pos]*ast.CallExpr{},
		assigned:  map[token.Pos]ast.Expr{},
		namesAuth: map[*ssa.Function]bool{},
	}
	e.mcpServer = importsAny(pass.Pkg, catalogue.MCPServerPkgs)
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.CallExpr:
				e.calls[n.Lparen] = n
			case *ast.KeyValueExpr:
				if id, ok := n.Key.(*ast.Ident); ok {
					e.assigned[id.Pos()] = n.Value
				}
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if sel, ok := lhs.(*ast.SelectorExpr); ok {
							e.assigned[sel.Sel.Pos()] = n.Rhs[i]
						}
					}
				}
			}
			return true
		})
	}
	return e
}

func (e *engine) solve() {
	for _, fn := range e.funcs {
		e.analysed[fn] = true
	}
	for _, fn := range e.funcs {
		e.initParams(fn)
		e.prescan(fn)
	}
	for round := 0; round < maxRounds; round++ {
		e.changed = false
		for _, fn := range e.funcs {
			e.cur = fn
			for _, b := range fn.Blocks {
				for _, instr := range b.Instrs {
					e.step(instr)
				}
			}
		}
		if !e.changed {
			break
		}
	}

}

func (e *engine) initParams(fn *ssa.Function) {
	server := servesRequest(fn.Signature)
	recvs := 0
	if fn.Signature.Recv() != nil {
		recvs = 1
	}
	for i, p := range fn.Params {
		l := paramBit(i)
		if ts := e.c.typeSourceOf(p.Type()); ts != nil && ts.incoming && i >= recvs && (server || !isRequest(p.Type())) {
			l |= incoming
		}
		e.val[p] |= l
	}
	if obj, ok := fn.Object().(*types.Func); ok {
		for _, ps := range e.c.params[obj.Origin().FullName()] {
			for _, i := range ps.params {
				if i+recvs < len(fn.Params) {
					e.val[fn.Params[i+recvs]] |= ps.kind // marked in rules.toml
				}
			}
		}
	}
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			// The server's own credential set on the outgoing request (SetBasicAuth, a
			// client of oauth2 or its Transport) overwrites a copied Authorization.
			if call, ok := instr.(*ssa.Call); ok {
				if callee := call.Call.StaticCallee(); callee != nil && callee.Object() != nil &&
					slices.Contains(catalogue.OwnAuth, callee.Object().(*types.Func).Origin().FullName()) {
					e.namesAuth[fn] = true
				}
			}
			if alloc, ok := instr.(*ssa.Alloc); ok && catalogue.OAuth2Transport.Is(derefType(alloc.Type())) {
				e.namesAuth[fn] = true
			}
			for _, op := range instr.Operands(nil) {
				if c, ok := (*op).(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
					s := constant.StringVal(c.Value)
					if strings.EqualFold(s, "Authorization") || strings.EqualFold(s, "Proxy-Authorization") {
						e.namesAuth[fn] = true
					}
				}
			}
		}
	}
}

// servesRequest reports whether fn serves an HTTP request, so that its *http.Request is the
// caller's: it takes an http.ResponseWriter (a handler or middleware), or it has the shape
// func(context.Context, *http.Request) context.Context of mcp-go's HTTPContextFunc.
// A client transport's RoundTrip(*http.Request) does not: its request is outgoing.
func servesRequest(sig *types.Signature) bool {
	for i := range sig.Params().Len() {
		if catalogue.HTTPResponseWriter.Is(sig.Params().At(i).Type()) {
			return true
		}
	}
	isCtx := catalogue.Context.Is
	return sig.Params().Len() == 2 && sig.Results().Len() == 1 && isCtx(sig.Params().At(0).Type()) &&
		isRequest(sig.Params().At(1).Type()) && isCtx(sig.Results().At(0).Type())
}

func isRequest(t types.Type) bool {
	return catalogue.HTTPRequest.Is(t)
}

func (e *engine) setVal(v ssa.Value, l labels) {
	if l&^e.val[v] != 0 {
		e.val[v] |= l
		e.changed = true
	}
}

func (e *engine) store(root ssa.Value, path string, l labels) {
	if l == 0 || root == nil {
		return
	}
	if e.foreign(root) {
		l &^= paramMask
	}
	m := e.mem[root]
	if m == nil {
		m = map[string]labels{}
		e.mem[root] = m
	}
	if l&^m[path] != 0 {
		m[path] |= l
		e.changed = true
	}
}

// step applies one instruction.
func (e *engine) step(instr ssa.Instruction) {
	switch in := instr.(type) {
	case *ssa.Panic:
		if in.Pos().IsValid() && printsPanicValue(in.X) {
			for _, s := range e.c.sinks["panic"] { // [[flow.sink]] func = "panic"
				e.flowTo(e.argPos(in.Pos(), 0), e.labels(in.X), s.entry.Check, s.entry.Kind, "panic", "")
			}
		}
	case *ssa.Store:
		root, path := e.loc(in.Addr, 0)
		l := e.labels(in.Val)
		if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
			e.fieldStoreLabels(fa, l)
		}
		if ld, ok := in.Val.(*ssa.UnOp); ok && ld.Op == token.MUL && isStruct(ld.Type()) {
			// A struct copied whole: copy its fields one by one.
			sroot, spath := e.loc(ld.X, 0)
			for k, x := range e.mem[sroot] {
				if strings.HasPrefix(k, spath) {
					e.store(root, path+k[len(spath):], x)
				} else if pathMatch(spath, k) {
					e.store(root, path, x)
				}
			}
			e.store(root, path, e.baseFlow(ld.X, 0))
		} else if ts := e.c.typeSourceOf(in.Val.Type()); ts != nil && isStruct(in.Val.Type()) {
			// A request or token stored whole: only its credential fields carry it.
			for f := range ts.fields {
				e.store(root, path+"\x00."+f, l)
			}
			e.store(root, path, l&paramMask)
		} else if st := e.ownStruct(in.Val.Type()); st != nil {
			// A struct of this package stored whole (cfg := loadConfig()): what its text
			// fields hold is known field by field (e.fields); the labels of the whole value
			// are their union, which would taint cfg.Addr with cfg.Token.
			for i := range st.NumFields() {
				if f := st.Field(i); texty(f.Type(), 0) {
					e.store(root, path+"\x00."+f.Name(), e.fields[f]|l&paramMask)
				}
			}
			e.store(root, path, l&^e.ownFieldKinds(st))
		} else {
			e.store(root, path, l)
		}
		if fa, ok := in.Addr.(*ssa.FieldAddr); ok {
			e.fieldStore(in, fa, l)
		}
	case *ssa.MapUpdate:
		root, path := e.loc(in.Map, 0)
		e.store(root, path+"\x00"+keySeg(in.Key, "{"), e.labels(in.Value))
	case *ssa.Send:
		root, path := e.loc(in.Chan, 0)
		e.store(root, path, e.labels(in.X))
	case *ssa.Return:
		s := e.summaryOf(e.cur)
		for len(s.returns) < len(in.Results) {
			s.returns = append(s.returns, 0)
		}
		for i, r := range in.Results {
			if knownEmpty(r, in.Block()) {
				continue // if v == "" { return v }: nothing to hide
			}
			if l := e.labels(r); l&^s.returns[i] != 0 {
				s.returns[i] |= l
				e.changed = true
			}
		}
	case *ssa.Go:
		e.call(in.Common(), nil)
	case *ssa.Defer:
		e.call(in.Common(), nil)
	case *ssa.Call:
		e.setVal(in, e.call(in.Common(), in))
	case *ssa.MakeClosure:
		fn := in.Fn.(*ssa.Function)
		var l labels
		for i, b := range in.Bindings {
			if i < len(fn.FreeVars) {
				fv := fn.FreeVars[i]
				e.fvBind[fv] = b
				bl := e.labels(b) &^ paramMask
				e.setVal(fv, bl)
				l |= bl
			}
		}
		e.setVal(in, l)
	case ssa.Value:
		e.setVal(in, e.eval(in))
	}
}

// eval computes the labels a value instruction produces from its operands.
func (e *engine) eval(v ssa.Value) labels {
	switch v := v.(type) {
	case *ssa.BinOp:
		if v.Op == token.ADD {
			if e.c.sanitizedQueryKey(trailingConst(v.X)) {
				return e.labels(v.X) // "…?id_token_hint=" + idToken
			}
			return e.labels(v.X) | e.labels(v.Y)
		}
	case *ssa.UnOp:
		switch v.Op {
		case token.MUL:
			return e.load(v.X)
		case token.ARROW:
			root, path := e.loc(v.X, 0)
			return e.memUnder(root, path) | e.val[v.X]
		}
	case *ssa.Field:
		st := v.X.Type()
		if ts := e.c.typeSourceOf(st); ts != nil {
			if ts.fields[fieldName(st, v.Field)] {
				return e.labels(v.X)
			}
			return 0
		}
		fl := e.fields[fieldVar(st, v.Field)]
		if ld, ok := v.X.(*ssa.UnOp); ok && ld.Op == token.MUL {
			// A field of a struct just loaded: only that field's memory.
			root, path := e.loc(ld.X, 0)
			if isLocal(root) {
				fl = 0
			}
			return e.memUnder(root, path+"\x00."+fieldName(st, v.Field)) | e.baseFlow(ld.X, 0) | fl
		}
		if e.ownField(st, v.Field) {
			if _, ok := v.X.(*ssa.Call); ok && e.ownStruct(st) != nil {
				return fl // (see ownStruct)
			}
			root, path := e.loc(v.X, 0)
			return e.memUnder(root, path+"\x00."+fieldName(st, v.Field)) | fl
		}
		return e.labels(v.X) | fl
	case *ssa.Index:
		return e.labels(v.X)
	case *ssa.Lookup:
		if isHeader(v.X.Type()) {
			if k, ok := constString(v.Index); ok {
				// h["Authorization"] is the header source by key; h["Link"] no credential.
				var l labels
				for _, fs := range e.c.funcs["(net/http.Header).Get"] {
					if fs.entry.KeyArg != nil && fs.entry.HasKey(k) {
						l |= fs.kind
					}
				}
				if l != 0 {
					l |= e.labels(v.X) & incoming
				}
				return l
			}
		}
		// A credential known only by its name (an environment variable's) is not followed
		// into the other values of a map: env[port] of a map that also holds the secret.
		return e.labels(v.X) &^ e.c.byName
	case *ssa.Extract:
		switch t := v.Tuple.(type) {
		case *ssa.Call:
			if r, ok := e.results[t]; ok {
				if v.Index < len(r) {
					return r[v.Index]
				}
				return 0
			}
			return e.labels(t)
		case *ssa.Next:
			if v.Index == 2 {
				if rng, ok := t.Iter.(*ssa.Range); ok {
					return e.labels(rng.X) &^ e.c.byName // (as at a Lookup)
				}
			}
			return 0
		default:
			if v.Index == 0 {
				return e.labels(v.Tuple)
			}
			return 0
		}
	case *ssa.Phi:
		var l labels
		for i, x := range v.Edges {
			if i < len(v.Block().Preds) && knownEmpty(x, v.Block().Preds[i]) {
				continue // shown := mask; if v == "" { shown = v }
			}
			l |= e.labels(x)
		}
		return l
	case *ssa.MakeInterface:
		if l, ok := e.printedAs(v.X); ok {
			return l
		}
		return e.labels(v.X)
	case *ssa.ChangeType:
		return e.labels(v.X)
	case *ssa.ChangeInterface:
		return e.labels(v.X)
	case *ssa.Convert:
		return e.labels(v.X)
	case *ssa.SliceToArrayPointer:
		return e.labels(v.X)
	case *ssa.TypeAssert:
		return e.labels(v.X)
	case *ssa.Slice:
		if isShortSlice(v) || beforeSep(v) {
			return 0
		}
		return e.labels(v.X)
	}
	return 0
}

// labels returns what v may carry: its own labels, its type's, and the memory it refers to.
func (e *engine) labels(v ssa.Value) labels {
	if v == nil {
		return 0
	}
	if _, ok := v.(*ssa.Const); ok {
		return 0
	}
	if !e.canCarry(v.Type()) {
		return 0
	}
	l := e.val[v]
	if ts := e.c.typeSourceOf(v.Type()); ts != nil {
		l |= ts.kind
	}
	root, path := e.loc(v, 0)
	l |= e.memUnder(root, path)
	if l&e.c.whole != 0 && (e.stripped[root] || (len(e.noAuth) > 0 || len(e.authSets) > 0) && e.authDeleted(v) || e.bareRequest(v)) {
		l &^= e.c.whole
	}
	return l
}

// bareRequest reports whether v is a request built here with http.NewRequest, or its
// headers, that no code gives a credential: the function sets no Authorization, Cookie or
// Basic credential on it and hands it to no code but the standard library's (which sends,
// prints or reads it). Its headers are those the function set.
func (e *engine) bareRequest(v ssa.Value) bool {
	if req := headerOwner(v); req != nil {
		v = req
	}
	if !isRequest(v.Type()) {
		return false
	}
	root := e.reqRoot(v)
	if bare, ok := e.bare[root]; ok {
		return bare
	}
	bare := false
	if ex, ok := root.(*ssa.Extract); ok && ex.Index == 0 && newRequestCall(ex) != nil && len(e.authSets[root]) == 0 && !e.noAuth[root] {
		bare = !slices.ContainsFunc(*root.Referrers(), func(in ssa.Instruction) bool {
			switch in := in.(type) {
			case *ssa.FieldAddr:
				return fieldName(in.X.Type(), in.Field) == "Header" && e.headersGiven(in)
			case *ssa.MakeInterface:
				return false
			case *ssa.Call:
				callee := in.Call.StaticCallee()
				if callee == nil || callee.Object() == nil {
					return true
				}
				obj := callee.Object().(*types.Func)
				return !e.stdFunc(obj) || slices.Contains(catalogue.OwnAuth, obj.Origin().FullName()) ||
					obj.Origin().FullName() == "(*net/http.Request).AddCookie"
			}
			return true // stored, merged, sent elsewhere
		})
	}
	e.bare[root] = bare
	return bare
}

// prescan records the requests whose Authorization header fn deletes,
// r.Header.Del("Authorization") (also on a clone, r2 := r.Clone(ctx)), before solving, so
// that their headers and dumps carry no whole-request label wherever they are used; it
// also labels what verifiers are given (credentialArgs) and header loops that skip
// Authorization (headerLoopSkip).
func (e *engine) prescan(fn *ssa.Function) {
	for _, b := range fn.Blocks {
		for _, instr := range b.Instrs {
			if next, ok := instr.(*ssa.Next); ok {
				e.headerLoopSkip(next)
				continue
			}
			if st, ok := instr.(*ssa.Store); ok {
				// req.Header = redact(orig): a new header set replaces the request's.
				if fa, ok := st.Addr.(*ssa.FieldAddr); ok && fieldName(fa.X.Type(), fa.Field) == "Header" && isRequest(fa.X.Type()) && !requestHeaders(st.Val) {
					root := e.reqRoot(fa.X)
					e.authSets[root] = append(e.authSets[root], st.Val)
				}
				continue
			}
			call, ok := instr.(*ssa.Call)
			if !ok {
				continue
			}
			e.credentialArgs(&call.Call)
			callee := call.Call.StaticCallee()
			if callee == nil || callee.Object() == nil || len(call.Call.Args) < 2 {
				continue
			}
			// The headers of a request (r.Header.Set), or a set of headers of its own (a
			// clone: h := r.Header.Clone(); h.Set("Authorization", "[redacted]")).
			var root ssa.Value
			if req := headerOwner(call.Call.Args[0]); req != nil {
				root = e.reqRoot(req)
			} else if isHeader(call.Call.Args[0].Type()) {
				root = e.reqRoot(call.Call.Args[0])
			} else {
				continue
			}
			switch callee.Object().(*types.Func).Origin().FullName() {
			case catalogue.HeaderDel:
				if redactsAuth(call.Call.Args[1]) {
					e.noAuth[root] = true
				}
			case catalogue.HeaderSet, "(net/http.Header).Add":
				// Set("Authorization", mask) or Set(name, mask) over a list of names: the
				// request is redacted if the value set carries no credential.
				if redactsAuth(call.Call.Args[1]) && len(call.Call.Args) == 3 {
					e.authSets[root] = append(e.authSets[root], call.Call.Args[2])
				}
			}
		}
	}
}

// reqRoot is the root of a request value for prescan: a variable captured by a
// closure lives in a cell, and each use loads it anew; a cell stored once stands for the
// value stored.
func (e *engine) reqRoot(v ssa.Value) ssa.Value {
	if root, ok := e.roots[v]; ok {
		return root
	}
	orig := v
	if u, ok := v.(*ssa.UnOp); ok && u.Op == token.MUL {
		if a, ok := u.X.(*ssa.Alloc); ok {
			var stored ssa.Value
			n := 0
			for _, r := range *a.Referrers() {
				if st, ok := r.(*ssa.Store); ok && st.Addr == a {
					stored, n = st.Val, n+1
				}
			}
			if n == 1 {
				v = stored
			}
		}
	}
	root, _ := e.loc(v, 0)
	if _, free := root.(*ssa.FreeVar); !free { // a free variable is bound while solving
		e.roots[orig] = root
	}
	return root
}

// credentialArgs labels the arguments given to a function that rules.toml says takes a
// credential (a token verifier): that value is a token wherever else it goes.
func (e *engine) credentialArgs(cc *ssa.CallCommon) {
	var obj *types.Func
	args := cc.Args
	if cc.IsInvoke() {
		obj = cc.Method
	} else if callee := cc.StaticCallee(); callee != nil {
		obj, _ = callee.Object().(*types.Func)
		if callee.Signature.Recv() != nil && len(args) > 0 {
			args = args[1:]
		}
	}
	if obj == nil {
		return
	}
	for _, as := range e.c.args[obj.Origin().FullName()] {
		for _, i := range as.params {
			if i < len(args) {
				if _, isConst := args[i].(*ssa.Const); !isConst {
					e.val[args[i]] |= as.kind
				}
			}
		}
	}
}

// headerLoopSkip handles for k, v := range r.Header whose values are used only where the
// key is known not to be Authorization: they are not the whole header set, so they carry
// no whole-request label.
func (e *engine) headerLoopSkip(next *ssa.Next) {
	rng, ok := next.Iter.(*ssa.Range)
	if !ok || next.IsString || !isHeader(rng.X.Type()) {
		return
	}
	var key, val *ssa.Extract
	for _, ref := range *next.Referrers() {
		if ex, ok := ref.(*ssa.Extract); ok {
			switch ex.Index {
			case 1:
				key = ex
			case 2:
				val = ex
			}
		}
	}
	if key == nil || val == nil {
		return
	}
	// Values read only where the key is known to be a header other than the credential
	// ones (if k == "X-Request-Id" { log(v) }, case "Accept":), or not to be Authorization
	// (if k == "Authorization" { continue }), are not the credential.
	if refs := *val.Referrers(); len(refs) > 0 && !slices.ContainsFunc(refs, func(in ssa.Instruction) bool {
		return !knownConst(key, in.Block(), func(k string, eq bool) bool {
			if eq {
				return !e.credHeader(k)
			}
			return strings.EqualFold(k, "Authorization") || strings.EqualFold(k, "Proxy-Authorization")
		})
	}) {
		e.stripped[val] = true
	}
}

// printsPanicValue reports whether the runtime prints a panic value's text: a string, an
// error or a fmt.Stringer (other values print as their type and address).
func printsPanicValue(v ssa.Value) bool {
	t := v.Type()
	switch x := v.(type) {
	case *ssa.MakeInterface:
		t = x.X.Type()
	case *ssa.ChangeInterface: // an error given to panic(any)
		t = x.X.Type()
	}
	if catalogue.IsString(t) {
		return true
	}
	ms := types.NewMethodSet(t)
	for _, name := range []string{"Error", "String"} {
		if sel := ms.Lookup(nil, name); sel != nil {
			if sig, ok := sel.Type().(*types.Signature); ok && sig.Params().Len() == 0 && sig.Results().Len() == 1 && catalogue.IsString(sig.Results().At(0).Type()) {
				return true
			}
		}
	}
	return false
}

// trailingConst returns the constant string that ends the concatenation v, or "".
func trailingConst(v ssa.Value) string {
	for depth := 0; depth < 16; depth++ {
		if b, ok := v.(*ssa.BinOp); ok && b.Op == token.ADD {
			v = b.Y
			continue
		}
		break
	}
	s, _ := constString(v)
	return s
}

// requestHeaders reports whether v is a request's headers or a clone of them: stored into
// a request (a restore, a copy), they neither redact it nor show that it is not redacted.
func requestHeaders(v ssa.Value) bool {
	if call, ok := v.(*ssa.Call); ok {
		if callee := call.Call.StaticCallee(); callee != nil && callee.Object() != nil &&
			callee.Object().(*types.Func).Origin().FullName() == catalogue.HeaderClone && len(call.Call.Args) == 1 {
			v = call.Call.Args[0]
		}
	}
	return headerOwner(v) != nil
}

// headerOwner returns r when v is a load of r.Header, r a *http.Request, else nil.
func headerOwner(v ssa.Value) ssa.Value {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	if !ok || fieldName(fa.X.Type(), fa.Field) != "Header" {
		return nil
	}
	if !isRequest(fa.X.Type()) {
		return nil
	}
	return fa.X
}

// authDeleted reports whether v is a request whose Authorization header is deleted, or a
// load of such a request's Header.
func (e *engine) authDeleted(v ssa.Value) bool {
	if req := headerOwner(v); req != nil {
		v = req
	}
	root := e.reqRoot(v)
	if e.noAuth[root] {
		return true
	}
	sets := e.authSets[root]
	if len(sets) == 0 || e.judging[root] {
		return false // (re-entered: the value set is the request's own header)
	}
	e.judging[root] = true
	defer delete(e.judging, root)
	for _, x := range sets {
		if e.labels(x)&kindMask != 0 {
			return false // a credential is set: no redaction
		}
	}
	return true // every value set carries no credential: a mask, a redacted copy
}

// load returns the labels of the value at addr.
func (e *engine) load(addr ssa.Value) labels {
	root, path := e.loc(addr, 0)
	l := e.memUnder(root, path) | e.baseFlow(addr, 0)
	if fa, ok := addr.(*ssa.FieldAddr); ok && !isLocal(root) {
		l |= e.fields[fieldVar(fa.X.Type(), fa.Field)]
	}
	return l
}

// isLocal reports whether root is a value this function allocates (a struct literal): its
// fields hold what the function stored in them, whatever other code stores in the same
// fields of other values.
func isLocal(root ssa.Value) bool {
	_, ok := root.(*ssa.Alloc)
	return ok
}

// fieldVar returns field i of the struct t (or *t) points to, or nil.
func fieldVar(t types.Type, i int) *types.Var {
	if st, ok := derefType(t).Underlying().(*types.Struct); ok && i < st.NumFields() {
		return st.Field(i)
	}
	return nil
}

// fieldStoreLabels records a credential stored in a text field of a type of this package
// (sess.AccessToken = tok.AccessToken in one method): every read of that field, in any
// function of the package, carries it.
func (e *engine) fieldStoreLabels(fa *ssa.FieldAddr, l labels) {
	f := fieldVar(fa.X.Type(), fa.Field)
	if f == nil || !e.ownField(fa.X.Type(), fa.Field) {
		return
	}
	if p := l & paramMask; p != 0 && e.cur != nil {
		// A constructor given the credential (newClient(tok.AccessToken)): its callers
		// store what they pass.
		m := e.fieldArgs[e.cur]
		if m == nil {
			m = map[*types.Var]labels{}
			e.fieldArgs[e.cur] = m
		}
		if p&^m[f] != 0 {
			m[f] |= p
			e.changed = true
		}
	}
	e.addField(f, l)
}

// addField records labels l stored in the field f.
func (e *engine) addField(f *types.Var, l labels) {
	l &^= paramMask
	if l&kindMask == 0 {
		return
	}
	if l&^e.fields[f] != 0 {
		e.fields[f] |= l
		e.changed = true
	}
}

// ownField reports whether field i of the struct t (or *t) points to is a text field of a
// type of this package, not a source: its reads carry what e.fields records for it, not
// the labels of the whole struct (one credential field does not make the struct's
// address fields credentials).
func (e *engine) ownField(t types.Type, i int) bool {
	f := fieldVar(t, i)
	return f != nil && f.Pkg() == e.pass.Pkg && texty(f.Type(), 0) && e.c.typeSourceOf(derefType(t)) == nil
}

// ownStruct returns t's struct if t is a struct type of this package (not a source type)
// whose text fields all record what they hold (e.fields): a value of it is known field by
// field, and the labels of the whole value are their union.
func (e *engine) ownStruct(t types.Type) *types.Struct {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != e.pass.Pkg || e.c.typeSourceOf(named) != nil {
		return nil
	}
	st, _ := named.Underlying().(*types.Struct)
	return st
}

// ownFieldKinds is the union of what st's text fields were seen to hold.
func (e *engine) ownFieldKinds(st *types.Struct) labels {
	var l labels
	for i := range st.NumFields() {
		l |= e.fields[st.Field(i)]
	}
	return l &^ paramMask
}

// baseFlow is what a load through addr inherits from the value addr was derived from: a
// token's AccessToken carries the token, its Expiry carries nothing.
func (e *engine) baseFlow(addr ssa.Value, depth int) labels {
	if depth > 8 {
		return 0
	}
	switch x := addr.(type) {
	case *ssa.FieldAddr:
		if ts := e.c.typeSourceOf(x.X.Type()); ts != nil {
			if ts.fields[fieldName(x.X.Type(), x.Field)] {
				return e.labels(x.X)
			}
			return 0
		}
		if e.ownField(x.X.Type(), x.Field) {
			return 0 // see load: e.fields
		}
		return e.baseFlow(x.X, depth+1)
	case *ssa.IndexAddr:
		if firstPart(x) {
			return 0
		}
		return e.baseFlow(x.X, depth+1)
	case *ssa.Slice:
		return e.baseFlow(x.X, depth+1)
	case *ssa.Alloc, *ssa.Global, *ssa.MakeSlice, *ssa.MakeMap:
		return 0
	case *ssa.FreeVar:
		if b := e.fvBind[x]; b != nil {
			return e.baseFlow(b, depth+1) &^ paramMask
		}
	}
	return e.val[addr]
}

// loc resolves v to the root of the memory it refers to and the access path from there.
func (e *engine) loc(v ssa.Value, depth int) (ssa.Value, string) {
	if depth > 12 {
		return v, ""
	}
	switch x := v.(type) {
	case *ssa.FieldAddr:
		r, p := e.loc(x.X, depth+1)
		return r, p + "\x00." + fieldName(x.X.Type(), x.Field)
	case *ssa.IndexAddr:
		r, p := e.loc(x.X, depth+1)
		return r, p + "\x00" + keySeg(x.Index, "[")
	case *ssa.Slice:
		return e.loc(x.X, depth+1)
	case *ssa.ChangeType:
		return e.loc(x.X, depth+1)
	case *ssa.MakeInterface:
		return e.loc(x.X, depth+1)
	case *ssa.ChangeInterface:
		return e.loc(x.X, depth+1)
	case *ssa.FreeVar:
		if b := e.fvBind[x]; b != nil {
			return e.loc(b, depth+1)
		}
	}
	return v, ""
}

// memUnder returns the labels stored at path under root, in its parts or in a whole that
// holds it.
func (e *engine) memUnder(root ssa.Value, path string) labels {
	m := e.mem[root]
	if m == nil {
		return 0
	}
	var l labels
	for k, x := range m {
		if pathMatch(path, k) {
			l |= x
		}
	}
	if e.foreign(root) {
		l &^= paramMask
	}
	return l
}

// foreign reports whether root belongs to another function than the current one (a
// global, or a variable captured by a closure): parameter labels mean nothing there.
func (e *engine) foreign(root ssa.Value) bool {
	switch r := root.(type) {
	case *ssa.Global:
		return true
	case *ssa.Parameter:
		return r.Parent() != e.cur
	case ssa.Instruction:
		return r.Parent() != e.cur
	}
	return false
}

func pathMatch(a, b string) bool {
	as, bs := strings.Split(a, "\x00"), strings.Split(b, "\x00")
	for i := 1; i < len(as) && i < len(bs); i++ {
		x, y := as[i], bs[i]
		if x == y {
			continue
		}
		if x == "" || y == "" || x[0] != y[0] || x[0] == '.' {
			return false
		}
		if !strings.HasPrefix(x[1:], "*") && !strings.HasPrefix(y[1:], "*") {
			return false // "[*]" and "{*}" are an unknown index or key
		}
	}
	return true
}

func keySeg(v ssa.Value, open string) string {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		return open + c.Value.ExactString()
	}
	return open + "*"
}

func fieldName(t types.Type, i int) string {
	if f := fieldVar(t, i); f != nil {
		return f.Name()
	}
	return fmt.Sprint(i)
}

// redactsAuth reports whether key, given to Header.Del or Set, may be "Authorization": that
// constant, a constant list the function ranges over that holds it
// (for _, k := range []string{"Authorization", "Cookie"} { h.Del(k) }), or names that are
// no constant (read from configuration: for _, k := range cfg.RedactHeaders { h.Del(k) }).
func redactsAuth(key ssa.Value) bool {
	keys, known := constKeys(key)
	return !known || slices.ContainsFunc(keys, func(k string) bool { return strings.EqualFold(k, "Authorization") })
}

// constKeys returns the constant key is, or the elements of the constant list it ranges
// over; known is false for any other value.
func constKeys(key ssa.Value) (keys []string, known bool) {
	if k, ok := constString(key); ok {
		return []string{k}, true
	}
	load, ok := key.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return nil, false
	}
	ia, ok := load.X.(*ssa.IndexAddr)
	if !ok {
		return nil, false
	}
	arr := ia.X
	if sl, ok := arr.(*ssa.Slice); ok {
		arr = sl.X
	}
	alloc, ok := arr.(*ssa.Alloc)
	if !ok {
		return nil, false
	}
	// The elements stored into the list: every store a constant.
	for _, ref := range *alloc.Referrers() {
		elem, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		for _, r := range *elem.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == elem {
				k, isConst := constString(st.Val)
				if !isConst {
					return nil, false
				}
				keys = append(keys, k)
			}
		}
	}
	return keys, true
}

func constString(v ssa.Value) (string, bool) {
	for {
		switch x := v.(type) {
		case *ssa.MakeInterface:
			v = x.X
			continue
		case *ssa.ChangeType:
			v = x.X
			continue
		}
		break
	}
	if c, ok := v.(*ssa.Const); ok && c.Value != nil && c.Value.Kind() == constant.String {
		return constant.StringVal(c.Value), true
	}
	return "", false
}

func isHeader(t types.Type) bool {
	return catalogue.HTTPHeader.Is(t)
}

// isShortSlice reports whether v is a short prefix or suffix of a string, such as
// tok[:6] or tok[len(tok)-4:]: not enough to use the credential.
func isShortSlice(v *ssa.Slice) bool {
	if b, ok := v.X.Type().Underlying().(*types.Basic); !ok || b.Info()&types.IsString == 0 {
		return false
	}
	small := func(x ssa.Value) bool {
		c, ok := x.(*ssa.Const)
		if !ok || c.Value == nil {
			return false
		}
		n, ok := constant.Int64Val(constant.ToInt(c.Value))
		return ok && n >= 0 && n <= 8
	}
	if v.High != nil && (v.Low == nil || small(v.Low)) && small(v.High) {
		return true
	}
	if v.High == nil && v.Low != nil {
		if sub, ok := v.Low.(*ssa.BinOp); ok && sub.Op == token.SUB && small(sub.Y) {
			if call, ok := sub.X.(*ssa.Call); ok {
				if b, ok := call.Call.Value.(*ssa.Builtin); ok && b.Name() == "len" {
					return true
				}
			}
		}
	}
	return false
}

// canCarry reports whether a value of type t can hold a secret: numbers, booleans, times
// and functions cannot.
func (e *engine) canCarry(t types.Type) bool {
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0 || u.Kind() == types.UnsafePointer
	case *types.Signature:
		return false
	case *types.Struct:
		return !catalogue.TimeTime.Is(t)
	case *types.Pointer:
		return !catalogue.TimeTime.Is(t)
	}
	return true
}

func isMap(t types.Type) bool {
	_, ok := t.Underlying().(*types.Map)
	return ok
}

// textType reports whether t is one of catalogue.TextTypes (a log field or attribute, a URL).
func textType(t types.Type) bool {
	return slices.ContainsFunc(catalogue.TextTypes, func(tn catalogue.TypeName) bool { return tn.Is(t) })
}

// texty reports whether t holds text, so that an unknown call returning it passes its
// arguments' secrets on.
func texty(t types.Type, depth int) bool {
	if depth > 4 {
		return false
	}
	if textType(t) {
		return true
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		return u.Info()&types.IsString != 0
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return true
		}
		return texty(u.Elem(), depth+1)
	case *types.Array:
		return texty(u.Elem(), depth+1)
	case *types.Map:
		return texty(u.Elem(), depth+1)
	case *types.Interface:
		if u.Empty() {
			return true
		}
		for i := range u.NumMethods() {
			if m := u.Method(i).Name(); m == "Error" || m == "String" {
				return true
			}
		}
	case *types.Tuple:
		for i := range u.Len() {
			if texty(u.At(i).Type(), depth+1) {
				return true
			}
		}
	}
	return false
}

// printedAs returns what x shows when it is printed or logged through its own LogValue or
// String method (slog.LogValuer, fmt.Stringer), declared in this package: a type that
// redacts itself (func (r redacted) LogValue() slog.Value { return slog.TimeValue(r.t.Expiry) })
// shows nothing of what it holds. ok is false when x has no such method or its summary
// returns something derived from the receiver.
func (e *engine) printedAs(x ssa.Value) (labels, bool) {
	named, _ := types.Unalias(derefType(x.Type())).(*types.Named)
	if named == nil || named.Obj().Pkg() != e.pass.Pkg || x.Parent() == nil {
		return 0, false
	}
	prog := x.Parent().Prog
	for _, name := range []string{"LogValue", "String"} {
		sel := prog.MethodSets.MethodSet(x.Type()).Lookup(e.pass.Pkg, name)
		if sel == nil {
			continue
		}
		m, ok := sel.Obj().(*types.Func)
		if !ok || m.Signature().Params().Len() != 0 || m.Signature().Results().Len() != 1 {
			continue
		}
		if name == "String" && !catalogue.IsString(m.Signature().Results().At(0).Type()) {
			continue
		}
		fn := prog.FuncValue(m)
		if fn == nil || !e.analysed[fn] {
			return 0, false // not analysed: judged as the value itself
		}
		// Not summarised (yet): it returns nothing so far. The solver runs again when its
		// summary grows, so the order of declarations does not matter.
		var r labels
		if s := e.summaries[fn]; s != nil && len(s.returns) > 0 {
			r = s.returns[0]
		}
		if r&paramMask != 0 {
			return 0, false
		}
		return r &^ e.c.whole, true
	}
	return 0, false
}

func derefType(t types.Type) types.Type {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

func isInterface(t types.Type) bool {
	_, ok := t.Underlying().(*types.Interface)
	return ok
}

func (e *engine) summaryOf(fn *ssa.Function) *summary {
	s := e.summaries[fn]
	if s == nil {
		s = &summary{sinks: map[ParamSink]bool{}, ctxStores: map[paramCtx]bool{}}
		e.summaries[fn] = s
	}
	return s
}

// fact converts a summary of fn to the exported fact, or nil if it says nothing. A kind
// that the result's type implies (a *oauth2.Token result is an OAuth token) is left out.
func (e *engine) fact(fn *ssa.Function, s *summary) *Summary {
	f := &Summary{}
	useful := false
	for i, r := range s.returns {
		if i < fn.Signature.Results().Len() {
			t := fn.Signature.Results().At(i).Type()
			if ts := e.c.typeSourceOf(t); ts != nil {
				r &^= ts.kind
			}
			if !texty(t, 0) {
				// A client or token source holds a token but is not text: callers
				// get the kinds its type implies, nothing more.
				r &^= kindMask | incoming
			}
		}
		r &^= e.c.whole // callers drop them (see call)
		var rs ReturnSummary
		for i, k := range e.c.kinds {
			if r&(1<<i) != 0 {
				rs.Kinds = append(rs.Kinds, k)
			}
		}
		rs.Incoming = r&incoming != 0
		for i := range maxParams {
			if r&paramBit(i) != 0 {
				rs.Params = append(rs.Params, i)
			}
		}
		useful = useful || len(rs.Kinds) > 0 || len(rs.Params) > 0
		f.Returns = append(f.Returns, rs)
	}
	f.Sinks = sortedSinks(s.sinks)
	if !useful && len(f.Sinks) == 0 {
		return nil
	}
	return f
}

// importedSummary returns the summary of a function of another package from its fact, or
// nil if it has none.
func (e *engine) importedSummary(obj *types.Func) (*summary, bool) {
	if s, ok := e.imported[obj]; ok {
		return s, s != nil
	}
	var f Summary
	var s *summary
	if obj.Pkg() != nil && obj.Pkg() != e.pass.Pkg {
		if e.pass.ImportObjectFact(obj, &f) {
			s = &summary{sinks: map[ParamSink]bool{}}
			for _, r := range f.Returns {
				var l labels
				for _, k := range r.Kinds {
					l |= e.kindBit(k)
				}
				if r.Incoming {
					l |= incoming
				}
				for _, p := range r.Params {
					l |= paramBit(p)
				}
				s.returns = append(s.returns, l)
			}
			for _, ps := range f.Sinks {
				s.sinks[ps] = true
			}
		}
	}
	e.imported[obj] = s
	return s, s != nil
}

func (e *engine) kindBit(kind string) labels {
	for i, k := range e.c.kinds {
		if k == kind {
			return 1 << i
		}
	}
	for i := range e.c.kinds {
		if e.c.whole&(1<<i) == 0 {
			return 1 << i
		}
	}
	return 1
}

// call handles a call: sources, sinks, sanitizers, summaries and the default propagation.
// It returns the labels of the call's value; per-result labels go to e.results.
func (e *engine) call(cc *ssa.CallCommon, site *ssa.Call) labels {
	var (
		obj    *types.Func
		callee *ssa.Function
		recv   ssa.Value
		args   = cc.Args
		sig    = cc.Signature()
	)
	if cc.IsInvoke() {
		obj, recv = cc.Method, cc.Value
	} else if callee = cc.StaticCallee(); callee != nil {
		obj, _ = callee.Object().(*types.Func)
		if callee.Signature.Recv() != nil && len(args) > 0 {
			recv, args = args[0], args[1:]
		}
	} else if b, ok := cc.Value.(*ssa.Builtin); ok {
		if b.Name() == "append" && len(cc.Args) == 2 {
			// append(s, elems...) returns s with the new elements.
			return e.labels(cc.Args[0]) | e.labels(cc.Args[1])
		}
		switch b.Name() {
		case "String", "StringData", "Slice", "SliceData", "min", "max":
			var l labels
			for _, a := range cc.Args {
				l |= e.labels(a)
			}
			return l
		}
		if b.Name() == "copy" && len(cc.Args) == 2 {
			root, path := e.loc(cc.Args[0], 0)
			e.store(root, path, e.labels(cc.Args[1]))
		}
		return 0
	}
	name := ""
	if obj != nil {
		name = obj.Origin().FullName()
	}
	pos := cc.Pos()

	// Sinks (also for calls whose result we know nothing about).
	isSink := false
	if name != "" {
		e.site = site
		isSink = e.sinks(pos, name, recv, args, sig)
		e.site = nil
	}
	for _, en := range e.c.sanitizers[name] {
		if en.KeyArg == nil {
			return 0
		}
		if *en.KeyArg < len(args) {
			if k, ok := constString(args[*en.KeyArg]); ok && en.HasKey(k) {
				return 0
			}
		}
	}

	// Sources by function. A source is modelled by its entries alone: Header.Get("Accept")
	// is no credential, whatever the function does inside.
	if srcs := e.c.funcs[name]; len(srcs) > 0 {
		if slices.Contains(catalogue.RequestDumps, name) && len(args) > 0 && (e.authDeleted(args[0]) || e.bareRequest(args[0])) {
			return 0 // a dump of a request without its Authorization header
		}
		res := make([]labels, max(1, sig.Results().Len()))
		for _, s := range srcs {
			if s.entry.KeyArg != nil {
				if *s.entry.KeyArg >= len(args) {
					continue
				}
				if k, ok := constString(args[*s.entry.KeyArg]); !ok || !s.entry.HasKey(k) {
					continue
				}
			}
			if s.result < len(res) {
				// Read from the caller's request, it is the caller's credential.
				res[s.result] |= s.kind | e.labels(recv)&(incoming|paramMask)
				e.sourceAt(s.kind, pos)
			}
		}
		if site != nil && len(res) > 1 {
			e.setResults(site, res)
		}
		return res[0]
	}

	if slices.Contains(catalogue.Cutters, name) && len(args) == 2 && site != nil && prefixSep(args[1]) {
		// user, pass, ok := strings.Cut(basic, ":"): only what follows the separator.
		e.setResults(site, []labels{0, e.labels(args[0]), 0})
		return 0
	}
	switch name {
	case catalogue.ContextWithValue:
		if len(args) == 3 {
			key := ctxKeyOf(args[1])
			l := e.labels(args[2])
			e.ctxStore(key, l)
			if l&paramMask != 0 && e.cur != nil {
				// A helper that puts its parameter into the context: its callers do.
				s := e.summaryOf(e.cur)
				for i := range e.cur.Params {
					if pc := (paramCtx{i, key}); l&paramBit(i) != 0 && !s.ctxStores[pc] {
						s.ctxStores[pc] = true
						e.changed = true
					}
				}
			}
		}
		return 0
	case catalogue.ContextValue:
		if len(args) == 1 {
			return e.ctxLoad(ctxKeyOf(args[0]))
		}
		return 0
	case catalogue.HeaderClone:
		return e.labels(recv)
	case catalogue.HeaderDel:
		if len(args) == 1 && redactsAuth(args[0]) {
			root, _ := e.loc(recv, 0)
			e.stripped[root] = true
		}
		return 0
	}
	if slices.Contains(catalogue.FmtWriters, name) && len(args) > 0 && !isStdStream(args[0]) {
		var l labels
		for _, a := range args[1:] {
			l |= e.labels(a)
		}
		root, path := e.loc(args[0], 0)
		e.store(root, path, l)
		return 0
	}
	if slices.Contains(catalogue.Formatters, name) {
		l := e.formatLabels(name, sig, args)
		if site != nil && sig.Results().Len() > 1 {
			// json.Marshal(tok): the text holds the token, the error does not.
			res := make([]labels, sig.Results().Len())
			for i := range res {
				if !isError(sig.Results().At(i).Type()) {
					res[i] = l
				}
			}
			e.setResults(site, res)
		}
		return l
	}
	if recv != nil && obj != nil && mutator(obj.Name()) {
		for _, tn := range append(catalogue.TextBuffers, catalogue.TextTypes...) {
			if tn.Is(recv.Type()) {
				var l labels
				for _, a := range args {
					l |= e.labels(a)
				}
				root, path := e.loc(recv, 0)
				e.store(root, path, l)
				return 0
			}
		}
	}

	// Summaries: functions of this package, then facts of imported ones.
	var s *summary
	foreign := false
	if callee != nil {
		fn := callee.Origin()
		if fn == nil {
			fn = callee
		}
		if fn.Pkg != nil && fn.Pkg.Pkg == e.pass.Pkg || fn.Parent() != nil {
			s = e.summaryOf(fn)
		} else if obj != nil {
			s, _ = e.importedSummary(obj.Origin())
			foreign = true
		}
	}
	if s != nil {
		all := cc.Args // summaries count the receiver as parameter 0
		res := make([]labels, max(1, sig.Results().Len()))
		for i, r := range s.returns {
			if i >= len(res) {
				break
			}
			if i >= sig.Results().Len() {
				break
			}
			if foreign && isError(sig.Results().At(i).Type()) {
				continue // another package's errors: too coarse to trust
			}
			res[i] = r &^ paramMask &^ e.c.whole
			if !texty(sig.Results().At(i).Type(), 0) {
				continue // a struct built from an argument (a parsed JWT) is not the argument
			}
			// A log field built from a map passed as an interface (zap.Any("h",
			// r.Header)) holds it whole; any other result is derived from its arguments.
			// (zap encodes a *http.Request as JSON, which fails on its func fields.)
			field := textType(sig.Results().At(i).Type())
			for j := range all {
				if r&paramBit(j) != 0 {
					pl := e.labels(all[j])
					if mi, ok := all[j].(*ssa.MakeInterface); !field || !ok || !isMap(mi.X.Type()) {
						pl &^= e.c.whole
					}
					if r&kindMask != 0 {
						// The callee reads a credential from this argument (a request):
						// only whether it is the caller's request carries over.
						pl &= incoming | paramMask
					}
					res[i] |= pl
				}
			}
		}
		if !foreign {
			fn := callee.Origin()
			if fn == nil {
				fn = callee
			}
			for f, p := range e.fieldArgs[fn] {
				for j := range all {
					if p&paramBit(j) != 0 {
						e.addField(f, e.labels(all[j]))
					}
				}
			}
		}
		for pc := range s.ctxStores {
			if pc.param < len(all) {
				e.ctxStore(pc.key, e.labels(all[pc.param]))
			}
		}
		recvs := len(cc.Args) - len(args)
		for _, ps := range sortedSinks(s.sinks) { // in order: the first sink names the finding
			if isSink || ps.Param >= len(all) || ps.Param < recvs {
				continue // a sink itself, or a receiver (a logger's own state)
			}
			goIndex := ps.Param - recvs
			if goIndex < 0 || goIndex >= sig.Params().Len() || !texty(sig.Params().At(goIndex).Type(), 0) {
				// A struct or a pointer: the callee may log another of its fields than
				// the one holding the secret; summaries are not field-sensitive.
				continue
			}
			if sig.Variadic() && goIndex == sig.Params().Len()-1 {
				e.variadic(pos, goIndex, all[ps.Param], ps.Check, ps.SinkKind, ps.Via, shortName(obj), nil)
			} else {
				l := e.labels(all[ps.Param])
				if goIndex >= 0 && goIndex < sig.Params().Len() && !isInterface(sig.Params().At(goIndex).Type()) {
					l &^= e.c.whole // the callee logs something derived from it, not it whole
				}
				e.flowTo(e.argPos(pos, goIndex), l, ps.Check, ps.SinkKind, ps.Via, shortName(obj))
			}
		}
		if site != nil && len(res) > 1 {
			e.setResults(site, res)
		}
		return res[0]
	}

	// Unknown code: a call that returns text passes its arguments' secrets on; a request
	// or header object only through an interface (formatting) parameter.
	if recv != nil && e.c.typeSourceOf(recv.Type()) != nil {
		return 0 // a method of a source type that is no source: metadata
	}
	if !texty(sig.Results(), 0) {
		return 0
	}
	if !e.stdFunc(obj) && !textType(sig.Results().At(0).Type()) {
		// Code we know nothing of, outside the standard library (no summary: its package
		// was not analysed): a token given to it is used, not returned (Save(path, tok),
		// lookup(tok), a masking helper). A method returns what its receiver holds (a
		// Stringer); a function value nothing we know of. (A log field or attribute holds
		// its arguments by design.)
		if recv == nil {
			return 0
		}
		args = nil
	}
	formatter := slices.Contains(catalogue.Formatters, name)
	if sig.Results().Len() > 1 && site != nil {
		l := e.argLabels(recv, args, formatter)
		res := make([]labels, sig.Results().Len())
		for i := range res {
			if t := sig.Results().At(i).Type(); texty(t, 0) && !isError(t) {
				res[i] = l
			}
		}
		e.setResults(site, res)
		return res[0]
	}
	if isError(sig.Results().At(0).Type()) && !formatter {
		return 0
	}
	return e.argLabels(recv, args, formatter)
}

// argLabels is what an unknown call that returns text passes on from its arguments.
func (e *engine) argLabels(recv ssa.Value, args []ssa.Value, formatter bool) labels {
	var l labels
	all := args
	if recv != nil {
		all = append([]ssa.Value{recv}, args...)
	}
	for _, a := range all {
		al := e.labels(a)
		if !formatter && !isInterface(a.Type()) && !isVariadicAny(a) {
			al &^= e.c.whole
		}
		l |= al
	}
	return l
}

func (e *engine) setResults(site *ssa.Call, res []labels) {
	old := e.results[site]
	if len(old) < len(res) {
		old = append(old, make([]labels, len(res)-len(old))...)
	}
	for i, r := range res {
		if r&^old[i] != 0 {
			old[i] |= r
			e.changed = true
		}
	}
	e.results[site] = old
}

func isVariadicAny(v ssa.Value) bool {
	s, ok := v.Type().Underlying().(*types.Slice)
	return ok && isInterface(s.Elem())
}

func stripIface(v ssa.Value) ssa.Value {
	if mi, ok := v.(*ssa.MakeInterface); ok {
		return mi.X
	}
	return v
}

// isStdStream reports whether v is os.Stdout or os.Stderr.
func isStdStream(v ssa.Value) bool {
	return slices.ContainsFunc(catalogue.StdStreams, func(name string) bool { return isStream(v, name) })
}

// isStream reports whether v is the os variable name (os.Stdout).
func isStream(v ssa.Value, name string) bool {
	v = stripIface(v)
	if load, ok := v.(*ssa.UnOp); ok && load.Op == token.MUL {
		if g, ok := load.X.(*ssa.Global); ok && g.Pkg != nil && g.Pkg.Pkg.Path() == "os" {
			return g.Name() == name
		}
	}
	return false
}

// printsAlone reports whether a fmt print call prints one value alone, or as a "key=value"
// or "key: value" line among lines of constants, or prints a key and a value
// ("%s=%s\n", git's credential protocol): the output of a command whose job is to print
// it, not a message.
func printsAlone(name string, sig *types.Signature, args []ssa.Value) bool {
	if !sig.Variadic() || len(args) == 0 {
		return false
	}
	sl, ok := args[len(args)-1].(*ssa.Slice)
	if !ok {
		return false
	}
	alloc, ok := sl.X.(*ssa.Alloc)
	if !ok {
		return false
	}
	n := 0
	for _, ref := range *alloc.Referrers() {
		if _, ok := ref.(*ssa.IndexAddr); ok {
			n++
		}
	}
	if n != 1 && n != 2 || n == 2 && !strings.HasSuffix(name, "f") {
		return false
	}
	if !strings.HasSuffix(name, "f") {
		return true // Print, Println, Fprint, Fprintln of one value
	}
	format, ok := constString(args[len(args)-2])
	if !ok {
		return false
	}
	if n == 2 {
		// A key and its value: fmt.Printf("%s=%s\n", key, v) over the lines of a protocol.
		k, v, ok := strings.Cut(strings.TrimSuffix(format, "\n"), "=")
		if !ok {
			k, v, ok = strings.Cut(strings.TrimSuffix(format, "\n"), ": ")
		}
		isVerb := func(s string) bool { return s == "%s" || s == "%v" }
		return ok && isVerb(k) && isVerb(v)
	}
	verbs := 0
	for line := range strings.SplitSeq(format, "\n") {
		text := strings.TrimSpace(line)
		if text == "" {
			continue
		}
		if strings.Contains(text, "%") {
			verbs++
			text = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(text, "%s"), "%v"))
			if strings.Contains(text, "%") || text != "" && !isKey(text) {
				return false // a message around the value
			}
		} else if strings.ContainsAny(text, " \t") && !isKey(text) {
			return false
		}
	}
	return verbs == 1
}

// isKey reports whether text is a protocol key before its value: "password=", "token:".
func isKey(text string) bool {
	k, ok := strings.CutSuffix(text, "=")
	if !ok {
		k, ok = strings.CutSuffix(text, ":")
	}
	return ok && k != "" && !strings.ContainsFunc(k, func(r rune) bool {
		return !(r == '_' || r == '-' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// sinks checks the call of the function named name against the [[flow.sink]] entries.
func (e *engine) sinks(pos token.Pos, name string, recv ssa.Value, args []ssa.Value, sig *types.Signature) bool {
	matched := false
	for _, s := range e.c.sinks[name] {
		en := s.entry
		if en.KeyArg != nil {
			if *en.KeyArg >= len(args) {
				continue
			}
			k, ok := constString(args[*en.KeyArg])
			if !ok && config.FlowCheckNamed(en.Check).Incoming && isHeader(recvType(recv)) && len(args) == 2 {
				e.headerCopy(pos, recv, args[1])
				continue
			}
			if !ok || !en.HasKey(k) {
				continue
			}
		}
		if en.Writer != nil && (*en.Writer >= len(args) || !isStdStream(args[*en.Writer])) {
			continue
		}
		pol := config.FlowCheckNamed(en.Check)
		if pol.Incoming && recv != nil && e.labels(recv)&incoming != 0 {
			continue // writing to the caller's own request
		}
		if pol.Incoming && e.notPassedOn(name, recv) {
			continue
		}
		if !e.mcpServer && pol.Output && e.cur != nil && !servesRequest(e.cur.Signature) && (en.Kind == "stdout" || en.Writer != nil && isStream(args[*en.Writer], "Stdout")) &&
			printsAlone(name, sig, args) {
			// fmt.Println(tok.AccessToken) in a program that is no MCP server: its job is
			// to print the token for another program (a credential helper, a `token`
			// command); stdout is that program's input. (A request handler's stdout is
			// a server's log.)
			continue
		}
		matched = true
		for _, ai := range en.Args {
			if ai == -1 {
				if !sig.Variadic() || len(args) == 0 {
					continue
				}
				last := len(args) - 1
				e.variadic(pos, last, args[last], en.Check, en.Kind, shortNameOf(name), "", hiddenArgs(name, sig, args))
				continue
			}
			if ai < len(args) {
				at := e.argPos(pos, ai)
				at.field = e.credField(args[ai])
				e.flowTo(at, e.unsigned(args[ai], callBlock(args[ai], pos), e.labels(args[ai])), en.Check, en.Kind, shortNameOf(name), "")
			}
		}
	}
	return matched
}

func recvType(v ssa.Value) types.Type {
	if v == nil {
		return types.Typ[types.Invalid]
	}
	return v.Type()
}

// variadic checks each element of a variadic argument, reporting at the element.
func (e *engine) variadic(pos token.Pos, first int, v ssa.Value, check, kind, via, helper string, hidden map[int]bool) {
	if sl, ok := v.(*ssa.Slice); ok {
		if alloc, ok := sl.X.(*ssa.Alloc); ok {
			// Labels per element, merged first and reported in index order, so that the
			// message does not depend on map order.
			byIndex := map[int]labels{}
			for path, l := range e.mem[alloc] {
				idx, ok := elementIndex(path)
				if !ok {
					idx = 0 // the whole array, or a path not of one element
				} else if hidden[idx] {
					continue
				}
				byIndex[idx] |= l
			}
			for _, idx := range slices.Sorted(maps.Keys(byIndex)) {
				at := e.argPos(pos, first+idx)
				l := byIndex[idx]
				if elem := elemValue(alloc, idx); elem != nil {
					if helper == "" {
						at.field = e.credField(elem)
					}
					if mi, ok := elem.(*ssa.MakeInterface); ok {
						l = e.unsigned(mi.X, mi.Block(), l)
					}
				}
				e.flowTo(at, l, check, kind, via, helper)
			}
			return
		}
	}
	e.flowTo(e.argPos(pos, first), e.labels(v), check, kind, via, helper)
}

// elementIndex returns N for a memory path that starts with element N of an array
// ("\x00[N", see keySeg), or false.
func elementIndex(path string) (int, bool) {
	seg, ok := strings.CutPrefix(path, "\x00[")
	if !ok {
		return 0, false
	}
	num, _, _ := strings.Cut(seg, "\x00")
	n, err := strconv.Atoi(num)
	return n, err == nil && n >= 0
}

// hiddenArgs returns the variadic arguments of a printf-style call that its constant
// format prints without their value: %T, %p, or a precision of at most 8 characters
// (%.6s, a prefix; not %v, which prints a byte slice whole whatever the precision). Nil when the call has no constant format or uses argument indexes.
func hiddenArgs(name string, sig *types.Signature, args []ssa.Value) map[int]bool {
	n := len(args)
	if !strings.HasSuffix(name, "f") || !sig.Variadic() || n < 2 || sig.Params().Len() < 2 {
		return nil // only Printf-style functions (Printf, Errorf, Infof, Logf) read a format
	}
	format, ok := constString(args[n-2])
	if !ok || !strings.Contains(format, "%") {
		return nil
	}
	var hidden map[int]bool
	arg := 0
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		for i < len(format) && format[i] >= '0' && format[i] <= '9' {
			i++
		}
		prec := -1
		if i < len(format) && format[i] == '.' {
			i++
			prec = 0
			for i < len(format) && format[i] >= '0' && format[i] <= '9' {
				prec = prec*10 + int(format[i]-'0')
				i++
			}
		}
		if i >= len(format) {
			break
		}
		switch verb := format[i]; {
		case verb == '%':
			continue
		case verb == '*' || verb == '[':
			return nil // widths from arguments, explicit indexes: not followed
		case verb == 'T' || verb == 'p' || prec >= 0 && prec <= 8 && strings.IndexByte("sqxX", verb) >= 0:
			if hidden == nil {
				hidden = map[int]bool{}
			}
			hidden[arg] = true
		}
		arg++
	}
	return hidden
}

// formatLabels is what a printf-style formatter's result carries: its format and the
// arguments its format prints.
func (e *engine) formatLabels(name string, sig *types.Signature, args []ssa.Value) labels {
	hidden := hiddenArgs(name, sig, args)
	if hidden == nil {
		return e.argLabels(nil, args, true)
	}
	l := e.labels(args[len(args)-2])
	if sl, ok := args[len(args)-1].(*ssa.Slice); ok {
		if alloc, ok := sl.X.(*ssa.Alloc); ok {
			for path, x := range e.mem[alloc] {
				if idx, ok := elementIndex(path); !ok || !hidden[idx] {
					l |= x
				}
			}
			return l
		}
	}
	return e.argLabels(nil, args, true)
}

// site is where a finding is reported, and the credential field of a source the value
// reported is read from, if any (cfg.ClientSecret).
type site struct {
	pos, end token.Pos
	field    string
}

// argPos returns the position of argument i (receiver not counted) of the call at lparen.
func (e *engine) argPos(lparen token.Pos, i int) site {
	call := e.calls[lparen]
	if call == nil {
		return site{pos: lparen, end: lparen}
	}
	if i >= 0 && i < len(call.Args) {
		return site{pos: call.Args[i].Pos(), end: call.Args[i].End()}
	}
	if n := len(call.Args); n > 0 && i >= n {
		return site{pos: call.Args[n-1].Pos(), end: call.Args[n-1].End()}
	}
	return site{pos: call.Pos(), end: call.End()}
}

// sourceAt records that the call at pos reads a credential of kind k in the current function.
func (e *engine) sourceAt(k labels, pos token.Pos) {
	if e.cur == nil || !pos.IsValid() {
		return
	}
	m := e.srcSites[e.cur]
	if m == nil {
		m = map[labels][]token.Pos{}
		e.srcSites[e.cur] = m
	}
	if !slices.Contains(m[k], pos) {
		m[k] = append(m[k], pos)
	}
}

// sourceSite returns the one call of fn that reads a credential of a kind in l, and the
// kind's name, if there is exactly one such call for the first kind of l that has any.
func (e *engine) sourceSite(fn *ssa.Function, l labels) (token.Pos, string) {
	m := e.srcSites[fn]
	for bit := labels(1); bit != 0 && bit&kindMask != 0; bit <<= 1 {
		if l&bit == 0 || len(m[bit]) == 0 {
			continue
		}
		if len(m[bit]) == 1 {
			return m[bit][0], e.c.kindName(bit)
		}
		return token.NoPos, ""
	}
	return token.NoPos, ""
}

// flowTo records a flow of l into a sink of check, or a summary entry if l derives from
// parameters of the current function.
func (e *engine) flowTo(at site, l labels, check, kind, via, helper string) {
	pol := config.FlowCheckNamed(check)
	counted := l & kindMask
	if !pol.Whole {
		counted &^= e.c.whole
	}
	ok := counted != 0 && (!pol.Incoming || l&incoming != 0)
	if ok && at.pos.IsValid() && !e.inTestCode(at.pos) {
		// (Tests log fake tokens and requests on purpose: no findings there.)
		key := findKey{at.pos, check}
		if _, dup := e.findings[key]; !dup {
			e.findings[key] = Flow{Check: check, Pos: at.pos, End: at.end, Message: e.message(check, kind, via, helper, at.field, l), Sink: kind,
				fn: e.cur, kinds: l & kindMask}
		}
	}
	if l&paramMask == 0 || e.cur == nil {
		return
	}
	s := e.summaryOf(e.cur)
	for i, p := range e.cur.Params {
		if l&paramBit(i) == 0 || e.c.typeSourceOf(p.Type()) != nil || !texty(p.Type(), 0) ||
			i == 0 && e.cur.Signature.Recv() != nil {
			continue // see the use of summaries in call
		}
		ps := ParamSink{Param: i, Check: check, SinkKind: kind, Via: via}
		if !s.sinks[ps] {
			s.sinks[ps] = true
			e.changed = true
		}
	}
}

// headerCopy handles Header.Set/Add(k, v) with a non-constant key: copying every header of
// the incoming request passes its Authorization header on.
func (e *engine) headerCopy(pos token.Pos, recv, v ssa.Value) {
	l := e.labels(v)
	if l&incoming == 0 || l&e.c.whole == 0 || e.labels(recv)&incoming != 0 || e.namesAuth[e.cur] {
		return
	}
	check := e.c.incomingCheck
	key := findKey{pos, check}
	if _, dup := e.findings[key]; !dup && !e.inTestCode(pos) {
		at := e.argPos(pos, 1)
		e.findings[key] = Flow{Check: check, Pos: at.pos, End: at.end,
			Message: "every header of the incoming request, Authorization included, is copied to an outgoing request: that passes the caller's bearer token on to another service, which the MCP authorization spec forbids; skip Authorization, Proxy-Authorization and Cookie when copying"}
	}
}

// fieldStore handles stores into fields: into a field that is a sink ([[flow.sink]] field:
// a URL's RawQuery, a tool result's text), or the incoming request's headers assigned
// whole to another request.
func (e *engine) fieldStore(in *ssa.Store, fa *ssa.FieldAddr, l labels) {
	st := fa.X.Type()
	name := fieldName(st, fa.Field)
	if named, ok := types.Unalias(derefType(st)).(*types.Named); ok && named.Obj().Pkg() != nil {
		obj := named.Origin().Obj()
		for _, s := range e.c.fieldSinks[obj.Pkg().Path()+"."+obj.Name()+"."+name] { // [[flow.sink]] field
			at := site{pos: in.Pos(), end: in.Pos()}
			if rhs := e.assigned[in.Pos()]; rhs != nil {
				at = site{pos: rhs.Pos(), end: rhs.End()}
			}
			e.flowTo(at, l, s.entry.Check, s.entry.Kind, obj.Pkg().Name()+"."+obj.Name()+"."+name, "")
		}
	}
	if name == "Header" && catalogue.HTTPRequest.Is(st) &&
		l&incoming != 0 && l&e.c.whole != 0 && e.val[fa.X]&incoming == 0 && !e.namesAuth[e.cur] && in.Pos().IsValid() {
		at := site{pos: in.Pos(), end: in.Pos()}
		if rhs := e.assigned[in.Pos()]; rhs != nil {
			at = site{pos: rhs.Pos(), end: rhs.End()}
		}
		key := findKey{at.pos, e.c.incomingCheck}
		if _, dup := e.findings[key]; !dup && !e.inTestCode(at.pos) {
			e.findings[key] = Flow{Check: e.c.incomingCheck, Pos: at.pos, End: at.end,
				Message: "the incoming request's headers, Authorization included, are given to an outgoing request: that passes the caller's bearer token on to another service, which the MCP authorization spec forbids; clone the headers and delete Authorization, Proxy-Authorization and Cookie"}
		}
	}
}

// sortedSinks returns a summary's parameter sinks in a fixed order (parameter, check, sink).
func sortedSinks(sinks map[ParamSink]bool) []ParamSink {
	out := make([]ParamSink, 0, len(sinks))
	for ps := range sinks {
		out = append(out, ps)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Param != b.Param {
			return a.Param < b.Param
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		if a.Via != b.Via {
			return a.Via < b.Via
		}
		return a.SinkKind < b.SinkKind
	})
	return out
}

// message is the diagnostic for a flow.
func (e *engine) message(check, kind, via, helper, field string, l labels) string {
	what := e.c.kindName(l)
	where := via
	if helper != "" {
		where = helper + ", which passes it to " + via
	}
	whole := l&kindMask&^e.c.whole == 0
	if msg := config.FlowCheckNamed(check).Message; msg != "" {
		return fmt.Sprintf(msg, what, where)
	}
	advice := "log only metadata such as tok.Expiry or tok.Type(), or a short hash"
	if a := e.c.advice[what]; a != "" && field != "" {
		// The field itself, not the whole value the advice is about.
		base, _, _ := strings.Cut(what, " (")
		what = field + " field of the " + base
		advice = "log only whether it is set, or a short hash"
	} else if a != "" {
		advice = a
	} else if whole {
		advice = "log the method, path and status, or a copy of the headers without Authorization and Cookie"
	}
	switch kind {
	case "stdout":
		if !e.mcpServer {
			return fmt.Sprintf("%s printed to stdout (%s): it ends up in terminals and logs; %s", what, where, advice)
		}
		return fmt.Sprintf("%s printed to stdout (%s): it ends up in terminals and logs, and in a stdio MCP server stdout is the protocol channel to the client; %s", what, where, advice)
	case "stdout or stderr":
		if !e.mcpServer {
			return fmt.Sprintf("%s written to stdout or stderr (%s): it ends up in terminals and in the logs that collect the program's output; %s", what, where, advice)
		}
		return fmt.Sprintf("%s written to stdout or stderr (%s): MCP hosts keep a server's stderr in log files, and in a stdio MCP server stdout is the protocol channel; %s", what, where, advice)
	case "model context":
		return fmt.Sprintf("%s put into the model's context (%s): a prompt-injected model can repeat it to anyone; return a confirmation or the expiry instead", what, where)
	case "panic":
		return fmt.Sprintf("%s in a panic message: it is printed with the stack trace to stderr, logs and crash reports; %s", what, advice)
	case "test log":
		return fmt.Sprintf("%s written to the test log (%s): CI logs are often public; %s", what, where, advice)
	}
	return fmt.Sprintf("%s reaches a %s (%s): anyone who can read the logs can use it; %s", what, kind, where, advice)
}

// shortName prints a function with package names instead of paths: (*zap.Logger).Info.
func shortName(fn *types.Func) string {
	if fn == nil {
		return "a function"
	}
	qual := func(p *types.Package) string { return p.Name() }
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// shortNameOf shortens a FullName string: "(*go.uber.org/zap.Logger).Info" -> "(*zap.Logger).Info".
func shortNameOf(full string) string {
	out := []byte{}
	i := 0
	for i < len(full) {
		j := strings.IndexAny(full[i:], "(*)")
		if j < 0 {
			out = append(out, shortPath(full[i:])...)
			break
		}
		out = append(out, shortPath(full[i:i+j])...)
		out = append(out, full[i+j])
		i += j + 1
	}
	return string(out)
}

func shortPath(s string) string {
	slash := strings.LastIndex(s, "/")
	if slash < 0 {
		return s
	}
	rest := s[slash+1:]
	if dot := strings.Index(rest, "."); dot >= 0 {
		pkg := rest[:dot]
		if strings.HasPrefix(pkg, "v") && len(pkg) > 1 && strings.Trim(pkg[1:], "0123456789") == "" {
			// a major-version suffix: use the element before it
			prev := s[:slash]
			pkg = prev[strings.LastIndex(prev, "/")+1:]
		}
		return pkg + rest[dot:]
	}
	return s
}

func isError(t types.Type) bool {
	return types.Identical(t, types.Universe.Lookup("error").Type())
}

func isStruct(t types.Type) bool {
	_, ok := t.Underlying().(*types.Struct)
	return ok
}

// mutator reports whether a method of a text type adds its arguments to its receiver:
// strings.Builder.WriteString, url.Values.Set.
func mutator(name string) bool {
	return strings.HasPrefix(name, "Write") || name == "Set" || name == "Add"
}

// inTestCode reports whether pos is in a _test.go file or a package that exists for tests.
func (e *engine) inTestCode(pos token.Pos) bool {
	f := e.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go") || check.IsTestPackagePath(e.pass.Pkg.Path())
}

// ctxKeyOf names a context key: its type, and its value when it is a constant
// (type ctxKey string; const userKey ctxKey = "user") or a package variable, so that two
// keys of one type are two slots.
func ctxKeyOf(v ssa.Value) string {
	v = stripIface(v)
	key := types.TypeString(v.Type(), nil)
	switch k := v.(type) {
	case *ssa.Const:
		if k.Value != nil {
			key += "=" + k.Value.ExactString()
		}
	case *ssa.Global:
		key += "@" + k.RelString(nil)
	case *ssa.UnOp:
		if g, ok := k.X.(*ssa.Global); ok && k.Op == token.MUL {
			key += "@" + g.RelString(nil)
		} else if lit := constStruct(k); lit != "" {
			key += "=" + lit
		}
	}
	return key
}

// constStruct returns the fields of a struct value built here from constants only
// (ctxKey{name: "auth"}) as text, or "".
func constStruct(load *ssa.UnOp) string {
	alloc, ok := load.X.(*ssa.Alloc)
	if !ok || load.Op != token.MUL || !isStruct(load.Type()) {
		return ""
	}
	fields := map[int]string{}
	for _, ref := range *alloc.Referrers() {
		fa, ok := ref.(*ssa.FieldAddr)
		if !ok {
			if ref == load {
				continue
			}
			return "" // the struct escapes or is changed in other ways
		}
		for _, r := range *fa.Referrers() {
			st, ok := r.(*ssa.Store)
			if !ok {
				return ""
			}
			c, ok := st.Val.(*ssa.Const)
			if !ok || c.Value == nil {
				return ""
			}
			fields[fa.Field] = c.Value.ExactString()
		}
	}
	if len(fields) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("{")
	for _, i := range slices.Sorted(maps.Keys(fields)) {
		fmt.Fprintf(&b, "%d:%s;", i, fields[i])
	}
	b.WriteString("}")
	return b.String()
}

// ctxLoad returns what may be stored under key: its own slot and the type's slot of
// stores with a non-constant key; for a non-constant key, every slot of its type.
func (e *engine) ctxLoad(key string) labels {
	typ, _, exact := strings.Cut(key, "=")
	if !exact {
		typ, _, exact = strings.Cut(key, "@")
	}
	if exact {
		return e.ctxSlots[key] | e.ctxSlots[typ]
	}
	var l labels
	for k, sl := range e.ctxSlots {
		if k == typ || strings.HasPrefix(k, typ+"=") || strings.HasPrefix(k, typ+"@") {
			l |= sl
		}
	}
	return l
}

// ctxStore records a value put into a context under a key of the named type.
func (e *engine) ctxStore(key string, l labels) {
	if l &^= paramMask; l&^e.ctxSlots[key] != 0 {
		e.ctxSlots[key] |= l
		e.changed = true
	}
}

// stdFunc reports whether obj is a function of the standard library (by the location of its
// package, GOROOT/src, from source or export data, not by a dotless path: modules may be
// named "myapp"), or a method of
// the universe (error.Error).
func (e *engine) stdFunc(obj *types.Func) bool {
	if obj == nil {
		return false
	}
	pkg := obj.Pkg()
	if pkg == nil {
		return true
	}
	if first, _, _ := strings.Cut(pkg.Path(), "/"); strings.Contains(first, ".") {
		return false
	}
	if std, ok := stdPkgs.Load(pkg.Path()); ok {
		return std.(bool)
	}
	std := true // no position to tell: a dotless path
	if f := e.pass.Fset.File(obj.Pos()); f != nil && f.Name() != "" {
		dir := filepath.ToSlash(filepath.Dir(f.Name()))
		root, ok := strings.CutSuffix(dir, "/src/"+pkg.Path())
		// Export data names the standard library's files $GOROOT/src/...
		std = ok && (root == "$GOROOT" || isDir(root+"/src/runtime"))
	}
	stdPkgs.Store(pkg.Path(), std)
	return std
}

var stdPkgs sync.Map // package path -> bool

func isDir(name string) bool {
	fi, err := os.Stat(filepath.FromSlash(name))
	return err == nil && fi.IsDir()
}

// firstPart reports whether ia is the first part of a text cut at one of
// catalogue.PrefixSeps (strings.SplitN(basic, ":", 2)[0], strings.Fields(auth)[0]): a
// user name, a scheme, a JWT header, no secret; or the second part of a text cut at "."
// (a JWT's claims).
func firstPart(ia *ssa.IndexAddr) bool {
	c, ok := ia.Index.(*ssa.Const)
	if !ok || c.Value == nil || c.Value.ExactString() != "0" && c.Value.ExactString() != "1" {
		return false
	}
	call, ok := ia.X.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Object() == nil {
		return false
	}
	name := callee.Object().(*types.Func).FullName()
	if !slices.Contains(catalogue.Splitters, name) {
		return false
	}
	args := call.Call.Args
	if c.Value.ExactString() == "1" {
		// The second part of a JWT (its claims) is no more a credential than its header:
		// what makes it usable is the signature (vault logs header.claims.xxxxxxxxxxx).
		if len(args) < 2 {
			return false
		}
		sep, ok := args[1].(*ssa.Const)
		return ok && sep.Value != nil && sep.Value.Kind() == constant.String && constant.StringVal(sep.Value) == "."
	}
	return len(args) == 1 || len(args) >= 2 && prefixSep(args[1]) // Fields: at white space
}

// prefixSep reports whether v is a constant in catalogue.PrefixSeps.
func prefixSep(v ssa.Value) bool {
	if c, ok := v.(*ssa.Const); ok && c.Value != nil {
		switch c.Value.Kind() {
		case constant.String:
			return slices.Contains(catalogue.PrefixSeps, constant.StringVal(c.Value))
		}
	}
	if conv, ok := v.(*ssa.Convert); ok { // []byte(":")
		return prefixSep(conv.X)
	}
	return false
}

// unsigned returns l without the Authorization header's kinds when v is known in block b
// to start with the name of a signature scheme (catalogue.SignatureSchemes:
// if !strings.HasPrefix(auth, "X-Matrix ") { return }): such a value signs one request and
// is no bearer credential.
func (e *engine) unsigned(v ssa.Value, b *ssa.BasicBlock, l labels) labels {
	var auth labels
	for _, fs := range e.c.funcs["(net/http.Header).Get"] {
		if fs.entry.KeyArg != nil && fs.entry.HasKey("Authorization") {
			auth |= fs.kind
		}
	}
	if l&auth != 0 && b != nil && knownScheme(v, b) {
		return l &^ auth
	}
	return l
}

// callBlock returns the block of the call at pos that uses v, or nil.
func callBlock(v ssa.Value, pos token.Pos) *ssa.BasicBlock {
	if refs := v.Referrers(); refs != nil && pos.IsValid() {
		for _, r := range *refs {
			if _, ok := r.(ssa.CallInstruction); ok && r.Pos() == pos {
				return r.Block()
			}
		}
	}
	return nil
}

// knownScheme reports whether v is known in block b to start with a signature scheme's
// name: every path to b passed a strings.HasPrefix(v, scheme) that held.
func knownScheme(v ssa.Value, b *ssa.BasicBlock) bool {
	for depth := 0; b != nil && depth < 64; depth, b = depth+1, b.Idom() {
		if len(b.Preds) == 0 {
			return false
		}
		all := true
		for _, p := range b.Preds {
			if !schemeEdge(v, p, b) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// schemeEdge reports whether the edge from p to b is taken only when v starts with a
// signature scheme's name.
func schemeEdge(v ssa.Value, p, b *ssa.BasicBlock) bool {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return false
	}
	ifi, ok := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !ok {
		return false
	}
	onTrue, cond := p.Succs[0] == b, ifi.Cond
	if not, ok := cond.(*ssa.UnOp); ok && not.Op == token.NOT {
		cond, onTrue = not.X, !onTrue
	}
	call, ok := cond.(*ssa.Call)
	if !ok || !onTrue || len(call.Call.Args) != 2 || call.Call.Args[0] != v {
		return false
	}
	if callee := call.Call.StaticCallee(); callee == nil || callee.Object() == nil || callee.Object().(*types.Func).FullName() != "strings.HasPrefix" {
		return false
	}
	k, ok := constString(call.Call.Args[1])
	return ok && catalogue.SignatureScheme(k)
}

// knownEmpty reports whether v is known to be the empty string in block b (a fallback
// for the empty value beside a mask).
func knownEmpty(v ssa.Value, b *ssa.BasicBlock) bool {
	if _, ok := v.(*ssa.Const); ok || !catalogue.IsString(v.Type()) {
		return false
	}
	return knownConst(v, b, func(k string, eq bool) bool { return eq && k == "" })
}

// credHeader reports whether name is a header that [[flow.source]] entries read as a
// credential (Authorization, Cookie, an API key header).
func (e *engine) credHeader(name string) bool {
	for _, fs := range e.c.funcs["(net/http.Header).Get"] {
		if fs.entry.KeyArg != nil && fs.entry.HasKey(name) {
			return true
		}
	}
	return false
}

// knownConst reports whether, in block b, v is known to equal (eq) or differ from a
// constant string for which accept holds: b is reached only through a branch of v == C,
// v != C or strings.EqualFold(v, C), or lies inside the region of such a branch (v, an SSA
// value, does not change there). A switch on v is a chain of such branches.
func knownConst(v ssa.Value, b *ssa.BasicBlock, accept func(k string, eq bool) bool) bool {
	for depth := 0; b != nil && depth < 64; depth, b = depth+1, b.Idom() {
		if len(b.Preds) == 0 {
			return false
		}
		all := true
		for _, p := range b.Preds {
			k, eq, ok := constEdge(v, p, b)
			if !ok || !accept(k, eq) {
				all = false
				break
			}
		}
		if all {
			return true
		}
	}
	return false
}

// constEdge reports what the edge from p to b tells of v: it is taken only when v equals
// (eq) or differs from the constant k.
func constEdge(v ssa.Value, p, b *ssa.BasicBlock) (k string, eq, ok bool) {
	if len(p.Instrs) == 0 || len(p.Succs) != 2 || p.Succs[0] == p.Succs[1] {
		return "", false, false
	}
	ifi, isIf := p.Instrs[len(p.Instrs)-1].(*ssa.If)
	if !isIf {
		return "", false, false
	}
	onTrue := p.Succs[0] == b
	cond := ifi.Cond
	if not, isNot := cond.(*ssa.UnOp); isNot && not.Op == token.NOT {
		cond, onTrue = not.X, !onTrue
	}
	var x, y ssa.Value
	switch c := cond.(type) {
	case *ssa.BinOp:
		if c.Op != token.EQL && c.Op != token.NEQ {
			return "", false, false
		}
		x, y = c.X, c.Y
		if c.Op == token.NEQ {
			onTrue = !onTrue
		}
	case *ssa.Call:
		callee := c.Call.StaticCallee()
		if callee == nil || callee.Object() == nil || callee.Object().(*types.Func).FullName() != "strings.EqualFold" || len(c.Call.Args) != 2 {
			return "", false, false
		}
		x, y = c.Call.Args[0], c.Call.Args[1]
	default:
		return "", false, false
	}
	if y == v {
		x, y = y, x
	}
	if x != v {
		return "", false, false
	}
	k, ok = constString(y)
	return k, onTrue, ok
}

// credField returns the name of the credential field v reads from a source
// (cfg.ClientSecret), or "".
func (e *engine) credField(v ssa.Value) string {
	if v == nil {
		return ""
	}
	v = stripIface(v)
	var t types.Type
	var i int
	switch x := v.(type) {
	case *ssa.Field:
		t, i = x.X.Type(), x.Field
	case *ssa.UnOp:
		fa, ok := x.X.(*ssa.FieldAddr)
		if !ok || x.Op != token.MUL {
			return ""
		}
		t, i = fa.X.Type(), fa.Field
	default:
		return ""
	}
	if ts := e.c.typeSourceOf(t); ts != nil && !ts.whole && ts.fields[fieldName(t, i)] {
		return fieldName(t, i)
	}
	return ""
}

// elemValue returns the value stored as element idx of the array alloc (a variadic
// argument), or nil.
func elemValue(alloc *ssa.Alloc, idx int) ssa.Value {
	for _, ref := range *alloc.Referrers() {
		ia, ok := ref.(*ssa.IndexAddr)
		if !ok {
			continue
		}
		if c, ok := ia.Index.(*ssa.Const); !ok || c.Value == nil || c.Value.ExactString() != strconv.Itoa(idx) {
			continue
		}
		for _, r := range *ia.Referrers() {
			if st, ok := r.(*ssa.Store); ok && st.Addr == ia {
				return st.Val
			}
		}
	}
	return nil
}

// importsAny reports whether pkg imports one of paths, directly or not.
func importsAny(pkg *types.Package, paths []string) bool {
	seen := map[*types.Package]bool{}
	var walk func(p *types.Package) bool
	walk = func(p *types.Package) bool {
		if seen[p] {
			return false
		}
		seen[p] = true
		for _, imp := range p.Imports() {
			if slices.Contains(paths, imp.Path()) || walk(imp) {
				return true
			}
		}
		return false
	}
	return walk(pkg)
}

// notPassedOn reports whether a token given to the tokenpassthrough sink name (on recv) is
// not passed on to another service: it goes to the issuer's validation endpoint (UserInfo,
// introspection, tokeninfo), or the outgoing request relays the incoming one (its method
// or body) to an upstream that is not a third-party API named in the code: a gateway in
// front of the MCP server that the token is for.
func (e *engine) notPassedOn(name string, recv ssa.Value) bool {
	if e.site != nil && !slices.Contains(catalogue.NewRequests, name) {
		// oauth2.StaticTokenSource(tok) handed only to a validator.
		refs := *e.site.Referrers()
		if len(refs) > 0 && !slices.ContainsFunc(refs, func(in ssa.Instruction) bool {
			call, ok := in.(*ssa.Call)
			if !ok {
				return true
			}
			callee := call.Call.StaticCallee()
			return callee == nil || callee.Object() == nil ||
				!slices.Contains(catalogue.Validators, callee.Object().(*types.Func).Origin().FullName())
		}) {
			return true
		}
	}
	if e.site != nil && e.frontsConfigured(e.site) {
		return true
	}
	req := headerOwner(recv)
	if req == nil {
		return false
	}
	nr := newRequestCall(e.reqRoot(req))
	if nr == nil || len(nr.Call.Args) < 3 {
		return false
	}
	args := nr.Call.Args
	method, u, body := args[len(args)-3], args[len(args)-2], args[len(args)-1]
	marks := urlMarks(u, 0)
	for _, m := range marks {
		m = strings.ToLower(m)
		if slices.ContainsFunc(catalogue.ValidationMarks, func(v string) bool { return strings.Contains(m, v) }) {
			return true
		}
	}
	if !e.incomingField(method, "Method") && !e.incomingField(stripIface(body), "Body") {
		return false
	}
	for _, m := range marks {
		if host, ok := urlHost(m); ok {
			if _, third := e.c.flow.ThirdPartyHost(host); third {
				return false
			}
		}
	}
	return true
}

// headersGiven reports whether the headers at fa (&req.Header) may be given values other
// than through Header.Set or Add: replaced (req.Header = r.Header.Clone()), written as a
// map (req.Header["Authorization"] = v), or handed to code outside the standard library.
func (e *engine) headersGiven(fa *ssa.FieldAddr) bool {
	for _, ref := range *fa.Referrers() {
		switch ref := ref.(type) {
		case *ssa.Store:
			return true
		case *ssa.UnOp:
			for _, r := range *ref.Referrers() {
				switch r := r.(type) {
				case *ssa.MapUpdate:
					return true
				case *ssa.Call:
					callee := r.Call.StaticCallee()
					if callee == nil || callee.Object() == nil || !e.stdFunc(callee.Object().(*types.Func)) {
						return true
					}
				}
			}
		default:
			return true
		}
	}
	return false
}

// newRequestCall returns the http.NewRequest call that built req, or nil.
func newRequestCall(req ssa.Value) *ssa.Call {
	if ex, ok := req.(*ssa.Extract); ok {
		req = ex.Tuple
	}
	call, ok := req.(*ssa.Call)
	if !ok {
		return nil
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Object() == nil || !slices.Contains(catalogue.NewRequests, callee.Object().(*types.Func).FullName()) {
		return nil
	}
	return call
}

// incomingField reports whether v is field name of the request the function serves
// (r.Method, r.Body).
func (e *engine) incomingField(v ssa.Value, name string) bool {
	load, ok := v.(*ssa.UnOp)
	if !ok || load.Op != token.MUL {
		return false
	}
	fa, ok := load.X.(*ssa.FieldAddr)
	return ok && isRequest(fa.X.Type()) && fieldName(fa.X.Type(), fa.Field) == name && e.labels(fa.X)&incoming != 0
}

// urlMarks returns what names a URL value: its constant parts, the format of a
// fmt.Sprintf, and the names of the fields, parameters and methods it is read from.
func urlMarks(v ssa.Value, depth int) []string {
	if depth > 8 || v == nil {
		return nil
	}
	if k, ok := constString(v); ok {
		return []string{k}
	}
	switch x := v.(type) {
	case *ssa.BinOp:
		return append(urlMarks(x.X, depth+1), urlMarks(x.Y, depth+1)...)
	case *ssa.Parameter:
		return []string{x.Name()}
	case *ssa.UnOp:
		if fa, ok := x.X.(*ssa.FieldAddr); ok && x.Op == token.MUL {
			return []string{fieldName(fa.X.Type(), fa.Field)}
		}
	case *ssa.Field:
		return []string{fieldName(x.X.Type(), x.Field)}
	case *ssa.Call:
		if callee := x.Call.StaticCallee(); callee != nil {
			out := []string{callee.Name()}
			if callee.Name() == "Sprintf" || callee.Name() == "String" {
				for _, a := range x.Call.Args {
					out = append(out, urlMarks(a, depth+1)...)
				}
			}
			return out
		}
		if x.Call.IsInvoke() {
			return []string{x.Call.Method.Name()}
		}
	}
	return nil
}

// urlHost returns the host of an absolute URL text ("https://api.github.com/user").
func urlHost(s string) (string, bool) {
	_, rest, ok := strings.Cut(s, "://")
	if !ok {
		return "", false
	}
	host, _, _ := strings.Cut(rest, "/")
	host, _, _ = strings.Cut(host, ":")
	return host, host != ""
}

// beforeSep reports whether v is the text before the first separator of
// catalogue.PrefixSeps in a text, s[:strings.Index(s, ":")]: a user name or a scheme.
func beforeSep(v *ssa.Slice) bool {
	if v.High == nil || v.Low != nil && !isZero(v.Low) {
		return false
	}
	call, ok := v.High.(*ssa.Call)
	if !ok {
		return false
	}
	callee := call.Call.StaticCallee()
	if callee == nil || callee.Object() == nil || len(call.Call.Args) != 2 || !sameText(call.Call.Args[0], v.X) {
		return false
	}
	switch callee.Object().(*types.Func).FullName() {
	case "strings.Index", "strings.IndexByte", "strings.IndexRune":
	default:
		return false
	}
	if prefixSep(call.Call.Args[1]) {
		return true
	}
	c, ok := call.Call.Args[1].(*ssa.Const) // a byte or rune
	if !ok || c.Value == nil || c.Value.Kind() != constant.Int {
		return false
	}
	r, ok := constant.Int64Val(c.Value)
	return ok && slices.Contains(catalogue.PrefixSeps, string(rune(r)))
}

// sameText reports whether a and b are one text: one value, or conversions of one value
// (string(raw) written twice).
func sameText(a, b ssa.Value) bool {
	if a == b {
		return true
	}
	ca, ok1 := a.(*ssa.Convert)
	cb, ok2 := b.(*ssa.Convert)
	return ok1 && ok2 && ca.X == cb.X && types.Identical(ca.Type(), cb.Type())
}

func isZero(v ssa.Value) bool {
	c, ok := v.(*ssa.Const)
	return ok && c.Value != nil && c.Value.ExactString() == "0"
}

// frontsConfigured reports whether opt, an option that sets an MCP client's headers, is
// given only to the constructor of a client of an MCP server whose URL is not written in
// the code (configuration, flags): a gateway connecting to the MCP server it fronts, for
// which the caller's token was issued.
func (e *engine) frontsConfigured(opt *ssa.Call) bool {
	refs := *opt.Referrers()
	if len(refs) == 0 {
		return false
	}
	for _, ref := range refs {
		st, ok := ref.(*ssa.Store)
		if !ok {
			return false
		}
		ia, ok := st.Addr.(*ssa.IndexAddr)
		if !ok {
			return false
		}
		alloc, ok := ia.X.(*ssa.Alloc)
		if !ok {
			return false
		}
		for _, r := range *alloc.Referrers() {
			sl, ok := r.(*ssa.Slice)
			if !ok {
				continue
			}
			for _, u := range *sl.Referrers() {
				call, ok := u.(*ssa.Call)
				if !ok {
					return false
				}
				callee := call.Call.StaticCallee()
				if callee == nil || callee.Object() == nil || !slices.Contains(catalogue.MCPClients, callee.Object().(*types.Func).FullName()) ||
					len(call.Call.Args) == 0 || slices.ContainsFunc(urlMarks(call.Call.Args[0], 0), func(m string) bool { return strings.Contains(m, "://") }) {
					return false
				}
				if _, isConst := constString(call.Call.Args[0]); isConst {
					return false
				}
			}
		}
	}
	return true
}
