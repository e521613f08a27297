// Package mcpclient connects to remote MCP servers with mcp-go's SSE and streamable-HTTP
// clients: the base URL is logged by the server like any request URL.
package mcpclient

import (
	"fmt"
	"net/url"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"golang.org/x/oauth2"
)

const server = "https://mcp.example.com"

func clients(tok *oauth2.Token, stored *transport.Token) {
	client.NewSSEMCPClient(server + "/sse?access_token=" + tok.AccessToken)                                  // want `OAuth token put into a URL \(client.NewSSEMCPClient\)`
	client.NewStreamableHttpClient(fmt.Sprintf("%s/mcp?token=%s", server, url.QueryEscape(tok.AccessToken))) // want `OAuth token put into a URL \(client.NewStreamableHttpClient\)`
	transport.NewSSE(server + "/sse?access_token=" + stored.AccessToken)                                     // want `OAuth token put into a URL \(transport.NewSSE\)`
	transport.NewStreamableHTTP(server + "/mcp?key=" + stored.RefreshToken)                                  // want `OAuth token put into a URL \(transport.NewStreamableHTTP\)`
	client.NewOAuthStreamableHttpClient(server+"/mcp?token="+tok.AccessToken, client.OAuthConfig{})          // want `OAuth token put into a URL \(client.NewOAuthStreamableHttpClient\)`

	// Silent: the token in a header option; metadata and plain URLs.
	client.NewSSEMCPClient(server+"/sse", client.WithHeaders(map[string]string{"Authorization": "Bearer " + tok.AccessToken}))
	client.NewStreamableHttpClient(server+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + tok.AccessToken}))
	transport.NewSSE(server+"/sse", transport.WithHeaders(map[string]string{"Authorization": "Bearer " + stored.AccessToken}))
	transport.NewStreamableHTTP(server + "/mcp?session=" + stored.TokenType)
	client.NewOAuthSSEClient(server+"/sse", client.OAuthConfig{ClientID: "agent"})
}
