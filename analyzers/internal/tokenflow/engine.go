package tokenflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
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
