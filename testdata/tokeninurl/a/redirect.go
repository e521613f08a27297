package a

import (
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

var conf = &oauth2.Config{ClientID: "agent"}

// A login callback that hands the token to the front end in the redirect URL: it lands in
// the address bar, the history and the next site's Referer.
func callback(w http.ResponseWriter, r *http.Request) {
	tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(r.URL.Query().Get("v")))
	if err != nil {
		http.Redirect(w, r, "/login?error="+url.QueryEscape(err.Error()), http.StatusFound)
		return
	}
	http.Redirect(w, r, "https://app.example.com/logged-in?token="+url.QueryEscape(tok.AccessToken), http.StatusFound) // want `OAuth token put into a URL \(http.Redirect\)`
}

// Silent: the token goes into a cookie; the redirect carries only the path and state.
func callbackCookie(w http.ResponseWriter, r *http.Request) {
	tok, err := conf.Exchange(r.Context(), r.URL.Query().Get("code"), oauth2.VerifierOption(r.URL.Query().Get("v")))
	if err != nil {
		return
	}
	http.SetCookie(w, &http.Cookie{Name: "session", Value: tok.AccessToken, HttpOnly: true, Secure: true})
	http.Redirect(w, r, "/home?state="+url.QueryEscape(r.URL.Query().Get("state"))+"&expires="+tok.Expiry.String(), http.StatusFound)
}

// Silent: OpenID Connect RP-initiated logout sends the ID token as id_token_hint by design.
func logout(w http.ResponseWriter, r *http.Request, t *oauth2.Token) {
	idt, _ := t.Extra("id_token").(string)
	u := "https://auth.example.com/logout?id_token_hint=" + url.QueryEscape(idt) + "&post_logout_redirect_uri=https%3A%2F%2Fapp"
	http.Redirect(w, r, u, http.StatusFound)
}
