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
