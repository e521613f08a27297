// Package postmessage redeems codes of Google's popup flow (redirect_uri "postmessage"):
// Google's script makes the authorization request, with no PKCE parameters, and the page
// sends the code to the server. Beside them, servers that make their own authorization
// requests keep their finding.
package postmessage

import (
	"context"
	"encoding/json"
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

// ---- silent: the popup flow cannot send a challenge ----

var popup = &oauth2.Config{ClientID: "web", RedirectURL: "postmessage", Endpoint: google.Endpoint}

func signIn(w http.ResponseWriter, r *http.Request) {
	var body struct{ Code string }
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		return
	}
	tok, err := popup.Exchange(r.Context(), body.Code)
	_, _ = tok, err
}

func popupConfig() *oauth2.Config {
	return &oauth2.Config{ClientID: "web", RedirectURL: "postmessage", Endpoint: google.Endpoint}
}

func viaHelper(ctx context.Context, code string) (*oauth2.Token, error) {
	cfg := popupConfig()
	return cfg.Exchange(ctx, code)
}

func local(ctx context.Context, code string) (*oauth2.Token, error) {
	cfg := &oauth2.Config{ClientID: "web", Endpoint: google.Endpoint}
	cfg.RedirectURL = "postmessage"
	return cfg.Exchange(ctx, code)
}

// ---- reported: a redirect flow ----

var web = &oauth2.Config{ClientID: "web", RedirectURL: "https://app.example.com/callback", Endpoint: google.Endpoint}

func redirected(ctx context.Context, code string) (*oauth2.Token, error) {
	return web.Exchange(ctx, code) // want `Exchange without a PKCE verifier`
}

// The popup config is replaced by a redirect one before the call.
func replaced(ctx context.Context, code string) (*oauth2.Token, error) {
	cfg := popupConfig()
	cfg.RedirectURL = "https://app.example.com/callback"
	return cfg.Exchange(ctx, code) // want `Exchange without a PKCE verifier`
}

// A config whose redirect URI is not known.
func unknownRedirect(ctx context.Context, redirect, code string) (*oauth2.Token, error) {
	cfg := &oauth2.Config{ClientID: "web", RedirectURL: redirect, Endpoint: google.Endpoint}
	return cfg.Exchange(ctx, code) // want `Exchange without a PKCE verifier`
}
