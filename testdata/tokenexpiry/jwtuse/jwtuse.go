// Package jwtuse calls jwtlib, which imports no token library here.
package jwtuse

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"example.com/agent/tokenexpiry/jwtlib"
)

// admin decides on the unverified role: reported where jwtlib is called.
func admin(w http.ResponseWriter, r *http.Request) {
	claims, err := jwtlib.ParseUnverified(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")) // want `jwtlib.ParseUnverified returns its token's claims unverified \(jwt.Parser.ParseUnverified checks no signature\), and the claims are compared in a condition`
	if err != nil || claims["role"] != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

// --- silent ---

// recordKey peeks at the record id to find its key, then verifies the same token before
// accepting it.
func recordKey(token string, keys map[string]string) (string, error) {
	claims, err := jwtlib.ParseUnverified(token)
	if err != nil {
		return "", err
	}
	id, _ := claims["id"].(string)
	key, ok := keys[id]
	if !ok {
		return "", errors.New("unknown record")
	}
	if _, err := jwtlib.Verify(token, key); err != nil {
		return "", err
	}
	return id, nil
}

// show prints the claims of a caller's token.
func show(w http.ResponseWriter, r *http.Request) {
	claims, err := jwtlib.ParseUnverified(r.URL.Query().Get("token"))
	if err != nil {
		return
	}
	fmt.Fprintln(w, claims)
}
