// Package policy is judged with the oauthvet.toml beside it.
package policy

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
)

var acme = oauth2.Endpoint{AuthURL: "https://login.acme.example/authorize", TokenURL: "https://login.acme.example/token"}

func configs() []*oauth2.Config {
	return []*oauth2.Config{
		{Endpoint: acme, Scopes: []string{"tenant:read", "tenant:admin"}},                      // want `scope "tenant:admin" grants administering every tenant; request tenant:read instead`
		{Endpoint: github.Endpoint, Scopes: []string{"gist", "user", "workflow"}},              // want `scope "gist" grants creating and changing the user's gists; request only the scopes the task needs` `scope "workflow" grants adding and changing GitHub Actions workflow files`
		{Endpoint: google.Endpoint, Scopes: []string{"https://www.googleapis.com/auth/drive"}}, // allowed for the module
		{Endpoint: google.Endpoint, Scopes: []string{"https://www.googleapis.com/auth/calendar"}},
		{Endpoint: github.Endpoint, Scopes: []string{"read:user", "offline_access"}}, // want `scope "offline_access" grants a long-lived refresh token`
		{Endpoint: oauth2.Endpoint{AuthURL: "https://auth.example.com/authorize"}, Scopes: []string{"tenant:admin"}},
		{Endpoint: oauth2.Endpoint{AuthURL: "https://gitlab.acme.example/oauth/authorize"}, Scopes: []string{"read_api", "api"}}, // want `scope "api" grants complete read and write access to the API`
		{Endpoint: oauth2.Endpoint{AuthURL: "https://gitlab.other.example/oauth/authorize"}, Scopes: []string{"api"}},
	}
}
