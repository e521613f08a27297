// Package jwtuse calls jwtlib and imports no token library itself: it is not looked at.
// Its uses of jwtlib.ParseUnverified are not judged: on real code (pocketbase's apis
// package) such callers read claims of tokens verified elsewhere, by a middleware or
// through an interface, which the check cannot see.
package jwtuse

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"example.com/agent/tokenexpiry/jwtlib"
)

// --- silent ---

// admin decides on the unverified role of a token it may have verified in a middleware:
// not judged here (a known miss where it did not).
func admin(w http.ResponseWriter, r *http.Request) {
	claims, err := jwtlib.ParseUnverified(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "))
	if err != nil || claims["role"] != "admin" {
		http.Error(w, "forbidden", http.StatusForbidden)
	}
}

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
