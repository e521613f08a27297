package server

import (
	"testing"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
)

// Tests may switch checks off: silent.
func TestVerifier(t *testing.T) {
	_ = &oidc.Config{SkipClientIDCheck: true, SkipExpiryCheck: true, InsecureSkipSignatureCheck: true}
	_, _, _ = jwt.NewParser(jwt.WithoutClaimsValidation()).ParseUnverified("x.y.z", jwt.MapClaims{})
}
