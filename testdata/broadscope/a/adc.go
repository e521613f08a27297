package a

import (
	"context"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
)

// ---- Google application default credentials and service-account keys: reported ----

// Workspace administration reaches the whole domain, whoever the credentials are.
const (
	directoryUsers  = "https://www.googleapis.com/auth/admin.directory.user"  // want `scope "https://www.googleapis.com/auth/admin.directory.user" grants create, change and delete every user account of the Workspace domain; request admin.directory.user.readonly instead`
	directoryGroups = "https://www.googleapis.com/auth/admin.directory.group" // want `scope "https://www.googleapis.com/auth/admin.directory.group" grants create, change and delete every group`
)

func adcDirectory(ctx context.Context, key []byte) {
	_, _ = google.DefaultTokenSource(ctx, directoryGroups)
	_, _ = google.FindDefaultCredentials(ctx, "https://www.googleapis.com/auth/cloud-platform", directoryUsers)
	_, _ = google.CredentialsFromJSON(ctx, key, "https://www.googleapis.com/auth/admin.directory.group") // want `scope "https://www.googleapis.com/auth/admin.directory.group" grants create, change and delete every group`
	_, _ = google.CredentialsFromJSONWithType(ctx, key, google.ServiceAccount, adcAdminScopes...)
	_, _ = google.JWTConfigFromJSON(key, "https://www.googleapis.com/auth/admin.directory.user") // want `scope "https://www.googleapis.com/auth/admin.directory.user" grants create, change and delete every user account`
}

var adcAdminScopes = []string{"https://www.googleapis.com/auth/admin.directory.user.readonly", "https://www.googleapis.com/auth/admin.directory.group"} // want `scope "https://www.googleapis.com/auth/admin.directory.group" grants create, change and delete every group`

// Parameters built first, their Subject set afterwards: domain-wide delegation.
func adcDelegated(ctx context.Context, key []byte, user string) (*google.Credentials, error) {
	params := google.CredentialsParams{Scopes: []string{"https://www.googleapis.com/auth/gmail.modify"}} // want `scope "https://www.googleapis.com/auth/gmail.modify" grants every read and write operation on the mailbox except permanent deletion, for every user the service account acts as \(domain-wide delegation\)`
	params.Subject = user
	return google.CredentialsFromJSONWithParams(ctx, key, params)
}

func adcDelegatedDefault(ctx context.Context) (*google.Credentials, error) {
	p := &google.CredentialsParams{Scopes: []string{"https://www.googleapis.com/auth/drive"}} // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file in the user's Drive, for every user`
	p.Subject = os.Getenv("IMPERSONATE")
	return google.FindDefaultCredentialsWithParams(ctx, *p)
}

// A Config whose Endpoint is set after the literal.
func endpointLater() *oauth2.Config {
	gh := &oauth2.Config{ClientID: "agent", Scopes: []string{"read:user", "repo"}} // want `scope "repo" grants full read and write access`
	gh.Endpoint = github.Endpoint
	return gh
}

// ---- silent ----

// A service acts as itself: Drive, mail and cloud-platform are its own or limited by IAM.
func adcService(ctx context.Context, key []byte) {
	_, _ = google.DefaultTokenSource(ctx, "https://www.googleapis.com/auth/cloud-platform")
	_, _ = google.FindDefaultCredentials(ctx, "https://www.googleapis.com/auth/drive", "https://mail.google.com/")
	_, _ = google.CredentialsFromJSON(ctx, key, "https://www.googleapis.com/auth/devstorage.read_only", "https://www.googleapis.com/auth/admin.directory.user.readonly")
	params := google.CredentialsParams{Scopes: []string{"https://www.googleapis.com/auth/gmail.modify"}}
	params.Subject = ""
	_, _ = google.CredentialsFromJSONWithParams(ctx, key, params)
}

// Another variable's Subject, and a second struct assigned to the same variable, say nothing
// of this literal's.
func adcOtherSubject(ctx context.Context, key []byte, user string) {
	mine := google.CredentialsParams{Scopes: []string{"https://www.googleapis.com/auth/gmail.modify"}}
	other := google.CredentialsParams{}
	other.Subject = user
	_, _ = google.CredentialsFromJSONWithParams(ctx, key, mine)
	cfg := &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{"repo"}}
	cfg = &oauth2.Config{Endpoint: github.Endpoint}
	_ = cfg
	later := &oauth2.Config{Scopes: []string{"repo", "admin"}} // GitHub's and Slack's words at Google
	later.Endpoint = google.Endpoint
}

// A project's own function of the same name takes no OAuth scopes.
func DefaultTokenSource(ctx context.Context, scope ...string) (oauth2.TokenSource, error) {
	return nil, nil
}

func ownDefault(ctx context.Context) {
	_, _ = DefaultTokenSource(ctx, "admin:org", "delete_repo")
}

// Scopes as data.
var adcScopeDocs = map[string]string{directoryGroups: "groups"}
