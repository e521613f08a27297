// Package authkit is test support by evidence: its own (non-test) files import "testing"
// to give other packages' tests a ready OAuth setup. Its values are test vectors: only a
// value in a provider's real format is reported, with advice for a test vector.
package authkit

import (
	"net/http"
	"testing"

	"golang.org/x/oauth2"
)

// NewConfig returns a config for a test server.
func NewConfig(t testing.TB) *oauth2.Config {
	t.Helper()
	return &oauth2.Config{ClientID: "agent", ClientSecret: "3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e"}
}

// Authorize sets the header a test server expects.
func Authorize(t testing.TB, req *http.Request) {
	t.Helper()
	req.Header.Set("Authorization", "Bearer q7Xv2LmP9wRt4KsZ8bNc3HdY")
	req.SetBasicAuth("agent", "Tr0ub4dor&3-oauthvet")
}

// StaticToken hands out a token in GitHub's real format: reported even here.
func StaticToken(t testing.TB) *oauth2.Token {
	t.Helper()
	return &oauth2.Token{AccessToken: "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"} // want `GitHub token "ghp_Oaut…" \(40 chars\) written in test code for Token.AccessToken: a value in the provider's real format passes for a live credential, and leaks if it is one; make it obviously fake`
}
