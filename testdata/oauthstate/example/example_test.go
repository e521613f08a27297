package example

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
)

// ---- reported: Example functions are documentation people copy ----

func Example() {
	http.HandleFunc("/login", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, Config.AuthCodeURL("state"), http.StatusFound) // want `AuthCodeURL state is a constant: anyone can forge the callback`
	})
	http.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		tok, err := Config.Exchange(r.Context(), r.FormValue("code")) // want `callback exchanges the code without checking state`
		fmt.Fprintln(w, tok, err)
	})
}

// ---- silent: the same code in tests ----

func TestLogin(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, Config.AuthCodeURL("state"), http.StatusFound)
	}
	h(httptest.NewRecorder(), httptest.NewRequest("GET", "/login", nil))
}

func TestCallback(t *testing.T) {
	h := func(w http.ResponseWriter, r *http.Request) {
		tok, err := Config.Exchange(r.Context(), r.FormValue("code"))
		fmt.Fprintln(w, tok, err)
	}
	h(httptest.NewRecorder(), httptest.NewRequest("GET", "/callback?code=c", nil))
}

// ---- silent: an example that compares the state ----

func Example_checked() {
	http.HandleFunc("/callback", func(w http.ResponseWriter, r *http.Request) {
		c, err := r.Cookie("oauth_state")
		if err != nil || c.Value != r.FormValue("state") {
			http.Error(w, "bad state", http.StatusBadRequest)
			return
		}
		tok, err := Config.Exchange(r.Context(), r.FormValue("code"))
		fmt.Fprintln(w, tok, err)
	})
}
