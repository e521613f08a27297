// Package earliermajors: verification switched off in the earlier majors of go-jose
// (github.com/go-jose/go-jose/v3 and gopkg.in/square/go-jose.v2) and jwx
// (github.com/lestrrat-go/jwx/v2), which agents still pin. They are judged as their
// current versions are (server/jwt.go, server/peek.go): an unverified parse is reported
// when its claims decide access, and silent when the same token is verified before it is
// accepted, when the token is the program's own, or when the claims are only printed.
package earliermajors

import (
	"errors"
	"fmt"
	"net/http"
	"os"

	josev3jwt "github.com/go-jose/go-jose/v3/jwt"
	"github.com/lestrrat-go/jwx/v2/jwa"
	"github.com/lestrrat-go/jwx/v2/jwt"
	"golang.org/x/oauth2"
	josev2jwt "gopkg.in/square/go-jose.v2/jwt"
)

func joseV3Unsafe(raw string) (josev3jwt.Claims, error) {
	var c josev3jwt.Claims
	tok, err := josev3jwt.ParseSigned(raw)
	if err != nil {
		return c, err
	}
	err = tok.UnsafeClaimsWithoutVerification(&c) // want `UnsafeClaimsWithoutVerification checks no signature, and the claims are returned as if verified`
	return c, err
}

// joseV2Admin lets a caller through on an unverified subject.
func joseV2Admin(w http.ResponseWriter, r *http.Request) {
	tok, err := josev2jwt.ParseSigned(r.Header.Get("X-Token"))
	if err != nil {
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	var c josev2jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil { // want `UnsafeClaimsWithoutVerification checks no signature, and the claims are compared in a condition`
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	if c.Subject != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	fmt.Fprintln(w, "welcome")
}

// joseV2OtherToken verifies a different token than the one it peeked at.
func joseV2OtherToken(raw, session string, key any) (string, error) {
	tok, err := josev2jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var peek josev2jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil { // want `UnsafeClaimsWithoutVerification checks no signature`
		return "", err
	}
	other, err := josev2jwt.ParseSigned(session)
	if err != nil {
		return "", err
	}
	var c josev2jwt.Claims
	if err := other.Claims(key, &c); err != nil {
		return "", err
	}
	return peek.Subject, nil
}

func jwxV2Insecure(b []byte) (jwt.Token, error) {
	return jwt.ParseInsecure(b) // want `jwt.ParseInsecure checks neither signature nor expiry, and the claims are returned as if verified`
}

func jwxV2NoVerify(b []byte) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithVerify(false)) // want `jwt.WithVerify\(false\) checks no signature, and the claims are returned as if verified`
}

// jwxV2Owner serves a user's data to whoever the unverified subject names.
func jwxV2Owner(w http.ResponseWriter, r *http.Request, notes map[string]string) {
	tok, err := jwt.ParseString(r.Header.Get("X-Token"), jwt.WithVerify(false)) // want `jwt.WithVerify\(false\) checks no signature, and the claims are used as a key to look data up`
	if err != nil {
		http.Error(w, "bad token", http.StatusUnauthorized)
		return
	}
	fmt.Fprintln(w, notes[tok.Subject()])
}

func jwxV2NoValidate(b []byte, key any) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.RS256, key), jwt.WithValidate(false)) // want `jwt.WithValidate\(false\): exp, nbf and iat are not checked`
}

// --- silent ---

// joseV3KeyByIssuer peeks at the issuer to pick the key, then verifies the same token.
func joseV3KeyByIssuer(raw string, keys map[string]any) (*josev3jwt.Claims, error) {
	tok, err := josev3jwt.ParseSigned(raw)
	if err != nil {
		return nil, err
	}
	var peek josev3jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, err
	}
	var c josev3jwt.Claims
	if err := tok.Claims(keys[peek.Issuer], &c); err != nil {
		return nil, err
	}
	return &c, c.Validate(josev3jwt.Expected{Issuer: peek.Issuer})
}

// joseV2Verified reads the claims of a verified token.
func joseV2Verified(raw string, key any) (josev2jwt.Claims, error) {
	var c josev2jwt.Claims
	tok, err := josev2jwt.ParseSigned(raw)
	if err != nil {
		return c, err
	}
	if err := tok.Claims(key, &c); err != nil {
		return c, err
	}
	return c, c.Validate(josev2jwt.Expected{Issuer: "https://issuer.example.com"})
}

// joseV2OwnIDToken reads the claims of the ID token the program itself just received
// from the token endpoint over TLS.
func joseV2OwnIDToken(t *oauth2.Token) (string, error) {
	raw, _ := t.Extra("id_token").(string)
	tok, err := josev2jwt.ParseSigned(raw)
	if err != nil {
		return "", err
	}
	var c josev2jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil {
		return "", err
	}
	return c.Subject, nil
}

// joseV3Show only prints the claims, as a debugging tool does: it decides no access.
func joseV3Show(raw string) error {
	tok, err := josev3jwt.ParseSigned(raw)
	if err != nil {
		return err
	}
	var c map[string]any
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil {
		return err
	}
	fmt.Println(c)
	return nil
}

func jwxV2Verified(b []byte, key any) (jwt.Token, error) {
	return jwt.Parse(b, jwt.WithKey(jwa.RS256, key), jwt.WithVerify(true))
}

// jwxV2PickKey reads the unverified issuer only to choose the key, then verifies.
func jwxV2PickKey(b []byte, keys map[string]any) (jwt.Token, error) {
	peek, err := jwt.ParseInsecure(b)
	if err != nil {
		return nil, err
	}
	key, ok := keys[peek.Issuer()]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	return jwt.Parse(b, jwt.WithKey(jwa.RS256, key))
}

// jwxV2OwnToken reads the program's own token from its environment.
func jwxV2OwnToken() (string, error) {
	tok, err := jwt.ParseString(os.Getenv("AGENT_TOKEN"), jwt.WithVerify(false))
	if err != nil {
		return "", err
	}
	if tok.Subject() == "" {
		return "", errors.New("no subject")
	}
	return tok.Subject(), nil
}

func jwxV2ValidateLater(b []byte, key any) (jwt.Token, error) {
	tok, err := jwt.Parse(b, jwt.WithKey(jwa.RS256, key), jwt.WithValidate(false))
	if err != nil {
		return nil, err
	}
	return tok, jwt.Validate(tok, jwt.WithIssuer("https://issuer.example.com"))
}

// DecodeParams and Decode: an API that hands the unverified claims of its caller's token
// to other packages, the token in a field of a parameter (clerk-sdk-go's jwt.Decode): its
// callers decide, and there are none here.
type DecodeParams struct {
	Token string
}

func Decode(params *DecodeParams) (*josev3jwt.Claims, error) {
	tok, err := josev3jwt.ParseSigned(params.Token)
	if err != nil {
		return nil, err
	}
	var c josev3jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil {
		return nil, err
	}
	return &c, nil
}
