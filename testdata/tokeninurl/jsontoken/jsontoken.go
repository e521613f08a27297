// Package jsontoken calls an API with a token from a token response it decoded into its own
// struct.
package jsontoken

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
)

type tokenResponse struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"`
	TokenType   string `json:"token_type"`
}

func fetch(body []byte) (tokenResponse, error) {
	var tr tokenResponse
	err := json.Unmarshal(body, &tr)
	return tr, err
}

func Call(body []byte) error {
	tr, err := fetch(body)
	if err != nil {
		return err
	}
	if _, err := http.Get("https://api.example.com/v1/me?access_token=" + tr.AccessToken); err != nil { // want `OAuth token put into a URL \(http.Get\)`
		return err
	}
	u := fmt.Sprintf("https://api.example.com/v1/files?token=%s", url.QueryEscape(tr.AccessToken))
	if _, err := http.Get(u); err != nil { // want `OAuth token put into a URL \(http.Get\)`
		return err
	}

	// The header is where it belongs; metadata may go in a URL.
	req, _ := http.NewRequest("GET", fmt.Sprintf("https://api.example.com/v1/me?ttl=%d&type=%s", tr.ExpiresIn, tr.TokenType), nil)
	req.Header.Set("Authorization", "Bearer "+tr.AccessToken)
	_, err = http.DefaultClient.Do(req)
	return err
}
