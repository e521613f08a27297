package pkce

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"

	"github.com/oauthvet/oauthvet/analyzers/internal/authflow"
	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

var Analyzer = &analysis.Analyzer{
	Name:             "pkce",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet/blob/main/docs/checks/pkce.md",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer, authflow.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
}

const (
	msgNoChallenge = "AuthCodeURL without PKCE: a stolen or injected authorization code can be redeemed; " +
		"make v := oauth2.GenerateVerifier() per login, pass oauth2.S256ChallengeOption(v) here and oauth2.VerifierOption(v) to Exchange"
	msgNoChallengeNonce = "AuthCodeURL without PKCE, with an OpenID Connect nonce: the nonce stops an injected code only in a confidential client that checks the ID token's nonce against this login's (RFC 9700 §2.1.1); " +
		"S256 PKCE needs neither, and the MCP authorization spec requires it: " +
		"make v := oauth2.GenerateVerifier() per login, pass oauth2.S256ChallengeOption(v) here and oauth2.VerifierOption(v) to Exchange"
	msgVerifierInURL = "AuthCodeURL is given oauth2.VerifierOption: that puts the PKCE verifier itself in the browser URL and sends no challenge; " +
		"pass oauth2.S256ChallengeOption(v) here and oauth2.VerifierOption(v) only to Exchange"
	msgNoMethod = "code_challenge without code_challenge_method: the server takes it as method plain, so the challenge is the verifier itself; " +
		"use oauth2.S256ChallengeOption(v) instead of SetAuthURLParam"
	msgPlain = "PKCE method plain sends the verifier itself as the challenge, so whoever sees the authorization request can redeem the code; " +
		"use method S256: oauth2.S256ChallengeOption(v)"
	msgNoVerifier = "Exchange without a PKCE verifier: the code is redeemed with no proof that this client started the login; " +
		"pass oauth2.VerifierOption(v) with the verifier whose oauth2.S256ChallengeOption(v) went to AuthCodeURL"
	msgChallengeToExchange = "Exchange is given oauth2.S256ChallengeOption, which sends no code_verifier; " +
		"pass oauth2.VerifierOption(v) to Exchange (S256ChallengeOption belongs to AuthCodeURL)"
	msgStaleVerifier = "PKCE verifier is %s: it must be unpredictable and new for each login, or one leaked value redeems every code; " +
		"make v := oauth2.GenerateVerifier() when the login starts and keep it in that user's session"
	msgMCPGoConfig = "mcp-go OAuthConfig without PKCEEnabled: true: mcp-go leaves PKCE off by default, and the MCP authorization spec requires S256 PKCE for every client; " +
		"set PKCEEnabled: true"
	msgMCPGoNoChallenge = "GetAuthorizationURL with an empty code challenge sends no PKCE; " +
		"pass client.GenerateCodeChallenge(v) with v from client.GenerateCodeVerifier(), and set PKCEEnabled: true in the OAuthConfig"
	msgAuthHandler = "authhandler.TokenSource runs the authorization-code flow without PKCE; " +
		"use authhandler.TokenSourceWithPKCE with &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), ChallengeMethod: \"S256\", Verifier: v} and v from oauth2.GenerateVerifier()"
	msgAuthHandlerNil = "authhandler.TokenSourceWithPKCE with nil PKCEParams sends no PKCE; " +
		"pass &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), ChallengeMethod: \"S256\", Verifier: v} with v from oauth2.GenerateVerifier()"
	msgPKCEParamsNoMethod = "authhandler.PKCEParams without ChallengeMethod: authhandler then sends no challenge at all; " +
		"set ChallengeMethod: \"S256\" with Challenge: oauth2.S256ChallengeFromVerifier(v)"
	msgVerifierAsState = "the PKCE verifier is also the state: state travels in clear in the authorization URL and the redirect back, so whoever sees them holds the verifier and PKCE protects nothing; " +
		"use a separate random state (crypto/rand.Text()) and keep the verifier secret until Exchange"
	msgHandBuilt = "authorization request built by hand with response_type=code but no code_challenge: a stolen code can be redeemed; " +
		"use (*oauth2.Config).AuthCodeURL with oauth2.S256ChallengeOption(v), or add code_challenge and code_challenge_method=S256"
)

type checker struct {
	pass      *check.Pass
	flow      *authflow.Flow
	ins       *inspector.Inspector
	reported  map[any]bool // verifier roots already reported
	exchanges []*ast.CallExpr
	noPKCEURL bool                   // an AuthCodeURL without a challenge was reported
	assigned  map[config.Member]bool // fields the package sets by assignment (see assigns)
}

func run(pass *check.Pass) error {
	if authflow.IsOAuth2Library(pass.Pkg) || !catalogue.ImportsAny(pass.Pkg, catalogue.OAuth2Pkg, catalogue.AuthHandlerPkg, catalogue.MCPGoTransportPkg,
		catalogue.MCPGoClientPkg, catalogue.NetURLPkg, catalogue.NetHTTPPkg) {
		return nil
	}
	c := &checker{
		pass:     pass,
		flow:     pass.ResultOf[authflow.Analyzer].(*authflow.Flow),
		reported: map[any]bool{},
	}
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c.ins = ins
	for _, file := range pass.Files {
		for _, root := range authflow.LintedRoots(pass, file) {
			cur, _ := ins.Root().FindNode(root)
			for n := range cur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.ValueSpec)(nil)) {
				switch n := n.Node().(type) {
				case *ast.CallExpr:
					c.call(n)
				case *ast.CompositeLit:
					c.compositeLit(ins, n)
				case *ast.ValueSpec:
					c.zeroConfig(ins, file, n)
				}
			}
		}
	}
	c.requests()
	if !c.noPKCEURL {
		for _, call := range c.exchanges {
			c.exchange(call)
		}
	}
	return nil
}

func (c *checker) call(call *ast.CallExpr) {
	info := c.pass.TypesInfo
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Var: // client.GenerateCodeChallenge is a func-typed variable
		if callee.Pkg() != nil && callee.Parent() == callee.Pkg().Scope() && callee.Pkg().Path() == catalogue.MCPGoClientPkg && callee.Name() == catalogue.MCPGoChallengeVar && len(call.Args) == 1 {
			c.verifier(call.Args[0], true)
		}
	case *types.Func:
		if !authflow.ArgsFit(call, callee) {
			return
		}
		switch callee.Origin().FullName() {
		case catalogue.AuthCodeURL:
			c.authCodeURL(call)
		case catalogue.Exchange:
			c.exchanges = append(c.exchanges, call)
		case catalogue.S256ChallengeOption, catalogue.S256ChallengeFromVerifier, catalogue.MCPGoGenerateCodeChallenge:
			c.verifier(call.Args[0], true)
		case catalogue.VerifierOption:
			c.verifier(call.Args[0], false)
		case catalogue.SetAuthURLParam:
			switch key, _ := c.flow.ConstString(call.Args[0]); key {
			case "code_challenge_method":
				if m, ok := c.flow.ConstString(call.Args[1]); ok && strings.EqualFold(m, "plain") {
					c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgPlain})
				}
			case "code_verifier", "code_challenge":
				c.verifier(call.Args[1], key == "code_challenge")
			}
		case catalogue.AuthHandlerTokenSource:
			c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgAuthHandler})
		case catalogue.AuthHandlerTokenSourceWithPKCE:
			if tv, ok := c.pass.TypesInfo.Types[call.Args[4]]; ok && tv.IsNil() {
				c.pass.Report(analysis.Diagnostic{Pos: call.Args[4].Pos(), End: call.Args[4].End(), Message: msgAuthHandlerNil})
			}
		case catalogue.MCPGoGetAuthorizationURL:
			if v, ok := c.flow.ConstString(call.Args[2]); ok && v == "" {
				c.pass.Report(analysis.Diagnostic{Pos: call.Args[2].Pos(), End: call.Args[2].End(), Message: msgMCPGoNoChallenge})
			} else {
				c.verifier(call.Args[2], true)
			}
		case catalogue.MCPGoProcessAuthorizationResponse:
			if v, ok := c.flow.ConstString(call.Args[3]); !ok || v != "" { // "" means no PKCE, reported at GetAuthorizationURL
				c.verifier(call.Args[3], false)
			}
		}
	}
}

// authCodeURL reports an AuthCodeURL whose options certainly carry no S256 challenge, and
// one whose state is the very variable its S256ChallengeOption is made from.
func (c *checker) authCodeURL(call *ast.CallExpr) {
	if state := c.localVar(call.Args[0]); state != nil {
		for _, opt := range call.Args[1:] {
			if oc, ok := ast.Unparen(opt).(*ast.CallExpr); ok && len(oc.Args) == 1 {
				if fn, ok := typeutil.Callee(c.pass.TypesInfo, oc).(*types.Func); ok && fn.FullName() == catalogue.S256ChallengeOption && c.localVar(oc.Args[0]) == state {
					c.pass.Report(analysis.Diagnostic{Pos: call.Args[0].Pos(), End: call.Args[0].End(), Message: msgVerifierAsState})
				}
			}
		}
	}
	k := c.flow.AuthURLOptions(call)
	switch {
	case k&(authflow.Unresolved|authflow.OtherGrant) != 0, k.HasS256Challenge(), k&(authflow.MethodPlain|authflow.MethodOther) != 0:
		return // not followed; not the code flow (legacygrant's business); S256; or plain, reported at its SetAuthURLParam or appended text
	case k&authflow.ChallengeParam != 0:
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgNoMethod})
	case k&authflow.Verifier != 0:
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgVerifierInURL})
	case k&authflow.Nonce != 0:
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgNoChallengeNonce})
	default:
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgNoChallenge})
	}
	c.noPKCEURL = true
}

// exchange reports an Exchange whose options certainly carry no verifier, unless the code
// comes from Google's popup flow (redirect_uri postmessage), whose authorization request
// Google's script makes without PKCE parameters.
func (c *checker) exchange(call *ast.CallExpr) {
	k := c.flow.CallOptions(call, 2)
	switch {
	case k&(authflow.Unresolved|authflow.Verifier|authflow.OtherGrant) != 0:
	case k&authflow.S256Challenge == 0 && c.postMessage(call):
	case k&authflow.S256Challenge != 0:
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgChallengeToExchange})
	default:
		c.pass.Report(analysis.Diagnostic{Pos: call.Pos(), End: call.End(), Message: msgNoVerifier})
	}
}

// verifier reports a PKCE verifier (or challenge) that is not fresh per login, once per
// root: the variable, field or constant it is read from, else the expression. challenge
// says whether e goes to the authorization request (S256ChallengeOption) rather than to
// the token request (VerifierOption).
//
// A field shared by the requests a struct serves (authflow.Shared) is reported where the
// challenge is made from it in a request handler, the login a request starts: a callback
// handler that reads the field for Exchange may belong to a command-line tool whose one
// login started outside any handler.
func (c *checker) verifier(e ast.Expr, challenge bool) {
	v := c.flow.StringOrigin(e)
	if !v.Origin.Reportable() || v.Origin == authflow.Shared && !challenge {
		return
	}
	if v.Origin == authflow.Constant && v.Empty {
		return // "" is no verifier at all: reported as a missing one where it matters
	}
	var root any = e.Pos()
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if obj := c.pass.TypesInfo.Uses[id]; obj != nil {
			root = obj
		}
	} else if v.Obj != nil {
		root = v.Obj
	}
	if c.reported[root] {
		return
	}
	c.reported[root] = true
	c.pass.Reportf(e.Pos(), msgStaleVerifier, v.Describe(c.pass.Pkg))
}

// compositeLit checks mcp-go's OAuthConfig and authhandler.PKCEParams literals.
func (c *checker) compositeLit(ins *inspector.Inspector, lit *ast.CompositeLit) {
	t := c.pass.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	switch {
	case catalogue.MCPGoOAuthConfig.Is(t) && !isPointerType(t):
		value := c.field(lit, catalogue.MCPGoPKCEEnabled)
		if value == nil {
			if !c.assigns(ins, catalogue.MCPGoPKCEEnabled) {
				c.pass.Report(analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Message: msgMCPGoConfig,
					SuggestedFixes: c.addPKCEEnabled(lit)})
			}
			return
		}
		if tv := c.pass.TypesInfo.Types[value]; tv.Value != nil && tv.Value.String() == "false" {
			c.pass.Report(analysis.Diagnostic{Pos: value.Pos(), End: value.End(), Message: msgMCPGoConfig,
				SuggestedFixes: []analysis.SuggestedFix{{Message: "Set PKCEEnabled: true",
					TextEdits: []analysis.TextEdit{{Pos: value.Pos(), End: value.End(), NewText: []byte("true")}}}}})
		}
	case catalogue.PKCEParams.Is(t) && !isPointerType(t):
		m := c.field(lit, catalogue.PKCEParamsChallengeMethod)
		s, isConst := "", m == nil
		if m != nil {
			s, isConst = c.flow.ConstString(m)
		}
		switch {
		case isConst && strings.EqualFold(s, "plain"):
			c.pass.Report(analysis.Diagnostic{Pos: m.Pos(), End: m.End(), Message: msgPlain})
		case isConst && s == "" && keyed(lit) && (m != nil || !c.assigns(ins, catalogue.PKCEParamsChallengeMethod)):
			c.pass.Report(analysis.Diagnostic{Pos: lit.Pos(), End: lit.End(), Message: msgPKCEParamsNoMethod})
		}
		if v := c.field(lit, catalogue.PKCEParamsVerifier); v != nil {
			c.verifier(v, true) // the params start the login
		}
	}
}

// postMessage reports whether the Exchange call redeems a code of Google's popup flow.
func (c *checker) postMessage(call *ast.CallExpr) bool {
	cur, ok := c.ins.Root().FindNode(call)
	if !ok {
		return false
	}
	uri, ok := c.flow.RedirectURI(cur)
	return ok && uri == catalogue.PostMessageRedirectURI
}

// localVar returns the variable e names, or nil.
func (c *checker) localVar(e ast.Expr) *types.Var {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		v, _ := c.pass.TypesInfo.Uses[id].(*types.Var)
		return v
	}
	return nil
}

// zeroConfig reports var c transport.OAuthConfig (no initial value) filled field by field
// without PKCEEnabled, unless the package sets PKCEEnabled somewhere or c is filled whole
// (c = …, &c given to a decoder).
func (c *checker) zeroConfig(ins *inspector.Inspector, file *ast.File, spec *ast.ValueSpec) {
	if len(spec.Values) != 0 || len(spec.Names) != 1 {
		return
	}
	obj, _ := c.pass.TypesInfo.Defs[spec.Names[0]].(*types.Var)
	if obj == nil || obj.Parent() == c.pass.Pkg.Scope() || !catalogue.MCPGoOAuthConfig.Is(obj.Type()) || isPointerType(obj.Type()) {
		return
	}
	whole := false
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.UnaryExpr:
			whole = whole || n.Op == token.AND && c.localVar(n.X) == obj
		case *ast.AssignStmt:
			for _, lhs := range n.Lhs {
				whole = whole || c.localVar(lhs) == obj
			}
		}
		return !whole
	})
	if !whole && !c.assigns(ins, catalogue.MCPGoPKCEEnabled) {
		c.pass.Report(analysis.Diagnostic{Pos: spec.Pos(), End: spec.End(), Message: msgMCPGoConfig})
	}
}

// addPKCEEnabled is the fix for a keyed OAuthConfig literal without the field: the field is
// added as the literal's last element, on a line of its own when the literal spans lines.
// An unkeyed literal, or one whose source cannot be read, gets no fix.
func (c *checker) addPKCEEnabled(lit *ast.CompositeLit) []analysis.SuggestedFix {
	if !keyed(lit) {
		return nil
	}
	fix := func(pos token.Pos, text string) []analysis.SuggestedFix {
		return []analysis.SuggestedFix{{Message: "Add PKCEEnabled: true",
			TextEdits: []analysis.TextEdit{{Pos: pos, End: pos, NewText: []byte(text)}}}}
	}
	if len(lit.Elts) == 0 {
		return fix(lit.Rbrace, "PKCEEnabled: true")
	}
	fset := c.pass.Fset
	last := lit.Elts[len(lit.Elts)-1]
	if fset.Position(last.End()).Line == fset.Position(lit.Rbrace).Line {
		return fix(last.End(), ", PKCEEnabled: true")
	}
	// The closing brace stands on a line of its own: insert a line before it, indented one
	// level deeper than the brace.
	tf := fset.File(lit.Rbrace)
	src, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return nil
	}
	lineStart := tf.LineStart(tf.Line(lit.Rbrace))
	indent := string(src[tf.Offset(lineStart):tf.Offset(lit.Rbrace)])
	if strings.TrimLeft(indent, " \t") != "" {
		return nil // something else stands before the brace on its line
	}
	return fix(lit.Rbrace, "\tPKCEEnabled: true,\n"+indent)
}

// keyed reports whether a struct literal names its fields (an unkeyed one sets them all).
func keyed(lit *ast.CompositeLit) bool {
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return false
		}
	}
	return true
}

func isPointerType(t types.Type) bool {
	_, ok := types.Unalias(t).(*types.Pointer)
	return ok
}

// field returns the value a keyed struct literal gives the field, or nil.
func (c *checker) field(lit *ast.CompositeLit, m config.Member) ast.Expr {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok {
			if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && catalogue.IsField(v, m) {
				return kv.Value
			}
		}
	}
	return nil
}

// assigns reports whether the package sets the field m by assignment anywhere
// (cfg.PKCEEnabled = true, p.ChallengeMethod = "S256"): then a literal without the field
// may be completed later, and the check stays silent on it.
func (c *checker) assigns(ins *inspector.Inspector, m config.Member) bool {
	if done, ok := c.assigned[m]; ok {
		return done
	}
	if c.assigned == nil {
		c.assigned = map[config.Member]bool{}
	}
	c.assigned[m] = false
	for n := range ins.Root().Preorder((*ast.AssignStmt)(nil)) {
		for _, lhs := range n.Node().(*ast.AssignStmt).Lhs {
			if sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr); ok {
				if s := c.pass.TypesInfo.Selections[sel]; s != nil && s.Kind() == types.FieldVal {
					if v, ok := s.Obj().(*types.Var); ok && catalogue.IsField(v, m) {
						c.assigned[m] = true
						return true
					}
				}
			}
		}
	}
	return false
}

// requests reports authorization requests built by hand without a code challenge, and
// the plain method in them.
func (c *checker) requests() {
	for _, r := range c.flow.Requests() {
		if len(r.Params) == 0 || !authflow.Linted(c.pass, r.Params[0].At.Pos()) {
			continue
		}
		for _, p := range r.Get("code_challenge_method") {
			if p.Known && strings.EqualFold(p.Value, "plain") {
				c.pass.Report(analysis.Diagnostic{Pos: p.At.Pos(), End: p.At.End(), Message: msgPlain})
			}
		}
		if !r.Complete || r.Has("code_challenge") {
			continue
		}
		for _, p := range r.Get("response_type") {
			if p.Known && len(authflow.ResponseTypes(p.Value)) == 1 && p.Value == "code" {
				c.pass.Report(analysis.Diagnostic{Pos: p.At.Pos(), End: p.At.End(), Message: msgHandBuilt})
			}
		}
	}
}
