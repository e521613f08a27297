package client

import (
	"context"
	"net/http"
	"os"

	"github.com/mark3labs/mcp-go/client/transport"
	"golang.org/x/oauth2"
)

// --- no-expiry: a token whose values are all constants is a fake (silent) ---

// demoToken is what a fake provider returns in demo mode and tests.
var demoToken = &oauth2.Token{AccessToken: "demo-access-token", RefreshToken: "demo-refresh-token"}

const fakeRefresh = "fake-refresh"

func fakeSource(ctx context.Context) oauth2.TokenSource {
	return cfg.TokenSource(ctx, &oauth2.Token{AccessToken: "fake-access", RefreshToken: fakeRefresh})
}

var demoMCPToken = &transport.Token{AccessToken: "demo-access-token", RefreshToken: "demo-refresh-token"}

// --- no-expiry: one real value makes it a real token ---

func halfFake(ctx context.Context, rt string) oauth2.TokenSource {
	return cfg.TokenSource(ctx, &oauth2.Token{AccessToken: "placeholder", RefreshToken: rt}) // want `oauth2.Token with a RefreshToken but no Expiry`
}

var envToken = &oauth2.Token{AccessToken: os.Getenv("ACCESS_TOKEN"), RefreshToken: "demo-refresh-token"} // want `oauth2.Token with a RefreshToken but no Expiry`

func mcpHalfFake(at string) *transport.Token {
	return &transport.Token{AccessToken: at, RefreshToken: "demo-refresh-token"} // want `mcp-go transport.Token without ExpiresAt`
}

func fakeStatic(ctx context.Context) oauth2.TokenSource {
	return oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "demo-access-token", RefreshToken: "demo-refresh-token"})
}

func halfFakeStatic(ctx context.Context, rt string) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "demo-access-token", RefreshToken: rt})) // want `StaticTokenSource over a token with a RefreshToken`
}
