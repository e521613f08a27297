package client

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// --- static-refreshable: a client used once, right after the exchange, is silent ---

func userInfoChained(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	if err != nil {
		return
	}
	// A one-off request with a fresh token: the client is dropped at once.
	resp, err := oauth2.NewClient(r.Context(), oauth2.StaticTokenSource(tok)).Get("https://openidconnect.googleapis.com/v1/userinfo")
	if err != nil {
		return
	}
	resp.Body.Close()
}

func userInfoLocal(ctx context.Context, code string, req *http.Request) error {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return err
	}
	hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
	resp, err := hc.Get("https://api.example.com/me")
	if err != nil {
		return err
	}
	resp.Body.Close()
	defer hc.CloseIdleConnections()
	resp, err = hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func userInfoSourceVar(ctx context.Context, code string) error {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return err
	}
	ts := oauth2.StaticTokenSource(tok)
	hc := oauth2.NewClient(ctx, ts)
	resp, err := hc.Get("https://api.example.com/me")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func callbackHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := cfg.Exchange(r.Context(), r.FormValue("code"))
		if err != nil {
			return
		}
		hc := oauth2.NewClient(r.Context(), oauth2.StaticTokenSource(tok))
		if resp, err := hc.Get("https://api.example.com/me"); err == nil {
			resp.Body.Close()
		}
	})
}

func perCode(ctx context.Context, codes []string) {
	for _, code := range codes {
		// Token and client are both made anew in each iteration.
		tok, err := cfg.Exchange(ctx, code)
		if err != nil {
			continue
		}
		hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
		if resp, err := hc.Get("https://api.example.com/me"); err == nil {
			resp.Body.Close()
		}
	}
}

// --- static-refreshable: a client that outlives the moment is reported ---

type gitHubClient struct{ hc *http.Client }

// newGitHub stands for a client constructor (github.NewClient): it keeps the client.
func newGitHub(hc *http.Client) *gitHubClient { return &gitHubClient{hc: hc} }

func toConstructor(ctx context.Context, code string) *gitHubClient {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil
	}
	hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
	return newGitHub(hc)
}

func toConstructorDirect(ctx context.Context, code string) *gitHubClient {
	tok, _ := cfg.Exchange(ctx, code)
	return newGitHub(oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
}

func inLoop(ctx context.Context, code string, urls []string) {
	tok, _ := cfg.Exchange(ctx, code)
	hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
	for _, u := range urls {
		if resp, err := hc.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

func chainedInLoop(ctx context.Context, code string, urls []string) {
	tok, _ := cfg.Exchange(ctx, code)
	ts := oauth2.StaticTokenSource(tok) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
	for _, u := range urls {
		hc := oauth2.NewClient(ctx, ts)
		if resp, err := hc.Get(u); err == nil {
			resp.Body.Close()
		}
	}
}

func inGoroutine(ctx context.Context, code string) {
	tok, _ := cfg.Exchange(ctx, code)
	hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
	go func() {
		if resp, err := hc.Get("https://api.example.com/poll"); err == nil {
			resp.Body.Close()
		}
	}()
}

type session struct{ hc *http.Client }

func (s *session) stored(ctx context.Context, code string) {
	tok, _ := cfg.Exchange(ctx, code)
	s.hc = oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
}

func methodValue(ctx context.Context, code string) func(string) (*http.Response, error) {
	tok, _ := cfg.Exchange(ctx, code)
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)).Get // want `StaticTokenSource over a token from oauth2.Config.Exchange`
}

func inLiteral(ctx context.Context, code string) *session {
	tok, _ := cfg.Exchange(ctx, code)
	hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
	return &session{hc: hc}
}

func fieldSet(ctx context.Context, code string) *http.Client {
	tok, _ := cfg.Exchange(ctx, code)
	hc := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token from oauth2.Config.Exchange`
	hc.Timeout = 0
	return hc
}

func chainedPolling(ctx context.Context, code string, urls []string) {
	tok, _ := cfg.Exchange(ctx, code)
	for _, u := range urls {
		// The same token, in a new client for each request: it expires in the loop.
		if resp, err := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)).Get(u); err == nil { // want `StaticTokenSource over a token from oauth2.Config.Exchange`
			resp.Body.Close()
		}
	}
}

func chainedLater(ctx context.Context, code string) func() {
	tok, _ := cfg.Exchange(ctx, code)
	return func() {
		if resp, err := oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)).Get("https://api.example.com/me"); err == nil { // want `StaticTokenSource over a token from oauth2.Config.Exchange`
			resp.Body.Close()
		}
	}
}
