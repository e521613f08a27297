// Package caller serves requests and calls upstream, a helper in another package.
package caller

import (
	"net/http"
	"os"
	"strings"

	"example.com/agent/tokenpassthrough/upstream"
)

func Forward(w http.ResponseWriter, r *http.Request) {
	upstream.Get(r.Context(), "https://api.github.com/user", r.Header.Get("Authorization")) // want `the caller's bearer token is sent on to another service \(upstream.Get, which passes it to \(http.Header\).Set\)`
}

func ForwardStripped(w http.ResponseWriter, r *http.Request) {
	tok := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	upstream.Get(r.Context(), "https://api.github.com/user", tok) // want `caller's bearer token is sent on`
}

// Silent: the server's own credential, and the caller's token in a header that is not a
// credential header.
func OwnCredential(w http.ResponseWriter, r *http.Request) {
	upstream.Get(r.Context(), "https://api.github.com/user", os.Getenv("GITHUB_TOKEN"))
	upstream.GetJSON(r.Context(), "https://api.github.com/user", r.Header.Get("Authorization"))
	upstream.GetJSON(r.Context(), "https://api.github.com/user", r.Header.Get("Accept"))
}
