// Package exchangeruser checks the state and hands the request to the exchanger library.
package exchangeruser

import (
	"net/http"

	"golang.org/x/oauth2"

	"example.com/agent/oauthstate/exchanger"
)

var cfg = &oauth2.Config{ClientID: "app"}

func callback(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("oauth_state")
	if err != nil || c.Value != r.URL.Query().Get("state") {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := exchanger.Complete(r.Context(), cfg, r)
	_, _ = tok, err
}

func register() { http.HandleFunc("/callback", callback) }
