// Package mcpclient holds mcp-go token storage for tokenexpiry.
package mcpclient

import (
	"context"
	"encoding/json"
	"net/http"
	"os"
	"time"

	"github.com/mark3labs/mcp-go/client/transport"
	"golang.org/x/oauth2"
)

type wire struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int64  `json:"expires_in"`
}

func save(ctx context.Context, store transport.TokenStore, w wire) error {
	return store.SaveToken(ctx, &transport.Token{AccessToken: w.AccessToken, TokenType: "Bearer", ExpiresIn: w.ExpiresIn}) // want `mcp-go transport.Token without ExpiresAt: IsExpired\(\) reports false forever`
}

func decode(resp *http.Response) (*transport.Token, error) {
	tok := new(transport.Token)
	if err := json.NewDecoder(resp.Body).Decode(tok); err != nil { // want `token endpoint response decoded into transport.Token: .* ExpiresAt stays zero`
		return nil, err
	}
	return tok, nil
}

// --- silent ---

func saveWithExpiry(ctx context.Context, store transport.TokenStore, w wire) error {
	return store.SaveToken(ctx, &transport.Token{
		AccessToken: w.AccessToken,
		ExpiresIn:   w.ExpiresIn,
		ExpiresAt:   time.Now().Add(time.Duration(w.ExpiresIn) * time.Second),
	})
}

func saveThenSet(ctx context.Context, store transport.TokenStore, w wire) error {
	tok := &transport.Token{AccessToken: w.AccessToken}
	tok.ExpiresAt = time.Now().Add(time.Duration(w.ExpiresIn) * time.Second)
	return store.SaveToken(ctx, tok)
}

func decodeAndSet(resp *http.Response) (*transport.Token, error) {
	var tok transport.Token
	if err := json.NewDecoder(resp.Body).Decode(&tok); err != nil {
		return nil, err
	}
	tok.ExpiresAt = time.Now().Add(time.Duration(tok.ExpiresIn) * time.Second)
	return &tok, nil
}

func checkedUse(ctx context.Context, store transport.TokenStore, req *http.Request) error {
	tok, err := store.GetToken(ctx)
	if err != nil || tok.IsExpired() {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return nil
}

func savePersonalToken(ctx context.Context, store transport.TokenStore, pat string) error {
	// A personal access token does not expire: no ExpiresAt needed.
	return store.SaveToken(ctx, &transport.Token{AccessToken: pat, TokenType: "Bearer"})
}

func staticHeader(ctx context.Context, cfg *oauth2.Config, code, url string) (*transport.StreamableHTTP, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	return transport.NewStreamableHTTP(url, transport.WithHTTPHeaders(map[string]string{
		"Authorization": "Bearer " + tok.AccessToken, // want `the AccessToken of a token from oauth2.Config.Exchange fixed in the mcp-go client's static headers`
	}))
}

func staticHeaderViaVar(ctx context.Context, ts oauth2.TokenSource, url string) (*transport.SSE, error) {
	tok, err := ts.Token()
	if err != nil {
		return nil, err
	}
	headers := map[string]string{"Authorization": tok.Type() + " " + tok.AccessToken} // want `AccessToken of a token from oauth2.TokenSource.Token fixed in the mcp-go client's static headers`
	return transport.NewSSE(url, transport.WithHeaders(headers))
}

func staticPAT(url string) (*transport.StreamableHTTP, error) {
	// A personal access token in a static header never expires.
	pat := &oauth2.Token{AccessToken: os.Getenv("MCP_TOKEN")}
	return transport.NewStreamableHTTP(url, transport.WithHTTPHeaders(map[string]string{"Authorization": "Bearer " + pat.AccessToken}))
}

func headerFunc(ts oauth2.TokenSource, url string) (*transport.StreamableHTTP, error) {
	// A fresh token for each request.
	return transport.NewStreamableHTTP(url, transport.WithHTTPHeaderFunc(func(ctx context.Context) map[string]string {
		tok, err := ts.Token()
		if err != nil {
			return nil
		}
		return map[string]string{"Authorization": "Bearer " + tok.AccessToken}
	}))
}

func saveDroppingExpiry(ctx context.Context, store transport.TokenStore, w wire) error {
	return store.SaveToken(ctx, &transport.Token{AccessToken: w.AccessToken, TokenType: "Bearer"}) // want `mcp-go transport.Token without ExpiresAt`
}
