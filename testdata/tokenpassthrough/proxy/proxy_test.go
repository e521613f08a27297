package proxy

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"testing"
)

// Test code is not reported.
func TestGitHubProxy(t *testing.T) {
	u, _ := url.Parse("https://api.github.com")
	p := httputil.NewSingleHostReverseProxy(u)
	http.Handle("/test/", p)
}
