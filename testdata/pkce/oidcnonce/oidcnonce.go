// Package oidcnonce starts OpenID Connect logins with a nonce (go-oidc's oidc.Nonce or the
// nonce parameter set by hand): without PKCE they are still reported, with a message that
// says what the nonce does and does not cover.
package oidcnonce

import (
	"context"
	"crypto/rand"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://idp.example.com/auth", TokenURL: "https://idp.example.com/token"}}

func login(w http.ResponseWriter, r *http.Request) {
	state, nonce := rand.Text(), rand.Text()
	http.Redirect(w, r, cfg.AuthCodeURL(state, oidc.Nonce(nonce)), http.StatusFound) // want `AuthCodeURL without PKCE, with an OpenID Connect nonce: .*RFC 9700 .* oauth2.S256ChallengeOption\(v\) here and oauth2.VerifierOption\(v\) to Exchange`
}

func loginByHand(state, nonce string) string {
	return cfg.AuthCodeURL(state, oauth2.AccessTypeOffline, oauth2.SetAuthURLParam("nonce", nonce)) // want `AuthCodeURL without PKCE, with an OpenID Connect nonce`
}

func loginWithOptions(state, nonce string) string {
	opts := []oauth2.AuthCodeOption{oidc.Nonce(nonce)}
	opts = append(opts, oauth2.AccessTypeOffline)
	return cfg.AuthCodeURL(state, opts...) // want `AuthCodeURL without PKCE, with an OpenID Connect nonce`
}

// Silent: a nonce and S256 PKCE together; the nonce alone is judged at AuthCodeURL, so the
// package's Exchange is not reported a second time.
func loginBoth(state, nonce, v string) string {
	return cfg.AuthCodeURL(state, oidc.Nonce(nonce), oauth2.S256ChallengeOption(v))
}

func loginBothByHand(state, nonce, v string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("nonce", nonce), oauth2.SetAuthURLParam("code_challenge", oauth2.S256ChallengeFromVerifier(v)), oauth2.SetAuthURLParam("code_challenge_method", "S256"))
}

func callback(ctx context.Context, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code)
}
