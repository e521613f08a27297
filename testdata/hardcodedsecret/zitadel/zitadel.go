// Package zitadel is an OpenID Connect relying party built with zitadel/oidc: its client
// secret is NewRelyingPartyOIDC's fourth argument, and its cookie handler's keys protect the
// state and the PKCE verifier.
package zitadel

import (
	"context"
	"os"

	"github.com/zitadel/oidc/v3/pkg/client/rp"
	httphelper "github.com/zitadel/oidc/v3/pkg/http"
)

func RelyingParty(ctx context.Context) (rp.RelyingParty, error) {
	cookies := httphelper.NewCookieHandler([]byte("8f3c1a9e5b7d2f4a6c0e8b1d3f5a7c9e"), []byte("2b4d6f8a0c1e3a5c7e9b1d3f5a7c9e0b"), httphelper.WithUnsecure())                                 // want `hard-coded cookie authentication key "8f3c…" \(32 chars\) in http.NewCookieHandler` `hard-coded cookie encryption key "2b4d…" \(32 chars\) in http.NewCookieHandler`
	return rp.NewRelyingPartyOIDC(ctx, "https://issuer.example.com", "agent", "c7e2a9f4b1d8e5a2c9f6b3d0e7a4c1f8", "http://localhost:9999/callback", []string{"openid"}, rp.WithPKCE(cookies)) // want `hard-coded OAuth client secret "c7e2…" \(32 chars\) in rp.NewRelyingPartyOIDC`
}

// From the environment: silent.
func FromEnv(ctx context.Context) (rp.RelyingParty, error) {
	cookies := httphelper.NewCookieHandler([]byte(os.Getenv("HASH_KEY")), []byte(os.Getenv("BLOCK_KEY")))
	return rp.NewRelyingPartyOIDC(ctx, os.Getenv("ISSUER"), os.Getenv("CLIENT_ID"), os.Getenv("CLIENT_SECRET"), "http://localhost:9999/callback", []string{"openid"}, rp.WithPKCE(cookies))
}
