package tokenexpiry

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
)

// skip-check: verifiers of incoming tokens with the expiry, issuer, audience or claims
// checks switched off.

// oidcSkip describes one go-oidc Config flag: the IDToken field that a caller who checks
// the same thing itself reads, and the message.
type oidcSkip struct {
	flag, ownCheck, category, msg string
}

var oidcSkips = []oidcSkip{
	{catalogue.OIDCSkipExpiryCheck, catalogue.OIDCIDTokenExpiry, skipCheck,
		"oidc.Config SkipExpiryCheck: the verifier accepts expired ID tokens, so a leaked token works forever; drop the flag (use Config.Now for clock skew)"},
	{catalogue.OIDCSkipIssuerCheck, catalogue.OIDCIDTokenIssuer, skipCheck,
		"oidc.Config SkipIssuerCheck: the verifier accepts tokens from any issuer that shares the keys; drop the flag, or compare idToken.Issuer with the expected issuer yourself"},
	{catalogue.OIDCSkipClientIDCheck, catalogue.OIDCIDTokenAudience, skipCheck,
		"oidc.Config SkipClientIDCheck: the verifier accepts tokens issued to any client; set ClientID and drop the flag, or check idToken.Audience yourself"},
	{catalogue.OIDCInsecureSkipSignatureCheck, "", unverified,
		"oidc.Config InsecureSkipSignatureCheck: anyone can forge the token's claims; drop the flag (go-oidc allows it only for an ID token received directly from the token endpoint)"},
}

func (c *checker) serverLit(cur inspector.Cursor, lit *ast.CompositeLit) {
	for _, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if v := c.field(kv.Key); v != nil {
				c.serverField(cur, v, kv.Value, kv)
			}
		}
	}
}

// serverField judges one field set to a value, in a literal (at is the key: value) or
// an assignment (at is the field assigned).
func (c *checker) serverField(cur inspector.Cursor, v *types.Var, val ast.Expr, at ast.Node) {
	if !c.isTrue(val) {
		return
	}
	for _, s := range oidcSkips {
		if isField(v, s.flag) {
			if s.ownCheck == "" || !c.reads(c.scope(cur), s.ownCheck) && !c.verifiesAndReads(s.ownCheck) {
				c.report(at, s.category, s.msg)
			}
			return
		}
	}
	switch {
	case isField(v, catalogue.JWTv4SkipClaimsValidation):
		c.report(at, skipCheck, "jwt.Parser SkipClaimsValidation: exp, nbf and iat are not checked, so expired tokens are accepted; drop the field")
	case isField(v, catalogue.GoSDKAllowMissingExpiration):
		c.report(at, skipCheck, "RequireBearerTokenOptions AllowMissingExpiration: tokens with no expiry are accepted forever; drop it and have the TokenVerifier set TokenInfo.Expiration from the token's exp claim")
	}
}

// verifiesAndReads reports whether every function of the package that calls
// IDTokenVerifier.Verify (at least one) reads the named field of the token itself: a
// wrapper verifier that checks the claim the flag switched off (an audience list of its
// own), with the verifier built elsewhere.
func (c *checker) verifiesAndReads(field string) bool {
	decls := map[*types.Func]*ast.FuncDecl{}
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				if fn, ok := c.info.Defs[fd.Name].(*types.Func); ok {
					decls[fn] = fd
				}
			}
		}
	}
	verifiers := 0
	for _, fd := range decls {
		scope := []ast.Node{fd.Body}
		verifies := c.any(scope, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			return ok && c.name(call) == catalogue.OIDCVerify
		})
		if !verifies {
			continue
		}
		// The claim is read here, or by a helper of the package this function calls
		// (v.verifyAudience(token, claims)).
		checks := c.reads(scope, field) || c.any(scope, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return false
			}
			callee := catalogue.Callee(c.info, call)
			helper := decls[callee]
			return helper != nil && helper != fd && c.reads([]ast.Node{helper.Body}, field)
		})
		if !checks {
			return false
		}
		verifiers++
	}
	return verifiers > 0
}
