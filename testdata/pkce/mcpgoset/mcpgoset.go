// Package mcpgoset completes its OAuthConfig after the literal.
package mcpgoset

import "github.com/mark3labs/mcp-go/client"

func config(public bool) client.OAuthConfig {
	cfg := client.OAuthConfig{ClientID: "agent"}
	if public {
		cfg.PKCEEnabled = true
	}
	return cfg
}
