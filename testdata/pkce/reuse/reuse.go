// Package reuse holds PKCE verifiers made once and reused for every login (RFC 7636 §4.1:
// a verifier must be fresh for each authorization request), and verifiers made per login.
package reuse

import (
	"context"
	"crypto/rand"
	"net/http"
	"os"
	"sync"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}}

// ---- reported: made once, reused by every login ----

// A package variable made at start-up, read by the login and the callback handlers: one
// finding, where it is first given away.
var verifier = oauth2.GenerateVerifier()

func login(w http.ResponseWriter, r *http.Request) {
	state := rand.Text()
	http.SetCookie(w, &http.Cookie{Name: "state", Value: state, HttpOnly: true, Secure: true})
	http.Redirect(w, r, cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), http.StatusFound) // want `PKCE verifier is the package-level variable verifier, set once at start-up: it must be unpredictable and new for each login`
}

func callback(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie("state"); err != nil || c.Value != r.FormValue("state") {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	_, _ = cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(verifier))
}

// A package variable read from the environment in func init: still one for every login.
var envVerifier string

func init() { envVerifier = os.Getenv("PKCE_VERIFIER") }

func envLogin(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(envVerifier)), http.StatusFound) // want `PKCE verifier is the package-level variable envVerifier, set once at start-up`
}

// A field set in the constructor and read by each login handler.
type Server struct {
	cfg      *oauth2.Config
	verifier string
}

func NewServer(c *oauth2.Config) *Server {
	return &Server{cfg: c, verifier: oauth2.GenerateVerifier()}
}

func (s *Server) Login(w http.ResponseWriter, r *http.Request) {
	u := s.cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(s.verifier)) // want `PKCE verifier is the field Server.verifier, set once when the Server is made and read by every request it serves`
	http.Redirect(w, r, u, http.StatusFound)
}

// The callback of the same server: the reuse is reported once, at the login.
func (s *Server) Callback(w http.ResponseWriter, r *http.Request) {
	_, _ = s.cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(s.verifier))
}

// A field set on the new struct, field by field, in the constructor.
type App struct {
	verifier string
	state    string
}

func NewApp() *App {
	a := &App{}
	a.verifier = oauth2.GenerateVerifier()
	a.state = rand.Text()
	return a
}

func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(a.verifier) // want `PKCE verifier is the field App.verifier, set once when the App is made`
	u := cfg.AuthCodeURL(a.state, oauth2.SetAuthURLParam("code_challenge", ch), oauth2.SetAuthURLParam("code_challenge_method", "S256"))
	http.Redirect(w, r, u, http.StatusFound)
}

// A handler made by a method, reading the field through the method's receiver.
type Handlers struct{ verifier string }

func NewHandlers(v string) Handlers { return Handlers{verifier: v} }

func (h Handlers) Login() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.SetAuthURLParam("code_challenge", h.verifier), // want `PKCE verifier is the field Handlers.verifier`
			oauth2.SetAuthURLParam("code_challenge_method", "S256")), http.StatusFound)
	}
}

// ---- silent: a verifier made for each login ----

// Made per request and kept in a cookie for the callback.
func freshLogin(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	http.SetCookie(w, &http.Cookie{Name: "pkce", Value: v, HttpOnly: true, Secure: true})
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(v)), http.StatusFound)
}

func freshCallback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("pkce")
	if err != nil {
		http.Error(w, "no login", http.StatusBadRequest)
		return
	}
	_, _ = cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(c.Value))
}

// Kept in the server's session store, keyed by state.
type Sessions struct {
	mu        sync.Mutex
	verifiers map[string]string
}

func (s *Sessions) Login(w http.ResponseWriter, r *http.Request) {
	state, v := rand.Text(), oauth2.GenerateVerifier()
	s.mu.Lock()
	s.verifiers[state] = v
	s.mu.Unlock()
	http.Redirect(w, r, cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(s.verifiers[state])), http.StatusFound)
}

func (s *Sessions) Callback(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	v := s.verifiers[r.FormValue("state")]
	s.mu.Unlock()
	_, _ = cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(v))
}

// A field set by the login handler itself, for each request.
type PerRequest struct{ verifier string }

func (p *PerRequest) Login(w http.ResponseWriter, r *http.Request) {
	p.verifier = oauth2.GenerateVerifier()
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(p.verifier)), http.StatusFound)
}

// A field set by a helper that each login calls.
type Begun struct{ verifier string }

func NewBegun() *Begun { return &Begun{verifier: oauth2.GenerateVerifier()} }

func (b *Begun) begin() { b.verifier = oauth2.GenerateVerifier() }

func (b *Begun) Login(w http.ResponseWriter, r *http.Request) {
	b.begin()
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(b.verifier)), http.StatusFound)
}

// A struct made by the login handler for this login only.
type flow struct{ verifier string }

func (f *flow) redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(f.verifier)), http.StatusFound)
}

func startFlow(w http.ResponseWriter, r *http.Request) {
	f := &flow{verifier: oauth2.GenerateVerifier()}
	f.redirect(w, r)
}

// A command-line login: one login per run, started outside any handler; the loopback
// callback reads the verifier the run made.
type cliLogin struct {
	verifier string
	codes    chan string
}

func newCLILogin() *cliLogin {
	return &cliLogin{verifier: oauth2.GenerateVerifier(), codes: make(chan string, 1)}
}

func (l *cliLogin) url(state string) string {
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(l.verifier))
}

func (l *cliLogin) callback(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"), oauth2.VerifierOption(l.verifier))
	_, _ = tok, err
}

// An exported field: code of another package may set it for each login.
type Options struct{ Verifier string }

func NewOptions() *Options { return &Options{Verifier: oauth2.GenerateVerifier()} }

func (o *Options) Login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(o.Verifier)), http.StatusFound)
}

// A field replaced whole, struct and all, by a method each login calls.
type Reset struct{ verifier string }

func (s *Reset) reset() { *s = Reset{verifier: oauth2.GenerateVerifier()} }

func (s *Reset) Login(w http.ResponseWriter, r *http.Request) {
	s.reset()
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text(), oauth2.S256ChallengeOption(s.verifier)), http.StatusFound)
}

// Read outside a handler (a function given a context, not a request).
type Worker struct{ verifier string }

func NewWorker() *Worker { return &Worker{verifier: oauth2.GenerateVerifier()} }

func (k *Worker) Exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.VerifierOption(k.verifier))
}
