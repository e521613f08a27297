// Package mwuser has callbacks that a middleware of package mw may wrap: whatever hands a
// callback to a function we cannot see is silent; a callback only registered as it is on
// a net/http mux is reported.
package mwuser

import (
	"log"
	"net/http"

	"golang.org/x/oauth2"

	"example.com/agent/oauthstate/mw"
)

var cfg = &oauth2.Config{ClientID: "agent"}

type app struct{ cfg *oauth2.Config }

func routes(mux *http.ServeMux, a *app) {
	mux.Handle("/cb/wrapped", mw.RequireState(http.HandlerFunc(wrapped)))
	mux.HandleFunc("/cb/wrappedFunc", mw.RequireStateFunc(wrappedFunc))
	mux.Handle("/cb/method", mw.RequireState(http.HandlerFunc(a.method)))
	mux.Handle("/cb/chain", mw.RequireState(logged(chained)))
	mux.Handle("/cb/lit", mw.RequireState(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, err := cfg.Exchange(r.Context(), r.FormValue("code"))
		_, _ = tok, err
	})))
	mux.Handle("/cb/inner", requireStateHere(inner))
	mux.Handle("/cb/made", mw.RequireState(makeCallback()))

	mux.HandleFunc("/cb/direct", direct)
	mux.Handle("/cb/converted", http.HandlerFunc(converted))
	mux.Handle("/cb/logged", logged(onlyLogged))
	mux.HandleFunc("/cb/lit2", func(w http.ResponseWriter, r *http.Request) {
		tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
		_, _ = tok, err
	})
	h := http.HandlerFunc(viaVar)
	mux.Handle("/cb/var", h)
	mux.Handle("/cb/dispatch", http.HandlerFunc(dispatch))
	srv := &http.Server{Handler: http.HandlerFunc(served)}
	_ = srv
}

var table = []mw.Route{{Pattern: "/cb/table", Handler: inTable}}

// ---- silent: a middleware may check the state first ----

func wrapped(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

func wrappedFunc(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

func (a *app) method(w http.ResponseWriter, r *http.Request) {
	tok, err := a.cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

// chained is wrapped by logged (which checks nothing), itself wrapped by mw.RequireState.
func chained(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

// inner is wrapped by a middleware of this package that hands it to mw.
func inner(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

func requireStateHere(h http.HandlerFunc) http.Handler { return mw.RequireState(h) }

func makeCallback() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
		_, _ = tok, err
	}
}

// inTable is in a routing table: who serves it is not seen.
func inTable(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

// ---- reported: served as it is ----

func direct(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func converted(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

// logged is a middleware of this package that never looks at the state.
func logged(next http.HandlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		log.Printf("%s %s", r.Method, r.URL.Path)
		next(w, r)
	})
}

func onlyLogged(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func viaVar(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

// dispatch calls the callback itself, without looking at the state.
func dispatch(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/cb/dispatch" {
		dispatched(w, r)
	}
}

func dispatched(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

func served(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

// stateGate is a middleware of this package around a whole mux: it checks the state on
// the callback path.
func stateGate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/cb/gated" {
			c, err := r.Cookie("oauth_state")
			if err != nil || c.Value != r.FormValue("state") {
				http.Error(w, "bad state", http.StatusForbidden)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

func serveGated() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/cb/gated", gated)
	return http.ListenAndServe(":8080", stateGate(mux))
}

func gated(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_, _ = tok, err
}

func serveLogged() error {
	mux := http.NewServeMux()
	mux.HandleFunc("/cb/logged-mux", loggedMux)
	return http.ListenAndServe(":8080", logged(mux.ServeHTTP))
}

func loggedMux(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}
