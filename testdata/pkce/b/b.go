// Package b finishes logins started elsewhere: its Exchange calls are judged alone.
package b

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{TokenURL: "https://as.example.com/token"}}

func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `Exchange without a PKCE verifier: .* oauth2.VerifierOption\(v\)`
	_, _ = tok, err
}

func withOptions(ctx context.Context, code string) (*oauth2.Token, error) {
	opts := []oauth2.AuthCodeOption{oauth2.SetAuthURLParam("resource", "https://mcp.example.com")}
	return cfg.Exchange(ctx, code, opts...) // want `Exchange without a PKCE verifier`
}

func challengeToExchange(ctx context.Context, code, v string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.S256ChallengeOption(v)) // want `Exchange is given oauth2.S256ChallengeOption, which sends no code_verifier`
}

func withVerifier(ctx context.Context, code, v string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.VerifierOption(v))
}

func manualVerifier(ctx context.Context, code, v string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.SetAuthURLParam("code_verifier", v))
}

func passedOn(ctx context.Context, code string, opts ...oauth2.AuthCodeOption) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, opts...)
}

func password(ctx context.Context) (*oauth2.Token, error) {
	return cfg.PasswordCredentialsToken(ctx, "user", "pass") // legacygrant's business, not pkce's
}

func tokenExchange(ctx context.Context, subject string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, "",
		oauth2.SetAuthURLParam("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange"),
		oauth2.SetAuthURLParam("subject_token", subject))
}

func jwtBearer(ctx context.Context, assertion string) (*oauth2.Token, error) {
	opts := []oauth2.AuthCodeOption{oauth2.SetAuthURLParam("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer")}
	opts = append(opts, oauth2.SetAuthURLParam("assertion", assertion))
	return cfg.Exchange(ctx, "", opts...)
}
