// Package legacyapi calls an API that takes its token in the query. It is not reported
// itself (its parameter is not known to be a token); its callers are, through a fact.
package legacyapi

import (
	"context"
	"net/http"
	"net/url"
)

// GetQuery performs a GET with tok as the access_token query parameter.
func GetQuery(ctx context.Context, base, tok string) (*http.Response, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("access_token", tok)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, "GET", u.String(), nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

// Search puts its query, not a credential, into the URL.
func Search(ctx context.Context, base, query string) (*http.Response, error) {
	u, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	q := u.Query()
	q.Set("q", query)
	u.RawQuery = q.Encode()
	return http.Get(u.String())
}
