package a

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	mathrand "math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/authhandler"

	"example.com/agent/oauthstate/statecfg"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://as.example.com/authorize"}}

const stateValue = "xyz"

var startupState = oauth2.GenerateVerifier()

var configuredState = "fixed-state-from-config"

type login struct{ state, verifier string }

// ---- reported ----

func literal(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL("state"), http.StatusFound) // want `AuthCodeURL state is a constant: anyone can forge the callback .*crypto/rand.Text\(\)`
}

func empty() string {
	return cfg.AuthCodeURL("", oauth2.AccessTypeOffline) // want `AuthCodeURL with an empty state: nothing ties the callback`
}

func constantWithoutPKCE() string {
	return cfg.AuthCodeURL("state", oauth2.AccessTypeOffline) // want `AuthCodeURL state is a constant`
}

func namedConst() string {
	return cfg.AuthCodeURL(stateValue) // want `AuthCodeURL state is the constant stateValue`
}

func otherPackageConst() string {
	return cfg.AuthCodeURL(statecfg.DefaultState) // want `AuthCodeURL state is the constant statecfg.DefaultState`
}

func packageVar() string {
	return cfg.AuthCodeURL(startupState) // want `AuthCodeURL state is the package-level variable startupState, set once at start-up`
}

func packageVarFromConfig() string {
	return cfg.AuthCodeURL(configuredState) // want `AuthCodeURL state is the package-level variable configuredState`
}

func otherPackageVar() string {
	return cfg.AuthCodeURL(statecfg.StartupState) // want `AuthCodeURL state is the package-level variable statecfg.StartupState`
}

func localConst() string {
	s := "static"
	return cfg.AuthCodeURL(s) // want `AuthCodeURL state is a constant`
}

func clock() string {
	s := strconv.FormatInt(time.Now().Unix(), 10)
	return cfg.AuthCodeURL(s) // want `AuthCodeURL state is a predictable value`
}

func clockEncoded() string {
	s := base64.RawURLEncoding.EncodeToString([]byte(strconv.FormatInt(time.Now().UnixNano(), 10)))
	return cfg.AuthCodeURL(s) // want `AuthCodeURL state is a predictable value`
}

func randomEncoded() string {
	s := base64.RawURLEncoding.EncodeToString([]byte(rand.Text()))
	return cfg.AuthCodeURL(s)
}

func mathRand() string {
	return cfg.AuthCodeURL(fmt.Sprint(mathrand.Int())) // want `AuthCodeURL state is a predictable value`
}

func handler(ctx context.Context, h authhandler.AuthorizationHandler) oauth2.TokenSource {
	return authhandler.TokenSource(ctx, cfg, "state", h) // want `authhandler.TokenSource state is a constant`
}

func handlerNilPKCE(ctx context.Context, h authhandler.AuthorizationHandler) oauth2.TokenSource {
	return authhandler.TokenSourceWithPKCE(ctx, cfg, "", h, nil) // want `authhandler.TokenSourceWithPKCE with an empty state`
}

// ---- silent ----

// RFC 9700 §2.1: with S256 PKCE the client may rely on PKCE against CSRF; this is the
// example of golang.org/x/oauth2's own documentation.
func docExample(v string) string {
	return cfg.AuthCodeURL("state", oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(v))
}

func handlerWithPKCE(ctx context.Context, h authhandler.AuthorizationHandler) oauth2.TokenSource {
	v := oauth2.GenerateVerifier()
	return authhandler.TokenSourceWithPKCE(ctx, cfg, "state", h, &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), ChallengeMethod: "S256", Verifier: v})
}

func emptyWithPKCE(v string) string { return cfg.AuthCodeURL("", oauth2.S256ChallengeOption(v)) }

func cryptoRand() string { return cfg.AuthCodeURL(rand.Text()) }

func verifierAsState() string {
	s := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(s)
}

func uuidState() string { return cfg.AuthCodeURL(uuid.NewString()) }

func prefixed() string { return cfg.AuthCodeURL("login-" + rand.Text()) }

func fromParameter(state string) string { return cfg.AuthCodeURL(state) }

func fromStruct(l *login) string { return cfg.AuthCodeURL(l.state) }

func reassignedElsewhere() string { return cfg.AuthCodeURL(statecfg.Begin()) }

func reassignedPackageVar() string { return cfg.AuthCodeURL(statecfg.CurrentState) }

func eitherRandom(remember bool) string {
	s := ""
	if remember {
		s = rand.Text()
	}
	return cfg.AuthCodeURL(s)
}

func fromCookie(r *http.Request) string {
	c, _ := r.Cookie("state")
	return cfg.AuthCodeURL(c.Value)
}

func pkceHandler(ctx context.Context, h authhandler.AuthorizationHandler, p *authhandler.PKCEParams) oauth2.TokenSource {
	return authhandler.TokenSourceWithPKCE(ctx, cfg, rand.Text(), h, p)
}

func formatted(n int) string {
	return cfg.AuthCodeURL(fmt.Sprintf("%s-%d", rand.Text(), n))
}
