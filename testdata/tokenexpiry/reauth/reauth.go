// Package reauth keeps a token in a static source and in a field, and gets a new one
// when the API answers 401 Unauthorized: an expired token costs one retry, not every
// request. Silent.
package reauth

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

type Client struct {
	cfg  *oauth2.Config
	tok  *oauth2.Token
	http *http.Client
}

func New(ctx context.Context, cfg *oauth2.Config, code string) (*Client, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	return &Client{cfg: cfg, tok: tok, http: oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))}, nil
}

func (c *Client) Get(ctx context.Context, url string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+c.tok.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusUnauthorized {
		resp.Body.Close()
		if err := c.renew(ctx); err != nil {
			return nil, err
		}
		req.Header.Set("Authorization", "Bearer "+c.tok.AccessToken)
		return http.DefaultClient.Do(req)
	}
	return resp, nil
}

// renew runs the refresh grant and keeps the new token.
func (c *Client) renew(ctx context.Context) error {
	tok, err := c.cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: c.tok.RefreshToken}).Token()
	if err != nil {
		return err
	}
	c.tok = tok
	c.http = oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
	return nil
}
