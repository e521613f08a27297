package a

import (
	"context"
	"errors"
	"net/http"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"golang.org/x/oauth2"
)

// The mcp-go examples/custom_context pattern: the caller's token travels in the context.
type authKey struct{}

func authFromRequest(ctx context.Context, r *http.Request) context.Context {
	return context.WithValue(ctx, authKey{}, r.Header.Get("Authorization"))
}

func tokenFromContext(ctx context.Context) (string, error) {
	auth, ok := ctx.Value(authKey{}).(string)
	if !ok {
		return "", errors.New("missing token")
	}
	return auth, nil
}

func callUpstream(ctx context.Context) error {
	tok, err := tokenFromContext(ctx)
	if err != nil {
		return err
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/me", nil)
	req.Header.Set("Authorization", tok) // want `the caller's bearer token is sent on to another service \(\(http.Header\).Set\)`
	_, err = http.DefaultClient.Do(req)
	return err
}

func proxy(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequestWithContext(r.Context(), "GET", "https://api.github.com/user", nil)
	up.Header.Set("Authorization", r.Header.Get("Authorization"))                                          // want `caller's bearer token is sent on`
	up.Header.Add("Authorization", "Bearer "+strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")) // want `caller's bearer token is sent on`
	up.Header.Set("X-Request-Id", r.Header.Get("X-Request-Id"))
	up.Header.Set("Accept", "application/json")
	up.Header.Set("Authorization", "Bearer "+os.Getenv("UPSTREAM_TOKEN")) // the server's own credential
	r.Header.Set("Authorization", strings.TrimSpace(r.Header.Get("Authorization")))
}

func copyAll(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	for k, vv := range r.Header {
		for _, v := range vv {
			up.Header.Add(k, v) // want `every header of the incoming request, Authorization included, is copied`
		}
	}
}

func copyFiltered(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	for k, vv := range r.Header {
		if strings.EqualFold(k, "Authorization") {
			continue
		}
		for _, v := range vv {
			up.Header.Add(k, v)
		}
	}
}

func assignHeaders(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	up.Header = r.Header.Clone() // want `the incoming request's headers, Authorization included, are given to an outgoing request`
}

func assignStripped(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	h := r.Header.Clone()
	h.Del("Authorization")
	up.Header = h
}

var upstream struct {
	cfg    *oauth2.Config
	client *http.Client
	ts     oauth2.TokenSource
}

func staticSource(w http.ResponseWriter, r *http.Request) {
	bearer := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	upstream.ts = oauth2.StaticTokenSource(&oauth2.Token{AccessToken: bearer})             // want `caller's bearer token is sent on to another service \(oauth2.StaticTokenSource\)`
	upstream.client = upstream.cfg.Client(r.Context(), &oauth2.Token{AccessToken: bearer}) // want `caller's bearer token is sent on to another service \(\(\*oauth2.Config\).Client\)`
}

type server struct {
	cfg    *oauth2.Config
	stored *oauth2.Token
}

// ownToken uses the server's own token for the user, not the caller's.
func (s *server) ownToken(ctx context.Context, w http.ResponseWriter, r *http.Request) error {
	tok, err := s.cfg.TokenSource(ctx, s.stored).Token()
	if err != nil {
		return err
	}
	up, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/", nil)
	tok.SetAuthHeader(up)
	up.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return nil
}

type authTransport struct{ base http.RoundTripper }

// RoundTrip's request is outgoing: keeping its header is no passthrough.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r2 := req.Clone(req.Context())
	r2.Header.Set("Authorization", req.Header.Get("Authorization"))
	return t.base.RoundTrip(r2)
}

func mcpGoTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	up, _ := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/", nil)
	up.Header.Set("Authorization", req.Header.Get("Authorization")) // want `caller's bearer token is sent on`
	up.Header.Set("Accept-Language", req.Header.Get("Accept-Language"))
	return mcp.NewToolResultText("ok"), nil
}

var proxyOptions []transport.StreamableHTTPCOption

// mcpGoProxy is an mcp-go HTTPContextFunc that sets up a connection to another MCP server.
func mcpGoProxy(ctx context.Context, r *http.Request) context.Context {
	proxyOptions = append(proxyOptions, transport.WithHTTPHeaders(map[string]string{"Authorization": r.Header.Get("Authorization")})) // want `caller's bearer token is sent on to another service \(transport.WithHTTPHeaders\)`
	return ctx
}

func mcpGoOwn() transport.StreamableHTTPCOption {
	return transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + os.Getenv("MCP_TOKEN")})
}

// The same pattern as mcp-go's examples/custom_context, through helpers.
type helperKey struct{}

func withAuthKey(ctx context.Context, auth string) context.Context {
	return context.WithValue(ctx, helperKey{}, auth)
}

func authFromRequestViaHelper(ctx context.Context, r *http.Request) context.Context {
	return withAuthKey(ctx, r.Header.Get("Authorization"))
}

func makeRequest(ctx context.Context, token string) error {
	req, err := http.NewRequestWithContext(ctx, "GET", "https://api.example.com/me", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", token)
	_, err = http.DefaultClient.Do(req)
	return err
}

func makeAuthenticatedRequestTool(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	token, _ := ctx.Value(helperKey{}).(string)
	if err := makeRequest(ctx, token); err != nil { // want `caller's bearer token is sent on to another service \(a.makeRequest, which passes it to \(http.Header\).Set\)`
		return nil, err
	}
	return mcp.NewToolResultText("done"), nil
}
