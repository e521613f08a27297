package server

import (
	"fmt"
	"net/http"
	"strings"

	jwtv4 "github.com/golang-jwt/jwt/v4"
	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

// Claims validation switched off: reported where a caller's token decides access.

func callerClaims(r *http.Request) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	p := jwt.NewParser(jwt.WithoutClaimsValidation()) // want `jwt.WithoutClaimsValidation\(\): exp, nbf and iat are not checked`
	if _, err := p.ParseWithClaims(raw, claims, keyFunc); err != nil {
		return nil, err
	}
	return claims, nil
}

// --- silent ---

// ownAccessToken reads the claims of the program's own access token, from its token
// source, to show who it is logged in as.
func ownAccessToken(ts oauth2.TokenSource) (string, error) {
	tok, err := ts.Token()
	if err != nil {
		return "", err
	}
	claims := jwt.MapClaims{}
	if _, err := jwt.ParseWithClaims(tok.AccessToken, claims, keyFunc, jwt.WithoutClaimsValidation()); err != nil {
		return "", err
	}
	return claims.GetSubject()
}

// printExpired prints a caller's (possibly expired) token for debugging: nothing is
// decided on it.
func printExpired(w http.ResponseWriter, r *http.Request) {
	raw := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	p := &jwtv4.Parser{SkipClaimsValidation: true}
	tok, err := p.Parse(raw, func(*jwtv4.Token) (any, error) { return []byte(nil), nil })
	if err != nil {
		fmt.Fprintln(w, "invalid:", err)
		return
	}
	fmt.Fprintln(w, tok.Claims)
}
