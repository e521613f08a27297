// Package gapi requests scopes through google.golang.org/api: its scope constants are
// followed like any constant of another package. It is a module of its own, so that the
// API's many dependencies load only for this test.
package gapi

import (
	"context"

	"cloud.google.com/go/auth/credentials"
	authimpersonate "cloud.google.com/go/auth/credentials/impersonate"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/google"
	admin "google.golang.org/api/admin/directory/v1"
	"google.golang.org/api/drive/v3"
	"google.golang.org/api/gmail/v1"
	"google.golang.org/api/impersonate"
	"google.golang.org/api/option"
)

// A person consents to the scopes of a user flow.
func mailAgent(key []byte) (*oauth2.Config, error) {
	return google.ConfigFromJSON(key, gmail.MailGoogleComScope) // want `scope "https://mail.google.com/" grants full mailbox control including permanent delete`
}

var driveScopes = []string{drive.DriveMetadataReadonlyScope, drive.DriveScope} // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file`

func driveAgent() *oauth2.Config {
	return &oauth2.Config{Endpoint: google.Endpoint, Scopes: driveScopes}
}

// With a service's credentials (option.WithScopes) the API acts as a service account, which
// has no mailbox or Drive of a person, or with a person's application default credentials,
// whose scopes were granted at gcloud login: not requested here.
func serviceAgents(ctx context.Context) {
	_, _ = gmail.NewService(ctx, option.WithScopes(gmail.MailGoogleComScope))
	_, _ = drive.NewService(ctx, option.WithScopes(drive.DriveScope))
}

// A service account acting as a user (domain-wide delegation) reaches that user's mailbox.
func delegated(key []byte, user string) error {
	cfg, err := google.JWTConfigFromJSON(key, gmail.MailGoogleComScope) // want `scope "https://mail.google.com/" grants full mailbox control .*, for every user the service account acts as \(domain-wide delegation\)`
	if err != nil {
		return err
	}
	cfg.Subject = user
	return nil
}

// Narrow scopes, and a scope constant used as data.
func narrow(ctx context.Context) (*gmail.Service, error) {
	_ = map[string]bool{gmail.MailGoogleComScope: false}
	return gmail.NewService(ctx, option.WithScopes(gmail.GmailReadonlyScope, gmail.GmailSendScope, drive.DriveFileScope))
}

// ---- application default credentials through option.WithScopes, cloud.google.com/go/auth
// and impersonation ----

// Workspace administration reaches the whole domain, whoever the credentials are.
func directoryAgent(ctx context.Context) {
	_, _ = gmail.NewService(ctx, option.WithScopes(admin.AdminDirectoryUserScope)) // want `scope "https://www.googleapis.com/auth/admin.directory.user" grants create, change and delete every user account`
	_, _ = credentials.DetectDefault(&credentials.DetectOptions{
		Scopes: []string{admin.AdminDirectoryGroupScope}, // want `scope "https://www.googleapis.com/auth/admin.directory.group" grants create, change and delete every group`
	})
}

// Domain-wide delegation: the Subject in the literal, or set afterwards.
func detectDelegated(user string) {
	_, _ = credentials.DetectDefault(&credentials.DetectOptions{
		Scopes:  []string{gmail.GmailModifyScope}, // want `scope "https://www.googleapis.com/auth/gmail.modify" grants every read and write operation on the mailbox except permanent deletion, for every user the service account acts as \(domain-wide delegation\)`
		Subject: user,
	})
	opts := &credentials.DetectOptions{Scopes: []string{drive.DriveScope}} // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file in the user's Drive, for every user`
	opts.Subject = user
	_, _ = credentials.DetectDefault(opts)
}

func impersonated(ctx context.Context, user string) {
	_, _ = impersonate.CredentialsTokenSource(ctx, impersonate.CredentialsConfig{
		TargetPrincipal: "agent@project.iam.gserviceaccount.com",
		Scopes:          []string{gmail.MailGoogleComScope}, // want `scope "https://mail.google.com/" grants full mailbox control .*domain-wide delegation`
		Subject:         user,
	})
	_, _ = authimpersonate.NewCredentials(&authimpersonate.CredentialsOptions{
		TargetPrincipal: "agent@project.iam.gserviceaccount.com",
		Scopes:          []string{admin.AdminDirectoryUserScope}, // want `scope "https://www.googleapis.com/auth/admin.directory.user" grants create, change and delete every user account`
	})
}

// A service acting as itself: its own Drive and mail, and cloud-platform limited by IAM.
func detectService(ctx context.Context) {
	_, _ = credentials.DetectDefault(&credentials.DetectOptions{Scopes: []string{drive.DriveScope, gmail.MailGoogleComScope, "https://www.googleapis.com/auth/cloud-platform"}})
	_, _ = impersonate.CredentialsTokenSource(ctx, impersonate.CredentialsConfig{
		TargetPrincipal: "agent@project.iam.gserviceaccount.com",
		Scopes:          []string{"https://www.googleapis.com/auth/cloud-platform", admin.AdminDirectoryUserReadonlyScope},
	})
	_, _ = drive.NewService(ctx, option.WithScopes("https://www.googleapis.com/auth/cloud-platform"), option.WithQuotaProject("admin.directory.user"))
}
