// Package tokeninurl defines an analyzer that reports tokens placed in a URL.
package tokeninurl

const doc = `report tokens placed in a URL

The check reports an OAuth token, ID token or Authorization header value that ends up in a
URL: concatenated or formatted into the URL given to http.Get, http.Post, http.NewRequest,
(*http.Client).Get and the like, or assigned to url.URL.RawQuery (for instance through
url.Values.Set("access_token", tok) and Encode). WebSocket dial URLs (gorilla/websocket's
Dialer.Dial and DialContext, coder/websocket.Dial, golang.org/x/net/websocket's Dial and
NewConfig) and the base URLs of mcp-go's SSE and streamable-HTTP clients
(client.NewSSEMCPClient, client.NewStreamableHttpClient, transport.NewSSE,
transport.NewStreamableHTTP) are URLs too.

URLs are written to server, proxy and browser logs and history and leak through the
Referer header; RFC 6750 advises against tokens in the query string.

Silent on form bodies (http.PostForm's values, request bodies), on request headers (a
WebSocket dial's header, mcp-go's WithHeaders and WithHTTPHeaders), on parameters that are
not secrets (state, code_challenge, client_id) and on JSON field names.

Bad:

	resp, err := http.Get("https://api.example.com/me?access_token=" + tok.AccessToken)

Good:

	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/me", nil)
	tok.SetAuthHeader(req)
	resp, err := http.DefaultClient.Do(req)`
