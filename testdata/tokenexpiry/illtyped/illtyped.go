// Package illtyped does not type-check: the check still runs on what does, and never
// panics on what does not.
package illtyped

import (
	"context"
	"net/http"

	"github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

var broken int = "not an int"

var cfg = &oauth2.Config{}

type api struct{ tok *oauth2.Token }

func exchanged(ctx context.Context, code string) *http.Client {
	tok, _ := cfg.Exchange(ctx, code)
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
}

func unknownSource(ctx context.Context) *http.Client {
	tok, _ := undefinedSource.Token()
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
}

func (a *api) send(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken+undefinedSuffix) // want `AccessToken of a token kept in field tok`
	req.Header.Set(undefinedKey, "Bearer "+a.tok.AccessToken)
	undefinedTok.SetAuthHeader(req)
}

var v = (&oidc.Provider{}).Verifier(&oidc.Config{SkipExpiryCheck: true, Unknown: 1}) // want `SkipExpiryCheck`

var w = oauth2.Token{AccessToken: undefinedAT, RefreshToken: undefinedRT} // want `RefreshToken but no Expiry`
