// Package mcpgozero fills mcp-go OAuthConfig values field by field and never sets
// PKCEEnabled.
package mcpgozero

import (
	"encoding/json"
	"os"

	"github.com/mark3labs/mcp-go/client/transport"
)

func fieldByField(redirect string) transport.StreamableHTTPCOption {
	var c transport.OAuthConfig // want `mcp-go OAuthConfig without PKCEEnabled: true`
	c.ClientID = "agent"
	c.RedirectURI = redirect
	c.TokenStore = transport.NewMemoryTokenStore()
	return transport.WithHTTPOAuth(c)
}

// Silent: filled whole from a decoder or another value, which may enable PKCE.
func decoded(data []byte) (transport.StreamableHTTPCOption, error) {
	var c transport.OAuthConfig
	if err := json.Unmarshal(data, &c); err != nil {
		return nil, err
	}
	return transport.WithHTTPOAuth(c), nil
}

func copied(base transport.OAuthConfig) transport.StreamableHTTPCOption {
	var c transport.OAuthConfig
	c = base
	c.ClientID = os.Getenv("MCP_CLIENT_ID")
	return transport.WithHTTPOAuth(c)
}

// Silent: a pointer is no config yet.
func pointer() *transport.OAuthConfig {
	var c *transport.OAuthConfig
	return c
}
