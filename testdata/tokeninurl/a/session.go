package a

import (
	"context"
	"log"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

// A session type of this package keeps the token in a string field, set in one method
// and read in another (the pattern of many provider libraries).
type Session struct {
	AccessToken string
	UserID      string
}

func (s *Session) Authorize(ctx context.Context, code string) error {
	tok, err := conf.Exchange(ctx, code, oauth2.VerifierOption("v"))
	if err != nil {
		return err
	}
	s.AccessToken = tok.AccessToken
	s.UserID = "me"
	return nil
}

func FetchUser(client *http.Client, s *Session) (*http.Response, error) {
	log.Printf("fetching user %s", s.UserID)
	return client.Get("https://api.example.com/me?access_token=" + url.QueryEscape(s.AccessToken)) // want `OAuth token put into a URL \(\(\*http.Client\).Get\)`
}

// Silent: the other field, and the token in a header.
func FetchUserHeader(client *http.Client, s *Session) (*http.Response, error) {
	req, err := http.NewRequest("GET", "https://api.example.com/users/"+url.PathEscape(s.UserID), nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", "Bearer "+s.AccessToken)
	return client.Do(req)
}
