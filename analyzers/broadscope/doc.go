// Package broadscope defines an analyzer that reports OAuth scopes wider than an agent's
// task needs, judged per provider by the scope table in rules.toml.
package broadscope

const doc = `report OAuth scopes wider than the task needs

An agent that summarises mail needs gmail.readonly, not https://mail.google.com/; a bot that
reads issues needs read:org or a fine-grained token, not repo and admin:org. Over-broad
scopes turn one prompt injection or one leaked token into a takeover of the whole account.

The check finds scope requests by type: the Scopes of oauth2.Config,
clientcredentials.Config, jwt.Config, google.CredentialsParams, the application default
credentials and impersonation options of cloud.google.com/go/auth
(credentials.DetectOptions, impersonate.CredentialsOptions) and
google.golang.org/api/impersonate.CredentialsConfig, and mcp-go's OAuthConfig; go-sdk's
oauthex.ClientRegistrationMetadata.Scope and TokenExchangeRequest.Scope; the scope arguments
of google.ConfigFromJSON, JWTConfigFromJSON, DefaultClient, DefaultTokenSource,
FindDefaultCredentials, CredentialsFromJSON* and option.WithScopes; a "scope" (or Slack
"user_scope") parameter given to oauth2.SetAuthURLParam or set in url.Values; and the query
of an authorization URL written in the code (a constant, a concatenation or a fmt.Sprintf
format, its path ending at …/authorize or Google's …/auth): its host names the provider, and
a parameter's value is judged where it is constant or a whole hole (an argument, a
url.QueryEscape of one, an operand). It follows constants (also those of
google.golang.org/api packages and of other packages), package-level and local slices,
slices built with append or in a range loop, strings.Join, and strings.Fields or
strings.Split of constants; what a function of the package returns when its result cannot
depend on its inputs (no parameter or receiver is used); the fields of a package-level
settings variable (var prod = settings{Scopes: ...}) that the package never changes; and
exported lists of other packages that their package never changes (through facts: these are
reported where the list is used, naming it). Other packages' functions and struct variables
are not followed.

Each scope is judged by what the grant can reach. A person consents in a user flow; a
service (client credentials, a service account, application default credentials) acts as
itself: a Google service account has no mailbox and no person's Drive or calendar, so those
rules judge only user flows, and a service account given a Subject (domain-wide delegation:
the Subject of jwt.Config, google.CredentialsParams or the options above, in the literal or
set later on the variable that holds it) is judged as the users it acts as. Microsoft's
/.default is required by client credentials and reported only in user flows. Rules of
severity "info" are knowledge, not findings: a scope that is the only one permitting an
operation (admin:repo_hook to delete a repository hook, admin:org_hook for organization
hooks) or a name that only the project's own server defines ("all").

Scopes are split at white space and at commas (Slack, Linear and GitHub read comma-separated
lists). Each scope is judged by the rules of the flow's provider, known from the Config's
Endpoint (google.Endpoint, github.Endpoint, gitlab.Endpoint, microsoft.AzureADEndpoint,
endpoints.*; in the literal or set later on its variable), from endpoint URLs, or from the
scope itself (https://www.googleapis.com/auth/..., Graph permission names with or without
the https://graph.microsoft.com/ prefix). A bare word such as "repo" or "admin" is judged
only in that provider's flow, and wildcards ("*", "all") only in OAuth requests, not in any
url.Values "scope" parameter.

The finding is reported where the scope string is written if that is in the package, else
at the request, with what the scope grants and the narrower scopes to request:

	cfg := &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{gmail.MailGoogleComScope}} // reported

	cfg := &oauth2.Config{Endpoint: google.Endpoint, Scopes: []string{gmail.GmailReadonlyScope}} // good

Scopes read at run time (flags, environment, files), scopes in tests (Example functions are
documentation people copy and are judged like production code), and the same strings
used as data (JSON keys, map keys, struct tags, GraphQL fields) are not reported. A project
accepts a scope with [[scopes.allow]] in its oauthvet.toml (with a reason, for the module or
for path patterns), changes a rule's severity, or adds providers and rules.`
