package app

import (
	"net/http"

	"example.com/e2e/lib"
)

func Call(req *http.Request) {
	req.Header.Set("Authorization", "Bearer Zq8vN3xK7mL2pR5tW9yB4cF6hJ1dG0sA")
	req.SetBasicAuth("agent", lib.Password)
	_ = "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"
	req.Header.Set("Content-Type", "application/json")
}

// Handle passes the caller's bearer token to a logging helper of another package.
func Handle(w http.ResponseWriter, r *http.Request) {
	lib.Debug(r.Header.Get("Authorization"))
}
