// Package attest is a client that reads the subject of its own workload identity token
// (from the cloud metadata service, or from its configuration) to describe itself to a
// server, which verifies the token. Nothing here decides a caller's access: silent.
package attest

import (
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/golang-jwt/jwt/v5"
)

type attestation struct {
	Credential string
	Metadata   map[string]string
}

type creator struct {
	token func() (string, error) // from the configuration
}

func claimsOf(token string) (map[string]any, error) {
	parser := jwt.NewParser(jwt.WithoutClaimsValidation())
	claims := jwt.MapClaims{}
	if _, _, err := parser.ParseUnverified(token, claims); err != nil {
		return nil, fmt.Errorf("unable to read token claims: %w", err)
	}
	return claims, nil
}

func subjectAndIssuer(token string) (subject, issuer string, err error) {
	claims, err := claimsOf(token)
	if err != nil {
		return "", "", err
	}
	var ok bool
	if subject, ok = claims["sub"].(string); !ok {
		return "", "", errors.New("no sub claim")
	}
	if issuer, ok = claims["iss"].(string); !ok {
		return "", "", errors.New("no iss claim")
	}
	return
}

func fromMetadataService(req *http.Request) (*attestation, error) {
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	token := string(body)
	sub, iss, err := subjectAndIssuer(token)
	if err != nil {
		return nil, err
	}
	if sub == "" || iss == "" {
		return nil, errors.New("missing sub or iss")
	}
	return &attestation{Credential: token, Metadata: map[string]string{"sub": sub, "iss": iss}}, nil
}

func (c *creator) fromConfig() (*attestation, error) {
	token, err := c.token()
	if err != nil {
		return nil, err
	}
	sub, _, err := subjectAndIssuer(token)
	if err != nil {
		return nil, err
	}
	return &attestation{Credential: token, Metadata: map[string]string{"sub": sub}}, nil
}
