package a

import (
	"context"

	"github.com/modelcontextprotocol/go-sdk/oauthex"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
)

func oneDrive(tenant string) *oauth2.Config {
	return &oauth2.Config{
		Endpoint: endpoints.AzureAD(tenant),
		Scopes:   []string{"Files.ReadWrite.All"}, // want `scope "Files.ReadWrite.All" grants reading, changing and deleting every file the user can access`
	}
}

// A service account that acts as a user of its domain (Subject: domain-wide delegation)
// reaches that user's mailbox.
func sharingSettings(ctx context.Context, key []byte, user string) (*google.Credentials, error) {
	return google.CredentialsFromJSONWithParams(ctx, key, google.CredentialsParams{
		Subject: user,
		Scopes:  []string{"https://www.googleapis.com/auth/gmail.settings.sharing"}, // want `scope "https://www.googleapis.com/auth/gmail.settings.sharing" grants control of forwarding rules and aliases, a path to silent exfiltration of all mail, for every user the service account acts as \(domain-wide delegation\)`
	})
}

// Without a Subject the service account acts as itself: it has no mailbox.
func ownSettings(ctx context.Context, key []byte) (*google.Credentials, error) {
	return google.CredentialsFromJSONWithParams(ctx, key, google.CredentialsParams{
		Scopes: []string{"https://www.googleapis.com/auth/gmail.settings.sharing"},
	})
}

// Scopes added in a loop over a constant list.
var extraScopes = [...]string{"read:user", "admin:public_key"} // want `scope "admin:public_key" grants adding and deleting the user's SSH keys`

func withExtras() *oauth2.Config {
	cfg := &oauth2.Config{Endpoint: github.Endpoint}
	for _, sc := range extraScopes {
		cfg.Scopes = append(cfg.Scopes, sc)
	}
	for i := range extraScopes { // the index is not a scope
		_ = i
	}
	return cfg
}

// A finding accepted in place, with a reason.
func mirror() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"repo"}} //oauthvet:ignore broadscope -- the mirror tool copies private repositories
}

// Narrow scopes at other request sites stay silent.
func narrowElsewhere(tenant string) {
	_ = &oauth2.Config{Endpoint: endpoints.AzureAD(tenant), Scopes: []string{"Sites.Selected", "Files.ReadWrite.AppFolder", "User.Read"}}
	_ = &oauthex.TokenExchangeRequest{Scope: []string{"mcp:tools"}}
	_ = &oauthex.ClientRegistrationMetadata{Scope: "openid profile email"}
}

// The provider comes from the scope field's own struct: a TokenURL of a type that embeds
// the Config is another field, and names no provider.
type ghApp struct {
	clientcredentials.Config
	TokenURL string
}

func embeddedConfig() ghApp {
	a := ghApp{TokenURL: "https://github.com/login/oauth/access_token"}
	a.Scopes = []string{"repo"}
	return a
}

func embeddedConfigAssigned() ghApp {
	var a ghApp
	a.TokenURL = "https://github.com/login/oauth/access_token"
	a.Scopes = []string{"repo"}
	return a
}
