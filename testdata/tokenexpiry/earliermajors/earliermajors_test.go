package earliermajors

import (
	"testing"

	"github.com/lestrrat-go/jwx/v2/jwt"
	josev2jwt "gopkg.in/square/go-jose.v2/jwt"
)

// Tests read fixtures' claims without keys: silent.
func TestClaims(t *testing.T) {
	tok, err := josev2jwt.ParseSigned("x.y.z")
	if err != nil {
		t.Skip(err)
	}
	var c josev2jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&c); err != nil || c.Subject != "alice" {
		t.Fatal(c.Subject, err)
	}
	parsed, err := jwt.ParseInsecure([]byte("x.y.z"))
	if err != nil || parsed.Subject() != "alice" {
		t.Fatal(err)
	}
	if _, err := jwt.Parse([]byte("x.y.z"), jwt.WithVerify(false)); err != nil {
		t.Fatal(err)
	}
}
