package client

import (
	"net/http"
	"sync"

	"golang.org/x/oauth2"
)

// A multi-tenant token store in a sync.Map.
var tenantTokens sync.Map // user -> *oauth2.Token

func callAsUser(req *http.Request, user string) {
	v, ok := tenantTokens.Load(user)
	if !ok {
		return
	}
	tok := v.(*oauth2.Token)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken) // want `AccessToken of a token kept in a sync.Map`
}

// Silent: checked before use.
func callAsUserChecked(req *http.Request, user string) {
	v, ok := tenantTokens.Load(user)
	if !ok {
		return
	}
	tok := v.(*oauth2.Token)
	if !tok.Valid() {
		return
	}
	tok.SetAuthHeader(req)
}

func callAsUserInline(req *http.Request, user string) {
	v, ok := tenantTokens.Load(user)
	if !ok {
		return
	}
	req.Header.Set("Authorization", "Bearer "+v.(*oauth2.Token).AccessToken) // want `AccessToken of a token kept in a sync.Map`
}

func callAsUserInlineChecked(req *http.Request, user string) {
	v, ok := tenantTokens.Load(user)
	if !ok || !v.(*oauth2.Token).Valid() {
		return
	}
	req.Header.Set("Authorization", "Bearer "+v.(*oauth2.Token).AccessToken)
}
