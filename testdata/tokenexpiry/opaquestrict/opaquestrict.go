// Package opaquestrict checks opaque tokens with their issuer but leaves
// AllowMissingExpiration off, so RequireBearerToken rejects every token its verifier
// accepts: reported, with what to set.
package opaquestrict

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/modelcontextprotocol/go-sdk/auth"
)

func verify(ctx context.Context, token string, req *http.Request) (*auth.TokenInfo, error) {
	resp, err := http.PostForm("https://auth.example.com/introspect", url.Values{"token": {token}})
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var in struct {
		Active bool   `json:"active"`
		Sub    string `json:"sub"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&in); err != nil || !in.Active {
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{UserID: in.Sub}, nil // want `auth.TokenInfo without Expiration for a token checked with its issuer: RequireBearerToken rejects every such token unless AllowMissingExpiration is set`
}

func handler(h http.Handler) http.Handler {
	return auth.RequireBearerToken(verify, nil)(h)
}
