package a

import (
	"encoding/json"
	"os"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"

	"example.com/agent/broadscope/scopes"
)

// ---- reported: scopes from helpers of this package, strings.Fields/Split of constants,
// and the fields of a never-changed settings variable ----

// A helper without inputs: reported where the scope is written, in the helper.
func driveScopes() []string {
	return []string{scopes.DriveFull} // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file`
}

func driveFromHelper(key []byte) (*oauth2.Config, error) {
	return google.ConfigFromJSON(key, driveScopes()...)
}

// A named result, built with append.
func orgScopes() (list []string) {
	list = []string{"read:user"}
	list = append(list, "admin:org") // want `scope "admin:org" grants full management of the organization`
	return
}

func githubFromHelper() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: orgScopes()}
}

// A method whose receiver is not used.
type scopeSet struct{}

func (scopeSet) list() []string { return []string{"delete_repo"} } // want `scope "delete_repo" grants deletion`

func githubFromMethod(set scopeSet) *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: set.list()}
}

func fields() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: strings.Fields("read:user repo")} // want `scope "repo" grants full read and write access`
}

func split(cfg *oauth2.Config) {
	cfg.Endpoint = github.Endpoint
	cfg.Scopes = strings.Split("read:user,admin:public_key", ",") // want `scope "admin:public_key" grants adding and deleting the user's SSH keys`
}

// The project's own settings, compiled in and copied into the Config.
type settings struct {
	ClientID string
	Admin    bool
	Scopes   []string
	GitHub   ghSettings
}

type ghSettings struct{ Scopes []string }

var prod = settings{
	ClientID: "agent",
	Scopes:   []string{"read:user", "admin:gpg_key"},   // want `scope "admin:gpg_key" grants adding and deleting the user's GPG keys`
	GitHub:   ghSettings{Scopes: []string{"workflow"}}, // want `scope "workflow" grants adding and changing GitHub Actions workflow files`
}

func fromSettings() []*oauth2.Config {
	return []*oauth2.Config{
		{ClientID: prod.ClientID, Endpoint: github.Endpoint, Scopes: prod.Scopes},
		{Endpoint: github.Endpoint, Scopes: prod.GitHub.Scopes},
	}
}

// ---- silent ----

// The result depends on a parameter: what this call asks for is not known.
func scopesFor(admin bool) []string {
	if admin {
		return []string{"admin:org"}
	}
	return []string{"read:org"}
}

// Read at run time.
func envScopes() []string { return strings.Fields(os.Getenv("SCOPES")) }

// A helper whose list is data, not requested.
func adminWords() []string { return []string{"admin:org", "repo"} }

// A helper with a GitHub scope, requested from Google.
func wrongProvider() []string { return []string{"repo", "admin"} }

// A method that reads its receiver.
func (c settings) requested() []string {
	if c.Admin {
		return []string{"admin:org"}
	}
	return []string{"read:org"}
}

var staging = settings{Scopes: []string{"repo"}}

var decoded = settings{Scopes: []string{"repo"}}

var loaded = settings{Scopes: []string{"repo"}}

var edited = settings{Scopes: []string{"repo", "read:org"}}

var viaPointer = &settings{Scopes: []string{"repo"}}

var noScopes = settings{ClientID: "agent"}

func init() {
	staging.Scopes = strings.Fields(os.Getenv("STAGING_SCOPES")) // a field set after init
	_ = json.Unmarshal([]byte(os.Getenv("SETTINGS")), &decoded)  // its address is taken
	loaded.load()                                                // a pointer method may change it
	edited.Scopes[0] = "read:user"                               // an element is changed
}

func (c *settings) load() { c.Scopes = nil }

func silentRequests(key []byte, c settings) {
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: scopesFor(false)}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: envScopes()}
	_ = adminWords()
	_, _ = google.ConfigFromJSON(key, wrongProvider()...)
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: c.requested()}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: strings.Fields("read:user public_repo")}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: strings.Split("read:user repo", ",")} // one scope named "read:user repo"
	_ = &oauth2.Config{Endpoint: google.Endpoint, Scopes: strings.Fields("repo admin")}
	for _, s := range []settings{staging, decoded, loaded, edited, *viaPointer, noScopes} {
		_ = s
	}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: staging.Scopes}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: decoded.Scopes}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: loaded.Scopes}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: edited.Scopes}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: viaPointer.Scopes}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: noScopes.Scopes}
	_ = &oauth2.Config{Endpoint: github.Endpoint, Scopes: c.Scopes}
}

// A never-changed list of another package: reported where it is used, naming it.
func crossPackageLists() []*oauth2.Config {
	return []*oauth2.Config{
		{Endpoint: github.Endpoint, Scopes: scopes.Admin},                        // want `scope "admin:org" \(from var scopes.Admin\) grants full management of the organization`
		{Endpoint: github.Endpoint, Scopes: append(scopes.Default, "read:user")}, // want `scope "repo" \(from var scopes.Default\) grants full read and write access`
		{Endpoint: google.Endpoint, Scopes: scopes.Default},                      // "repo" is no Google scope
		{Endpoint: github.Endpoint, Scopes: scopes.Configured},                   // changed at start-up
		{Endpoint: github.Endpoint, Scopes: scopes.Words},
		{Endpoint: github.Endpoint, Scopes: scopes.Appended},
	}
}
