package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// A login client checks the ID token of its own exchange; a resource server checks the
// tokens its callers send.

type app struct {
	cfg      *oauth2.Config
	verifier *oidc.IDTokenVerifier
}

// newApp's verifier skips the client ID check; every Verify on it gets the program's own
// ID token (callback): silent.
func newApp(p *oidc.Provider, cfg *oauth2.Config) *app {
	return &app{cfg: cfg, verifier: p.Verifier(&oidc.Config{SkipClientIDCheck: true})}
}

func (a *app) callback(w http.ResponseWriter, r *http.Request) {
	tok, err := a.cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		return
	}
	raw, ok := tok.Extra("id_token").(string)
	if !ok {
		return
	}
	if _, err := a.verifier.Verify(r.Context(), raw); err != nil {
		http.Error(w, "bad id token", http.StatusUnauthorized)
	}
}

// ownIDTokenLocal: the verifier is local and checks the token of the exchange.
func ownIDTokenLocal(ctx context.Context, p *oidc.Provider, cfg *oauth2.Config, code string) (*oidc.IDToken, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	v := p.Verifier(&oidc.Config{ClientID: cfg.ClientID, SkipClientIDCheck: true})
	return v.Verify(ctx, tok.Extra("id_token").(string))
}

// bearerVerifier checks callers' bearer tokens with the client ID check off: reported.
type bearerVerifier struct {
	v *oidc.IDTokenVerifier
}

func newBearerVerifier(p *oidc.Provider) *bearerVerifier {
	return &bearerVerifier{v: p.Verifier(&oidc.Config{SkipClientIDCheck: true})} // want `SkipClientIDCheck: the verifier accepts tokens issued to any client`
}

func (b *bearerVerifier) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		if _, err := b.v.Verify(r.Context(), raw); err != nil {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// mixedVerifier is given both its own ID token and a caller's: reported.
func mixedVerifier(ctx context.Context, p *oidc.Provider, tok *oauth2.Token, r *http.Request) error {
	v := p.Verifier(&oidc.Config{SkipExpiryCheck: true}) // want `SkipExpiryCheck`
	if _, err := v.Verify(ctx, tok.Extra("id_token").(string)); err != nil {
		return err
	}
	_, err := v.Verify(ctx, r.Header.Get("X-Id-Token"))
	return err
}
