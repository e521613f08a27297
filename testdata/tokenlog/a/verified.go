package a

import (
	"context"
	"log"
	"log/slog"
	"net/http"
	"strings"

	"github.com/coreos/go-oidc/v3/oidc"
	"github.com/golang-jwt/jwt/v5"
)

// What a verifier is given is a token: logging it when verification fails leaks it.
func verifyID(ctx context.Context, v *oidc.IDTokenVerifier, raw string) (*oidc.IDToken, error) {
	idt, err := v.Verify(ctx, raw)
	if err != nil {
		log.Printf("bad id token %s: %v", raw, err) // want `ID token reaches a log \(log.Printf\)`
		return nil, err
	}
	log.Printf("id token for %s, %d bytes", idt.Subject, len(raw))
	return idt, nil
}

func parseBearer(r *http.Request, key []byte) bool {
	raw := strings.TrimPrefix(r.Header.Get("X-Api-Token"), "Bearer ")
	tok, err := jwt.Parse(raw, func(*jwt.Token) (any, error) { return key, nil })
	if err != nil {
		slog.Warn("rejected", "jwt", raw, "err", err) // want `JWT reaches a log \(slog.Warn\)`
		return false
	}
	sub, _ := tok.Claims.GetSubject()
	slog.Info("accepted", "sub", sub, "alg", tok.Method.Alg())
	return true
}

// Silent: a constant given to the parser is no secret of this program, and other strings
// of the function stay unlabelled.
func parseSample(key []byte, name string) {
	_, err := jwt.Parse("eyJhbGciOiJub25lIn0.e30.", func(*jwt.Token) (any, error) { return key, nil })
	log.Printf("sample for %s: %v", name, err)
}
