// Package goth registers markbates/goth providers: the second argument of each New is the
// OAuth client secret.
package goth

import (
	"os"

	"github.com/markbates/goth"
	"github.com/markbates/goth/providers/github"
	"github.com/markbates/goth/providers/slack"
)

func Providers() {
	goth.UseProviders(
		github.New("Iv1.8a61f9b3a7aba766", "b2f7c0d9e4a1b6c3d8e5f0a7b4c9d2e6f1a8b3c5", "http://localhost:3000/auth/github/callback"), // want `hard-coded OAuth client secret "b2f7…" \(40 chars\) in github.New`
		// From the environment, a placeholder: silent.
		slack.New(os.Getenv("SLACK_KEY"), os.Getenv("SLACK_SECRET"), "http://localhost:3000/auth/slack/callback"),
		github.New("Iv1.8a61f9b3a7aba766", "your-github-client-secret", "http://localhost:3000/auth/github/callback"),
	)
}
