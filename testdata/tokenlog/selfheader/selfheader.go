// Package selfheader stores a request's own headers back into it: the redaction check must
// not recurse forever (it once overflowed the stack).
package selfheader

import (
	"errors"
	"log"
	"net/http"
	"net/http/httputil"

	"golang.org/x/oauth2"
)

func restore(w http.ResponseWriter, r *http.Request) {
	h := r.Header
	r.Header = h
	log.Printf("%v", r.Header) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
}

// A new header set that then gets a credential is no redaction.
func rebuilt(out *http.Request, tok *oauth2.Token) {
	out.Header = http.Header{}
	out.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	b, _ := httputil.DumpRequestOut(out, false)
	log.Printf("%s", b) // want `request dump \(with its Authorization header\) reaches a log \(log.Printf\)`
}

// A struct built here holds what this function stores, whatever other code stores in the
// same field of other values.
type pair struct{ K, V string }

func authPair(r *http.Request) pair {
	return pair{"Authorization", r.Header.Get("Authorization")}
}

func langPair() {
	p := pair{"Accept-Language", "en"}
	log.Printf("%s: %s", p.K, p.V)
}

// A redacting String declared after its use is still seen.
func logCred(tok *oauth2.Token) {
	log.Printf("%v", cred{tok.AccessToken})
}

type cred struct{ tok string }

func (cred) String() string { return "[redacted]" }

// The runtime prints a non-string, non-error panic value as its type and address.
type secretBox struct{ tok string }

func mustToken(tok *oauth2.Token) {
	if !tok.Valid() {
		panic(secretBox{tok.AccessToken})
	}
	if tok.RefreshToken == "" {
		panic(errors.New("no refresh token for " + tok.AccessToken)) // want `OAuth token in a panic message`
	}
}

// %v prints a byte slice whole, whatever the precision.
func logBytes(tok *oauth2.Token) {
	log.Printf("token %.8v", []byte(tok.AccessToken)) // want `OAuth token reaches a log \(log.Printf\)`
}
