package a

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

const api = "https://api.example.com/me"

func inURL(ctx context.Context, tok *oauth2.Token, client *http.Client, ts oauth2.TokenSource) {
	http.Get(api + "?access_token=" + tok.AccessToken) // want `OAuth token put into a URL \(http.Get\)`
	u := fmt.Sprintf("%s?token=%s", api, tok.AccessToken)
	client.Get(u)                                                                                             // want `OAuth token put into a URL \(\(\*http.Client\).Get\)`
	http.NewRequestWithContext(ctx, "GET", "https://api.example.com/t/"+url.PathEscape(tok.AccessToken), nil) // want `OAuth token put into a URL \(http.NewRequestWithContext\)`
	q := url.Values{}
	q.Set("access_token", tok.AccessToken)
	target, _ := url.Parse(api)
	target.RawQuery = q.Encode()                                                           // want `OAuth token put into a URL \(url.URL.RawQuery\)`
	http.Post(api+"?id_token="+fmt.Sprint(tok.Extra("id_token")), "application/json", nil) // want `ID token put into a URL \(http.Post\)`
	fresh, err := ts.Token()
	if err != nil {
		return
	}
	http.NewRequest("GET", api+"?access_token="+fresh.AccessToken, nil) // want `OAuth token put into a URL \(http.NewRequest\)`
	http.Get(withToken(api, fresh.RefreshToken))                        // want `OAuth token put into a URL \(http.Get\)`

	// Silent: form bodies, request bodies, JSON, non-secret parameters, metadata, headers.
	http.PostForm("https://auth.example.com/token", url.Values{"refresh_token": {tok.RefreshToken}})
	form := url.Values{"token": {tok.AccessToken}}
	http.Post("https://auth.example.com/introspect", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
	http.NewRequest("POST", "https://auth.example.com/revoke", strings.NewReader("token="+tok.AccessToken))
	body, _ := json.Marshal(map[string]string{"access_token": tok.AccessToken})
	http.NewRequestWithContext(ctx, "POST", api, strings.NewReader(string(body)))
	http.Get("https://auth.example.com/authorize?state=" + randomState() + "&code_challenge=" + challenge())
	http.Get(api + "?expires=" + tok.Expiry.String() + "&type=" + tok.Type())
	http.Get(fmt.Sprintf("%s?len=%d", api, len(tok.AccessToken)))
	req, _ := http.NewRequestWithContext(ctx, "GET", api, nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	q2 := url.Values{}
	q2.Set("client_id", "agent")
	target.RawQuery = q2.Encode()
	logout, _ := url.Parse("https://auth.example.com/logout")
	q3 := logout.Query()
	q3.Add("id_token_hint", fmt.Sprint(tok.Extra("id_token"))) // OIDC RP-initiated logout, by design
	logout.RawQuery = q3.Encode()
}

func withToken(base, t string) string {
	return base + "?access_token=" + t
}

func randomState() string { return "s" }

func challenge() string { return "c" }

func handler(w http.ResponseWriter, r *http.Request) {
	http.Get(api + "?auth=" + url.QueryEscape(r.Header.Get("Authorization"))) // want `Authorization header put into a URL \(http.Get\)`
	http.Get(api + "?ua=" + url.QueryEscape(r.Header.Get("User-Agent")))
}
