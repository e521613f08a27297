// Package mw is shared OAuth middleware in another package than the callbacks.
package mw

import (
	"crypto/subtle"
	"errors"
	"net/http"
	"net/url"
)

// RequireState rejects callbacks whose state does not match the oauth_state cookie.
func RequireState(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("oauth_state")
		if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.URL.Query().Get("state"))) != 1 {
			http.Error(w, "bad state", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireStateFunc is RequireState for a handler function.
func RequireStateFunc(next http.HandlerFunc) http.HandlerFunc {
	return RequireState(next).ServeHTTP
}

// Route is an entry of a routing table.
type Route struct {
	Pattern string
	Handler http.HandlerFunc
}

// CheckState compares the state of a callback's query with the one kept at login.
func CheckState(q url.Values, want string) error {
	if subtle.ConstantTimeCompare([]byte(q.Get("state")), []byte(want)) != 1 {
		return errors.New("state mismatch")
	}
	return nil
}
