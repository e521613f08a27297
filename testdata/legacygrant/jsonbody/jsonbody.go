// Package jsonbody holds token requests sent as JSON (Auth0 and others accept them).
package jsonbody

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
)

const tokenURL = "https://tenant.auth0.example/oauth/token"

// ---- reported ----

func login(user, pass string) (*http.Response, error) {
	body, err := json.Marshal(map[string]string{"grant_type": "password", "username": user, "password": pass, "client_id": "agent"}) // want `resource-owner password grant`
	if err != nil {
		return nil, err
	}
	return http.Post(tokenURL, "application/json", bytes.NewReader(body))
}

func loginEncoder(user, pass string) (*http.Response, error) {
	payload := map[string]any{
		"grant_type": "password", // want `resource-owner password grant`
		"username":   user,
		"password":   pass,
		"scope":      "openid offline_access",
	}
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(payload); err != nil {
		return nil, err
	}
	return http.Post(tokenURL, "application/json", &buf)
}

func loginIndent(user, pass string) ([]byte, error) {
	return json.MarshalIndent(&map[string]interface{}{"grant_type": ("password"), "username": user, "password": pass}, "", "  ") // want `resource-owner password grant`
}

// ---- silent ----

func machine(secret string) ([]byte, error) {
	return json.Marshal(map[string]string{"grant_type": "client_credentials", "client_id": "agent", "client_secret": secret})
}

func refresh(rt string) ([]byte, error) {
	return json.Marshal(map[string]any{"grant_type": "refresh_token", "refresh_token": rt})
}

type ropcRequest struct {
	GrantType string `json:"grant_type"` // a tag, not a request
	Username  string `json:"username"`
}

func describe() ([]byte, error) {
	return json.Marshal(ropcRequest{Username: "u"})
}

func refuse() error { return errors.New(`"grant_type": "password" is not supported`) }

func allowed(params map[string]string) bool {
	// A lookup table, not a request body.
	forbidden := map[string]string{"grant_type": "password"}
	return params["grant_type"] != forbidden["grant_type"]
}

func loginForm(user, pass string) ([]byte, error) {
	// A login form posted to the application itself carries no grant_type.
	return json.Marshal(map[string]string{"username": user, "password": pass})
}
