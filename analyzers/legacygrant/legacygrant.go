package legacygrant

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/authflow"
	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

var Analyzer = &analysis.Analyzer{
	Name:             "legacygrant",
	Doc:              doc,
	URL:              "https://github.com/oauthvet/oauthvet#legacygrant",
	Requires:         []*analysis.Analyzer{config.Analyzer, inspect.Analyzer, authflow.Analyzer},
	Run:              check.Run(run),
	RunDespiteErrors: true,
}

const (
	msgPassword = "resource-owner password grant: the agent handles the user's password (no MFA, no consent, every right the user has) and OAuth 2.1 removed it (RFC 9700 §2.4: MUST NOT); " +
		"use the authorization-code flow with PKCE (AuthCodeURL with oauth2.S256ChallengeOption), the device flow (DeviceAuth) without a browser, or clientcredentials for the agent's own identity"
	msgImplicit = "implicit grant (response_type=%s): the access token comes back in the browser URL, where history, referrers and scripts read it, and OAuth 2.1 removed it (RFC 9700 §2.1.2); " +
		"use response_type=code with PKCE: (*oauth2.Config).AuthCodeURL with oauth2.S256ChallengeOption(v)"
	msgRegisterPassword = "client registration asks for the %q grant, which OAuth 2.1 removed (RFC 9700); " +
		"register for authorization_code (with PKCE), refresh_token or the device grant instead"
)

func run(pass *check.Pass) error {
	if authflow.IsOAuth2Library(pass.Pkg) || !catalogue.ImportsAny(pass.Pkg, catalogue.OAuth2Pkg, catalogue.NetURLPkg, catalogue.NetHTTPPkg, catalogue.GoSDKOAuthExPkg,
		catalogue.MCPGoTransportPkg, catalogue.MCPGoClientPkg) {
		return nil
	}
	flow := pass.ResultOf[authflow.Analyzer].(*authflow.Flow)
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	testFiles := map[*token.File]bool{}
	for _, file := range pass.Files {
		if pass.InTestCode(file) {
			testFiles[pass.Fset.File(file.Pos())] = true
			continue
		}
		cur, _ := ins.Root().FindNode(file)
		for c := range cur.Preorder((*ast.CallExpr)(nil), (*ast.CompositeLit)(nil), (*ast.SelectorExpr)(nil)) {
			switch n := c.Node().(type) {
			case *ast.SelectorExpr: // a method value: login := cfg.PasswordCredentialsToken
				p := c
				for k, _ := p.ParentEdge(); k == edge.ParenExpr_X; k, _ = p.ParentEdge() {
					p = p.Parent()
				}
				if k, _ := p.ParentEdge(); k != edge.CallExpr_Fun && isPasswordGrant(pass.TypesInfo, n) {
					pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msgPassword})
				}
			case *ast.CallExpr:
				if fn := catalogue.Callee(pass.TypesInfo, n); fn == nil || !authflow.ArgsFit(n, fn) {
					continue
				}
				switch catalogue.FullName(pass.TypesInfo, n) {
				case catalogue.PasswordCredentialsToken:
					pass.Report(analysis.Diagnostic{Pos: n.Pos(), End: n.End(), Message: msgPassword})
				case catalogue.SetAuthURLParam:
					if key, ok := flow.ConstString(n.Args[0]); ok && key == "response_type" {
						if v, ok := flow.ConstString(n.Args[1]); ok && implicit(v) {
							pass.Reportf(n.Pos(), msgImplicit, v)
						}
					}
				}
			case *ast.CompositeLit:
				registration(pass, flow, n)
			}
		}
	}
	for _, r := range flow.Requests() {
		if len(r.Params) == 0 || testFiles[pass.Fset.File(r.Params[0].At.Pos())] {
			continue
		}
		for _, p := range r.Get("response_type") {
			if p.Known && implicit(p.Value) {
				pass.Reportf(p.At.Pos(), msgImplicit, p.Value)
			}
		}
		for _, p := range r.Get("grant_type") {
			if p.Known && p.Value == "password" {
				pass.Report(analysis.Diagnostic{Pos: p.At.Pos(), End: p.At.End(), Message: msgPassword})
			}
		}
	}
	return nil
}

// isPasswordGrant reports whether sel selects (*oauth2.Config).PasswordCredentialsToken.
func isPasswordGrant(info *types.Info, sel *ast.SelectorExpr) bool {
	if s := info.Selections[sel]; s != nil {
		fn, ok := s.Obj().(*types.Func)
		return ok && fn.Origin().FullName() == catalogue.PasswordCredentialsToken
	}
	fn, ok := info.Uses[sel.Sel].(*types.Func) // a method expression: (*oauth2.Config).PasswordCredentialsToken
	return ok && fn.Origin().FullName() == catalogue.PasswordCredentialsToken
}

// implicit reports whether a response_type asks for a token from the authorization
// endpoint: "token", "id_token token", "code token".
func implicit(responseType string) bool {
	return slices.Contains(authflow.ResponseTypes(responseType), "token")
}

// registration reports go-sdk dynamic client registration metadata that asks for a
// removed grant.
func registration(pass *check.Pass, flow *authflow.Flow, lit *ast.CompositeLit) {
	t := pass.TypesInfo.TypeOf(lit)
	if t == nil || !catalogue.GoSDKClientRegistrationMetadata.Is(t) {
		return
	}
	if _, ok := types.Unalias(t).(*types.Pointer); ok {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		id, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		field, _ := pass.TypesInfo.Uses[id].(*types.Var)
		grants, responses := catalogue.IsField(field, catalogue.GoSDKRegistrationGrantTypes), catalogue.IsField(field, catalogue.GoSDKRegistrationResponseTypes)
		values, ok := ast.Unparen(kv.Value).(*ast.CompositeLit)
		if !ok || !(grants || responses) {
			continue
		}
		for _, ve := range values.Elts {
			v, ok := flow.ConstString(ve)
			if !ok {
				continue
			}
			switch {
			case grants && (v == "password" || v == "implicit"):
				pass.Reportf(ve.Pos(), msgRegisterPassword, v)
			case responses && implicit(v):
				pass.Reportf(ve.Pos(), msgImplicit, v)
			}
		}
	}
}
