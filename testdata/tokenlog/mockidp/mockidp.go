// Package mockidp is test support: a mock identity provider for the tests of other
// packages. It imports testing, and the tokens it handles are the tests' fakes.
package mockidp

import (
	"log"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/oauth2"
)

type Server struct {
	*httptest.Server
	Users map[string]string // by access token
}

func New(t *testing.T) *Server {
	s := &Server{Users: map[string]string{}}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	auth := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	user, ok := s.Users[auth]
	if !ok {
		panic("no user for access token " + auth)
	}
	log.Printf("request from %s with %s", user, auth)
}

// LogToken writes what a test obtained to the test log, which CI keeps.
func LogToken(t *testing.T, tok *oauth2.Token) {
	t.Logf("token %s", tok.AccessToken) // want `OAuth token written to the test log`
	t.Logf("token type %s", tok.Type())
}
