// Package noreauth is reauth's look-alike whose 401 branch only reports the error: the
// expired token is never replaced. Reported.
package noreauth

import (
	"context"
	"errors"
	"net/http"

	"golang.org/x/oauth2"
)

type Client struct {
	tok  *oauth2.Token
	http *http.Client
}

func New(ctx context.Context, cfg *oauth2.Config, code string) (*Client, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	return &Client{tok: tok, http: oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))}, nil // want `oauth2.StaticTokenSource over a token from oauth2.Config.Exchange: the source hands out this token forever`
}

func (c *Client) Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.tok.AccessToken) // want `the AccessToken of a token kept in field tok goes into an Authorization header`
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		return nil, errors.New("token expired: log in again")
	}
	return resp, nil
}
