package catalogue

import "github.com/oauthvet/oauthvet/analyzers/internal/config"

// The authorization-code flow: the APIs of the pkce, oauthstate and legacygrant checks
// (golang.org/x/oauth2 v0.38.0, mark3labs/mcp-go v1.2.1, MCP go-sdk v1.8.0).

// Package paths.
const (
	OAuth2Pkg          = "golang.org/x/oauth2"
	AuthHandlerPkg     = "golang.org/x/oauth2/authhandler"
	MCPGoTransportPkg  = "github.com/mark3labs/mcp-go/client/transport"
	MCPGoClientPkg     = "github.com/mark3labs/mcp-go/client"
	GoSDKOAuthExPkg    = "github.com/modelcontextprotocol/go-sdk/oauthex"
	MathRandPkg        = "math/rand"
	MathRandV2Pkg      = "math/rand/v2"
	NetHTTPPkg         = "net/http"
	NetURLPkg          = "net/url"
	OAuth2AuthCodeType = "AuthCodeOption"
)

// golang.org/x/oauth2: the authorization-code flow and its options.
const (
	AuthCodeURL               = "(*golang.org/x/oauth2.Config).AuthCodeURL"
	Exchange                  = "(*golang.org/x/oauth2.Config).Exchange"
	PasswordCredentialsToken  = "(*golang.org/x/oauth2.Config).PasswordCredentialsToken"
	DeviceAccessToken         = "(*golang.org/x/oauth2.Config).DeviceAccessToken"
	SetAuthURLParam           = "golang.org/x/oauth2.SetAuthURLParam"
	GenerateVerifier          = "golang.org/x/oauth2.GenerateVerifier"
	S256ChallengeOption       = "golang.org/x/oauth2.S256ChallengeOption"
	S256ChallengeFromVerifier = "golang.org/x/oauth2.S256ChallengeFromVerifier"
	VerifierOption            = "golang.org/x/oauth2.VerifierOption"
)

// authhandler: the 3-legged flow with a caller-supplied state.
const (
	AuthHandlerTokenSource         = "golang.org/x/oauth2/authhandler.TokenSource"
	AuthHandlerTokenSourceWithPKCE = "golang.org/x/oauth2/authhandler.TokenSourceWithPKCE"
)

// OAuth2Options are the AuthCodeOption package variables of golang.org/x/oauth2; none
// carries PKCE.
var OAuth2Options = []string{"AccessTypeOnline", "AccessTypeOffline", "ApprovalForce"}

// AuthCodeOption is oauth2.AuthCodeOption.
var AuthCodeOption = TypeName{OAuth2Pkg, OAuth2AuthCodeType}

// PKCEParams is authhandler.PKCEParams{Challenge, ChallengeMethod, Verifier}.
var PKCEParams = TypeName{AuthHandlerPkg, "PKCEParams"}

// mark3labs/mcp-go: client.OAuthConfig is an alias of transport.OAuthConfig, so one type.
var (
	MCPGoOAuthConfig = TypeName{MCPGoTransportPkg, "OAuthConfig"}
	MCPGoPKCEEnabled = config.Member{Pkg: MCPGoTransportPkg, Type: "OAuthConfig", Name: "PKCEEnabled"}
)

// authhandler.PKCEParams fields.
var (
	PKCEParamsChallengeMethod = config.Member{Pkg: AuthHandlerPkg, Type: "PKCEParams", Name: "ChallengeMethod"}
	PKCEParamsVerifier        = config.Member{Pkg: AuthHandlerPkg, Type: "PKCEParams", Name: "Verifier"}
)

// mark3labs/mcp-go: the manual authorization flow of *transport.OAuthHandler.
const (
	MCPGoGetAuthorizationURL          = "(*github.com/mark3labs/mcp-go/client/transport.OAuthHandler).GetAuthorizationURL"
	MCPGoProcessAuthorizationResponse = "(*github.com/mark3labs/mcp-go/client/transport.OAuthHandler).ProcessAuthorizationResponse"
	MCPGoSetExpectedState             = "(*github.com/mark3labs/mcp-go/client/transport.OAuthHandler).SetExpectedState"
	MCPGoGenerateCodeVerifier         = "github.com/mark3labs/mcp-go/client/transport.GenerateCodeVerifier"
	MCPGoGenerateState                = "github.com/mark3labs/mcp-go/client/transport.GenerateState"
	MCPGoGenerateCodeChallenge        = "github.com/mark3labs/mcp-go/client/transport.GenerateCodeChallenge"
)

// MCPGoRandomVars are the func-typed package variables of mcp-go's client package that
// return fresh random values (client.GenerateCodeVerifier = transport.GenerateCodeVerifier).
var MCPGoRandomVars = []string{"GenerateCodeVerifier", "GenerateState"}

// MCPGoChallengeVar is client.GenerateCodeChallenge, a func-typed variable that derives the
// S256 challenge from a verifier.
const MCPGoChallengeVar = "GenerateCodeChallenge"

// GoSDKClientRegistrationMetadata is go-sdk's dynamic client registration request.
var (
	GoSDKClientRegistrationMetadata = TypeName{GoSDKOAuthExPkg, "ClientRegistrationMetadata"}
	GoSDKRegistrationGrantTypes     = config.Member{Pkg: GoSDKOAuthExPkg, Type: "ClientRegistrationMetadata", Name: "GrantTypes"}
	GoSDKRegistrationResponseTypes  = config.Member{Pkg: GoSDKOAuthExPkg, Type: "ClientRegistrationMetadata", Name: "ResponseTypes"}
)

// Fresh random sources: a value from one of these is unpredictable and new on each call.
var FreshRandomFuncs = []string{
	GenerateVerifier,
	"crypto/rand.Text",
	MCPGoGenerateCodeVerifier,
	MCPGoGenerateState,
	"github.com/google/uuid.New",
	"github.com/google/uuid.NewString",
	"github.com/google/uuid.NewRandom",
	"github.com/google/uuid.NewV7",
}

// ValuesEncode is (net/url.Values).Encode, which turns a url.Values into a query string.
const ValuesEncode = "(net/url.Values).Encode"

// Request accessors that read a query or form parameter by key, on *http.Request and on
// url.Values (r.URL.Query().Get, r.Form.Get).
var RequestParamFuncs = []string{
	"(*net/http.Request).FormValue",
	"(*net/http.Request).PostFormValue",
	"(net/url.Values).Get",
	"(net/url.Values).Has",
}

// The copy-and-paste ("out of band") login: the authorization server shows the code, or
// redirects to a page that only displays it, and the user types it into the program. No
// handler receives a redirect, so there is no callback for a state to protect.
var (
	// OOBRedirectURIs are the redirect URIs that ask the server to display the code.
	OOBRedirectURIs = []string{"urn:ietf:wg:oauth:2.0:oob", "urn:ietf:wg:oauth:2.0:oob:auto", "oob"}
	// PostMessageRedirectURI is Google's popup code flow: the code reaches the page's script
	// through postMessage and the script sends it to the server; no redirect, and the
	// authorization request is made by Google's script (no PKCE parameters).
	PostMessageRedirectURI = "postmessage"
	// ConfigRedirectURL is (oauth2.Config).RedirectURL.
	ConfigRedirectURL = config.Member{Pkg: OAuth2Pkg, Type: "Config", Name: "RedirectURL"}
	// ConfigType is oauth2.Config.
	ConfigType = TypeName{OAuth2Pkg, "Config"}
)

// TerminalScanFuncs read what the user types into their pointer arguments (fmt.Scan(&code),
// survey.AskOne(prompt, &code)), also as a command-line flag (flag.StringVar(&code, ...)).
var TerminalScanFuncs = []string{
	"flag.StringVar", "(*flag.FlagSet).StringVar",
	"github.com/spf13/pflag.StringVar", "github.com/spf13/pflag.StringVarP",
	"(*github.com/spf13/pflag.FlagSet).StringVar", "(*github.com/spf13/pflag.FlagSet).StringVarP",
	"fmt.Scan", "fmt.Scanln", "fmt.Scanf", "fmt.Fscan", "fmt.Fscanln", "fmt.Fscanf",
	"github.com/AlecAivazis/survey/v2.AskOne", "github.com/AlecAivazis/survey/v2.Ask",
	"(*github.com/charmbracelet/huh.Input).Value",
}

// TerminalFlagFuncs return a pointer to a command-line flag the user types (*flag.String(...)).
var TerminalFlagFuncs = []string{
	"flag.String", "(*flag.FlagSet).String",
	"github.com/spf13/pflag.String", "github.com/spf13/pflag.StringP",
	"(*github.com/spf13/pflag.FlagSet).String", "(*github.com/spf13/pflag.FlagSet).StringP",
}

// TerminalReadFuncs return a line the user typed (as their first result).
var TerminalReadFuncs = []string{
	"(*bufio.Reader).ReadString", "(*bufio.Reader).ReadLine", "(*bufio.Reader).ReadBytes",
	"(*bufio.Scanner).Text", "(*bufio.Scanner).Bytes",
	"golang.org/x/term.ReadPassword", "(*golang.org/x/term.Terminal).ReadLine", "(*golang.org/x/term.Terminal).ReadPassword",
	"(*github.com/manifoldco/promptui.Prompt).Run", "(*github.com/chzyer/readline.Instance).Readline",
	"github.com/c-bata/go-prompt.Input",
}
