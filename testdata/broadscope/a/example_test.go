package a_test

import (
	"fmt"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
)

// Example functions are documentation people copy: judged like production code.
func ExampleConfig() {
	cfg := &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"read:user", "admin:org"}} // want `scope "admin:org" grants full management of the organization`
	fmt.Println(cfg.AuthCodeURL("state"))
}

func Example_narrow() {
	cfg := &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{"https://www.googleapis.com/auth/gmail.readonly"}}
	fmt.Println(cfg.Scopes)
}

// A helper of the examples is test code.
func newTestConfig() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"admin:org"}}
}
