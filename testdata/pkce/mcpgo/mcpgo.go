package mcpgo

import (
	"context"
	"os"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
)

func noPKCE() (*client.Client, error) {
	return client.NewOAuthStreamableHttpClient("https://mcp.example.com/mcp", client.OAuthConfig{ // want `mcp-go OAuthConfig without PKCEEnabled: true: .* set PKCEEnabled: true`
		ClientID:    os.Getenv("MCP_CLIENT_ID"),
		RedirectURI: "http://127.0.0.1:8085/callback",
	})
}

func pkceFalse() transport.StreamableHTTPCOption {
	return transport.WithHTTPOAuth(transport.OAuthConfig{
		ClientID:    "agent",
		PKCEEnabled: false, // want `mcp-go OAuthConfig without PKCEEnabled: true`
	})
}

func emptyConfig() transport.StreamableHTTPCOption {
	return transport.WithHTTPOAuth(transport.OAuthConfig{}) // want `mcp-go OAuthConfig without PKCEEnabled: true`
}

func oneLine() transport.StreamableHTTPCOption {
	return transport.WithHTTPOAuth(transport.OAuthConfig{ClientID: "agent"}) // want `mcp-go OAuthConfig without PKCEEnabled: true`
}

func manualFlowNoChallenge(ctx context.Context, h *transport.OAuthHandler) (string, error) {
	state, err := client.GenerateState()
	if err != nil {
		return "", err
	}
	return h.GetAuthorizationURL(ctx, state, "") // want `GetAuthorizationURL with an empty code challenge sends no PKCE`
}

const demoVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

func manualFlowConstant(ctx context.Context, h *transport.OAuthHandler, code, state string) error {
	return h.ProcessAuthorizationResponse(ctx, code, state, demoVerifier) // want `PKCE verifier is the constant demoVerifier`
}

// ---- silent ----

func withPKCE() (*client.Client, error) {
	cfg := client.OAuthConfig{
		ClientID:    os.Getenv("MCP_CLIENT_ID"),
		RedirectURI: "http://127.0.0.1:8085/callback",
		PKCEEnabled: true,
	}
	return client.NewOAuthStreamableHttpClient("https://mcp.example.com/mcp", cfg)
}

func pkceFromFlag(enabled bool) transport.OAuthConfig {
	return transport.OAuthConfig{ClientID: "agent", PKCEEnabled: enabled}
}

func manualFlow(ctx context.Context, h *transport.OAuthHandler) (string, string, error) {
	verifier, err := client.GenerateCodeVerifier()
	if err != nil {
		return "", "", err
	}
	challenge := client.GenerateCodeChallenge(verifier)
	state, err := client.GenerateState()
	if err != nil {
		return "", "", err
	}
	u, err := h.GetAuthorizationURL(ctx, state, challenge)
	return u, verifier, err
}

func manualFinish(ctx context.Context, h *transport.OAuthHandler, code, state, verifier string) error {
	return h.ProcessAuthorizationResponse(ctx, code, state, verifier)
}

func pointerConfig() *transport.OAuthConfig {
	return &transport.OAuthConfig{ClientID: "agent", PKCEEnabled: true}
}
