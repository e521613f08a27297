// Package mcpclient holds mcp-go token storage for tokenexpiry.
package mcpclient

import (
	"context"
	"encoding/json"
	"net/http"
	"time"

	"github.com/mark3labs/mcp-go/client/transport"
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
