package mcpgo

import (
	"context"
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
