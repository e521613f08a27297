// Package half sends the challenge but forgets the verifier: PKCE half-implemented.
package half

import (
	"net/http"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}}

func login(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	http.SetCookie(w, &http.Cookie{Name: "pkce", Value: v, HttpOnly: true, Secure: true})
	http.Redirect(w, r, cfg.AuthCodeURL(r.FormValue("s"), oauth2.S256ChallengeOption(v)), http.StatusFound)
}

func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.AccessTypeOffline) // want `Exchange without a PKCE verifier`
	_, _ = tok, err
}
