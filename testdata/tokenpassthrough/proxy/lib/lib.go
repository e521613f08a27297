// Package lib returns a proxy; nothing in the package changes a proxy it did not build.
package lib

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

const githubAPI = "https://api.github.com"

// NewGitHubProxy is returned to callers as it is: it forwards Authorization.
func NewGitHubProxy() *httputil.ReverseProxy {
	u, _ := url.Parse(githubAPI)
	return httputil.NewSingleHostReverseProxy(u) // want `to the third-party API api.github.com`
}

// A proxy built and changed here: it is not the one returned above.
func Local() {
	u, _ := url.Parse("http://localhost:8080")
	p := httputil.NewSingleHostReverseProxy(u)
	orig := p.Director
	p.Director = func(r *http.Request) {
		orig(r)
		r.Header.Set("X-Local", "1")
	}
	http.Handle("/", p)
}
