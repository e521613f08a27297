// Package goth logs users in with markbates/goth providers and cli/oauth's device flow; the
// scopes are the variadic arguments of each provider's New, and cli/oauth's Flow.Scopes.
package goth

import (
	"net/http"
	"os"

	"github.com/cli/oauth"
	"github.com/cli/oauth/device"
	"github.com/markbates/goth"
	"github.com/markbates/goth/providers/github"
	"github.com/markbates/goth/providers/gitlab"
	"github.com/markbates/goth/providers/google"
)

func Providers() {
	goth.UseProviders(
		github.New(os.Getenv("GITHUB_KEY"), os.Getenv("GITHUB_SECRET"), "http://localhost:3000/auth/github/callback", "repo", "read:user"),        // want `scope "repo" grants`
		google.New(os.Getenv("GOOGLE_KEY"), os.Getenv("GOOGLE_SECRET"), "http://localhost:3000/auth/google/callback", "https://mail.google.com/"), // want `scope "https://mail.google.com/" grants`
		gitlab.New(os.Getenv("GITLAB_KEY"), os.Getenv("GITLAB_SECRET"), "http://localhost:3000/auth/gitlab/callback", "api"),                      // want `scope "api" grants`
		// Narrow scopes stay silent.
		github.New(os.Getenv("GITHUB_KEY"), os.Getenv("GITHUB_SECRET"), "http://localhost:3000/auth/github/callback", "read:user", "user:email"),
		google.New(os.Getenv("GOOGLE_KEY"), os.Getenv("GOOGLE_SECRET"), "http://localhost:3000/auth/google/callback", "email", "profile"),
		gitlab.New(os.Getenv("GITLAB_KEY"), os.Getenv("GITLAB_SECRET"), "http://localhost:3000/auth/gitlab/callback", "read_user"),
	)
}

func CLI() (*oauth.Flow, error) {
	flow := &oauth.Flow{
		Host:     oauth.GitHubHost("https://github.com"),
		ClientID: "Iv1.b507a08c87ecfe98",
		Scopes:   []string{"repo", "read:org"}, // want `scope "repo" grants`
	}
	_, err := device.RequestCode(http.DefaultClient, "https://github.com/login/device/code", "Iv1.b507a08c87ecfe98", []string{"admin:org"}) // want `scope "admin:org" grants`
	narrow := &oauth.Flow{Host: oauth.GitHubHost("https://github.com"), ClientID: "Iv1.b507a08c87ecfe98", Scopes: []string{"read:org", "gist"}}
	_ = narrow
	return flow, err
}
