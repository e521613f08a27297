// Package gated switches to a fixed client when it runs under go test (testing.Testing()):
// test support by evidence, so its fixed values are test vectors.
package gated

import (
	"os"
	"testing"

	"golang.org/x/oauth2"
)

func Config() *oauth2.Config {
	if testing.Testing() {
		return &oauth2.Config{ClientID: "agent", ClientSecret: "b7e4c2a9f1d8e3b6c5a0f9e2d7c4b1a8"}
	}
	return &oauth2.Config{ClientID: "agent", ClientSecret: os.Getenv("OAUTH_CLIENT_SECRET")}
}
