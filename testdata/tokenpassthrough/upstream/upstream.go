// Package upstream is a helper package: it sets whatever bearer it is given. It is not
// reported itself; its callers are, through a fact, when they give it the caller's token.
package upstream

import (
	"context"
	"net/http"
)

// Get performs a GET with the given bearer.
func Get(ctx context.Context, u, bearer string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+bearer)
	return http.DefaultClient.Do(req)
}

// GetJSON sets only a non-credential header from its parameter.
func GetJSON(ctx context.Context, u, accept string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, "GET", u, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", accept)
	return http.DefaultClient.Do(req)
}
