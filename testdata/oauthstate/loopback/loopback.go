// Package loopback holds CLI logins that receive the redirect on a loopback server
// (RFC 8252 §7.3) and check the state there, in the ways real command-line tools do.
package loopback

import (
	"context"
	"crypto/rand"
	"errors"
	"log"
	"net"
	"net/http"
	"sync"

	"golang.org/x/oauth2"

	"example.com/agent/oauthstate/mw"
)

var endpoint = oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}

// ---- silent ----

// The handler compares the state and exchanges the code itself.
func exchangeInHandler(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	state := rand.Text()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	conf.RedirectURL = "http://" + ln.Addr().String() + "/callback"
	tokens := make(chan *oauth2.Token, 1)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("state") != state {
			http.Error(w, "state mismatch", http.StatusBadRequest)
			return
		}
		tok, err := conf.Exchange(ctx, r.URL.Query().Get("code"))
		if err != nil {
			http.Error(w, "exchange failed", http.StatusBadGateway)
			return
		}
		tokens <- tok
	})}
	go srv.Serve(ln)
	log.Println("open", conf.AuthCodeURL(state))
	return <-tokens, nil
}

// The state is looked up in a store of pending logins (and removed).
type pendingLogins struct{ m sync.Map }

func (p *pendingLogins) callback(conf *oauth2.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		verifier, ok := p.m.LoadAndDelete(r.URL.Query().Get("state"))
		if !ok {
			http.Error(w, "unknown login", http.StatusBadRequest)
			return
		}
		_ = verifier
		tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"))
		_, _ = tok, err
	}
}

// The state is checked by a helper of another package given the query.
func checkedElsewhere(conf *oauth2.Config, want string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := mw.CheckState(r.URL.Query(), want); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"))
		_, _ = tok, err
	}
}

// A mismatch ends the process.
func fatalOnMismatch(conf *oauth2.Config, want string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if got := r.FormValue("state"); got != want {
			log.Fatal(errors.New("state mismatch"))
		}
		tok, err := conf.Exchange(r.Context(), r.FormValue("code"))
		_, _ = tok, err
	}
}

// ---- reported ----

// The handler exchanges whatever code reaches the loopback port.
func noCheck(conf *oauth2.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
		_, _ = tok, err
	}
}

// The state is only logged.
func onlyLogged(conf *oauth2.Config) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		log.Printf("callback for state %s", r.URL.Query().Get("state"))
		tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback reads state but never compares it`
		_, _ = tok, err
	}
}

func serve(conf *oauth2.Config) {
	mux := http.NewServeMux()
	mux.HandleFunc("/a", noCheck(conf))
	mux.HandleFunc("/b", onlyLogged(conf))
	mux.HandleFunc("/c", checkedElsewhere(conf, "x"))
	mux.HandleFunc("/d", fatalOnMismatch(conf, "x"))
	mux.HandleFunc("/e", (&pendingLogins{}).callback(conf))
	_ = http.ListenAndServe("127.0.0.1:8085", mux)
}
