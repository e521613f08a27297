// Package caller passes tokens to legacyapi, a helper in another package.
package caller

import (
	"context"

	"golang.org/x/oauth2"

	"example.com/agent/tokeninurl/legacyapi"
)

func Call(ctx context.Context, ts oauth2.TokenSource) error {
	t, err := ts.Token()
	if err != nil {
		return err
	}
	_, err = legacyapi.GetQuery(ctx, "https://legacy.example.com/api", t.AccessToken) // want `OAuth token put into a URL \(legacyapi.GetQuery, which passes it to `
	return err
}

// Silent: metadata and non-credential values in the URL.
func Search(ctx context.Context, ts oauth2.TokenSource) error {
	t, err := ts.Token()
	if err != nil {
		return err
	}
	_, err = legacyapi.Search(ctx, "https://legacy.example.com/search", t.TokenType)
	_, err = legacyapi.GetQuery(ctx, "https://legacy.example.com/api", "public")
	return err
}
