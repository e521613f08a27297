package a

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/gitlab"
	"golang.org/x/oauth2/microsoft"
)

// Test code: a fake server hands out whatever a test asks for.
var (
	testGitLab = &oauth2.Config{Endpoint: gitlab.Endpoint, Scopes: []string{"api", "sudo"}}
	testGraph  = &oauth2.Config{Endpoint: microsoft.AzureADEndpoint("common"), Scopes: []string{"Directory.ReadWrite.All", "Mail.ReadWrite"}}
)

const testSlackInstall = "https://slack.com/oauth/v2/authorize?client_id=1&user_scope=search:read,admin"
