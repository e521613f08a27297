// Package jwtlib hands out a token's claims without verifying it, for callers that peek // want package:"tokenexpiryFacts"
// at them, and verifies tokens. Whether the unverified claims decide access is seen where
// they are used, in other packages (jwtuse).
package jwtlib

import (
	"github.com/golang-jwt/jwt/v5"
)

// ParseUnverified returns the claims of token; it checks no signature.
func ParseUnverified(token string) (jwt.MapClaims, error) { // want ParseUnverified:"returnsUnverifiedClaims\\(param 0\\)"
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(token, claims)
	return claims, err
}

// Verify checks token's signature with key.
func Verify(token, key string) (jwt.MapClaims, error) { // want Verify:"verifiesToken\\(param 0\\)"
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return []byte(key), nil }, jwt.WithExpirationRequired())
	return claims, err
}
