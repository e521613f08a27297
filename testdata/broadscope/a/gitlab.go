package a

import (
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/gitlab"
)

// ---- GitLab: reported ----

func gitlabAPI() *oauth2.Config {
	return &oauth2.Config{Endpoint: gitlab.Endpoint, Scopes: []string{"api"}} // want `scope "api" grants complete read and write access to the API as the user: every group and project, the container and package registries; request read_api, read_user or read_repository instead`
}

func gitlabSudo() *oauth2.Config {
	return &oauth2.Config{Endpoint: endpoints.GitLab, Scopes: []string{"read_user", "sudo"}} // want `scope "sudo" grants performing API actions as any user of the instance, when the signed-in user is an administrator; leave it out: act as the signed-in user, with read_api or api`
}

// GitLab.com named by its endpoint URLs, the scopes space-separated in one constant.
const gitlabScopes = "read_user api" // want `scope "api" grants complete read and write access to the API`

func gitlabByURL() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: oauth2.Endpoint{AuthURL: "https://gitlab.com/oauth/authorize", TokenURL: "https://gitlab.com/oauth/token"},
		Scopes:   strings.Fields(gitlabScopes),
	}
}

// ---- GitLab: silent ----

func gitlabNarrow() *oauth2.Config {
	return &oauth2.Config{Endpoint: gitlab.Endpoint, Scopes: []string{"read_api", "read_user", "read_repository", "openid"}}
}

// "api" is Salesforce's usual scope, and means nothing where the provider is unknown: a
// self-managed GitLab is a host the project adds to the provider (see ../policy).
func apiElsewhere() []*oauth2.Config {
	return []*oauth2.Config{
		{
			Endpoint: oauth2.Endpoint{AuthURL: "https://login.salesforce.com/services/oauth2/authorize"},
			Scopes:   []string{"api", "refresh_token"},
		},
		{Endpoint: oauth2.Endpoint{AuthURL: "https://gitlab.example.com/oauth/authorize"}, Scopes: []string{"api", "sudo"}},
		{Endpoint: endpoints.GitHub, Scopes: []string{"api", "sudo"}},
	}
}

// The same words as data.
var gitlabScopeHelp = map[string]string{"api": "full API access", "sudo": "act as any user"}

func gitlabNeedsWrite(granted string) bool {
	return granted == "api" || strings.Contains(granted, "sudo")
}
