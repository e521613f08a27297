// Package jsontoken exchanges a code by hand and decodes the token response into its own
// struct: the fields named access_token, refresh_token and id_token on the wire are tokens,
// client_secret a client credential, whatever the Go names; expires_in, token_type and
// scope are metadata.
package jsontoken

import (
	"encoding/json"
	"fmt"
	"log"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
)

type tokenResponse struct {
	Access    string `json:"access_token"`
	Refresh   string `json:"refresh_token,omitempty"`
	IDToken   string `json:"id_token"`
	TokenType string `json:"token_type"`
	ExpiresIn int    `json:"expires_in"`
	Scope     string `json:"scope"`
}

type clientCreds struct {
	ID     string `json:"client_id"`
	Secret string `json:"client_secret"`
}

// Look-alikes: no field named like a credential on the wire, a credential name on a
// non-string field, a name that only starts like one, and a field kept out of JSON.
type status struct {
	Status      string `json:"status"`
	AccessToken bool   `json:"access_token_present"`
	Expires     int    `json:"access_token"`
	Hidden      string `json:"-"`
}

func exchange(code string) (*tokenResponse, error) {
	form := url.Values{"grant_type": {"authorization_code"}, "code": {code}}
	resp, err := http.PostForm("https://auth.example.com/token", form)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var tr tokenResponse
	if err := json.NewDecoder(resp.Body).Decode(&tr); err != nil {
		return nil, err
	}
	return &tr, nil
}

func Login(code string) {
	tr, err := exchange(code)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("token response: %+v", tr)                    // want `OAuth token reaches a log \(log.Printf\)`
	log.Println("access token:", tr.Access)                  // want `OAuth token reaches a log \(log.Println\)`
	slog.Info("refreshed", "refresh", tr.Refresh)            // want `OAuth token reaches a log \(slog.Info\)`
	log.Printf("id token %s", strings.TrimSpace(tr.IDToken)) // want `OAuth token reaches a log \(log.Printf\)`

	// Metadata of the response.
	log.Printf("token type %s, expires in %ds, scope %q", tr.TokenType, tr.ExpiresIn, tr.Scope)
	log.Printf("got a token: %v", tr.Access != "")
	log.Printf("token length %d", len(tr.Access))

	// The header and claims of an ID token, its signature left out, cannot be replayed.
	if parts := strings.Split(tr.IDToken, "."); len(parts) == 3 {
		log.Printf("id token %s.%s.xxxxxxxxxxx", parts[0], parts[1])
		log.Printf("id token signature %s", parts[2]) // want `OAuth token reaches a log \(log.Printf\)`
	}
}

func Register() {
	c := clientCreds{ID: os.Getenv("CLIENT_ID"), Secret: os.Getenv("CLIENT_SECRET")}
	log.Printf("client %s", c.ID)
	log.Printf("registered %+v", c) // want `OAuth client config \(with its ClientSecret\) reaches a log \(log.Printf\)`
	data, _ := json.Marshal(c)
	log.Printf("body %s", data) // want `OAuth client config \(with its ClientSecret\) reaches a log \(log.Printf\)`
}

func Status(s status) {
	log.Printf("status %+v", s)
	log.Printf("%s %v %d %s", s.Status, s.AccessToken, s.Expires, s.Hidden)
	fmt.Fprintf(os.Stderr, "status %s\n", s.Status)
}
