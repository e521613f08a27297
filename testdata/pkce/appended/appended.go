// Package appended writes the PKCE parameters onto the URL AuthCodeURL returns.
package appended

import (
	"crypto/rand"
	"fmt"
	"net/http"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}}

// ---- silent: an S256 challenge appended later is PKCE ----

func appendAssign(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	ch := oauth2.S256ChallengeFromVerifier(v)
	u := cfg.AuthCodeURL(rand.Text())
	u += "&code_challenge=" + ch + "&code_challenge_method=S256"
	http.Redirect(w, r, u, http.StatusFound)
}

func appendInTwoSteps(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	u := cfg.AuthCodeURL(rand.Text())
	u += "&code_challenge=" + ch
	u += "&code_challenge_method=S256"
	http.Redirect(w, r, u, http.StatusFound)
}

func appendReassign(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	var u string
	u = cfg.AuthCodeURL(rand.Text(), oauth2.AccessTypeOffline)
	u = u + "&code_challenge=" + ch + "&code_challenge_method=S256"
	http.Redirect(w, r, u, http.StatusFound)
}

func appendInline(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	http.Redirect(w, r, cfg.AuthCodeURL(rand.Text())+"&code_challenge="+ch+"&code_challenge_method=S256", http.StatusFound)
}

func appendThroughAnotherVar(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	base := cfg.AuthCodeURL(rand.Text())
	full := base + "&code_challenge=" + ch
	full += "&code_challenge_method=S256"
	http.Redirect(w, r, full, http.StatusFound)
}

func appendSprintf(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	u := fmt.Sprintf("%s&code_challenge=%s&code_challenge_method=S256", cfg.AuthCodeURL(rand.Text()), ch)
	http.Redirect(w, r, u, http.StatusFound)
}

// ---- reported: plain appended, like the plain option; a challenge without a method ----

func appendPlain(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	u := cfg.AuthCodeURL(rand.Text())
	u += "&code_challenge=" + v + "&code_challenge_method=plain" // want `PKCE method plain sends the verifier itself as the challenge`
	http.Redirect(w, r, u, http.StatusFound)
}

func appendPlainSprintf(w http.ResponseWriter, r *http.Request) {
	v := oauth2.GenerateVerifier()
	u := fmt.Sprintf("%s&code_challenge=%s&code_challenge_method=plain", cfg.AuthCodeURL(rand.Text()), v) // want `PKCE method plain sends the verifier itself as the challenge`
	http.Redirect(w, r, u, http.StatusFound)
}

func appendNoMethod(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	u := cfg.AuthCodeURL(rand.Text()) // want `code_challenge without code_challenge_method`
	u += "&code_challenge=" + ch
	http.Redirect(w, r, u, http.StatusFound)
}

// ---- reported: what is appended is not a challenge ----

func appendOther(w http.ResponseWriter, r *http.Request) {
	u := cfg.AuthCodeURL(rand.Text()) // want `AuthCodeURL without PKCE`
	u += "&prompt=consent"
	http.Redirect(w, r, u, http.StatusFound)
}

func appendedToAnotherURL(w http.ResponseWriter, r *http.Request) {
	ch := oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier())
	u := cfg.AuthCodeURL(rand.Text()) // want `AuthCodeURL without PKCE`
	other := "https://example.com/next?x=1"
	other += "&code_challenge=" + ch + "&code_challenge_method=S256"
	http.Redirect(w, r, u, http.StatusFound)
	_ = other
}

func challengeInAMessage(w http.ResponseWriter, r *http.Request) {
	u := cfg.AuthCodeURL(rand.Text()) // want `AuthCodeURL without PKCE`
	fmt.Println(u, "code_challenge=missing")
	http.Redirect(w, r, u, http.StatusFound)
}
