package a

import (
	"testing"

	"golang.org/x/oauth2"
)

// In test code only a value in a known provider format is reported: dictionary-word fakes
// and random-looking fixtures are test data.
func TestFixtures(t *testing.T) {
	_ = oauth2.Config{ClientSecret: "3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e"}
	_ = oauth2.Token{AccessToken: "test-access-token", RefreshToken: "test-refresh-token"}
	_ = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvYXV0aHZldCJ9.c2lnbmF0dXJlLW9mLWZpeHR1cmU"
	_ = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAoauthvetfixtureoauthvetfixtureoauthvet\n-----END RSA PRIVATE KEY-----"
	_ = "ASIARD4OQDT6A77FR3CL"                                                // an AWS key ID in a test is fixture data
	_ = oauth2.Token{AccessToken: "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"} // want `GitHub token "ghp_Oaut…" \(40 chars\) written in test code for Token.AccessToken`
}
