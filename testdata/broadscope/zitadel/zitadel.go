// Package zitadel requests scopes through zitadel/oidc's relying party: a provider's
// unambiguous scope is judged whatever the issuer, OpenID Connect's own scopes are narrow.
package zitadel

import (
	"context"
	"os"

	"github.com/zitadel/oidc/v3/pkg/client/rp"
)

func Broad(ctx context.Context) (rp.RelyingParty, error) {
	return rp.NewRelyingPartyOIDC(ctx, "https://accounts.google.com", os.Getenv("CLIENT_ID"), os.Getenv("CLIENT_SECRET"), "http://localhost:9999/callback",
		[]string{"openid", "https://mail.google.com/"}) // want `scope "https://mail.google.com/" grants`
}

func Narrow(ctx context.Context) (rp.RelyingParty, error) {
	return rp.NewRelyingPartyOIDC(ctx, "https://accounts.google.com", os.Getenv("CLIENT_ID"), os.Getenv("CLIENT_SECRET"), "http://localhost:9999/callback",
		[]string{"openid", "profile", "email"})
}
