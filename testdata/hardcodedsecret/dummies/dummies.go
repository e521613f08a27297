// Package dummies holds values that look like credentials at a credential sink but are
// documented dummies: silent.
package dummies

import (
	"net/http"
	"os"
)

func LocalLLM(req *http.Request) {
	req.Header.Set("Authorization", "Bearer sk-no-key-required") // llama.cpp server
	req.Header.Set("Authorization", "Bearer lm-studio")          // LM Studio
	req.Header.Set("Authorization", "Bearer ollama")
	req.Header.Set("Authorization", "Bearer not-needed")
	req.Header.Set("Authorization", "Bearer anonymous")
	// A random-looking value at the same sink is still reported.
	req.Header.Set("Authorization", "Bearer q7Xv2LmP9wRt4KsZ8bNc3HdY") // want `hard-coded credential "q7Xv…" \(24 chars\) in the Authorization header`
}

// GitHub's documented Basic convention: the token is the user name, the password is fixed.
func GitHubBasic(req *http.Request) {
	req.SetBasicAuth(os.Getenv("GITHUB_TOKEN"), "x-oauth-basic")
}

// jwt.io's public sample token, quoted in a help text.
const Usage = `curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c" https://api.example.com`

// jwt.io's RS256 sample, used as a probe that must fail signature verification.
const Probe = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiYWRtaW4iOnRydWUsImlhdCI6MTUxNjIzOTAyMn0.Oauthvet0Fixture0Signature0Of0The0Sample0Probe0Q7xV2LmP9wRt4KsZ8bNc3HdY"

// Another payload in the same form is still a JWT written in source.
const Pinned = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhZ2VudC03NzEiLCJzY29wZSI6InJlcG8iLCJpYXQiOjE3MzAwMDAwMDB9.h6Tq0pXv3Lk9RwZ2mB8nC4yF7sJ1dG5aE0uI9oK2rT4" // want `JSON Web Token "eyJh…" \(\d+ chars\) written in source`
