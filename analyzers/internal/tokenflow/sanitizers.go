// What ends a flow or narrows it: masks, prefixes, parts of a credential that are no
// secret, deleted Authorization headers, constants known on a path.

package tokenflow

import (
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

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
