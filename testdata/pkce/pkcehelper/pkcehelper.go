// Package pkcehelper holds PKCE helpers used from another package.
package pkcehelper

import "golang.org/x/oauth2"

// Login is one login in progress.
type Login struct {
	Verifier string
	State    string
}

// Challenge always adds the S256 challenge.
func Challenge(verifier string, extra ...oauth2.AuthCodeOption) []oauth2.AuthCodeOption {
	return append(extra, oauth2.S256ChallengeOption(verifier))
}

// Offline adds no challenge.
func Offline() []oauth2.AuthCodeOption {
	return []oauth2.AuthCodeOption{oauth2.AccessTypeOffline, oauth2.ApprovalForce}
}

// Verify returns the verifier option.
func Verify(l *Login) oauth2.AuthCodeOption { return oauth2.VerifierOption(l.Verifier) }

// SharedVerifier is set once at start-up.
var SharedVerifier = oauth2.GenerateVerifier()

// PerLogin is reassigned for each login.
var PerLogin string

// NewLogin starts a login.
func NewLogin() *Login {
	PerLogin = oauth2.GenerateVerifier()
	return &Login{Verifier: oauth2.GenerateVerifier()}
}

// StaticVerifier is a constant verifier.
const StaticVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"
