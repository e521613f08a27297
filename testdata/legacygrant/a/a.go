package a

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/modelcontextprotocol/go-sdk/oauthex"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"example.com/agent/legacygrant/grants"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}}

// ---- reported ----

func password(ctx context.Context) (*oauth2.Token, error) {
	return cfg.PasswordCredentialsToken(ctx, os.Getenv("USER"), os.Getenv("PASSWORD")) // want `resource-owner password grant: .* OAuth 2.1 removed it .*AuthCodeURL with oauth2.S256ChallengeOption`
}

func passwordMethodValue(ctx context.Context, c *oauth2.Config) (*oauth2.Token, error) {
	login := c.PasswordCredentialsToken // want `resource-owner password grant`
	return login(ctx, "u", "p")
}

func passwordInLoop(ctx context.Context, users map[string]string) {
	for u, p := range users {
		_, _ = cfg.PasswordCredentialsToken(ctx, u, p)   // want `resource-owner password grant`
		_, _ = (cfg.PasswordCredentialsToken)(ctx, u, p) // want `resource-owner password grant`
	}
}

func implicitOption(state string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", "token")) // want `implicit grant \(response_type=token\): .* oauth2.S256ChallengeOption\(v\)`
}

func hybridOption(state string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", "id_token token")) // want `implicit grant \(response_type=id_token token\)`
}

func implicitConstFromPackage(state string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", grants.ImplicitType)) // want `implicit grant`
}

func implicitValues(state string) string {
	q := url.Values{
		"response_type": {"token"}, // want `implicit grant \(response_type=token\)`
		"client_id":     {"agent"},
		"state":         {state},
	}
	return "https://as.example.com/authorize?" + q.Encode()
}

func implicitSet(state string) string {
	q := url.Values{}
	q.Set("client_id", "agent")
	q.Set("response_type", "id_token token") // want `implicit grant`
	return "https://as.example.com/authorize?" + q.Encode()
}

func implicitString(w http.ResponseWriter, r *http.Request, state string) {
	http.Redirect(w, r, "https://as.example.com/authorize?response_type=token&client_id=agent&state="+state, http.StatusFound) // want `implicit grant`
}

func implicitSprintf(state string) string {
	return fmt.Sprintf("https://as.example.com/authorize?response_type=id_token+token&client_id=%s&state=%s", "agent", state) // want `implicit grant \(response_type=id_token token\)`
}

func implicitConstURL(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, grants.AuthorizeURL, http.StatusFound) // want `implicit grant`
}

func passwordForm(ctx context.Context, user, pass string) (*http.Response, error) {
	form := url.Values{
		"grant_type": {"password"}, // want `resource-owner password grant`
		"username":   {user},
		"password":   {pass},
	}
	return http.PostForm("https://as.example.com/token", form)
}

func passwordBody(user, pass string) (*http.Response, error) {
	body := strings.NewReader("grant_type=password&username=" + url.QueryEscape(user) + "&password=" + url.QueryEscape(pass)) // want `resource-owner password grant`
	return http.Post("https://as.example.com/token", "application/x-www-form-urlencoded", body)
}

func registration() *oauthex.ClientRegistrationMetadata {
	return &oauthex.ClientRegistrationMetadata{
		RedirectURIs:  []string{"http://127.0.0.1:8085/callback"},
		GrantTypes:    []string{"authorization_code", "password"}, // want `client registration asks for the "password" grant`
		ResponseTypes: []string{"code", "token"},                  // want `implicit grant \(response_type=token\)`
	}
}

func registrationImplicit() oauthex.ClientRegistrationMetadata {
	return oauthex.ClientRegistrationMetadata{GrantTypes: []string{"implicit"}} // want `client registration asks for the "implicit" grant`
}

// ---- silent ----

func codeFlow(state, v string) string {
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(v))
}

func codeOption(state, v string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", "code"), oauth2.S256ChallengeOption(v))
}

func idTokenOnly(state, v string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_mode", "form_post"), oauth2.S256ChallengeOption(v))
}

func codeIDToken(state, v string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", "code id_token"), oauth2.S256ChallengeOption(v))
}

func tokenTypeHint(tok string) url.Values {
	return url.Values{"token": {tok}, "token_type_hint": {"access_token"}}
}

func refreshForm(rt string) url.Values {
	return url.Values{"grant_type": {"refresh_token"}, "refresh_token": {rt}}
}

func clientCredentials(ctx context.Context) oauth2.TokenSource {
	cc := &clientcredentials.Config{ClientID: "agent", ClientSecret: os.Getenv("SECRET"), TokenURL: "https://as.example.com/token"}
	return cc.TokenSource(ctx)
}

func device(ctx context.Context, v string) (*oauth2.Token, error) {
	da, err := cfg.DeviceAuth(ctx, oauth2.S256ChallengeOption(v))
	if err != nil {
		return nil, err
	}
	return cfg.DeviceAccessToken(ctx, da, oauth2.VerifierOption(v))
}

func deviceGrantForm(code string) url.Values {
	return url.Values{"grant_type": {"urn:ietf:params:oauth:grant-type:device_code"}, "device_code": {code}}
}

func responseTypeFromCaller(state, rt string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", rt))
}

func tokenWordInMessage() error {
	return fmt.Errorf("unsupported response_type token: use code")
}

func codeURL(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, grants.CodeURL+"&code_challenge_method=S256&code_challenge="+r.FormValue("c"), http.StatusFound)
}

func registrationCode() *oauthex.ClientRegistrationMetadata {
	return &oauthex.ClientRegistrationMetadata{GrantTypes: []string{"authorization_code", "refresh_token"}, ResponseTypes: []string{"code"}}
}

func passwordField(user, pass string) url.Values {
	return url.Values{"username": {user}, "password": {pass}} // a login form, not a grant
}

// An authorization server refusing the removed grants writes them in messages, not requests.
func refuse(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("grant_type") == "password" {
		http.Error(w, "grant_type=password is not supported", http.StatusBadRequest)
		return
	}
	http.Error(w, "response_type=token is not supported; use response_type=code", http.StatusBadRequest)
}

var errImplicit = errors.New("response_type=token is not allowed")

// ---- client registration fields set after the metadata is made ----

func registerLater() *oauthex.ClientRegistrationMetadata {
	meta := &oauthex.ClientRegistrationMetadata{RedirectURIs: []string{"https://x.example/cb"}}
	meta.GrantTypes = []string{"implicit"}                // want `client registration asks for the "implicit" grant`
	meta.ResponseTypes = []string{"token"}                // want `implicit grant \(response_type=token\)`
	meta.GrantTypes = append(meta.GrantTypes, "password") // want `client registration asks for the "password" grant`
	return meta
}

type ownMetadata struct{ GrantTypes, ResponseTypes []string }

func registerLaterSilent(grantTypes []string) (*oauthex.ClientRegistrationMetadata, ownMetadata) {
	meta := &oauthex.ClientRegistrationMetadata{}
	meta.GrantTypes = []string{"authorization_code", "refresh_token"}
	meta.ResponseTypes = []string{"code"}
	meta.GrantTypes = append(meta.GrantTypes, grantTypes...)
	var own ownMetadata
	own.GrantTypes = []string{"implicit", "password"}
	own.ResponseTypes = []string{"token"}
	return meta, own
}
