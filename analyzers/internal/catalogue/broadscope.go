package catalogue

// The places where Go code requests OAuth scopes, for broadscope.

// Flows of a scope request: "user" when a person consents (authorization code, device code,
// hand-built authorization URLs), "service" when a client acts as itself (client credentials,
// service accounts, application default credentials), "" when the API cannot tell.
const (
	UserFlow    = "user"
	ServiceFlow = "service"
)

// ScopeField is a struct field that holds requested scopes.
type ScopeField struct {
	Field    string // "package/path.Type.Field": a []string, or a space-separated string
	Flow     string
	Provider string // the provider, when the type is one provider's; else it is detected
	// Endpoint names the sibling field of type oauth2.Endpoint that tells the provider;
	// URLFields name sibling fields holding an endpoint URL.
	Endpoint  string
	URLFields []string
}

// ScopeFields are the scope fields of golang.org/x/oauth2, Google's credential libraries
// and the MCP SDKs.
var ScopeFields = []ScopeField{
	{Field: "golang.org/x/oauth2.Config.Scopes", Flow: UserFlow, Endpoint: "Endpoint"},
	{Field: "golang.org/x/oauth2/clientcredentials.Config.Scopes", Flow: ServiceFlow, URLFields: []string{"TokenURL"}},
	{Field: "golang.org/x/oauth2/jwt.Config.Scopes", Flow: ServiceFlow, URLFields: []string{"TokenURL"}},
	{Field: "golang.org/x/oauth2/google.CredentialsParams.Scopes", Flow: ServiceFlow, Provider: "google"},
	// Application default credentials of cloud.google.com/go/auth (credentials.DetectDefault,
	// NewCredentialsFromJSON), and service-account impersonation.
	{Field: "cloud.google.com/go/auth/credentials.DetectOptions.Scopes", Flow: ServiceFlow, Provider: "google"},
	{Field: "cloud.google.com/go/auth/credentials/impersonate.CredentialsOptions.Scopes", Flow: ServiceFlow, Provider: "google"},
	{Field: "google.golang.org/api/impersonate.CredentialsConfig.Scopes", Flow: ServiceFlow, Provider: "google"},
	// client.OAuthConfig is an alias of transport.OAuthConfig: one field.
	{Field: "github.com/mark3labs/mcp-go/client/transport.OAuthConfig.Scopes", Flow: UserFlow, URLFields: []string{"AuthServerMetadataURL"}},
	{Field: "github.com/modelcontextprotocol/go-sdk/oauthex.ClientRegistrationMetadata.Scope", Flow: UserFlow},
	{Field: "github.com/modelcontextprotocol/go-sdk/oauthex.TokenExchangeRequest.Scope", Flow: ServiceFlow},
	// github.com/cli/oauth v1.2.2: the device or web flow of a command-line tool.
	{Field: "github.com/cli/oauth.Flow.Scopes", Flow: UserFlow, Provider: "github"},
}

// SubjectFields name the user a service account acts as (Google's domain-wide delegation),
// beside the scope fields of ServiceFlow structs.
var SubjectFields = []string{
	"golang.org/x/oauth2/jwt.Config.Subject",
	"golang.org/x/oauth2/google.CredentialsParams.Subject",
	"cloud.google.com/go/auth/credentials.DetectOptions.Subject",
	"cloud.google.com/go/auth/credentials/impersonate.CredentialsOptions.Subject",
	"google.golang.org/api/impersonate.CredentialsConfig.Subject",
}

// ScopeFunc is a function whose arguments from Arg on are requested scopes.
type ScopeFunc struct {
	Func     string // as types.Func.FullName prints it
	Arg      int
	Flow     string
	Provider string
}

// ScopeFuncs are the functions of golang.org/x/oauth2/google and google.golang.org/api that
// take scopes.
var ScopeFuncs = []ScopeFunc{
	{"golang.org/x/oauth2/google.ConfigFromJSON", 1, UserFlow, "google"},
	{"golang.org/x/oauth2/google.JWTConfigFromJSON", 1, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.DefaultClient", 1, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.DefaultTokenSource", 1, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.FindDefaultCredentials", 1, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.CredentialsFromJSON", 2, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.CredentialsFromJSONWithType", 3, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.ComputeTokenSource", 1, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.JWTAccessTokenSourceWithScope", 1, ServiceFlow, "google"},
	{"golang.org/x/oauth2/google.AppEngineTokenSource", 1, ServiceFlow, "google"},
	{"google.golang.org/api/option.WithScopes", 0, ServiceFlow, "google"},
	// markbates/goth v1.82.0 providers: New(clientKey, secret, callbackURL, scopes...).
	{"github.com/markbates/goth/providers/github.New", 3, UserFlow, "github"},
	{"github.com/markbates/goth/providers/google.New", 3, UserFlow, "google"},
	{"github.com/markbates/goth/providers/gitlab.New", 3, UserFlow, "gitlab"},
	{"github.com/markbates/goth/providers/slack.New", 3, UserFlow, "slack"},
	{"github.com/markbates/goth/providers/microsoftonline.New", 3, UserFlow, "microsoft"},
	// zitadel/oidc v3.52.0's relying party: its scopes []string, then options (no strings).
	{"github.com/zitadel/oidc/v3/pkg/client/rp.NewRelyingPartyOIDC", 5, UserFlow, ""},
	// github.com/cli/oauth v1.2.2's device flow (GitHub's, or a GitHub Enterprise host).
	{"github.com/cli/oauth/device.RequestCode", 3, UserFlow, "github"},
}

// ScopeParamOption is oauth2.SetAuthURLParam, which adds a parameter to an authorization or
// token request.
const ScopeParamOption = "golang.org/x/oauth2.SetAuthURLParam"

// ScopeParams are the request parameters that carry space-separated scopes, with the
// provider the parameter implies ("" if any). Slack's v2 flow asks for user-token scopes in
// user_scope.
var ScopeParams = map[string]string{"scope": "", "user_scope": "slack"}

// URLEscapers escape a value for a URL: a scope parameter's value written through one is
// its argument.
var URLEscapers = []string{"net/url.QueryEscape", "net/url.PathEscape"}

// ScopePackages are the packages whose import makes a package worth a look by broadscope.
var ScopePackages = []string{
	"golang.org/x/oauth2",
	"golang.org/x/oauth2/clientcredentials",
	"golang.org/x/oauth2/jwt",
	"golang.org/x/oauth2/google",
	"google.golang.org/api/option",
	"google.golang.org/api/impersonate",
	"cloud.google.com/go/auth/credentials",
	"cloud.google.com/go/auth/credentials/impersonate",
	"github.com/mark3labs/mcp-go/client",
	"github.com/mark3labs/mcp-go/client/transport",
	"github.com/modelcontextprotocol/go-sdk/oauthex",
	"net/url",
	"github.com/cli/oauth",
	"github.com/cli/oauth/device",
	"github.com/zitadel/oidc/v3/pkg/client/rp",
	"github.com/markbates/goth/providers/github",
	"github.com/markbates/goth/providers/google",
	"github.com/markbates/goth/providers/gitlab",
	"github.com/markbates/goth/providers/slack",
	"github.com/markbates/goth/providers/microsoftonline",
}

// ScopeJoin is strings.Join, which makes one space-separated value of a list of scopes;
// ScopeFieldsFunc and ScopeSplit make a list of one.
const (
	ScopeJoin       = "strings.Join"
	ScopeFieldsFunc = "strings.Fields"
	ScopeSplit      = "strings.Split"
)
