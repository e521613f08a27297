// Package tokenpassthrough defines an analyzer that reports an MCP server or proxy that forwards the caller's bearer token.
package tokenpassthrough

const doc = `report an MCP server or proxy that forwards the caller's bearer token

The check reports the Authorization header of the request a server is handling (an HTTP
handler's *http.Request, mcp-go's CallToolRequest.Header, the go-sdk's req.Extra.Header,
echo.Context's Request(), *gin.Context's Request and GetHeader) flowing into an outgoing
request's Authorization header, into oauth2.StaticTokenSource or
oauth2.Config.Client/TokenSource, or into the header options of an mcp-go client
(WithHeaders, WithHTTPHeaders); also loops that copy
every incoming header to an outgoing request and assignments of the incoming headers to
another request, unless the function handles Authorization itself. The token is followed
through variables, strings functions, struct fields, closures, context values
(context.WithValue and ctx.Value) and helper functions.

It also reports an httputil.ReverseProxy, where it is built (NewSingleHostReverseProxy or a
ReverseProxy literal with Director or Rewrite), whose upstream is a third-party API: a URL
built from a constant (url.Parse, url.URL{Host: ...}, pr.SetURL, req.URL.Host = ...) whose
host is in [flow] third_party_hosts of rules.toml. A ReverseProxy forwards every header that
is not hop-by-hop, so the caller's Authorization header goes upstream unless the Director or
Rewrite deletes or replaces it. Silent when the upstream is the server's own backend or not
a constant (environment, flags, config), when a Director or Rewrite (also one assigned later,
wrapping the original) deletes or replaces Authorization, sets SetBasicAuth or hands the
request to code that may set it, when the handler that calls the proxy's ServeHTTP (or a
middleware of the package that wraps it) deletes or replaces the header, when the Transport is not a plain *http.Transport (an
oauth2.Transport sets the server's token), and when a returned proxy may be changed by the
package elsewhere.

The MCP authorization spec forbids token passthrough: the upstream API cannot tell who is
calling, its audience checks are bypassed, and the server becomes a confused deputy.

Silent when the upstream request uses the server's own credentials (its own TokenSource,
clientcredentials, RFC 8693 token exchange with oauthex.ExchangeToken; also after the
incoming headers are copied, when the function then calls SetBasicAuth or sends with a
client of oauth2 or an oauth2.Transport), when the header is deleted before the copy,
inside a client transport's RoundTrip, whose request is outgoing, when the token goes to the
issuer's validation endpoint (OpenID Connect UserInfo, introspection, tokeninfo; go-oidc's
Provider.UserInfo), and when the outgoing request relays the incoming one (its method or
body) to an upstream that is not a third-party API named in the code: a gateway in front of
the MCP server the token is for.

Bad:

	up.Header.Set("Authorization", r.Header.Get("Authorization"))

Good:

	tok, err := s.upstream.TokenSource(ctx, s.store.Get(userID)).Token()
	if err != nil {
		return err
	}
	tok.SetAuthHeader(up)

Bad:

	u, _ := url.Parse("https://api.github.com")
	proxy := httputil.NewSingleHostReverseProxy(u)

Good:

	proxy := &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(u)
			pr.Out.Header.Del("Authorization")
		},
		Transport: &oauth2.Transport{Source: serverTokens},
	}`
