package client

import (
	"context"
	"net/http"

	"golang.org/x/oauth2"
)

// A client made for one call and dropped holds its token no longer than that call.

type drive struct{ src oauth2.TokenSource }

// freshClient is a factory: each call takes a token from the refreshing source, and every
// caller uses the client at once. Silent.
func (d *drive) freshClient(ctx context.Context) (*http.Client, error) {
	tok, err := d.src.Token()
	if err != nil {
		return nil, err
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)), nil
}

func (d *drive) list(ctx context.Context) error {
	hc, err := d.freshClient(ctx)
	if err != nil {
		return err
	}
	resp, err := hc.Get("https://www.googleapis.com/drive/v3/files")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// keptFactory is the same factory, but a caller keeps its client: reported.
func (d *drive) keptFactory(ctx context.Context) (*http.Client, error) {
	tok, err := d.src.Token()
	if err != nil {
		return nil, err
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)), nil // want `StaticTokenSource over a token from oauth2.TokenSource.Token: this copy is never renewed`
}

type worker struct{ hc *http.Client }

func (d *drive) start(ctx context.Context) (*worker, error) {
	hc, err := d.keptFactory(ctx)
	if err != nil {
		return nil, err
	}
	return &worker{hc: hc}, nil
}

// listOnce restores a token with no Expiry into a client used for one request. Silent.
func listOnce(ctx context.Context, at, rt string) error {
	resp, err := cfg.Client(ctx, &oauth2.Token{AccessToken: at, RefreshToken: rt}).Get("https://www.googleapis.com/drive/v3/files")
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// keptRestored keeps that client: reported.
func keptRestored(ctx context.Context, at, rt string) *http.Client {
	return cfg.Client(ctx, &oauth2.Token{AccessToken: at, RefreshToken: rt}) // want `oauth2.Token with a RefreshToken but no Expiry`
}
