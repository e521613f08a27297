package a

import (
	"net/url"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/slack"
)

// ---- Atlassian (classic 3LO scopes), Linear and Salesforce: reported ----

var atlassian = oauth2.Endpoint{AuthURL: "https://auth.atlassian.com/authorize", TokenURL: "https://auth.atlassian.com/oauth/token"}

func jiraAdmin() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: atlassian,
		Scopes: []string{
			"read:jira-user",
			"manage:jira-configuration", // want `scope "manage:jira-configuration" grants changing Jira settings that need administrator rights; request read:jira-work instead`
			"manage:jira-project",       // want `scope "manage:jira-project" grants creating and changing projects`
			"write:jira-work",           // want `scope "write:jira-work" grants creating, changing and deleting issues, comments and worklogs in every project the user can reach; request read:jira-work or granular scopes such as write:issue:jira and write:comment:jira instead`
			"offline_access",
		},
	}
}

func confluenceAdmin() *oauth2.Config {
	return &oauth2.Config{Endpoint: atlassian, Scopes: []string{"manage:confluence-configuration", "write:confluence-space"}} // want `scope "manage:confluence-configuration" grants changing Confluence global settings` `scope "write:confluence-space" grants creating, changing and deleting spaces`
}

// Atlassian's scope names are its own: judged in a hand-built request too.
func jiraHandBuilt() url.Values {
	return url.Values{"audience": {"api.atlassian.com"}, "scope": {"read:jira-work manage:jira-configuration"}} // want `scope "manage:jira-configuration" grants changing Jira settings`
}

var linear = oauth2.Endpoint{AuthURL: "https://linear.app/oauth/authorize", TokenURL: "https://api.linear.app/oauth/token"}

func linearAdmin() *oauth2.Config {
	return &oauth2.Config{Endpoint: linear, Scopes: []string{"read", "admin"}} // want `scope "admin" grants full access to the workspace's admin-level endpoints; request read, write or a targeted scope such as issues:create; Linear says never to ask for admin unless it is absolutely needed`
}

func linearWrite() *oauth2.Config {
	return &oauth2.Config{Endpoint: linear, Scopes: []string{"read", "write"}} // want `scope "write" grants every mutation the user can make in the workspace; request issues:create or comments:create instead`
}

// A My Domain host of Salesforce.
func salesforceMyDomain() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: oauth2.Endpoint{AuthURL: "https://acme.my.salesforce.com/services/oauth2/authorize"},
		Scopes:   []string{"full", "refresh_token"}, // want `scope "full" grants all data the signed-in user can access; it encompasses every other scope`
	}
}

// ---- silent ----

func narrowSaaS() []*oauth2.Config {
	return []*oauth2.Config{
		{Endpoint: atlassian, Scopes: []string{"read:jira-work", "read:jira-user", "write:confluence-content", "write:issue:jira", "offline_access"}},
		{Endpoint: linear, Scopes: []string{"read", "issues:create", "comments:create"}},
		{Endpoint: oauth2.Endpoint{AuthURL: "https://login.salesforce.com/services/oauth2/authorize"}, Scopes: []string{"api", "chatter_api", "refresh_token"}},
	}
}

// Linear's words in other flows: Slack's "admin" is Slack's own rule's, GitHub and an
// unknown server have no "write" of Linear's meaning.
func linearWordsElsewhere() []*oauth2.Config {
	return []*oauth2.Config{
		{Endpoint: slack.Endpoint, Scopes: []string{"chat:write", "write"}},
		{Endpoint: endpoints.GitHub, Scopes: []string{"read", "write", "admin"}},
		{Endpoint: oauth2.Endpoint{AuthURL: "https://tracker.example.com/oauth/authorize"}, Scopes: []string{"write", "admin"}},
		// Atlassian's names in another provider's flow.
		{Endpoint: endpoints.GitHub, Scopes: []string{"write:jira-work"}},
	}
}

// Scope names as data: a permission check on what the user granted.
func linearCanAdmin(granted map[string]bool) bool {
	return granted["admin"] && granted["manage:jira-configuration"]
}
