package example

import (
	"context"
	"fmt"
	"testing"

	"golang.org/x/oauth2"
)

// ---- reported: Example functions are documentation people copy ----

func Example() {
	fmt.Println(Config.AuthCodeURL("xyz", oauth2.AccessTypeOffline)) // want `AuthCodeURL without PKCE`
}

func ExampleConfig_plain() {
	v := oauth2.GenerateVerifier()
	fmt.Println(Config.AuthCodeURL("xyz",
		oauth2.SetAuthURLParam("code_challenge", v),
		oauth2.SetAuthURLParam("code_challenge_method", "plain"))) // want `PKCE method plain`
}

// ---- silent ----

// The Exchange of a package whose AuthCodeURL sends no challenge is the same root cause,
// reported there.
func ExampleConfig_exchange() {
	tok, err := Config.Exchange(context.Background(), "code")
	fmt.Println(tok, err)
}

func ExampleConfig_withPKCE() {
	v := oauth2.GenerateVerifier()
	fmt.Println(Config.AuthCodeURL("xyz", oauth2.S256ChallengeOption(v)))
	tok, err := Config.Exchange(context.Background(), "code", oauth2.VerifierOption(v))
	fmt.Println(tok, err)
}

// Test code beside the examples: the same calls are silent.
func TestAuthCodeURL(t *testing.T) {
	t.Log(Config.AuthCodeURL("xyz", oauth2.AccessTypeOffline))
	v := oauth2.GenerateVerifier()
	t.Log(Config.AuthCodeURL("xyz",
		oauth2.SetAuthURLParam("code_challenge", v),
		oauth2.SetAuthURLParam("code_challenge_method", "plain")))
}

func TestExchange(t *testing.T) {
	tok, err := Config.Exchange(context.Background(), "code")
	t.Log(tok, err)
}

// A helper named like an example but with a receiver is no Example function.
type helper struct{}

func (helper) Example() string { return Config.AuthCodeURL("xyz") }
