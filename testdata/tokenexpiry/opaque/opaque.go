// Package opaque verifies opaque access tokens by asking the issuer (token
// introspection), caching each answer for a minute: such a token has no exp to copy.
package opaque

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/modelcontextprotocol/go-sdk/auth"
)

const cacheTTL = time.Minute

type introspection struct {
	Active bool   `json:"active"`
	Scope  string `json:"scope"`
	Sub    string `json:"sub"`
}

var cache sync.Map

func introspect(ctx context.Context, token string) (*introspection, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, "https://auth.example.com/introspect",
		strings.NewReader(url.Values{"token": {token}}.Encode()))
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var in introspection
	return &in, json.NewDecoder(resp.Body).Decode(&in)
}

// verify re-checks the token with its issuer once the cached answer is a minute old.
// Silent.
func verify(ctx context.Context, token string, req *http.Request) (*auth.TokenInfo, error) {
	if info, ok := cache.Load(token); ok {
		return info.(*auth.TokenInfo), nil
	}
	in, err := introspect(ctx, token)
	if err != nil || !in.Active {
		return nil, auth.ErrInvalidToken
	}
	info := &auth.TokenInfo{Scopes: strings.Fields(in.Scope), UserID: in.Sub, Expiration: time.Now().Add(cacheTTL)}
	cache.Store(token, info)
	return info, nil
}

// verifyUncached asks the issuer on every request and sets no Expiration, which the
// middleware allows below. Silent.
func verifyUncached(ctx context.Context, token string, req *http.Request) (*auth.TokenInfo, error) {
	in, err := introspect(ctx, token)
	if err != nil || !in.Active {
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{Scopes: strings.Fields(in.Scope), UserID: in.Sub}, nil
}

func handler(h http.Handler) http.Handler {
	return auth.RequireBearerToken(verifyUncached, &auth.RequireBearerTokenOptions{AllowMissingExpiration: true})(h)
}

// jwtVerifier fetches its keys over HTTP but verifies a JWT, which has an exp: reported.
func jwtVerifier(ctx context.Context, token string, req *http.Request) (*auth.TokenInfo, error) {
	resp, err := http.Get("https://auth.example.com/jwks")
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var key any
	if err := json.NewDecoder(resp.Body).Decode(&key); err != nil {
		return nil, err
	}
	var c jwt.RegisteredClaims
	if _, err := jwt.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithExpirationRequired()); err != nil {
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{UserID: c.Subject, Expiration: time.Now().Add(time.Hour)}, nil // want `auth.TokenInfo Expiration made from time.Now\(\)`
}

func jwtHandler(h http.Handler) http.Handler {
	return auth.RequireBearerToken(jwtVerifier, &auth.RequireBearerTokenOptions{AllowMissingExpiration: true})(h) // want `AllowMissingExpiration: tokens with no expiry are accepted forever`
}
