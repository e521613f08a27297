// The sinks: calls and fields that rules.toml names ([[flow.sink]]), what of a value reaches
// them (variadic arguments, formats), the findings and their messages.

package tokenflow

import (
	"fmt"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/ssa"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

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
				l := e.unsigned(args[ai], callBlock(args[ai], pos), e.labels(args[ai]))
				e.flowTo(at, e.opaque(args[ai], l), en.Check, en.Kind, shortNameOf(name), "")
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
					l = e.opaque(elem, l)
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
		if bit&e.c.typeKinds != 0 {
			return token.NoPos, "" // a value of a source type may be the source as well
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

// inTestCode reports whether pos is in a _test.go file or a package that exists for tests.
func (e *engine) inTestCode(pos token.Pos) bool {
	f := e.pass.Fset.File(pos)
	return f != nil && strings.HasSuffix(f.Name(), "_test.go") || check.IsTestPackagePath(e.pass.Pkg.Path())
}

// unsigned returns l without the Authorization header's kinds when v is known in block b
// to start with the name of a signature scheme (catalogue.SignatureSchemes:
// if !strings.HasPrefix(auth, "X-Matrix ") { return }): such a value signs one request and
// is no bearer credential.
func (e *engine) unsigned(v ssa.Value, b *ssa.BasicBlock, l labels) labels {
	if l&e.c.authKinds != 0 && b != nil && knownScheme(v, b) {
		return l &^ e.c.authKinds
	}
	return l
}

// opaque returns l without the kind of a whole source whose credential lies behind a
// pointer or an interface (a *gin.Context, an echo.Context, a go-sdk ServerRequest), when v
// is such a value itself: printed, it shows the request as an address. Its request, read
// from it, is judged as a request.
func (e *engine) opaque(v ssa.Value, l labels) labels {
	switch x := v.(type) {
	case *ssa.MakeInterface:
		v = x.X
	case *ssa.ChangeInterface:
		v = x.X
	}
	ts := e.c.typeSourceOf(v.Type())
	if ts == nil || !ts.whole {
		return l
	}
	t := derefType(v.Type())
	if types.IsInterface(t) {
		return l &^ ts.kind
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || len(ts.fields) == 0 {
		return l
	}
	for i := range st.NumFields() {
		if f := st.Field(i); ts.fields[f.Name()] {
			switch f.Type().Underlying().(type) {
			case *types.Pointer, *types.Interface:
			default:
				return l // a map or struct of headers prints whole
			}
		}
	}
	return l &^ ts.kind
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
