package a

import (
	"context"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

// Headers copied, then Authorization overwritten with the server's own credential.

type relay struct {
	user, pass string
	cc         *clientcredentials.Config
	upstream   string // from the gateway's configuration
	userinfo   string
	provider   *oidc.Provider
}

func (g *relay) copyThenBasic(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequestWithContext(r.Context(), "GET", "https://api.example.com/", nil)
	up.Header = r.Header.Clone()
	up.SetBasicAuth(g.user, g.pass)
	http.DefaultClient.Do(up)
}

func (g *relay) copyThenOwnClient(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequestWithContext(r.Context(), "GET", "https://api.example.com/", nil)
	for k, vv := range r.Header {
		for _, v := range vv {
			up.Header.Add(k, v)
		}
	}
	g.cc.Client(r.Context()).Do(up) // oauth2.Transport sets the server's token
}

func (g *relay) copyThenTransport(w http.ResponseWriter, r *http.Request, src oauth2.TokenSource) {
	up, _ := http.NewRequestWithContext(r.Context(), "GET", "https://api.example.com/", nil)
	up.Header = r.Header.Clone()
	client := &http.Client{Transport: &oauth2.Transport{Source: src}}
	client.Do(up)
}

func (g *relay) copyPlain(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequestWithContext(r.Context(), "GET", "https://api.example.com/", nil)
	up.Header = r.Header.Clone() // want `the incoming request's headers, Authorization included, are given to an outgoing request`
	http.DefaultClient.Do(up)
}

// A gateway relays the request to the MCP server it fronts, named in its configuration: the
// token's audience is that server.
func (g *relay) front(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequestWithContext(r.Context(), r.Method, g.upstream+r.URL.Path, r.Body)
	up.Header.Set("Content-Type", r.Header.Get("Content-Type"))
	up.Header.Set("Authorization", r.Header.Get("Authorization"))
	http.DefaultClient.Do(up)
}

// A relay to a third-party API named in the code is passthrough.
func (g *relay) frontGitHub(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequestWithContext(r.Context(), r.Method, "https://api.github.com"+r.URL.Path, r.Body)
	up.Header.Set("Authorization", r.Header.Get("Authorization")) // want `the caller's bearer token is sent on to another service \(\(http.Header\).Set\)`
	http.DefaultClient.Do(up)
}

// The caller's token sent to the issuer's validation endpoints: checked, not used.
func (g *relay) validate(w http.ResponseWriter, r *http.Request) {
	req, _ := http.NewRequestWithContext(r.Context(), "GET", g.userinfo, nil)
	req.Header.Set("Authorization", r.Header.Get("Authorization"))
	http.DefaultClient.Do(req)
	req2, _ := http.NewRequestWithContext(r.Context(), "GET", "https://www.googleapis.com/oauth2/v3/tokeninfo", nil)
	req2.Header.Set("Authorization", r.Header.Get("Authorization"))
	http.DefaultClient.Do(req2)
	bearer := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	info, err := g.provider.UserInfo(r.Context(), oauth2.StaticTokenSource(&oauth2.Token{AccessToken: bearer}))
	_, _ = info, err
	req3, _ := http.NewRequestWithContext(r.Context(), "GET", "https://api.example.com/repos", nil)
	req3.Header.Set("Authorization", r.Header.Get("Authorization")) // want `the caller's bearer token is sent on to another service \(\(http.Header\).Set\)`
	http.DefaultClient.Do(req3)
}

func validateCtx(ctx context.Context, introspectionURL, tok string) {
	req, _ := http.NewRequestWithContext(ctx, "POST", introspectionURL, nil)
	req.Header.Set("Authorization", tok)
	http.DefaultClient.Do(req)
}

func (g *relay) introspect(w http.ResponseWriter, r *http.Request) {
	validateCtx(r.Context(), g.userinfo, r.Header.Get("Authorization"))
}

// An MCP gateway connects to the MCP server it fronts, named in its configuration, with the
// caller's token.
func (g *relay) connectUpstream(w http.ResponseWriter, r *http.Request) {
	c, err := client.NewStreamableHttpClient(g.upstream, transport.WithHTTPHeaders(map[string]string{"Authorization": r.Header.Get("Authorization")}))
	_, _ = c, err
}

// A constant URL names another service: the token is passed on.
func (g *relay) connectVendor(w http.ResponseWriter, r *http.Request) {
	c, err := client.NewStreamableHttpClient("https://mcp.vendor.example/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": r.Header.Get("Authorization")})) // want `caller's bearer token is sent on to another service \(transport.WithHTTPHeaders\)`
	_, _ = c, err
}
