// Package hardened returns a proxy and strips Authorization from proxies it is given: the
// returned proxy may be hardened by its caller, so it is not reported.
package hardened

import (
	"net/http"
	"net/http/httputil"
	"net/url"
)

func New() *httputil.ReverseProxy {
	u, _ := url.Parse("https://api.github.com")
	return httputil.NewSingleHostReverseProxy(u)
}

// Harden deletes the caller's credentials before the request goes upstream.
func Harden(p *httputil.ReverseProxy) {
	orig := p.Director
	p.Director = func(r *http.Request) {
		orig(r)
		r.Header.Del("Authorization")
	}
}
