// Package audwrap switches go-oidc's client ID check off and checks the audience itself,
// against a list, in a wrapper verifier's method.
package audwrap

import (
	"context"
	"errors"
	"slices"

	"github.com/coreos/go-oidc/v3/oidc"
)

type Verifier struct {
	iv      *oidc.IDTokenVerifier
	allowed []string // the client ID and extra audiences
}

func config(clientID string) *oidc.Config {
	return &oidc.Config{ClientID: clientID, SkipClientIDCheck: true}
}

// SkipExpiryCheck is not checked by the wrapper: reported.
func lax(clientID string) *oidc.Config {
	return &oidc.Config{ClientID: clientID, SkipExpiryCheck: true} // want `oidc.Config SkipExpiryCheck`
}

func New(p *oidc.Provider, clientID string, extra []string) *Verifier {
	return &Verifier{iv: p.Verifier(config(clientID)), allowed: append([]string{clientID}, extra...)}
}

func (v *Verifier) Verify(ctx context.Context, raw string) (*oidc.IDToken, error) {
	tok, err := v.iv.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	if !v.validAudience(tok) {
		return nil, errors.New("invalid audience")
	}
	return tok, nil
}

// validAudience is the wrapper's own audience check, in a helper.
func (v *Verifier) validAudience(tok *oidc.IDToken) bool {
	for _, aud := range tok.Audience {
		if slices.Contains(v.allowed, aud) {
			return true
		}
	}
	return false
}
