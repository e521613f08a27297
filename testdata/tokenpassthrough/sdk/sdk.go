package sdk

import (
	"context"
	"net/http"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
)

type input struct{ Repo string }

func forward(ctx context.Context, req *mcp.CallToolRequest, in input) (*mcp.CallToolResult, any, error) {
	up, _ := http.NewRequestWithContext(ctx, "GET", "https://api.github.com/repos/"+in.Repo, nil)
	up.Header.Set("Authorization", req.Extra.Header.Get("Authorization")) // want `caller's bearer token is sent on`
	return nil, nil, nil
}

// exchange trades the caller's token for one meant for the upstream API (RFC 8693).
func exchange(ctx context.Context, req *mcp.CallToolRequest, creds *oauthex.ClientCredentials) error {
	subject := req.Extra.Header.Get("Authorization")
	tok, err := oauthex.ExchangeToken(ctx, "https://auth.example.com/token",
		&oauthex.TokenExchangeRequest{SubjectToken: subject, Audience: "https://api.example.com"}, creds, nil)
	if err != nil {
		return err
	}
	up, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/", nil)
	up.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return nil
}

func register(s *mcp.Server) {
	mcp.AddTool(s, &mcp.Tool{Name: "forward"}, forward)
}
