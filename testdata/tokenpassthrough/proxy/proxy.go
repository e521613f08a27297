// Package proxy holds httputil.ReverseProxy setups: those that forward the caller's
// Authorization header to a third-party API are reported where the proxy is built.
package proxy

import (
	"flag"
	"fmt"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"

	"golang.org/x/oauth2"
)

const (
	slackHost   = "slack.com"
	openAIHost  = "api.openai.com"
	gmailAPI    = "https://gmail.googleapis.com"
	internalAPI = "http://backend.internal:8080"
)

func mustParse(raw string) *url.URL {
	u, err := url.Parse(raw)
	if err != nil {
		panic(err)
	}
	return u
}

var gmailURL = mustParse(gmailAPI)

// --- reported -------------------------------------------------------------------------

// The shortest form: NewSingleHostReverseProxy keeps every request header.
func githubProxy() http.Handler {
	u, _ := url.Parse("https://api.github.com")
	return httputil.NewSingleHostReverseProxy(u) // want `httputil.NewSingleHostReverseProxy forwards the caller's Authorization header to the third-party API api.github.com: the caller's bearer token, issued for this server, is replayed upstream.*pr.Out.Header.Del\("Authorization"\)`
}

// Rewrite with SetURL, through a package-level URL and a helper that parses a constant.
func gmailProxy() {
	http.Handle("/gmail/", &httputil.ReverseProxy{ // want `this httputil.ReverseProxy forwards the caller's Authorization header to the third-party API gmail.googleapis.com`
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(gmailURL)
			pr.SetXForwarded()
			pr.Out.Header.Set("X-Request-Id", pr.In.Header.Get("X-Request-Id"))
		},
	})
}

// Director that routes by constant host.
func slackProxy() *http.Server {
	return &http.Server{
		Addr: ":8080",
		Handler: &httputil.ReverseProxy{ // want `to the third-party API slack.com`
			Director: func(req *http.Request) {
				req.URL.Scheme = "https"
				req.URL.Host = slackHost
				req.Host = slackHost
			},
		},
	}
}

// A wrapped Director that adds a header but keeps Authorization.
func graphProxy() {
	const graphHost = "graph.microsoft.com"
	target := &url.URL{Scheme: "https", Host: graphHost}
	p := httputil.NewSingleHostReverseProxy(target) // want `to the third-party API graph.microsoft.com`
	orig := p.Director
	p.Director = func(r *http.Request) {
		orig(r)
		r.Host = target.Host
		r.Header.Set("X-Forwarded-By", "mcp-proxy")
	}
	http.Handle("/graph/", p)
}

// Rewrite that sets the outgoing host by hand.
func openAIProxy() {
	p := &httputil.ReverseProxy{ // want `to the third-party API api.openai.com`
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme = "https"
			pr.Out.URL.Host = openAIHost
			pr.Out.Host = openAIHost
		},
		Transport: http.DefaultTransport,
	}
	_ = http.ListenAndServe(":8081", p)
}

// A named Director function of the package.
func githubDirector(req *http.Request) {
	req.URL.Scheme = "https"
	req.URL.Host = "api.github.com:443"
}

func namedDirector() {
	http.Handle("/gh/", &httputil.ReverseProxy{Director: githubDirector, Transport: &http.Transport{}}) // want `to the third-party API api.github.com`
}

// A wildcard entry: every subdomain of atlassian.net.
func jiraProxy(mux *http.ServeMux) {
	site, err := url.ParseRequestURI("https://acme.atlassian.net/rest/api/3")
	if err != nil {
		panic(err)
	}
	mux.Handle("/jira/", httputil.NewSingleHostReverseProxy(site)) // want `to the third-party API acme.atlassian.net`
}

// The Director held in a variable, as NewSingleHostReverseProxy's own source does.
func dropboxProxy() *http.Server {
	director := func(req *http.Request) {
		req.URL.Scheme = "https"
		req.URL.Host = "content.dropboxapi.com"
	}
	return &http.Server{Handler: &httputil.ReverseProxy{Director: director}} // want `to the third-party API content.dropboxapi.com`
}

// --- silent ---------------------------------------------------------------------------

// The server's own backend.
func backendProxy() http.Handler {
	u, _ := url.Parse(internalAPI)
	return httputil.NewSingleHostReverseProxy(u)
}

// The upstream comes from the environment, a flag or formatting: not known.
func envProxy() http.Handler {
	u, _ := url.Parse(os.Getenv("UPSTREAM_URL"))
	return httputil.NewSingleHostReverseProxy(u)
}

var upstreamFlag = flag.String("upstream", "https://api.github.com", "upstream URL")

func flagProxy() http.Handler {
	return httputil.NewSingleHostReverseProxy(mustParse(*upstreamFlag))
}

func formattedProxy(org string) http.Handler {
	u, _ := url.Parse(fmt.Sprintf("https://%s.atlassian.net", org))
	return httputil.NewSingleHostReverseProxy(u)
}

// A URL variable assigned twice: not known.
func reassignedProxy(useLocal bool) http.Handler {
	u, _ := url.Parse("https://api.github.com")
	if useLocal {
		u, _ = url.Parse("http://localhost:9000")
	}
	return httputil.NewSingleHostReverseProxy(u)
}

// A Director that deletes Authorization.
func strippingDirector() {
	http.Handle("/gh2/", &httputil.ReverseProxy{
		Director: func(req *http.Request) {
			req.URL.Scheme = "https"
			req.URL.Host = "api.github.com"
			req.Header.Del("authorization")
		},
	})
}

// A Rewrite that deletes Authorization.
func strippingRewrite() {
	http.Handle("/gmail2/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(gmailURL)
			pr.Out.Header.Del("Authorization")
		},
	})
}

// A Rewrite that sets the server's own token.
func ownTokenRewrite(ownToken string) {
	http.Handle("/slack2/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(&url.URL{Scheme: "https", Host: slackHost})
			pr.Out.Header.Set("Authorization", "Bearer "+ownToken)
		},
	})
}

// A Rewrite that sets another credential with SetBasicAuth.
func basicAuthRewrite(user, pass string) {
	http.Handle("/jira2/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(mustParse("https://acme.atlassian.net"))
			pr.Out.SetBasicAuth(user, pass)
		},
	})
}

// A wrapped Director that strips the header.
func wrappedStrip() {
	u, _ := url.Parse("https://api.github.com")
	p := httputil.NewSingleHostReverseProxy(u)
	orig := p.Director
	p.Director = func(r *http.Request) {
		orig(r)
		delete(r.Header, "Authorization")
	}
	http.Handle("/gh3/", p)
}

// A Rewrite that hands the request to code that sets the header (the oauth2 token).
func tokenRewrite(ts oauth2.TokenSource) {
	http.Handle("/gh4/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(mustParse("https://api.github.com"))
			tok, err := ts.Token()
			if err == nil {
				tok.SetAuthHeader(pr.Out)
			}
		},
	})
}

// A transport that authenticates with the server's own token.
func transportProxy(ts oauth2.TokenSource) {
	u, _ := url.Parse("https://api.github.com")
	p := httputil.NewSingleHostReverseProxy(u)
	p.Transport = &oauth2.Transport{Source: ts}
	http.Handle("/gh5/", p)
}

// Fresh headers for the outgoing request.
func freshHeaders() {
	http.Handle("/openai2/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.Out.URL.Scheme = "https"
			pr.Out.URL.Host = openAIHost
			pr.Out.Header = make(http.Header)
		},
	})
}

// Headers deleted by a list that is not constant: maybe Authorization.
var dropHeaders = []string{"Authorization", "Cookie"}

func listStrip() {
	http.Handle("/gh6/", &httputil.ReverseProxy{
		Director: func(req *http.Request) {
			req.URL.Scheme = "https"
			req.URL.Host = "api.github.com"
			for _, h := range dropHeaders {
				req.Header.Del(h)
			}
		},
	})
}

// Round-robin over the server's own children (the go-sdk distributed example).
func roundRobin(children []*url.URL, next func() int) http.Handler {
	return &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(children[next()%len(children)])
		},
	}
}

// googleapis.com itself is not a subdomain of googleapis.com, and the incoming URL's host
// is not a destination.
func apexAndIncoming() {
	http.Handle("/g/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(&url.URL{Scheme: "https", Host: "googleapis.com"})
			pr.In.URL.Host = "api.github.com"
		},
	})
}

// A replaced Director that drops the original route for the server's own backend.
func replacedDirector() {
	u, _ := url.Parse("https://api.github.com")
	p := httputil.NewSingleHostReverseProxy(u)
	p.Director = func(r *http.Request) {
		r.URL.Scheme = "http"
		r.URL.Host = "backend.internal"
	}
	http.Handle("/own/", p)
}

// A Director in a variable that deletes Authorization.
func dropboxStripped() *http.Server {
	director := func(req *http.Request) {
		req.URL.Scheme = "https"
		req.URL.Host = "content.dropboxapi.com"
		req.Header.Del("Authorization")
	}
	return &http.Server{Handler: &httputil.ReverseProxy{Director: director}}
}

// A Director from a function value the package does not define: not known.
func injectedDirector(director func(*http.Request)) http.Handler {
	return &httputil.ReverseProxy{Director: director}
}

// Package-level proxies: one is changed in init to delete Authorization, one is not.
var (
	hubURL, _ = url.Parse("https://uploads.github.com")
	hubProxy  = httputil.NewSingleHostReverseProxy(hubURL) // want `to the third-party API uploads.github.com`
	hubSafe   = httputil.NewSingleHostReverseProxy(hubURL)
)

func init() {
	director := hubSafe.Director
	hubSafe.Director = func(r *http.Request) {
		director(r)
		r.Header.Del("Authorization")
	}
	http.Handle("/uploads/", hubProxy)
	http.Handle("/uploads-safe/", hubSafe)
}

// A handler that deletes the caller's token before it serves the request through the proxy.
func handlerStrips() {
	u, _ := url.Parse("https://api.github.com")
	p := httputil.NewSingleHostReverseProxy(u)
	http.HandleFunc("/gh7/", func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Authorization")
		p.ServeHTTP(w, r)
	})
}

// A middleware of the package that deletes it.
func stripAuth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Header.Del("Authorization")
		next.ServeHTTP(w, r)
	})
}

func middlewareStrips() {
	u, _ := url.Parse("https://api.github.com")
	http.Handle("/gh8/", stripAuth(httputil.NewSingleHostReverseProxy(u)))
}

// A handler that only logs before it serves: reported.
func handlerLogs() {
	u, _ := url.Parse("https://api.linear.app")
	p := httputil.NewSingleHostReverseProxy(u) // want `to the third-party API api.linear.app`
	http.HandleFunc("/linear/", func(w http.ResponseWriter, r *http.Request) {
		r.Header.Set("X-Forwarded-User", "agent")
		p.ServeHTTP(w, r)
	})
}
