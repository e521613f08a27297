package a

import (
	"testing"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
)

// Test code requests what its fake server hands out.
func TestConfig(t *testing.T) {
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"repo", "admin:org", "delete_repo"}}
}
