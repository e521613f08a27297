// Package tokenflow is the flow engine shared by the tokenlog, tokenpassthrough and
// tokeninurl checks: it finds where credentials (OAuth tokens, Authorization headers,
// request dumps, whole requests) go.
//
// It is an analyzer of its own, named tokenflow, that reports nothing: the three checks
// require it and report the flows of their kind from its Result. For each package it
//
//  1. returns at once unless the package can hold a flow: it uses a source (a token type,
//     an Authorization header read, a request dump), calls a sink with a parameter of its
//     function or a request, or imports a package whose functions carry summaries;
//  2. builds SSA for that package alone (imported packages are created from types only);
//  3. follows labelled values through assignments, concatenation, formatting, strings
//     functions, struct fields, slices, maps, closures, context values and calls, and
//     summarises each function: which results carry a token, which parameters reach a
//     sink. Summaries are exported as facts, so a helper in another package (or module)
//     is followed too, also under go vet;
//  4. lists the source-to-sink flows it found, by check.
//
// Precision comes first: only the fields named in rules.toml carry a secret (Expiry,
// TokenType and methods such as Valid() are metadata), numbers, booleans and times never
// carry one, sanitizers (hashes, len, a short prefix or suffix, functions listed in
// rules.toml, functions whose result does not depend on their argument) end a flow, and
// calls into unknown code pass a secret on only when they return text.
package tokenflow

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"sort"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ssa"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// Analyzer computes the token flows of a package. It reports nothing itself.
var Analyzer = &analysis.Analyzer{
	Name:       "tokenflow",
	Doc:        "find where credentials flow (engine of tokenlog, tokenpassthrough and tokeninurl; reports nothing)",
	URL:        "https://github.com/oauthvet/oauthvet#tokenlog",
	Requires:   []*analysis.Analyzer{config.Analyzer},
	Run:        run,
	ResultType: reflect.TypeOf((*Result)(nil)),
	// Ill-typed packages get an empty result (SSA needs complete types), so that the
	// checks run, and report nothing, instead of failing.
	RunDespiteErrors: true,
	FactTypes:        []analysis.Fact{new(Summary), new(PackageSummaries)},
}

// Result lists the flows found in a package.
type Result struct {
	Flows []Flow
}

// Flow is one credential reaching one sink: a diagnostic for Check.
type Flow struct {
	Check    string // tokenlog, tokenpassthrough or tokeninurl
	Pos, End token.Pos
	Message  string
	Sink     string // where it goes: "log", "test log", "URL", ...
	// Source is where the credential was read, when that is a call in the same function
	// and the only one of its kind there (Header.Get("Authorization"), os.Getenv(...)):
	// reported as the finding's related position. NoPos otherwise.
	Source     token.Pos
	SourceKind string

	fn    *ssa.Function // where the flow reaches its sink
	kinds labels        // what reaches it
}

// For returns the flows for one check.
func (r *Result) For(check string) []Flow {
	if r == nil {
		return nil
	}
	var out []Flow
	for _, f := range r.Flows {
		if f.Check == check {
			out = append(out, f)
		}
	}
	return out
}

// Summary is the fact exported for a function or method whose results carry a credential
// or whose parameters reach a sink.
type Summary struct {
	Returns []ReturnSummary
	Sinks   []ParamSink
}

// ReturnSummary describes one result.
type ReturnSummary struct {
	Kinds    []string // credential kinds the result always carries
	Incoming bool     // from the request the function serves
	Params   []int    // parameters (SSA order, receiver first) the result derives from
}

// ParamSink is a parameter that reaches a sink.
type ParamSink struct {
	Param    int
	Check    string
	SinkKind string // where it goes: "log", "stdout", "URL", ...
	Via      string // the sink function, e.g. log.Printf
}

func (*Summary) AFact() {}

// carries reports whether the summary makes callers worth analysing: a logging helper or
// a function that returns a credential as text. (A helper that puts its parameter into a
// URL or header is followed only in packages analysed for another reason: many client
// libraries have such helpers.)
func (s *Summary) carries() bool {
	for _, p := range s.Sinks {
		if config.FlowCheckNamed(p.Check).Followed {
			return true
		}
	}
	for _, r := range s.Returns {
		if len(r.Kinds) > 0 {
			return true
		}
	}
	return false
}

func (s *Summary) String() string {
	var parts []string
	for i, r := range s.Returns {
		if len(r.Kinds) > 0 || len(r.Params) > 0 {
			parts = append(parts, fmt.Sprintf("result %d: %s%v", i, strings.Join(r.Kinds, ","), r.Params))
		}
	}
	for _, p := range s.Sinks {
		parts = append(parts, fmt.Sprintf("param %d -> %s %s", p.Param, p.Check, p.Via))
	}
	return "tokenflow(" + strings.Join(parts, "; ") + ")"
}

// PackageSummaries marks a package with a function that returns a credential or passes a
// parameter to a sink: importing it makes a package worth analysing. (Summaries that only
// say which parameters a result derives from do not: they matter only to a package that
// is analysed for another reason.)
type PackageSummaries struct{}

func (*PackageSummaries) AFact()         {}
func (*PackageSummaries) String() string { return "tokenflow summaries" }

func run(pass *analysis.Pass) (res any, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, check.PanicError("tokenflow", pass.Pkg.Path(), r)
		}
	}()
	rules, _ := pass.ResultOf[config.Analyzer].(*config.Rules)
	if rules == nil {
		return nil, fmt.Errorf("tokenflow: no rules")
	}
	// The standard library is modelled by rules.toml (its loggers, request, headers and
	// dumps) and by the engine's defaults (formatting, strings); its own code is not ours
	// to report.
	if config.IsStd(pass) {
		return &Result{}, nil
	}
	c := compile(rules)
	if len(pass.TypeErrors) > 0 || !relevant(pass, c, rules.VetUnit) {
		return &Result{}, nil
	}
	prog := ssa.NewProgram(pass.Fset, 0)
	for _, p := range pass.Pkg.Imports() {
		prog.CreatePackage(p, nil, nil, true)
	}
	// SSA is built for the whole package: under go vet that includes its _test.go files,
	// whose package-level variables and methods the package's initialiser and method sets
	// refer to. Only functions of the other files are analysed: test code is never
	// reported, and no other code can call it.
	ssapkg := prog.CreatePackage(pass.Pkg, pass.Files, pass.TypesInfo, false)
	ssapkg.Build()
	var files []*ast.File
	for _, f := range pass.Files {
		if !strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
			files = append(files, f)
		}
	}

	var funcs []*ssa.Function
	var add func(*ssa.Function)
	add = func(f *ssa.Function) {
		funcs = append(funcs, f)
		for _, anon := range f.AnonFuncs {
			add(anon)
		}
	}
	for _, file := range files {
		for _, d := range file.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			if obj, ok := pass.TypesInfo.Defs[fd.Name].(*types.Func); ok {
				if f := prog.FuncValue(obj); f != nil {
					add(f)
				}
			}
		}
	}
	if init := ssapkg.Func("init"); init != nil {
		add(init)
	}

	a := newEngine(pass, c, funcs)
	a.solve()
	return a.result(), nil
}

// usesJSONSource reports whether the package declares a struct type that is a source by
// the JSON names of its fields, or reads a field of one.
func usesJSONSource(pass *analysis.Pass, c *compiled) bool {
	for _, obj := range pass.TypesInfo.Defs {
		if tn, ok := obj.(*types.TypeName); ok {
			if ts := c.typeSourceOf(tn.Type()); ts != nil && ts.json {
				return true
			}
		}
	}
	for _, sel := range pass.TypesInfo.Selections {
		if sel.Kind() == types.FieldVal {
			if ts := c.typeSourceOf(sel.Recv()); ts != nil && ts.json {
				return true
			}
		}
	}
	return false
}

// relevant reports whether the package can hold a flow, by its imports and a cheap look at
// its syntax, before any SSA is built.
func relevant(pass *analysis.Pass, c *compiled, vetUnit bool) bool {
	// Test code is never reported and no other package imports it. The standalone driver
	// analyses a package with in-package tests twice, with and without its _test.go files:
	// the variant without them is enough. go vet analyses only the variant with them.
	if check.IsTestPackagePath(pass.Pkg.Path()) || strings.HasSuffix(pass.Pkg.Path(), "_test") {
		return false
	}
	if !vetUnit {
		for _, f := range pass.Files {
			if strings.HasSuffix(pass.Fset.File(f.Pos()).Name(), "_test.go") {
				return false
			}
		}
	}
	if c.paramPkgs[pass.Pkg.Path()] {
		return true // it declares a function whose parameter rules.toml marks as a credential
	}
	src, snk := false, false
	for _, imp := range pass.Pkg.Imports() {
		if pass.ImportPackageFact(imp, new(PackageSummaries)) {
			return true
		}
		src = src || c.srcPkgs[imp.Path()]
		snk = snk || c.sinkPkgs[imp.Path()]
	}
	if c.srcPkgs[pass.Pkg.Path()] || c.sinkPkgs[pass.Pkg.Path()] {
		src, snk = true, true
	}
	if len(c.jsonTags) > 0 && usesJSONSource(pass, c) {
		return true
	}
	if !src && !snk {
		return false
	}
	if src {
		whole := false
		for _, obj := range pass.TypesInfo.Uses {
			switch usesSource(c, obj) {
			case tokenUse:
				return true
			case requestUse:
				whole = true
			}
		}
		// A request's headers matter where the package serves requests.
		if whole && servesRequests(pass, c) {
			return true
		}
	}
	// A sink called with a parameter of the enclosing function (a helper that logs it,
	// sets it as an Authorization header or a credential query parameter), or with a
	// whole request.
	for _, file := range pass.Files {
		params := map[types.Object]bool{}
		found := false
		ast.Inspect(file, func(n ast.Node) bool {
			if found {
				return false
			}
			switch n := n.(type) {
			case *ast.FuncType:
				if n.Params != nil {
					for _, f := range n.Params.List {
						for _, name := range f.Names {
							if obj := pass.TypesInfo.Defs[name]; obj != nil {
								params[obj] = true
							}
						}
					}
				}
			case *ast.CallExpr:
				name := catalogue.FullName(pass.TypesInfo, n)
				if src && c.keyedSourceCall(pass.TypesInfo, name, n) {
					found = true
				}
				if name != "" && c.helperSink(pass.TypesInfo, name, n) {
					for _, arg := range n.Args {
						if c.typeSourceOf(pass.TypesInfo.TypeOf(arg)) != nil {
							found = true
						}
						ast.Inspect(arg, func(m ast.Node) bool {
							if id, ok := m.(*ast.Ident); ok && params[pass.TypesInfo.Uses[id]] {
								found = true
							}
							return !found
						})
					}
				}
			}
			return true
		})
		if found {
			return true
		}
	}
	return false
}

type sourceUse int

const (
	noUse      sourceUse = iota
	tokenUse             // a token type, a source function, a credential field
	requestUse           // a field of a request type (its headers)
)

// usesSource reports whether obj is a source: a token type, a source function, or a field
// of a source type that carries a credential.
func usesSource(c *compiled, obj types.Object) sourceUse {
	switch obj := obj.(type) {
	case *types.TypeName:
		if ts := c.typeSourceOf(obj.Type()); ts != nil && !ts.whole {
			return tokenUse
		}
	case *types.Func:
		if len(c.args[obj.Origin().FullName()]) > 0 {
			return tokenUse
		}
		// Sources with keys (Header.Get("Authorization")) are judged at their calls.
		for _, fs := range c.funcs[obj.Origin().FullName()] {
			if fs.entry.KeyArg == nil {
				return tokenUse
			}
		}
	case *types.Var:
		if !obj.IsField() || obj.Pkg() == nil {
			return noUse
		}
		for _, ts := range c.types {
			if ts.fields[obj.Name()] && ts.pkg == obj.Pkg().Path() &&
				catalogue.IsField(obj, config.Member{Pkg: ts.pkg, Type: ts.name, Name: obj.Name()}) {
				if ts.whole {
					return requestUse
				}
				return tokenUse
			}
		}
	}
	return noUse
}

// servesRequests reports whether a function of the package serves a request (see
// servesRequest) or takes an incoming MCP request.
func servesRequests(pass *analysis.Pass, c *compiled) bool {
	found := false
	for _, file := range pass.Files {
		ast.Inspect(file, func(n ast.Node) bool {
			if found {
				return false
			}
			var sig *types.Signature
			switch n := n.(type) {
			case *ast.FuncDecl:
				if obj, ok := pass.TypesInfo.Defs[n.Name].(*types.Func); ok {
					sig = obj.Signature()
				}
			case *ast.FuncLit:
				sig, _ = pass.TypesInfo.TypeOf(n).(*types.Signature)
			}
			if sig != nil && (servesRequest(sig) || takesIncoming(sig, c)) {
				found = true
			}
			return !found
		})
	}
	return found
}

// takesIncoming reports whether sig has a parameter of an incoming type other than
// *http.Request (an MCP tool request).
func takesIncoming(sig *types.Signature, c *compiled) bool {
	for i := range sig.Params().Len() {
		t := sig.Params().At(i).Type()
		if ts := c.typeSourceOf(t); ts != nil && ts.incoming && !isRequest(t) {
			return true
		}
	}
	return false
}

// result turns the findings into the Result, in position order.
func (a *engine) result() *Result {
	res := &Result{}
	for _, f := range a.findings {
		f.Source, f.SourceKind = a.sourceSite(f.fn, f.kinds)
		res.Flows = append(res.Flows, f)
	}
	sort.Slice(res.Flows, func(i, j int) bool {
		if res.Flows[i].Pos != res.Flows[j].Pos {
			return res.Flows[i].Pos < res.Flows[j].Pos
		}
		return res.Flows[i].Check < res.Flows[j].Check
	})
	// Export summaries of package-level functions and methods.
	// A function whose text result carries nothing of its arguments gets an empty summary:
	// callers then know it masks (unknown functions pass their arguments on).
	exported := false
	for _, fn := range a.funcs {
		obj, ok := fn.Object().(*types.Func)
		if !ok || fn.Parent() != nil || obj.Pkg() != a.pass.Pkg {
			continue
		}
		var f *Summary
		if s := a.summaries[fn]; s != nil {
			f = a.fact(fn, s)
		}
		if f == nil && texty(fn.Signature.Results(), 0) && slices.ContainsFunc(fn.Params, func(p *ssa.Parameter) bool { return a.canCarry(p.Type()) }) {
			f = &Summary{}
		}
		if f != nil {
			a.pass.ExportObjectFact(obj, f)
			exported = exported || f.carries()
		}
	}
	if exported {
		a.pass.ExportPackageFact(new(PackageSummaries))
	}
	return res
}

// Report reports the flows of one check: the whole run function of tokenlog,
// tokenpassthrough and tokeninurl.
func Report(pass *check.Pass) error {
	res, _ := pass.ResultOf[Analyzer].(*Result)
	support := pass.ImportsTesting()
	for _, f := range res.For(pass.Analyzer.Name) {
		if support && f.Sink != "test log" {
			// A test-support package (a mock server, helpers that take a *testing.T)
			// handles the fake tokens of tests; what it writes to the test log may be
			// real (a token of an integration test) and CI logs are often public.
			continue
		}
		d := analysis.Diagnostic{Pos: f.Pos, End: f.End, Message: f.Message}
		if f.Source.IsValid() && pass.Fset.Position(f.Source).Line != pass.Fset.Position(f.Pos).Line {
			d.Related = []analysis.RelatedInformation{{Pos: f.Source, Message: "the " + f.SourceKind + " is read here"}}
		}
		pass.Report(d)
	}
	return nil
}

// keyedSourceCall reports whether call is a source with keys whose key argument matches or
// is not a constant: Header.Get("Authorization"), not Header.Get("Link"); for a source
// whose keys are a pattern, only a constant that matches.
func (c *compiled) keyedSourceCall(info *types.Info, name string, call *ast.CallExpr) bool {
	for _, fs := range c.funcs[name] {
		k := fs.entry.KeyArg
		if k == nil || *k >= len(call.Args) {
			continue
		}
		tv := info.Types[call.Args[*k]]
		if tv.Value != nil && tv.Value.Kind() == constant.String {
			if fs.entry.HasKey(constant.StringVal(tv.Value)) {
				return true
			}
		} else if fs.entry.KeyPattern == "" {
			// A header read by a key known only at run time may copy Authorization (a
			// loop over the incoming headers); a variable read by a computed name is
			// judged by no name (os.Getenv(name)).
			return true
		}
	}
	return false
}
