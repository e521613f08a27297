// Package jwtlib hands out a token's claims without verifying it, for callers that peek
// at them, and verifies tokens. Its own handler decides on the unverified claims:
// reported at the parse. Other packages' uses are not judged (jwtuse).
package jwtlib

import (
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

// ParseUnverified returns the claims of token; it checks no signature.
func ParseUnverified(token string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(token, claims) // want `jwt.Parser.ParseUnverified checks no signature, and the claims are compared in a condition`
	return claims, err
}

// Verify checks token's signature with key.
func Verify(token, key string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) { return []byte(key), nil }, jwt.WithExpirationRequired())
	return claims, err
}

// Admin lets admins through on the unverified role claim.
func Admin(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		claims, err := ParseUnverified(r.Header.Get("X-Token"))
		if err != nil || claims["role"] != "admin" {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}
