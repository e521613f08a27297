package a

import (
	"context"
	"crypto/sha256"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mark3labs/mcp-go/mcp"
	"golang.org/x/oauth2"

	"example.com/agent/tokenlog/logutil"
)

type ctxKey struct{}

type session struct {
	User  string
	Token string
}

func exchange(ctx context.Context, cfg *oauth2.Config, code string) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		log.Printf("exchange failed: %v", err)
		return
	}
	log.Printf("token: %+v", tok)                            // want `OAuth token reaches a log \(log.Printf\)`
	log.Println("access", tok.AccessToken)                   // want `OAuth token reaches a log \(log.Println\)`
	log.Printf("expires %s type %s", tok.Expiry, tok.Type()) // metadata
	log.Println("valid", tok.Valid(), tok.TokenType)         // metadata
	slog.Info("refreshed", "refresh", tok.RefreshToken)      // want `OAuth token reaches a log \(slog.Info\)`
	slog.Info("refreshed", "expiry", tok.Expiry)             // metadata
	slog.Info("attr", slog.String("token", tok.AccessToken)) // want `OAuth token`
	slog.With("token", tok.AccessToken).Info("x")            // want `OAuth token reaches a log \(slog.With\)`
	slog.Default().Info("len", "n", len(tok.AccessToken))    // len is a sanitizer
	fmt.Println(tok.AccessToken)                             // want `OAuth token printed to stdout \(fmt.Println\).*protocol channel`
	fmt.Fprintf(os.Stderr, "tok=%s\n", tok.AccessToken)      // want `written to stdout or stderr`
	var b strings.Builder
	fmt.Fprintf(&b, "%s", tok.AccessToken) // a buffer is no log
	sum := sha256.Sum256([]byte(tok.AccessToken))
	log.Printf("token hash %x", sum)                                  // hashed
	log.Printf("token %s…", tok.AccessToken[:6])                      // short prefix
	log.Printf("token …%s", tok.AccessToken[len(tok.AccessToken)-4:]) // short suffix
	log.Printf("id token %v", tok.Extra("id_token"))                  // want `ID token reaches a log`
	log.Printf("expires_in %v", tok.Extra("expires_in"))              // not a secret
	auth := "Bearer " + tok.AccessToken
	err = fmt.Errorf("call failed with %s", auth)
	log.Println(err)                             // want `OAuth token reaches a log \(log.Println\)`
	logutil.Debug("token", tok.AccessToken)      // want `OAuth token reaches a log \(logutil.Debug, which passes it to log.Printf\)`
	logutil.Debug("expiry", tok.Expiry.String()) // metadata through a helper
	logutil.Quiet("token", tok.AccessToken)      // the helper does not log its value
	log.Println(logutil.Mask(tok.AccessToken))   // masked by a helper in another package
	log.Println(logutil.Tag(tok.AccessToken))    // fixed label
	log.Println(mask(tok.AccessToken))           // masked by a helper here
	logHere(tok.RefreshToken)                    // want `OAuth token reaches a log \(a.logHere, which passes it to log.Println\)`
	logHere(tok.TokenType)                       // metadata through a helper
	func() {
		log.Println("in closure", tok.AccessToken) // want `OAuth token reaches a log`
	}()
	ctx = context.WithValue(ctx, ctxKey{}, tok.AccessToken)
	log.Println("from context", ctx.Value(ctxKey{})) // want `OAuth token reaches a log`
	s := session{User: "ann", Token: tok.AccessToken}
	log.Printf("user %s", s.User) // another field
	log.Printf("session %+v", s)  // want `OAuth token reaches a log`
	parts := strings.Fields(auth)
	log.Println("scheme", len(parts)) // a count
	log.Println("cred", parts[1])     // want `OAuth token reaches a log`
	m := map[string]string{"token": tok.AccessToken, "user": "ann"}
	log.Println(m) // want `OAuth token reaches a log`
	saveToken(tok)
	log.Printf("oauth config %+v", cfg)                                // want `OAuth client config \(with its ClientSecret\) reaches a log .*; log the fields you need \(ClientID, Endpoint, Scopes\), never the whole config`
	log.Printf("secret %s", cfg.ClientSecret)                          // want `ClientSecret field of the OAuth client config reaches a log`
	log.Printf("client %s via %s", cfg.ClientID, cfg.Endpoint.AuthURL) // public parts
	log.Printf("visit %s", cfg.AuthCodeURL("state"))                   // a URL with the client ID, no secret
}

func logHere(s string) {
	log.Println("debug:", s)
}

func mask(s string) string {
	return strings.Repeat("*", 8)
}

// saveToken writes the token to its own cache file with restrictive permissions: no log.
func saveToken(tok *oauth2.Token) {
	_ = os.WriteFile("token.json", []byte(tok.AccessToken), 0o600)
}

func handler(w http.ResponseWriter, r *http.Request) {
	log.Printf("auth=%s", r.Header.Get("Authorization")) // want `Authorization header reaches a log`
	log.Printf("%s %s from %s", r.Method, r.URL.Path, r.RemoteAddr)
	log.Printf("ua=%s", r.Header.Get("User-Agent"))
	dump, _ := httputil.DumpRequest(r, false)
	log.Printf("%s", dump)   // want `request dump \(with its Authorization header\) reaches a log`
	log.Printf("req %+v", r) // want `request \(with its Authorization header\) reaches a log`
	h := r.Header.Clone()
	h.Del("Authorization")
	log.Printf("headers %v", h)                                     // Authorization deleted
	fmt.Fprintf(w, "your token: %s", r.Header.Get("Authorization")) // back to the client that sent it
}

func tool(ctx context.Context, ts oauth2.TokenSource) (*mcp.CallToolResult, error) {
	tok, err := ts.Token()
	if err != nil {
		return mcp.NewToolResultError(err.Error()), nil
	}
	if strings.HasPrefix(tok.AccessToken, "gho_") {
		return mcp.NewToolResultText("authorized with " + tok.AccessToken), nil // want `OAuth token put into the model's context \(mcp.NewToolResultText\)`
	}
	return mcp.NewToolResultText("authorized; expires " + tok.Expiry.String()), nil
}

// agentPatterns holds common code around a token that logs no secret.
func agentPatterns(ctx context.Context, cfg *oauth2.Config, tok *oauth2.Token, u string) {
	client := cfg.Client(ctx, tok)
	resp, err := client.Get(u)
	if err != nil {
		log.Printf("request failed: %v", err)
		return
	}
	log.Printf("status %s", resp.Status)
	if t, err := cfg.TokenSource(ctx, tok).Token(); err == nil {
		log.Printf("refreshed, expires %s", t.Expiry)
	}
	if parsed, err := jwt.Parse(tok.AccessToken, nil); err == nil {
		sub, _ := parsed.Claims.GetSubject()
		log.Printf("subject %s", sub)
	}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	log.Printf("calling %s %s", req.Method, req.URL)
}
