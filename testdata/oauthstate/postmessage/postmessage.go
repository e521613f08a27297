// Package postmessage receives codes of Google's popup flow (redirect_uri "postmessage"):
// the page's script sends the code, no redirect brings it, and the state is not what
// protects it: a header a cross-site form cannot send (X-Requested-With) is.
package postmessage

import (
	"net/http"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
)

var popup = &oauth2.Config{ClientID: "web", RedirectURL: "postmessage", Endpoint: google.Endpoint}

// ---- silent ----

func headerChecked(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Requested-With") != "XmlHttpRequest" {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	tok, err := popup.Exchange(r.Context(), r.FormValue("code"))
	_, _ = tok, err
}

func stateChecked(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("g_state")
	if err != nil || c.Value != r.FormValue("state") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	tok, err := popup.Exchange(r.Context(), r.FormValue("code"))
	_, _ = tok, err
}

func csrfTokenChecked(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("csrf")
	if err != nil || c.Value != r.PostFormValue("csrf_token") {
		http.Error(w, "forbidden", http.StatusForbidden)
		return
	}
	tok, err := popup.Exchange(r.Context(), r.PostFormValue("code"))
	_, _ = tok, err
}

// ---- reported ----

func unchecked(w http.ResponseWriter, r *http.Request) {
	tok, err := popup.Exchange(r.Context(), r.URL.Query().Get("code")) // want `the code comes from Google's popup flow \(redirect_uri postmessage\), sent by the page's script, .* X-Requested-With header`
	_, _ = tok, err
}

func otherHeader(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Accept") == "" {
		return
	}
	tok, err := popup.Exchange(r.Context(), r.FormValue("code")) // want `Google's popup flow`
	_, _ = tok, err
}

var web = &oauth2.Config{ClientID: "web", RedirectURL: "https://app.example.com/callback", Endpoint: google.Endpoint}

// A redirect flow keeps its message, header or not.
func redirected(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Requested-With") == "" {
		return
	}
	tok, err := web.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
	_, _ = tok, err
}
