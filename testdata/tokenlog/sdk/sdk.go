package sdk

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/mcp"
	"golang.org/x/oauth2"
)

type input struct{}

func whoami(ctx context.Context, req *mcp.CallToolRequest, in input, ts oauth2.TokenSource) (*mcp.CallToolResult, any, error) {
	tok, err := ts.Token()
	if err != nil {
		return nil, nil, err
	}
	if tok.Valid() {
		_ = req.Session.Log(ctx, &mcp.LoggingMessageParams{Data: "token " + tok.AccessToken, Level: "debug"}) // want `OAuth token put into the model's context \(\(\*mcp.ServerSession\).Log\)`
		_ = req.Session.Log(ctx, &mcp.LoggingMessageParams{Data: "token expires " + tok.Expiry.String(), Level: "debug"})
		return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "signed in as " + tok.AccessToken}}}, nil, nil // want `OAuth token put into the model's context \(mcp.TextContent.Text\)`
	}
	return &mcp.CallToolResult{Content: []mcp.Content{&mcp.TextContent{Text: "token expired at " + tok.Expiry.String()}}}, nil, nil
}
