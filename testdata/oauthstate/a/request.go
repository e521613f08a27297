package a

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"io"
	oldrand "math/rand"
	"net/http"

	"golang.org/x/oauth2"
)

// ---- reported: a state the request chooses, a state from math/rand bytes ----

func connect(w http.ResponseWriter, r *http.Request) {
	uid := r.URL.Query().Get("uid")
	http.Redirect(w, r, cfg.AuthCodeURL(uid, oauth2.AccessTypeOffline), http.StatusFound) // want `AuthCodeURL state is the request parameter "uid": whoever sends the link chooses it`
}

func returnPath(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(r.FormValue("return_to")), http.StatusFound) // want `AuthCodeURL state is the request parameter "return_to"`
}

func mathRandBytes() string {
	b := make([]byte, 16)
	oldrand.Read(b)
	return cfg.AuthCodeURL(hex.EncodeToString(b)) // want `AuthCodeURL state is a predictable value`
}

func mathRandSource(seed int64) string {
	rng := oldrand.New(oldrand.NewSource(seed))
	buf := make([]byte, 32)
	_, _ = rng.Read(buf)
	state := base64.RawURLEncoding.EncodeToString(buf)
	return cfg.AuthCodeURL(state) // want `AuthCodeURL state is a predictable value`
}

// ---- silent ----

// A browser app made the state itself and checks it when it comes back.
func stateFromClient(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(r.FormValue("state")), http.StatusFound)
}

func csrfFromClient(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(r.URL.Query().Get("csrf_token")), http.StatusFound)
}

func requestWithPKCE(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	http.Redirect(w, r, cfg.AuthCodeURL(r.FormValue("uid"), oauth2.S256ChallengeOption(v)), http.StatusFound)
}

func requestThenRandom(w http.ResponseWriter, r *http.Request) {
	uid := r.FormValue("uid")
	uid = uid + "." + rand.Text()
	http.Redirect(w, r, cfg.AuthCodeURL(uid), http.StatusFound)
}

func cryptoBytes() string {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return cfg.AuthCodeURL(hex.EncodeToString(b))
}

func readFull() string {
	b := make([]byte, 16)
	if _, err := io.ReadFull(rand.Reader, b); err != nil {
		panic(err)
	}
	return cfg.AuthCodeURL(base64.RawURLEncoding.EncodeToString(b))
}

func filledElsewhere(fill func([]byte)) string {
	b := make([]byte, 16)
	fill(b)
	return cfg.AuthCodeURL(hex.EncodeToString(b))
}

func bothSources() string {
	b := make([]byte, 16)
	oldrand.Read(b)
	_, _ = rand.Read(b)
	return cfg.AuthCodeURL(hex.EncodeToString(b))
}
