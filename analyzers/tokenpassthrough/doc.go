// Package tokenpassthrough defines an analyzer that reports an MCP server or proxy that forwards the caller's bearer token.
package tokenpassthrough

const doc = `report an MCP server or proxy that forwards the caller's bearer token

The check reports the Authorization header of the request a server is handling (an HTTP
handler's *http.Request, mcp-go's CallToolRequest.Header, the go-sdk's req.Extra.Header)
flowing into an outgoing request's Authorization header, into oauth2.StaticTokenSource or
oauth2.Config.Client/TokenSource, or into mcp-go's WithHTTPHeaders; also loops that copy
every incoming header to an outgoing request and assignments of the incoming headers to
another request, unless the function handles Authorization itself. The token is followed
through variables, strings functions, struct fields, closures, context values
(context.WithValue and ctx.Value) and helper functions.

The MCP authorization spec forbids token passthrough: the upstream API cannot tell who is
calling, its audience checks are bypassed, and the server becomes a confused deputy.

Silent when the upstream request uses the server's own credentials (its own TokenSource,
clientcredentials, RFC 8693 token exchange with oauthex.ExchangeToken), when the header is
deleted before the copy, and inside a client transport's RoundTrip, whose request is
outgoing.

Bad:

	up.Header.Set("Authorization", r.Header.Get("Authorization"))

Good:

	tok, err := s.upstream.TokenSource(ctx, s.store.Get(userID)).Token()
	if err != nil {
		return err
	}
	tok.SetAuthHeader(up)`
