// Package verifier holds MCP go-sdk token verifiers for tokenexpiry.
package verifier

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/modelcontextprotocol/go-sdk/auth"
	"golang.org/x/oauth2"
)

var key = []byte(nil)

func keyFunc(*jwt.Token) (any, error) { return key, nil }

type claims struct {
	Scope string `json:"scope"`
	jwt.RegisteredClaims
}

func optionalExp(ctx context.Context, raw string, req *http.Request) (*auth.TokenInfo, error) {
	var c claims
	if _, err := jwt.ParseWithClaims(raw, &c, keyFunc, jwt.WithAudience("https://mcp.example.com")); err != nil { // want `golang-jwt v5 accepts a token without exp unless asked`
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{Scopes: strings.Fields(c.Scope), Expiration: time.Unix(1<<40, 0)}, nil
}

func noExpiration(ctx context.Context, raw string, req *http.Request) (*auth.TokenInfo, error) {
	var c claims
	if _, err := jwt.ParseWithClaims(raw, &c, keyFunc, jwt.WithExpirationRequired()); err != nil {
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{Scopes: strings.Fields(c.Scope), UserID: c.Subject}, nil // want `auth.TokenInfo without Expiration`
}

func clockExpiration(ctx context.Context, raw string, req *http.Request) (*auth.TokenInfo, error) {
	var c claims
	if _, err := jwt.ParseWithClaims(raw, &c, keyFunc, jwt.WithExpirationRequired()); err != nil {
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{Scopes: strings.Fields(c.Scope), Expiration: time.Now().Add(time.Hour)}, nil // want `auth.TokenInfo Expiration made from time.Now\(\)`
}

func handler(h http.Handler) http.Handler {
	return auth.RequireBearerToken(verify, &auth.RequireBearerTokenOptions{AllowMissingExpiration: true})(h) // want `AllowMissingExpiration: tokens with no expiry are accepted forever`
}

var codeHandler = &auth.AuthorizationCodeHandlerConfig{
	RedirectURL: "http://localhost:8080/callback",
	NewTokenSource: func(ctx context.Context, cfg *oauth2.Config, tok *oauth2.Token) (oauth2.TokenSource, error) {
		return oauth2.StaticTokenSource(tok), nil // want `StaticTokenSource over the token go-sdk's authorization handler gives NewTokenSource`
	},
}

// --- silent ---

func verify(ctx context.Context, raw string, req *http.Request) (*auth.TokenInfo, error) {
	var c claims
	if _, err := jwt.ParseWithClaims(raw, &c, keyFunc, jwt.WithExpirationRequired(), jwt.WithAudience("https://mcp.example.com")); err != nil {
		return nil, auth.ErrInvalidToken
	}
	return &auth.TokenInfo{Scopes: strings.Fields(c.Scope), Expiration: c.ExpiresAt.Time, UserID: c.Subject}, nil
}

func ownExpCheck(ctx context.Context, raw string, req *http.Request) (*auth.TokenInfo, error) {
	var c claims
	if _, err := jwt.ParseWithClaims(raw, &c, keyFunc); err != nil || c.ExpiresAt == nil {
		return nil, auth.ErrInvalidToken
	}
	info := &auth.TokenInfo{Scopes: strings.Fields(c.Scope)}
	info.Expiration = c.ExpiresAt.Time
	return info, nil
}

func strictHandler(h http.Handler) http.Handler {
	return auth.RequireBearerToken(verify, &auth.RequireBearerTokenOptions{Scopes: []string{"read"}, ClockSkew: 30 * time.Second})(h)
}

var refreshingHandler = &auth.AuthorizationCodeHandlerConfig{
	RedirectURL: "http://localhost:8080/callback",
	NewTokenSource: func(ctx context.Context, cfg *oauth2.Config, tok *oauth2.Token) (oauth2.TokenSource, error) {
		return cfg.TokenSource(ctx, tok), nil
	},
}
