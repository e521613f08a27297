package a

import (
	"context"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2"
)

// A logging notification's data goes to the MCP client's log.
func notify(ctx context.Context, s *server.MCPServer, tok *oauth2.Token) {
	s.SendLogMessageToClient(ctx, mcp.NewLoggingMessageNotification(mcp.LoggingLevelDebug, "auth", tok.RefreshToken)) // want `OAuth token put into the model's context \(mcp.NewLoggingMessageNotification\)`
	s.SendLogMessageToClient(ctx, mcp.NewLoggingMessageNotification(mcp.LoggingLevelInfo, "auth", "token refreshed, expires "+tok.Expiry.String()))
}
