// Package mcptool is an MCP server whose tools call another MCP server with mcp-go's client:
// the caller's token put into the client's header options is passed through.
package mcptool

import (
	"context"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
)

const vendor = "https://mcp.vendor.example"

type config struct {
	VendorToken string
}

var cfg config

func searchTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	auth := req.Header.Get("Authorization")
	sse, err := client.NewSSEMCPClient(vendor+"/sse", client.WithHeaders(map[string]string{"Authorization": auth})) // want `caller's bearer token is sent on to another service \(client.WithHeaders\)`
	if err != nil {
		return nil, err
	}
	defer sse.Close()
	headers := map[string]string{"Authorization": "Bearer " + strings.TrimPrefix(auth, "Bearer ")}
	t, err := transport.NewSSE(vendor+"/sse", transport.WithHeaders(headers)) // want `caller's bearer token is sent on to another service \(transport.WithHeaders\)`
	if err != nil {
		return nil, err
	}
	_ = t
	h, err := client.NewStreamableHttpClient(vendor+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": req.Header.Get("Authorization")})) // want `caller's bearer token is sent on to another service \(transport.WithHTTPHeaders\)`
	if err != nil {
		return nil, err
	}
	defer h.Close()
	return mcp.NewToolResultText("ok"), nil
}

// Silent: the server's own credential for the other MCP server, from its configuration or
// environment, and headers of the caller's that are no credential.
func ownTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	sse, err := client.NewSSEMCPClient(vendor+"/sse", client.WithHeaders(map[string]string{"Authorization": "Bearer " + cfg.VendorToken}))
	if err != nil {
		return nil, err
	}
	defer sse.Close()
	t, err := transport.NewStreamableHTTP(vendor+"/mcp", transport.WithHTTPHeaders(map[string]string{
		"Authorization":   "Bearer " + os.Getenv("VENDOR_MCP_TOKEN"),
		"Accept-Language": req.Header.Get("Accept-Language"),
	}))
	if err != nil {
		return nil, err
	}
	_ = t
	return mcp.NewToolResultText("ok"), nil
}

// The go-sdk's tool handler, calling an mcp-go client.
func sdkTool(ctx context.Context, req *sdk.CallToolRequest, in struct{}) (*sdk.CallToolResult, any, error) {
	t, err := transport.NewStreamableHTTP(vendor+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": req.Extra.Header.Get("Authorization")})) // want `caller's bearer token is sent on to another service \(transport.WithHTTPHeaders\)`
	if err != nil {
		return nil, nil, err
	}
	_ = t
	own, err := transport.NewStreamableHTTP(vendor+"/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + cfg.VendorToken, "X-Request-Id": req.Extra.Header.Get("X-Request-Id")}))
	_ = own
	return nil, nil, err
}

func register(s *server.MCPServer) {
	s.AddTool(mcp.NewTool("search"), searchTool)
	s.AddTool(mcp.NewTool("own"), ownTool)
}
