// Package signedauth authenticates server-to-server requests signed with Matrix
// federation's X-Matrix scheme: the Authorization value signs this one request (origin,
// key id, an Ed25519 signature), and is no bearer credential once the code has checked
// its scheme.
package signedauth

import (
	"log"
	"log/slog"
	"net/http"
	"strings"
)

func Authenticate(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	if auth == "" {
		return false
	} else if !strings.HasPrefix(auth, "X-Matrix ") {
		log.Printf("unexpected authorization %s", auth) // want `Authorization header reaches a log \(log.Printf\)`
		return false
	}
	if !strings.Contains(auth, "sig=") {
		slog.Debug("malformed X-Matrix header", "auth_header", auth)
		log.Printf("malformed X-Matrix header %q", auth)
		return false
	}
	return true
}

// A Bearer prefix checked is still a bearer token; and a scheme checked on another value
// says nothing of this one.
func Bearer(r *http.Request) {
	auth := r.Header.Get("Authorization")
	if strings.HasPrefix(auth, "Bearer ") {
		log.Printf("bearer %s", auth) // want `Authorization header reaches a log \(log.Printf\)`
	}
	other := r.Header.Get("X-Forwarded-Authorization")
	if strings.HasPrefix(other, "X-Matrix ") {
		log.Printf("auth %s", auth) // want `Authorization header reaches a log \(log.Printf\)`
	}
}
