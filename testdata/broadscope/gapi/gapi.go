// Package gapi requests scopes through google.golang.org/api: its scope constants are
// followed like any constant of another package. It is a module of its own, so that the
// API's many dependencies load only for this test.
package gapi

import (
	"context"

	"google.golang.org/api/drive/v3"
	"google.golang.org/api/gmail/v1"
	"google.golang.org/api/option"
)

func mailAgent(ctx context.Context) (*gmail.Service, error) {
	return gmail.NewService(ctx, option.WithScopes(gmail.MailGoogleComScope)) // want `scope "https://mail.google.com/" grants full mailbox control including permanent delete`
}

var driveScopes = []string{drive.DriveMetadataReadonlyScope, drive.DriveScope} // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file`

func driveAgent(ctx context.Context) (*drive.Service, error) {
	return drive.NewService(ctx, option.WithScopes(driveScopes...))
}

// Narrow scopes, and a scope constant used as data.
func narrow(ctx context.Context) (*gmail.Service, error) {
	_ = map[string]bool{gmail.MailGoogleComScope: false}
	return gmail.NewService(ctx, option.WithScopes(gmail.GmailReadonlyScope, gmail.GmailSendScope, drive.DriveFileScope))
}
