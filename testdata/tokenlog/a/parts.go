package a

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strings"

	"github.com/golang-jwt/jwt/v5"
	"golang.org/x/oauth2"
)

// What part of a credential is secret.

// The user half of a Basic credential is no secret; the password half is.
func basicUser(w http.ResponseWriter, r *http.Request) {
	auth := r.Header.Get("Authorization")
	raw, _ := base64.StdEncoding.DecodeString(strings.TrimPrefix(auth, "Basic "))
	parts := strings.SplitN(string(raw), ":", 2)
	log.Printf("basic auth for user %q", parts[0])
	if len(parts) == 2 {
		log.Printf("password %q", parts[1]) // want `Authorization header reaches a log \(log.Printf\)`
	}
	user, pass, _ := strings.Cut(string(raw), ":")
	slog.Info("login", "user", user)
	slog.Info("login", "pass", pass) // want `Authorization header reaches a log \(slog.Info\)`
	if i := strings.IndexByte(string(raw), ':'); i >= 0 {
		log.Printf("user %s", string(raw)[:i])
		log.Printf("password %s", string(raw)[i+1:]) // want `Authorization header reaches a log \(log.Printf\)`
	}
	scheme := strings.Fields(auth)[0]
	log.Printf("scheme %s", scheme)
	log.Printf("credential %s", strings.Fields(auth)[1]) // want `Authorization header reaches a log \(log.Printf\)`
}

// Headers other than the credential ones carry none.
func namedHeaders(w http.ResponseWriter, r *http.Request) {
	for _, name := range []string{"User-Agent", "X-Request-Id"} {
		log.Printf("%s: %s", name, r.Header.Get(name))
	}
	for k, v := range r.Header {
		if k == "X-Request-Id" {
			log.Printf("request id %v", v)
		}
	}
	for k, v := range r.Header {
		switch k {
		case "Content-Type", "Accept":
			log.Printf("%s: %v", k, v)
		}
	}
	for k, v := range r.Header {
		if k == "Authorization" {
			log.Printf("auth %v", v) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
		}
		if k != "X-Request-Id" {
			log.Printf("%s: %v", k, v) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
		}
	}
	log.Printf("key %s", r.Header.Get("X-Api-Key")) // want `API key header reaches a log \(log.Printf\)`
	log.Printf("key %v", r.Header["Private-Token"]) // want `API key header reaches a log \(log.Printf\)`
	log.Printf("trace %v", r.Header["X-Trace-Id"])
}

// Claims of a token are not the token.
func claimValues(raw string) {
	parsed, err := jwt.Parse(raw, nil)
	if err != nil {
		log.Printf("bad token %s: %v", raw, err) // want `JWT reaches a log \(log.Printf\)`
		return
	}
	claims, _ := parsed.Claims.(jwt.MapClaims)
	log.Printf("sub=%v email=%v", claims["sub"], claims["email"])
	payload, _ := base64.RawURLEncoding.DecodeString(strings.Split(raw, ".")[1])
	var c struct {
		Sub   string `json:"sub"`
		Email string `json:"email"`
		SID   string `json:"sid"`
	}
	_ = json.Unmarshal(payload, &c)
	log.Printf("sub=%s email=%s sid=%s", c.Sub, c.Email, c.SID)
	m := decodeClaims(raw)
	log.Printf("sub=%v sid=%v", m["sub"], m["sid"])
}

func decodeClaims(raw string) map[string]any {
	parts := strings.Split(raw, ".")
	if len(parts) != 3 {
		return nil
	}
	b, _ := base64.RawURLEncoding.DecodeString(parts[1])
	m := map[string]any{}
	_ = json.Unmarshal(b, &m)
	return m
}

type tokenStore interface {
	Save(path string, tok *oauth2.Token) error
	Describe(tok string) string
}

type fileStore struct{ dir string }

func (f fileStore) Save(path string, tok *oauth2.Token) error {
	b, err := json.Marshal(tok)
	if err != nil {
		return fmt.Errorf("encode token: %w", err)
	}
	return os.WriteFile(path, b, 0o600)
}

// The result of a call given a token is no token unless the callee returns it.
func callResults(ctx context.Context, st tokenStore, fs fileStore, tok *oauth2.Token, lookup func(string) (string, error)) {
	if err := fs.Save("tok.json", tok); err != nil {
		log.Printf("save: %v", err)
	}
	if err := st.Save("tok.json", tok); err != nil {
		log.Printf("save: %v", err)
	}
	log.Printf("store says %s", st.Describe(tok.AccessToken))
	name, err := lookup(tok.AccessToken)
	log.Printf("user %s (%v)", name, err)
	log.Printf("echo %s", bearer(tok.AccessToken)) // want `OAuth token reaches a log \(log.Printf\)`
}

func bearer(s string) string { return "Bearer " + s }
