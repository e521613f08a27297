package a

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// Exchange findings are reported only when no AuthCodeURL of the package was: see package b.
func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := cfg.Exchange(r.Context(), r.FormValue("code"))
	_, _ = tok, err
}

func exchangeLater(ctx context.Context, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.AccessTypeOffline)
}
