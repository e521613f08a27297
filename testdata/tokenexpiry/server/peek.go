package server

import (
	"errors"

	jose "github.com/go-jose/go-jose/v4"
	josejwt "github.com/go-jose/go-jose/v4/jwt"
	"github.com/golang-jwt/jwt/v5"
)

// An unverified peek at the issuer is fine when the same token is verified on every
// path that accepts it.

// internalShortcut accepts tokens of the internal issuer without verifying them: reported.
func internalShortcut(raw string, keys map[string]any) (*jwt.RegisteredClaims, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `ParseUnverified checks no signature, and the claims are compared in a condition`
		return nil, err
	}
	if claims.Issuer == "internal" {
		return &claims, nil
	}
	var verified jwt.RegisteredClaims
	if _, err := jwt.ParseWithClaims(raw, &verified, func(*jwt.Token) (any, error) { return keys[claims.Issuer], nil }); err != nil {
		return nil, err
	}
	return &verified, nil
}

// otherToken verifies a different token than the one it peeked at: reported.
func otherToken(raw, session string, key any) (string, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil { // want `ParseUnverified checks no signature`
		return "", err
	}
	if _, err := jwt.Parse(session, func(*jwt.Token) (any, error) { return key, nil }); err != nil {
		return "", err
	}
	return claims.Subject, nil
}

// --- silent ---

// viaHelper picks the key by issuer and has a helper of the package verify the same
// token before accepting it.
func viaHelper(raw string, keys map[string]any) (*jwt.RegisteredClaims, error) {
	var claims jwt.RegisteredClaims
	if _, _, err := jwt.NewParser().ParseUnverified(raw, &claims); err != nil {
		return nil, err
	}
	key, ok := keys[claims.Issuer]
	if !ok {
		return nil, errors.New("unknown issuer")
	}
	verified, err := verifyWith(raw, key)
	if err != nil {
		return nil, err
	}
	return verified, nil
}

func verifyWith(token string, key any) (*jwt.RegisteredClaims, error) {
	var c jwt.RegisteredClaims
	_, err := jwt.ParseWithClaims(token, &c, func(*jwt.Token) (any, error) { return key, nil }, jwt.WithExpirationRequired())
	return &c, err
}

// joseKeyByIssuer peeks with go-jose, then verifies the same parsed token.
func joseKeyByIssuer(raw string, keys map[string]any) (*josejwt.Claims, error) {
	tok, err := josejwt.ParseSigned(raw, []jose.SignatureAlgorithm{jose.RS256})
	if err != nil {
		return nil, err
	}
	var peek josejwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&peek); err != nil {
		return nil, err
	}
	var c josejwt.Claims
	if err := tok.Claims(keys[peek.Issuer], &c); err != nil {
		return nil, err
	}
	return &c, c.Validate(josejwt.Expected{Issuer: peek.Issuer})
}

// keyFuncPeek looks at the unverified claims inside the key function of a verifying parse.
func keyFuncPeek(raw string, keys map[string]any) (*jwt.Token, error) {
	return jwt.Parse(raw, func(t *jwt.Token) (any, error) {
		var claims jwt.RegisteredClaims
		if _, _, err := jwt.NewParser().ParseUnverified(t.Raw, &claims); err != nil {
			return nil, err
		}
		return keys[claims.Issuer], nil
	}, jwt.WithExpirationRequired())
}
