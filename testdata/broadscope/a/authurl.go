package a

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

// ---- Slack user_scope, and authorization URLs built by hand: reported ----

// Slack reads comma-separated scopes, in scope and in user_scope alike.
func slackUserScopes() url.Values {
	q := url.Values{"client_id": {"123"}, "scope": {"chat:write,admin.users:write"}} // want `scope "admin.users:write" grants adding, removing and changing users across an Enterprise organization`
	q.Set("user_scope", "users:read,search:read")                                     // want `scope "search:read" grants searching every message and file the user can see`
	return q
}

// The whole URL a constant: the bot's scopes and the user's.
const slackInstall = "https://slack.com/oauth/v2/authorize?client_id=123.456&scope=chat:write,commands&user_scope=search:read,channels:history" // want `scope "search:read" grants searching every message and file`

var slackUserWords = []string{"users:read", "admin"} // want `scope "admin" grants administering the whole workspace`

func slackInstallURL(clientID, redirect string) string {
	return "https://slack.com/oauth/v2/authorize?client_id=" + clientID + "&scope=chat:write&user_scope=" + strings.Join(slackUserWords, ",") + "&redirect_uri=" + url.QueryEscape(redirect)
}

func slackSprintf(w http.ResponseWriter, r *http.Request, clientID string) {
	u := fmt.Sprintf("https://slack.com/oauth/v2/authorize?client_id=%s&user_scope=%s&redirect_uri=%s", clientID, "search:read", url.QueryEscape("https://app.example.com/cb")) // want `scope "search:read" grants searching every message`
	http.Redirect(w, r, u, http.StatusFound)
}

// Slack's user_scope in the authorization URL of an oauth2.Config.
var slackUserConfig = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://slack.com/oauth/v2/authorize?user_scope=search:read", TokenURL: "https://slack.com/api/oauth.v2.access"}, // want `scope "search:read" grants searching every message`
	Scopes:   []string{"chat:write"},
}

// Other providers' authorization URLs: the host names the provider.
func githubAuthorize(clientID string) string {
	return fmt.Sprintf("https://github.com/login/oauth/authorize?client_id=%s&scope=%s", clientID, url.QueryEscape("read:user repo")) // want `scope "repo" grants full read and write access`
}

func graphAuthorize(tenant, clientID string) string {
	return "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/authorize?client_id=" + clientID + "&response_type=code&scope=openid%20offline_access%20Mail.ReadWrite" // want `scope "Mail.ReadWrite" grants reading, changing and deleting all mail`
}

const googleMailAuth = "https://accounts.google.com/o/oauth2/v2/auth?response_type=code&scope=https%3A%2F%2Fmail.google.com%2F+openid" // want `scope "https://mail.google.com/" grants full mailbox control`

// An authorization server nobody knows: only wildcards and scopes that name their
// provider are judged.
const demoAuthorize = "http://localhost:9096/oauth/authorize?client_id=demo&scope=openid+*" // want `scope "\*" grants every permission the authorization server can grant`

// ---- silent ----

const (
	// Not authorization endpoints: GitLab's issues API and Slack's search API.
	gitlabAllIssues = "https://gitlab.com/api/v4/issues?scope=all&state=opened"
	slackSearch     = "https://slack.com/api/search.messages?query=admin&scope=admin"
	// Narrow scopes.
	slackNarrow = "https://slack.com/oauth/v2/authorize?client_id=1&scope=chat:write,commands&user_scope=users:read"
	// user_scope is Slack's: at GitHub it is no parameter.
	githubUserScope = "https://github.com/login/oauth/authorize?client_id=1&user_scope=admin:org"
	// Bare words at an unknown server, and a scope in a redirect URI's own query.
	unknownAuthorize = "https://auth.example.com/oauth/authorize?scope=repo+admin+full"
	nestedScope      = "https://slack.com/oauth/v2/authorize?redirect_uri=https%3A%2F%2Fapp.example.com%2Fcb%3Fscope%3Dadmin&scope=chat:write"
	// No host: a path of the program's own server.
	relativeAuthorize = "/oauth/authorize?scope=admin:org"
)

// A scope that goes on into a value read at run time is not a whole scope.
func slackPartial(team string) string {
	return "https://slack.com/oauth/v2/authorize?client_id=1&scope=admin" + team + "&user_scope=search" + team
}

// The parameter's value read at run time.
func slackFromRequest(r *http.Request) string {
	return "https://slack.com/oauth/v2/authorize?client_id=1&user_scope=" + r.FormValue("scopes")
}

// The host read at run time.
func anyHost(host string) string {
	return "https://" + host + "/oauth/authorize?scope=admin,repo"
}
