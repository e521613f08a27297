package mcpgo

import (
	"context"
	"fmt"
	"net/http"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
)

type app struct {
	h     *transport.OAuthHandler
	state string
}

func (a *app) callback(w http.ResponseWriter, r *http.Request) {
	a.h.SetExpectedState(r.URL.Query().Get("state")) // want `SetExpectedState with the state of the callback request`
	_ = a.h.ProcessAuthorizationResponse(r.Context(), r.URL.Query().Get("code"), r.URL.Query().Get("state"), "")
}

func (a *app) callbackVar(w http.ResponseWriter, r *http.Request) {
	st := r.FormValue("state")
	a.h.SetExpectedState(st) // want `SetExpectedState with the state of the callback request`
}

func (a *app) start(ctx context.Context, challenge string) (string, error) {
	return a.h.GetAuthorizationURL(ctx, "mcp-login", challenge) // want `GetAuthorizationURL state is a constant`
}

// ---- silent ----

func (a *app) callbackStored(w http.ResponseWriter, r *http.Request) {
	a.h.SetExpectedState(a.state)
	_ = a.h.ProcessAuthorizationResponse(r.Context(), r.URL.Query().Get("code"), r.URL.Query().Get("state"), "")
}

func (a *app) startRandom(ctx context.Context, challenge string) (string, error) {
	state, err := client.GenerateState()
	if err != nil {
		return "", err
	}
	a.state = state
	return a.h.GetAuthorizationURL(ctx, state, challenge)
}

// A constant state with mcp-go's S256 challenge: the client relies on PKCE against CSRF
// (RFC 9700 §2.1), as an AuthCodeURL with S256ChallengeOption does.
func (a *app) startPKCE(ctx context.Context) (string, error) {
	v, err := client.GenerateCodeVerifier()
	if err != nil {
		return "", err
	}
	challenge := client.GenerateCodeChallenge(v)
	return a.h.GetAuthorizationURL(ctx, "mcp-login", challenge)
}

func (a *app) startPKCEInline(ctx context.Context, v string) (string, error) {
	return a.h.GetAuthorizationURL(ctx, "", transport.GenerateCodeChallenge(v))
}

// An empty challenge sends no PKCE: the fixed state stays reported.
func (a *app) startNoPKCE(ctx context.Context) (string, error) {
	return a.h.GetAuthorizationURL(ctx, "mcp-login", "") // want `GetAuthorizationURL state is a constant`
}

// The expected state is set from the request, but the state given to
// ProcessAuthorizationResponse is the one kept at login: the two are compared.
func (a *app) callbackInverted(w http.ResponseWriter, r *http.Request) {
	a.h.SetExpectedState(r.URL.Query().Get("state"))
	_ = a.h.ProcessAuthorizationResponse(r.Context(), r.URL.Query().Get("code"), a.state, "")
}

// A copy-and-paste login: the user types the code; no callback to forge.
func (a *app) pasted(ctx context.Context, challenge, verifier string) error {
	u, err := a.h.GetAuthorizationURL(ctx, "mcp-login", challenge)
	if err != nil {
		return err
	}
	fmt.Println("Open", u, "and type the code:")
	var code string
	if _, err := fmt.Scanln(&code); err != nil {
		return err
	}
	return a.h.ProcessAuthorizationResponse(ctx, code, "mcp-login", verifier)
}
