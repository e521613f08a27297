// Package unchecked has callbacks that read the state: a read counts only where the state
// may be compared with the value kept at login, and only in the callback itself or in a
// helper it hands the request to.
package unchecked

import (
	"bytes"
	"crypto/hmac"
	"errors"
	"log"
	"net/http"
	"strings"

	"golang.org/x/oauth2"
)

var gh, gl, cfg *oauth2.Config

var tokens = map[string]*oauth2.Token{}

var pending = map[string]string{}

type session struct {
	state string
	tok   *oauth2.Token
}

var sessions = map[string]*session{}

func checkState(r *http.Request) error { // used by the GitHub callback only
	if c, err := r.Cookie("st"); err != nil || c.Value != r.URL.Query().Get("state") {
		return errors.New("bad state")
	}
	return nil
}

// ---- reported ----

// Another callback of the package checks the state; this one does not.
func gitLabCallback(w http.ResponseWriter, r *http.Request) {
	gl.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback exchanges the code without checking state`
}

// The state carries the user's ID: it is only a map key to store the token under.
func userIDInState(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("state")
	tok, _ := cfg.Exchange(r.Context(), r.URL.Query().Get("code")) // want `callback reads state but never compares it`
	tokens[uid] = tok
}

// The state is the return path, used after the exchange.
func returnTo(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback reads state but never compares it`
	if err != nil {
		return
	}
	_ = tok
	http.Redirect(w, r, r.FormValue("state"), http.StatusFound)
}

func storedInStruct(w http.ResponseWriter, r *http.Request) {
	s := &session{state: r.FormValue("state")}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback reads state but never compares it`
	s.tok = tok
	sessions["x"] = s
}

func onlyLogged(w http.ResponseWriter, r *http.Request) {
	st := strings.TrimSpace(r.FormValue("state"))
	log.Printf("callback for state %s", st)
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback reads state but never compares it`
	_ = tok
}

func onlyPresent(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if !q.Has("state") || q.Get("state") == "" || len(q["state"]) != 1 {
		http.Error(w, "missing state", http.StatusBadRequest)
		return
	}
	tok, _ := cfg.Exchange(r.Context(), q.Get("code")) // want `callback reads state but never compares it`
	_ = tok
}

// ---- silent ----

func gitHubCallback(w http.ResponseWriter, r *http.Request) {
	if checkState(r) != nil {
		return
	}
	gh.Exchange(r.Context(), r.URL.Query().Get("code"))
}

func lookedUp(w http.ResponseWriter, r *http.Request) {
	state := r.URL.Query().Get("state")
	if _, ok := pending[state]; !ok {
		return
	}
	delete(pending, state)
	tok, _ := cfg.Exchange(r.Context(), r.URL.Query().Get("code"))
	_ = tok
}

func verified(w http.ResponseWriter, r *http.Request) {
	if !verifyState(r.Context().Value("sid"), r.FormValue("state")) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func verifyState(sid any, state string) bool { return sid != nil && state != "" }

func hmacCompared(w http.ResponseWriter, r *http.Request, want []byte) {
	if !hmac.Equal([]byte(r.FormValue("state")), want) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func bytesCompared(w http.ResponseWriter, r *http.Request, want []byte) {
	got := []byte(r.FormValue("state"))
	if !bytes.Equal(got, want) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func foldCompared(w http.ResponseWriter, r *http.Request, want string) {
	if !strings.EqualFold(r.FormValue("state"), want) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func switched(w http.ResponseWriter, r *http.Request, a, b string) {
	switch r.FormValue("state") {
	case a, b:
	default:
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func sessionLookup(w http.ResponseWriter, r *http.Request) {
	st := r.FormValue("state")
	s := sessions[st]
	if s == nil {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	s.tok = tok
}

// The state is read by a helper that returns it: the caller may compare it.
func viaGetter(w http.ResponseWriter, r *http.Request) {
	if stateOf(r) != sessionState(r) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func stateOf(r *http.Request) string { return r.FormValue("state") }

func sessionState(r *http.Request) string { c, _ := r.Cookie("s"); return c.Value }

// A helper reading a parameter named elsewhere may read the state.
func namedElsewhere(w http.ResponseWriter, r *http.Request) {
	if !paramMatches(r, "state", "want") {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func paramMatches(r *http.Request, key, want string) bool { return r.FormValue(key) == want }

// A helper that hands the request to another package may check the state there.
func handedOn(w http.ResponseWriter, r *http.Request, check func(*http.Request) bool) {
	if !forward(r, check) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

func forward(r *http.Request, check func(*http.Request) bool) bool { return check(r) }

type params struct{ State, Code string }

func (p *params) valid(want string) bool { return p.State == want }

// The state goes into a local struct that is then checked.
func inLocalStruct(w http.ResponseWriter, r *http.Request, want string) {
	p := &params{}
	p.State = r.FormValue("state")
	if !p.valid(want) {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}

type handler struct {
	lastState string
	cfg       *oauth2.Config
}

// The state is kept in a field of the receiver and never compared.
func (h *handler) keptInReceiver(w http.ResponseWriter, r *http.Request) {
	h.lastState = r.FormValue("state")
	tok, _ := h.cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback reads state but never compares it`
	_ = tok
}

var stateParam = "state"

// The parameter's name is a variable: it may be the state.
func keyInVariable(w http.ResponseWriter, r *http.Request, want string) {
	if r.FormValue(stateParam) != want {
		return
	}
	tok, _ := cfg.Exchange(r.Context(), r.FormValue("code"))
	_ = tok
}
