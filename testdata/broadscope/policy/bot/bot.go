// Package bot is the release bot, allowed the workflow scope by ../oauthvet.toml.
package bot

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
)

var Config = &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"public_repo", "workflow"}}

var Other = &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"delete_repo"}} // want `scope "delete_repo" grants deletion`
