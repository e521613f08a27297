package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mark3labs/mcp-go/mcp"
	sdkmcp "github.com/modelcontextprotocol/go-sdk/mcp"
	"golang.org/x/oauth2"
)

type userKey struct{}

// A caller's token parsed without its signature, its claims then deciding access.

// withUser puts the unverified subject into the context as the user.
func withUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
		claims := jwt.MapClaims{}
		if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `jwt.Parser.ParseUnverified checks no signature`
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), userKey{}, claims["sub"])))
	})
}

// adminOnly compares an unverified role claim.
func adminOnly(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	var claims struct {
		Role string `json:"role"`
		jwt.RegisteredClaims
	}
	if _, _, err := jwt.NewParser().ParseUnverified(c.Value, &claims); err != nil { // want `ParseUnverified checks no signature`
		return
	}
	if claims.Role != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// subjectOf returns the unverified subject; its caller, a handler, serves that user's
// notes.
func subjectOf(raw string) (string, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `ParseUnverified checks no signature`
		return "", err
	}
	return claims.GetSubject()
}

var notes = map[string]string{}

func profile(w http.ResponseWriter, r *http.Request) {
	sub, err := subjectOf(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		return
	}
	fmt.Fprintln(w, notes[sub])
}

// greeting's caller only prints the subject it returns: silent.
func greeting(raw string) (string, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	return claims.GetSubject()
}

func hello(w http.ResponseWriter, r *http.Request) {
	sub, err := greeting(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil {
		return
	}
	fmt.Fprintln(w, "hello", sub)
}

// toolUser decides on the bearer token of an MCP request.
func toolUser(ctx context.Context, req mcp.CallToolRequest) (*mcp.CallToolResult, error) {
	raw := strings.TrimPrefix(req.Header.Get("Authorization"), "Bearer ")
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `ParseUnverified checks no signature`
		return nil, err
	}
	if claims.Subject != "owner" {
		return mcp.NewToolResultError("not allowed"), nil
	}
	return mcp.NewToolResultText("ok"), nil
}

// sdkToolUser decides on the bearer token of a go-sdk tool call.
func sdkToolUser(ctx context.Context, req *sdkmcp.CallToolRequest, in struct{}) (*sdkmcp.CallToolResult, any, error) {
	raw := strings.TrimPrefix(req.Extra.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `ParseUnverified checks no signature, and the claims are compared in a condition`
		return nil, nil, err
	}
	if claims["role"] != "admin" {
		return &sdkmcp.CallToolResult{IsError: true}, nil, nil
	}
	return &sdkmcp.CallToolResult{}, nil, nil
}

// --- silent ---

// logClaims only logs a caller's claims: nothing is decided on them.
func logClaims(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		log.Printf("bad token: %v", err)
		return
	}
	log.Printf("request from %v", claims["sub"])
}

// hasSubject only tests that a claim is there before printing it.
func hasSubject(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return
	}
	sub, ok := claims["sub"]
	if !ok || sub == "" {
		http.Error(w, "no subject", http.StatusBadRequest)
		return
	}
	fmt.Fprintln(w, "token for", sub)
}

// emailOf returns the email of an ID token; every caller gives it the program's own ID
// token, from its own exchange.
func emailOf(raw string) (string, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	email, _ := claims["email"].(string)
	return email, nil
}

func login(ctx context.Context, cfg *oauth2.Config, code string) (string, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return "", err
	}
	raw, _ := tok.Extra("id_token").(string)
	return emailOf(raw)
}

// tokenResponse is the program's own token endpoint response, decoded by hand.
func tokenResponse(res *http.Response) (string, error) {
	var body struct {
		IDToken string `json:"id_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&body); err != nil {
		return "", err
	}
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(body.IDToken, &claims); err != nil {
		return "", err
	}
	if claims.Subject == "" {
		return "", errors.New("no subject")
	}
	return claims.Subject, nil
}

// needsRefresh looks at the expiry of a cached token to decide when to refresh it.
func needsRefresh(cached string) bool {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(cached, &claims); err != nil {
		return true
	}
	return claims.ExpiresAt == nil || claims.ExpiresAt.Before(time.Now().Add(time.Minute))
}

// parsed keeps the raw token beside the unverified claims; verifyParsed checks it later.
type parsed struct {
	issuer string
	raw    string
}

func peekIssuer(raw string) (*parsed, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return nil, err
	}
	return &parsed{issuer: claims.Issuer, raw: raw}, nil
}

func verifyParsed(p *parsed, keys map[string]any) (*jwt.Token, error) {
	return jwt.Parse(p.raw, func(*jwt.Token) (any, error) { return keys[p.issuer], nil }, jwt.WithExpirationRequired())
}
