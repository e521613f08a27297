// Package server holds resource-server token verification for tokenexpiry.
package server

import (
	"context"
	"errors"
	"time"

	"github.com/coreos/go-oidc/v3/oidc"
)

func noExpiry(ctx context.Context, p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: true}) // want `oidc.Config SkipExpiryCheck: the verifier accepts expired ID tokens`
}

func noExpiryMultiline(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{
		ClientID:        id,
		SkipExpiryCheck: true, // want `oidc.Config SkipExpiryCheck`
	}
	return p.Verifier(cfg)
}

func anyIssuer(keys oidc.KeySet, id string) *oidc.IDTokenVerifier {
	return oidc.NewVerifier("https://issuer.example.com", keys, &oidc.Config{ClientID: id, SkipIssuerCheck: true}) // want `SkipIssuerCheck`
}

func anyClient(p *oidc.Provider) *oidc.IDTokenVerifier {
	cfg := &oidc.Config{}
	cfg.SkipClientIDCheck = true // want `SkipClientIDCheck: the verifier accepts tokens issued to any client`
	return p.Verifier(cfg)
}

func unsigned(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, InsecureSkipSignatureCheck: true}) // want `InsecureSkipSignatureCheck: anyone can forge`
}

// --- silent ---

func strict(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id})
}

func explicitFalse(p *oidc.Provider, id string) *oidc.IDTokenVerifier {
	return p.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: false})
}

// ownLeeway skips the library's expiry check to apply a leeway of its own.
func ownLeeway(ctx context.Context, p *oidc.Provider, id, raw string) (*oidc.IDToken, error) {
	v := p.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: true})
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return nil, err
	}
	if time.Now().After(tok.Expiry.Add(2 * time.Minute)) {
		return nil, errors.New("expired")
	}
	return tok, nil
}

// multiTenant checks the issuer itself against its tenant list.
func multiTenant(ctx context.Context, keys oidc.KeySet, id, raw string, tenants map[string]bool) (*oidc.IDToken, error) {
	v := oidc.NewVerifier("", keys, &oidc.Config{ClientID: id, SkipIssuerCheck: true})
	tok, err := v.Verify(ctx, raw)
	if err != nil || !tenants[tok.Issuer] {
		return nil, errors.New("bad token")
	}
	return tok, nil
}

func ownAudience(ctx context.Context, p *oidc.Provider, raw, resource string) error {
	v := p.Verifier(&oidc.Config{SkipClientIDCheck: true})
	tok, err := v.Verify(ctx, raw)
	if err != nil {
		return err
	}
	for _, aud := range tok.Audience {
		if aud == resource {
			return nil
		}
	}
	return errors.New("wrong audience")
}
