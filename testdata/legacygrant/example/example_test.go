package example

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"golang.org/x/oauth2"
)

// ---- reported: Example functions are documentation people copy ----

func ExampleConfig_PasswordCredentialsToken() {
	tok, err := Config.PasswordCredentialsToken(context.Background(), "user", "pass") // want `resource-owner password grant`
	fmt.Println(tok, err)
}

func Example_implicit() {
	q := url.Values{
		"response_type": {"token"}, // want `implicit grant \(response_type=token\)`
		"client_id":     {"agent"},
	}
	fmt.Println("https://as.example.com/authorize?" + q.Encode())
}

// ---- silent: test code ----

func TestPassword(t *testing.T) {
	tok, err := Config.PasswordCredentialsToken(context.Background(), "user", "pass")
	t.Log(tok, err)
}

func TestImplicit(t *testing.T) {
	q := url.Values{
		"response_type": {"token"},
		"client_id":     {"agent"},
	}
	t.Log("https://as.example.com/authorize?" + q.Encode())
}

// ---- silent: an example of the code flow ----

func ExampleConfig_AuthCodeURL() {
	v := oauth2.GenerateVerifier()
	fmt.Println(Config.AuthCodeURL("state", oauth2.S256ChallengeOption(v)))
}
