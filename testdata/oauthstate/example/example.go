// Package example holds documentation code: its Example functions are linted like
// production code, its tests are not.
package example

import "golang.org/x/oauth2"

// Config is the client the examples log in with.
var Config = &oauth2.Config{
	ClientID:    "agent",
	Endpoint:    oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"},
	RedirectURL: "https://agent.example.com/callback",
}
