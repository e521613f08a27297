package tokenflow

import (
	"go/ast"
	"go/constant"
	"go/types"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// labels is a set of facts about a value: which kinds of credential it may carry (one bit
// per kind named in rules.toml), whether it came from the request the function serves, and
// which parameters of the current function it derives from.
type labels uint64

const (
	maxKinds          = 22
	incoming   labels = 1 << 22 // from the caller's request (tokenpassthrough)
	firstParam        = 24
	maxParams         = 64 - firstParam
	kindMask   labels = 1<<maxKinds - 1
	paramMask  labels = ^labels(1<<firstParam - 1)
)

func paramBit(i int) labels {
	if i < 0 || i >= maxParams {
		return 0
	}
	return 1 << (firstParam + i)
}

// typeSource is a [[flow.source]] by type.
type typeSource struct {
	pkg, name string
	fields    map[string]bool
	whole     bool
	incoming  bool
	json      bool // by the JSON names of its fields (json_tags), not named in the rules
	kind      labels
}

// funcSource is a [[flow.source]] by function.
type funcSource struct {
	entry  *config.FlowFunc
	result int
	kind   labels
}

// sink is a [[flow.sink]].
type sink struct {
	entry *config.FlowFunc
}

// compiled is the [flow] table ready for lookups.
type compiled struct {
	flow       *config.FlowSchema
	kinds      []string // kind names by bit
	whole      labels   // kinds that leak only when printed whole
	types      []*typeSource
	fieldSinks map[string][]*sink // [[flow.sink]] field: "pkg/path.Type.Field" → sinks
	// incomingCheck is the flow check of the caller's credential (config.FlowCheck.Incoming),
	// which reports headers copied or assigned whole from the incoming request.
	incomingCheck string
	jsonTags      map[string]labels // [[flow.source]] json_tags: JSON name → kind
	typeKinds     labels            // kinds a value has by its type (type and json_tags sources)
	authKinds     labels            // kinds of Header.Get("Authorization") (see unsigned)
	byName        labels            // kinds known only by a key's name (key_pattern): not followed through maps
	jsonTypes     sync.Map          // *types.TypeName → *typeSource (nil: none), of jsonSource
	funcs         map[string][]*funcSource
	sinks         map[string][]*sink
	sanitizers    map[string][]*config.FlowFunc
	srcPkgs       map[string]bool          // packages that declare a source
	sinkPkgs      map[string]bool          // packages that declare a sink
	paramNames    []string                 // credential parameter names ([secrets] param_names)
	params        map[string][]paramSource // functions whose parameters are credentials
	paramPkgs     map[string]bool          // packages that declare them
	args          map[string][]paramSource // functions whose arguments are credentials
	advice        map[string]string        // by kind: what to log instead
}

// paramSource marks parameters of a function, or the arguments given to it, as
// credentials ([[flow.source]] params or args).
type paramSource struct {
	params []int
	kind   labels
}

var compiledCache sync.Map // *config.Rules -> *compiled

func compile(r *config.Rules) *compiled {
	if c, ok := compiledCache.Load(r); ok {
		return c.(*compiled)
	}
	c := &compiled{
		incomingCheck: incomingCheck(),
		funcs:         map[string][]*funcSource{},
		jsonTags:      map[string]labels{},
		fieldSinks:    map[string][]*sink{},
		sinks:         map[string][]*sink{},
		sanitizers:    map[string][]*config.FlowFunc{},
		srcPkgs:       map[string]bool{},
		sinkPkgs:      map[string]bool{},
		advice:        map[string]string{},
		params:        map[string][]paramSource{},
		args:          map[string][]paramSource{},
		paramPkgs:     map[string]bool{},
		paramNames:    r.Secrets.ParamNames,
		flow:          &r.Flow,
	}
	kindBit := func(kind string) labels {
		for i, k := range c.kinds {
			if k == kind {
				return 1 << i
			}
		}
		if len(c.kinds) == maxKinds {
			return 1 << (maxKinds - 1) // share the last bit; only messages lose precision
		}
		c.kinds = append(c.kinds, kind)
		return 1 << (len(c.kinds) - 1)
	}
	for i := range r.Flow.Source {
		e := &r.Flow.Source[i]
		bit := kindBit(e.Kind)
		if e.Advice != "" && c.advice[e.Kind] == "" {
			c.advice[e.Kind] = e.Advice
		}
		if e.KeyPattern != "" {
			c.byName |= bit
		}
		if len(e.JSONTags) > 0 {
			for _, tag := range e.JSONTags {
				c.jsonTags[tag] |= bit
				c.typeKinds |= bit
			}
			continue
		}
		if e.Type != "" {
			dot := strings.LastIndex(e.Type, ".")
			ts := &typeSource{pkg: e.Type[:dot], name: e.Type[dot+1:], fields: map[string]bool{}, whole: e.Whole, incoming: e.Incoming, kind: bit}
			for _, f := range e.Fields {
				ts.fields[f] = true
			}
			if e.Whole {
				c.whole |= bit
			}
			c.types = append(c.types, ts)
			c.typeKinds |= bit
			c.srcPkgs[ts.pkg] = true
			continue
		}
		if len(e.Params) > 0 {
			for _, name := range e.Names() {
				c.params[name] = append(c.params[name], paramSource{e.Params, bit})
				c.paramPkgs[funcPkg(name)] = true
			}
			continue
		}
		if len(e.Args) > 0 {
			for _, name := range e.Names() {
				c.args[name] = append(c.args[name], paramSource{e.Args, bit})
				c.srcPkgs[funcPkg(name)] = true
			}
			continue
		}
		for _, name := range e.Names() {
			if name == "(net/http.Header).Get" && e.KeyArg != nil && e.HasKey("Authorization") {
				c.authKinds |= bit
			}
			c.funcs[name] = append(c.funcs[name], &funcSource{entry: e, result: e.Result, kind: bit})
			c.srcPkgs[funcPkg(name)] = true
		}
	}
	for i := range r.Flow.Sink {
		e := &r.Flow.Sink[i]
		if e.Field != "" {
			c.fieldSinks[e.Field] = append(c.fieldSinks[e.Field], &sink{entry: e})
			dot := strings.LastIndex(e.Field, ".")
			c.sinkPkgs[funcPkg(e.Field[:dot])] = true
			continue
		}
		for _, name := range e.Names() {
			c.sinks[name] = append(c.sinks[name], &sink{entry: e})
			c.sinkPkgs[funcPkg(name)] = true
		}
	}
	for i := range r.Flow.Sanitizer {
		e := &r.Flow.Sanitizer[i]
		for _, name := range e.Names() {
			c.sanitizers[name] = append(c.sanitizers[name], e)
		}
	}
	c.sinkPkgs["net/url"] = true // RawQuery
	actual, _ := compiledCache.LoadOrStore(r, c)
	return actual.(*compiled)
}

// funcPkg returns the package path of a function named as types.Func.FullName prints it.
func funcPkg(name string) string {
	name = strings.TrimPrefix(name, "(")
	name = strings.TrimPrefix(name, "*")
	if i := strings.Index(name, ")"); i >= 0 {
		name = name[:i]
	}
	slash := strings.LastIndex(name, "/")
	dot := strings.Index(name[slash+1:], ".")
	if dot < 0 {
		return name
	}
	return name[:slash+1+dot]
}

// typeSourceOf returns the source whose type t is (or points to), or nil.
func (c *compiled) typeSourceOf(t types.Type) *typeSource {
	if t == nil {
		return nil
	}
	if p, ok := types.Unalias(t).(*types.Pointer); ok {
		t = p.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return nil
	}
	obj := named.Origin().Obj()
	if obj.Pkg() == nil {
		return nil
	}
	for _, ts := range c.types {
		if ts.name == obj.Name() && ts.pkg == obj.Pkg().Path() {
			return ts
		}
	}
	if len(c.jsonTags) > 0 {
		return c.jsonSource(named)
	}
	return nil
}

// jsonSource returns the source that a struct type is by the JSON names of its string
// fields ([[flow.source]] json_tags), or nil; memoized per type.
func (c *compiled) jsonSource(named *types.Named) *typeSource {
	obj := named.Origin().Obj()
	if v, ok := c.jsonTypes.Load(obj); ok {
		return v.(*typeSource)
	}
	var ts *typeSource
	if st, ok := named.Origin().Underlying().(*types.Struct); ok {
		for i := range st.NumFields() {
			f := st.Field(i)
			if b, ok := f.Type().Underlying().(*types.Basic); !ok || b.Kind() != types.String {
				continue
			}
			name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
			if bit := c.jsonTags[name]; bit != 0 && name != "" {
				if ts == nil {
					ts = &typeSource{pkg: obj.Pkg().Path(), name: obj.Name(), fields: map[string]bool{}, json: true}
				}
				ts.fields[f.Name()] = true
				ts.kind |= bit
			}
		}
	}
	c.jsonTypes.Store(obj, ts)
	return ts
}

// kindNames lists the kinds in l, most specific (non-whole) first.
func (c *compiled) kindName(l labels) string {
	for pass := 0; pass < 2; pass++ {
		for i, k := range c.kinds {
			bit := labels(1) << i
			if l&bit != 0 && (pass == 1 || c.whole&bit == 0) {
				return k
			}
		}
	}
	return "credential"
}

// helperSink reports whether call, to the function name, is a sink a helper may pass its
// parameter to: any log sink; a keyed sink (Header.Set) with a constant key it watches;
// url.Values.Set or Add with a credential parameter name ("access_token").
func (c *compiled) helperSink(info *types.Info, name string, call *ast.CallExpr) bool {
	if c.logSink(name) {
		return true
	}
	key := func(i int) (string, bool) {
		if i >= len(call.Args) {
			return "", false
		}
		tv := info.Types[call.Args[i]]
		if tv.Value == nil || tv.Value.Kind() != constant.String {
			return "", false
		}
		return constant.StringVal(tv.Value), true
	}
	for _, s := range c.sinks[name] {
		if k := s.entry.KeyArg; k != nil {
			if v, ok := key(*k); ok && s.entry.HasKey(v) {
				return true
			}
		}
	}
	if name == "(net/url.Values).Set" || name == "(net/url.Values).Add" {
		v, ok := key(0)
		return ok && slices.Contains(c.paramNames, strings.ToLower(v))
	}
	return false
}

// sanitizedQueryKey reports whether text ends a URL with a query key whose value is
// sanitized when set through url.Values ("…&id_token_hint="), so that a concatenation
// after it is judged like url.Values.Set.
func (c *compiled) sanitizedQueryKey(text string) bool {
	if !strings.HasSuffix(text, "=") {
		return false
	}
	text = strings.ToLower(text[:len(text)-1])
	for _, en := range c.sanitizers["(net/url.Values).Set"] {
		for _, k := range en.Keys {
			k = strings.ToLower(k)
			if strings.HasSuffix(text, "?"+k) || strings.HasSuffix(text, "&"+k) {
				return true
			}
		}
	}
	return false
}

func incomingCheck() string {
	for _, fc := range config.FlowChecks {
		if fc.Incoming {
			return fc.Name
		}
	}
	return ""
}

// logSink reports whether name is a sink of a followed check (tokenlog): a package whose functions pass a
// parameter to one may be a logging helper that other packages call with a token.
func (c *compiled) logSink(name string) bool {
	for _, s := range c.sinks[name] {
		if config.FlowCheckNamed(s.entry.Check).Followed {
			return true
		}
	}
	return false
}
