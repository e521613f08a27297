// Package formkeys puts values under the names of credential headers and parameters that
// are not credentials: labels, prompts, protocol words and header names. Silent; real
// credentials under the same names stay reported.
package formkeys

import (
	"net/http"
	"net/url"
)

// Help texts of a form, keyed by field.
var Help = map[string]string{
	"authorization": "Bearer token of the signed-in user, sent with every call",
	"api_key":       "The key from your account settings page",
	"password":      "Leave empty to use single sign-on",
}

// Header names and protocol values under a credential's name.
var Canonical = map[string]string{
	"authorization":       "Authorization",
	"proxy-authorization": "Proxy-Authorization",
	"x-api-key":           "X-Api-Key",
}

func Forms(req *http.Request) url.Values {
	v := url.Values{}
	v.Set("authorization", "authorization_code")
	v.Set("client_assertion", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
	v.Set("password", "client_secret_post")
	req.Header.Set("Authorization", "Bearer realm=api, error=invalid_token")
	// Real-looking credentials under the same names are reported.
	v.Set("authorization", "Bearer q7Xv2LmP9wRt4KsZ8bNc3HdY")                        // want `hard-coded credential "q7Xv…" \(24 chars\) in the authorization header`
	v.Set("api_key", "c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4")                             // want `hard-coded credential "c9b8…" \(32 chars\) in the api_key parameter`
	_ = map[string]string{"Authorization": "token 7Hq2mX9vL4pR8sT1wY6zB3nC5dF0gJ2k"} // want `hard-coded credential "7Hq2…" \(32 chars\) in the Authorization header`
	return v
}
