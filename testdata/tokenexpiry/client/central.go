package client

import (
	"context"
	"net/http"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// refreshedStore keeps users' tokens; a background loop refreshes each one ahead of
// expiry and stores it back, so a reader takes a fresh token. Silent.
type refreshedStore struct {
	mu     sync.Mutex
	tokens map[string]*oauth2.Token
}

func (s *refreshedStore) refreshLoop(ctx context.Context) {
	ticker := time.NewTicker(time.Minute)
	defer ticker.Stop()
	for range ticker.C {
		s.mu.Lock()
		for user, tok := range s.tokens {
			fresh, err := cfg.TokenSource(ctx, tok).Token()
			if err != nil {
				continue
			}
			s.tokens[user] = fresh
		}
		s.mu.Unlock()
	}
}

func (s *refreshedStore) call(req *http.Request, user string) {
	s.mu.Lock()
	tok := s.tokens[user]
	s.mu.Unlock()
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
}

// loginStore is written at login only: reported.
type loginStore struct {
	tokens map[string]*oauth2.Token
}

func (s *loginStore) login(ctx context.Context, user, code string) error {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return err
	}
	s.tokens[user] = tok
	return nil
}

func (s *loginStore) call(req *http.Request, user string) {
	tok := s.tokens[user]
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken) // want `the AccessToken of a token kept in a map goes into an Authorization header`
}
