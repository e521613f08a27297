// Package middleware checks the state in a middleware before the callback runs.
package middleware

import (
	"net/http"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent"}

func checkState(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("state")
		if err != nil || c.Value != r.FormValue("state") {
			http.Error(w, "bad state", http.StatusBadRequest)
			return
		}
		next(w, r)
	}
}

func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"))
	_, _ = tok, err
}

var route = checkState(callback)
