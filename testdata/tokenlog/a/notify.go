package a

import (
	"context"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2"
)

// A logging notification's data goes to the MCP client's log.
func notify(ctx context.Context, s *server.MCPServer, tok *oauth2.Token) {
	s.SendLogMessageToClient(ctx, mcp.NewLoggingMessageNotification(mcp.LoggingLevelDebug, "auth", tok.RefreshToken)) // want `OAuth token put into the model's context \(mcp.NewLoggingMessageNotification\)`
	s.SendLogMessageToClient(ctx, mcp.NewLoggingMessageNotification(mcp.LoggingLevelInfo, "auth", "token refreshed, expires "+tok.Expiry.String()))
}

// A panic message is printed with the stack trace.
func mustRefresh(ts oauth2.TokenSource) *oauth2.Token {
	tok, err := ts.Token()
	if err != nil {
		panic(err)
	}
	if tok.RefreshToken == "" {
		panic("no refresh token; access token was " + tok.AccessToken) // want `OAuth token in a panic message: it is printed with the stack trace`
	}
	if !tok.Valid() {
		panic(fmt.Sprintf("token expired at %s", tok.Expiry))
	}
	return tok
}
