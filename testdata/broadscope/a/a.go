package a

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"strings"

	"github.com/mark3labs/mcp-go/client"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
	"golang.org/x/oauth2/jwt"
	"golang.org/x/oauth2/microsoft"

	"example.com/agent/broadscope/scopes"
)

// ---- reported ----

func gmailFull() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: google.Endpoint,
		Scopes:   []string{"https://mail.google.com/"}, // want `scope "https://mail.google.com/" grants full mailbox control including permanent delete and IMAP/SMTP/POP access; request gmail.readonly, gmail.send or gmail.compose instead`
	}
}

func githubRepo() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"repo", "read:org"}} // want `scope "repo" grants full read and write access .*; request public_repo, repo:status or a GitHub App or fine-grained token with per-repository permissions instead`
}

// A constant of this package is reported where it is written.
const orgAdmin = "admin:org" // want `scope "admin:org" grants full management of the organization`

func githubOrgAdmin() *oauth2.Config {
	return &oauth2.Config{Endpoint: endpoints.GitHub, Scopes: []string{"read:user", orgAdmin}}
}

// A package-level slice: reported at the element.
var botScopes = []string{"read:user", "workflow"} // want `scope "workflow" grants adding and changing GitHub Actions workflow files`

func githubBot() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: botScopes}
}

// A slice built with append.
func githubAppend(extra bool) *oauth2.Config {
	s := []string{"read:user"}
	if extra {
		s = append(s, "delete_repo") // want `scope "delete_repo" grants deletion of every repository the user can administer; request only the scopes the task needs`
	}
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: s}
}

// A constant of another package is reported at the request.
func googleDrive(key []byte) (*oauth2.Config, error) {
	return google.ConfigFromJSON(key, scopes.DriveFull, scopes.DriveFile) // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file in the user's Drive; request drive.file or drive.appdata instead`
}

// Microsoft Graph, with the Graph prefix, in a user flow.
func graphMail() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: microsoft.AzureADEndpoint("common"),
		Scopes: []string{
			"User.Read",
			"https://graph.microsoft.com/Mail.ReadWrite", // want `scope "https://graph.microsoft.com/Mail.ReadWrite" grants reading, changing and deleting all mail`
			"https://graph.microsoft.com/.default",       // want `scope "https://graph.microsoft.com/.default" grants every permission configured on the app registration`
		},
	}
}

// Scopes added after the Config is made; the provider comes from its literal.
func appendToConfig() *oauth2.Config {
	cfg := &oauth2.Config{Endpoint: github.Endpoint}
	cfg.Scopes = append(cfg.Scopes, "repo") // want `scope "repo" grants full read and write access`
	return cfg
}

// The Endpoint set on its own, in a struct field.
type agent struct{ cfg *oauth2.Config }

func (a *agent) init() {
	a.cfg = &oauth2.Config{ClientID: "agent"}
	a.cfg.Endpoint = github.Endpoint
	a.cfg.Scopes = []string{scopes.GitHubRepo} // want `scope "repo" grants full read and write access`
}

// Application default credentials: a service account has no mailbox, and a person's
// credentials were granted their scopes at gcloud login; these are not requested again.
func adc(ctx context.Context) {
	_, _ = google.DefaultClient(ctx, "https://www.googleapis.com/auth/gmail.modify")
}

func serviceAccount() *jwt.Config {
	return &jwt.Config{
		TokenURL: google.JWTTokenURL,
		Subject:  "admin@example.com",
		Scopes:   []string{"https://www.googleapis.com/auth/admin.directory.user"}, // want `scope "https://www.googleapis.com/auth/admin.directory.user" grants create, change and delete every user account`
	}
}

// Application Mail.Send: the provider comes from a concatenated token URL.
func appMailSend(tenant string) *clientcredentials.Config {
	return &clientcredentials.Config{
		TokenURL: "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/Mail.Send"}, // want `scope "https://graph.microsoft.com/Mail.Send" grants sending mail as any user of the tenant`
	}
}

// The Endpoint through a package variable.
var slackEndpoint = endpoints.Slack

func slackAdmin() oauth2.Config {
	return oauth2.Config{Endpoint: slackEndpoint, Scopes: []string{"admin"}} // want `scope "admin" grants administering the whole workspace`
}

func salesforceFull() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: oauth2.Endpoint{
			AuthURL:  "https://login.salesforce.com/services/oauth2/authorize",
			TokenURL: "https://login.salesforce.com/services/oauth2/token",
		},
		Scopes: []string{"api", "full"}, // want `scope "full" grants all data the signed-in user can access`
	}
}

// Hand-built authorization URLs: the provider is unknown, so only wildcards and scopes that
// name their provider are judged.
func authURL(cfg *oauth2.Config) string {
	return cfg.AuthCodeURL("state", oauth2.SetAuthURLParam("scope", "openid *")) // want `scope "\*" grants every permission the authorization server can grant`
}

func handBuilt() string {
	q := url.Values{"client_id": {"agent"}, "scope": {"repo admin:org"}} // want `scope "admin:org" grants full management`
	q.Set("user_scope", "search:read")                                   // want `scope "search:read" grants searching every message and file`
	return "https://example.com/authorize?" + q.Encode()
}

// Not an OAuth request: GitLab's issues API takes scope=all.
func gitlabIssues() string {
	return "https://gitlab.example.com/api/v4/issues?" + url.Values{"scope": {"all"}, "state": {"opened"}}.Encode()
}

func joined() url.Values {
	list := []string{"read:org", "admin:org"} // want `scope "admin:org" grants full management`
	v := url.Values{}
	v.Add("scope", strings.Join(list, " "))
	return v
}

func mcpGoClient() client.OAuthConfig {
	return client.OAuthConfig{ClientID: "agent", Scopes: []string{"Directory.ReadWrite.All"}} // want `scope "Directory.ReadWrite.All" grants reading and writing the whole directory`
}

func dynamicRegistration() *oauthex.ClientRegistrationMetadata {
	return &oauthex.ClientRegistrationMetadata{RedirectURIs: []string{"http://localhost/cb"}, Scope: "openid *"} // want `scope "\*" grants every permission`
}

// ---- silent ----

func narrowGoogle() *oauth2.Config {
	return &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{"https://www.googleapis.com/auth/gmail.readonly", "https://www.googleapis.com/auth/gmail.send"}}
}

func narrowGitHub() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"public_repo", scopes.GitHubReadOrg}}
}

// "repo" and "admin" mean nothing where the provider is unknown or another one.
func unknownProvider() *oauth2.Config {
	return &oauth2.Config{Endpoint: oauth2.Endpoint{AuthURL: "https://auth.example.com/authorize"}, Scopes: []string{"repo", "admin", "full"}}
}

func repoAtGoogle() *oauth2.Config {
	return &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{"repo", "admin"}}
}

func slackAdminAtGitHub() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"admin", "chat:write"}}
}

func mcpGoAdmin() client.OAuthConfig {
	return client.OAuthConfig{ClientID: "agent", Scopes: []string{"admin", "repo"}}
}

// The provider is chosen at run time: a bare word is not judged.
func eitherProvider(useGitHub bool) *oauth2.Config {
	ep := google.Endpoint
	if useGitHub {
		ep = github.Endpoint
	}
	return &oauth2.Config{Endpoint: ep, Scopes: []string{"repo"}}
}

// Scopes read at run time.
var scopeFlag = flag.String("scopes", "repo", "scopes to request")

func fromEnv() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: strings.Split(os.Getenv("SCOPES"), ",")}
}

func fromFlag() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: strings.Fields(*scopeFlag)}
}

func fromParam(requested []string) *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: requested}
}

// The same strings as data.
type permissions struct {
	Repo  bool `json:"repo" scope:"admin:org"`
	Admin bool `json:"admin:org"`
}

const graphQLQuery = `query { viewer { repositories(first: 10) { nodes { name } } organization(login: "x") { membersWithRole { totalCount } } } }`

func asData() ([]byte, error) {
	grants := map[string]string{"repo": "full control", "admin:org": "org admin", "https://mail.google.com/": "mail"}
	fmt.Println("admin:org", grants["repo"], graphQLQuery)
	_ = url.Values{"state": {"admin:org"}, "scopes_supported": {"*"}}
	return json.Marshal(map[string]any{"scope": "admin:org delete_repo", "perms": permissions{}})
}

// A type of our own with a Scopes field is not a scope request.
type toolConfig struct{ Scopes []string }

var _ = toolConfig{Scopes: []string{"admin:org", "*"}}

// .default is what client credentials require; cloud-platform is Google's advice for
// service accounts and ADC; delegated Mail.Send sends as the signed-in user only.
func serviceFlows(ctx context.Context) {
	_ = &clientcredentials.Config{
		TokenURL: "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
		Scopes:   []string{"https://graph.microsoft.com/.default"},
	}
	_, _ = google.FindDefaultCredentials(ctx, "https://www.googleapis.com/auth/cloud-platform")
	_ = &oauth2.Config{Endpoint: microsoft.AzureADEndpoint("common"), Scopes: []string{"Mail.Send", "offline_access"}}
}
