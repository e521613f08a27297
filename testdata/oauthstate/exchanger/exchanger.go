// Package exchanger is a login library: its exported helpers exchange the code of a request
// their callers, in other packages, hand them after checking the state.
package exchanger

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// Client completes logins.
type Client struct{ Config *oauth2.Config }

// ---- silent: exported helpers, not handlers; a caller elsewhere may check the state ----

// Complete exchanges the code of the callback request.
func Complete(ctx context.Context, cfg *oauth2.Config, r *http.Request) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, r.URL.Query().Get("code"))
}

// Finish exchanges the code of the callback request.
func (c *Client) Finish(r *http.Request) (*oauth2.Token, error) {
	return c.Config.Exchange(r.Context(), r.FormValue("code"))
}

// ---- reported ----

// Callback is a handler: it is registered as it is, and nothing checks the state first.
func (c *Client) Callback(w http.ResponseWriter, r *http.Request) {
	tok, err := c.Config.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

// Handle is a handler function.
func Handle(w http.ResponseWriter, r *http.Request) {
	cfg := &oauth2.Config{ClientID: "lib"}
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}

// finish is not exported: its callers are all here, and none checks the state.
func (c *Client) finish(r *http.Request) (*oauth2.Token, error) {
	return c.Config.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
}

// Login is a handler that calls the unexported helper without a check.
func (c *Client) Login(w http.ResponseWriter, r *http.Request) {
	tok, err := c.finish(r)
	_, _ = tok, err
}

// Complete is an exported method of an unexported type: no other package calls it.
type helper struct{ cfg *oauth2.Config }

func (h helper) Complete(r *http.Request) (*oauth2.Token, error) {
	return h.cfg.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
}

func (h helper) serve(w http.ResponseWriter, r *http.Request) {
	_, _ = h.Complete(r)
}

// Serve answers the request and returns an error for its framework: a handler.
func (c *Client) Serve(w http.ResponseWriter, r *http.Request) error {
	tok, err := c.Config.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
	_ = tok
	return err
}
