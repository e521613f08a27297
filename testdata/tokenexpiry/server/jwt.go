package server

import (
	"errors"
	"fmt"

	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	"github.com/lestrrat-go/jwx/v3/jwa"
	jwxjwt "github.com/lestrrat-go/jwx/v3/jwt"
	"golang.org/x/oauth2"
)

func keyFunc(*jwt.Token) (any, error) { return []byte(nil), nil }

func noClaimsV5(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc, jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation\(\): exp, nbf and iat are not checked`
}

func noClaimsV4(raw string) (*jwtv4.Token, error) {
	p := jwtv4.NewParser(jwtv4.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation\(\)`
	return p.Parse(raw, func(*jwtv4.Token) (any, error) { return []byte(nil), nil })
}

func skipFieldV4(raw string) (*jwtv4.Token, error) {
	p := &jwtv4.Parser{SkipClaimsValidation: true} // want `jwt.Parser SkipClaimsValidation`
	return p.Parse(raw, func(*jwtv4.Token) (any, error) { return []byte(nil), nil })
}

func unverifiedV5(raw string) (string, error) {
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil { // want `jwt.Parser.ParseUnverified checks no signature`
		return "", err
	}
	sub, _ := claims.GetSubject()
	return sub, nil
}

func unverifiedV4(raw string) (*jwtv4.Token, error) {
	tok, _, err := new(jwtv4.Parser).ParseUnverified(raw, jwtv4.MapClaims{}) // want `ParseUnverified checks no signature`
	return tok, err
}

func joseUnsafe(raw string) (josejwt.Claims, error) {
	var c josejwt.Claims
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return c, err
	}
	err = tok.UnsafeClaimsWithoutVerification(&c) // want `UnsafeClaimsWithoutVerification checks no signature`
	return c, err
}

func jwxNoVerify(b []byte) (jwxjwt.Token, error) {
	return jwxjwt.Parse(b, jwxjwt.WithVerify(false)) // want `jwt.WithVerify\(false\) checks no signature`
}

func jwxNoValidate(b []byte, key any) (jwxjwt.Token, error) {
	return jwxjwt.Parse(b, jwxjwt.WithKey(jwa.RS256(), key), jwxjwt.WithValidate(false)) // want `jwt.WithValidate\(false\): exp, nbf and iat are not checked`
}

func jwxInsecure(b []byte) (jwxjwt.Token, error) {
	return jwxjwt.ParseInsecure(b) // want `jwt.ParseInsecure checks neither signature nor expiry`
}

// --- silent ---

func strictV5(raw string) (*jwt.Token, error) {
	return jwt.Parse(raw, keyFunc, jwt.WithExpirationRequired(), jwt.WithValidMethods([]string{"RS256"}))
}

// pickKey reads the unverified issuer only to choose the key, then verifies.
func pickKey(raw string, keys map[string]any) (*jwt.Token, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return nil, err
	}
	key, ok := keys[claims.Issuer]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	return jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithExpirationRequired())
}

// ownIDToken reads the claims of an ID token the program itself just received from the
// token endpoint over TLS.
func ownIDToken(tok *oauth2.Token) (string, error) {
	raw, _ := tok.Extra("id_token").(string)
	claims := jwt.MapClaims{}
	if _, _, err := jwt.NewParser().ParseUnverified(raw, claims); err != nil {
		return "", err
	}
	return claims.GetSubject()
}

func joseVerified(raw string, key any) (josejwt.Claims, error) {
	var c josejwt.Claims
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return c, err
	}
	if err := tok.Claims(key, &c); err != nil {
		return c, err
	}
	return c, c.Validate(josejwt.Expected{Issuer: "https://issuer.example.com"})
}

func jwxDefault(b []byte, key any) (jwxjwt.Token, error) {
	return jwxjwt.Parse(b, jwxjwt.WithKey(jwa.RS256(), key), jwxjwt.WithVerify(true))
}

func jwxValidateLater(b []byte, key any) (jwxjwt.Token, error) {
	tok, err := jwxjwt.Parse(b, jwxjwt.WithKey(jwa.RS256(), key), jwxjwt.WithValidate(false))
	if err != nil {
		return nil, err
	}
	return tok, jwxjwt.Validate(tok, jwxjwt.WithIssuer("https://issuer.example.com"))
}

// showToken only prints the claims, as a debugging tool does: it decides no access.
func showToken(raw string) error {
	tok, _, err := jwt.NewParser().ParseUnverified(raw, jwt.MapClaims{})
	if err != nil {
		return err
	}
	fmt.Println(tok.Header, tok.Claims)
	return nil
}
