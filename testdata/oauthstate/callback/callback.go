package callback

import (
	"context"
	"crypto/subtle"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent"}

type server struct{ cfg *oauth2.Config }

// ---- reported ----

func noCheck(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state: .* oauth2.VerifierOption\(v\)`
	_, _ = tok, err
}

func queryCode(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	tok, err := cfg.Exchange(context.Background(), code) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func queryVar(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	tok, err := cfg.Exchange(ctx, q.Get("code"), oauth2.AccessTypeOffline) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	tok, err := s.cfg.Exchange(r.Context(), r.Form.Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func closure() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.FormValue("error") != "" {
			http.Error(w, "denied", http.StatusForbidden)
			return
		}
		tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
		_, _ = tok, err
	}
}

func checkedTooLate(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback reads state only after exchanging the code`
	if r.FormValue("state") != "expected" {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	_, _ = tok, err
}

// ---- silent ----

func compared(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("oauth_state")
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

func comparedIndex(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if len(q["state"]) != 1 || q["state"][0] != lookup(r) {
		return
	}
	tok, err := cfg.Exchange(r.Context(), q.Get("code"))
	_, _ = tok, err
}

func lookup(r *http.Request) string { c, _ := r.Cookie("s"); return c.Value }

func helperChecks(w http.ResponseWriter, r *http.Request) {
	if !validState(r) {
		return
	}
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"))
	_, _ = tok, err
}

func validState(r *http.Request) bool {
	c, _ := r.Cookie("s")
	return c != nil && c.Value == r.FormValue("state")
}

// The helper given the request looks at the session only, never at the state.
func helperSkipsState(w http.ResponseWriter, r *http.Request) {
	if !hasSession(r) {
		return
	}
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func hasSession(r *http.Request) bool { c, _ := r.Cookie("s"); return c != nil && c.Value != "" }

func withPKCE(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("pkce")
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(c.Value))
	_, _ = tok, err
}

func optionsUnknown(w http.ResponseWriter, r *http.Request, opts ...oauth2.AuthCodeOption) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"), opts...)
	_, _ = tok, err
}

func codeNotFromRequest(ctx context.Context, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code)
}

func codeFromElsewhere(w http.ResponseWriter, r *http.Request, code string) {
	tok, err := cfg.Exchange(r.Context(), code)
	_, _ = tok, err
}

func deviceFlow(w http.ResponseWriter, r *http.Request) {
	da, err := cfg.DeviceAuth(r.Context())
	if err == nil {
		_, _ = cfg.DeviceAccessToken(r.Context(), da)
	}
}

func parsedQuery(w http.ResponseWriter, r *http.Request, want string) {
	vals, err := url.ParseQuery(r.URL.RawQuery)
	if err != nil || vals.Get("state") != want {
		return
	}
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

// The token endpoint of an authorization-server facade: a token request carries no state.
func tokenEndpoint(w http.ResponseWriter, r *http.Request) {
	if r.PostFormValue("grant_type") != "authorization_code" {
		http.Error(w, "unsupported_grant_type", http.StatusBadRequest)
		return
	}
	tok, err := cfg.Exchange(r.Context(), r.PostFormValue("code"))
	_, _ = tok, err
}
