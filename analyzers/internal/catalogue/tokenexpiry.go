package catalogue

// Token lifetime and token verification: the APIs of the tokenexpiry check
// (golang.org/x/oauth2 v0.38.0, mark3labs/mcp-go v1.2.1, MCP go-sdk v1.8.0, go-oidc v3.21.0,
// golang-jwt v5.3.1 and v4.5.2, go-jose v4.1.9, lestrrat-go/jwx v3.4.0; go-jose v3.0.5,
// square/go-jose.v2 v2.6.0 and jwx v2.1.7 through EarlierMajors).

import (
	"go/ast"
	"go/types"
	"strings"
)

// Package paths.
const (
	OAuth2ClientCredentialsPkg = "golang.org/x/oauth2/clientcredentials"
	GoSDKAuthPkg               = "github.com/modelcontextprotocol/go-sdk/auth"
	OIDCPkg                    = "github.com/coreos/go-oidc/v3/oidc"
	JWTv5Pkg                   = "github.com/golang-jwt/jwt/v5"
	JWTv4Pkg                   = "github.com/golang-jwt/jwt/v4"
	GoJoseJWTPkg               = "github.com/go-jose/go-jose/v4/jwt"
	JWXJWTPkg                  = "github.com/lestrrat-go/jwx/v3/jwt"
	JWXJWSPkg                  = "github.com/lestrrat-go/jwx/v3/jws"
	EncodingJSONPkg            = "encoding/json"
	TimePkg                    = "time"
)

// golang.org/x/oauth2: tokens and token sources.
var (
	OAuth2Token       = TypeName{OAuth2Pkg, "Token"}
	OAuth2TokenSource = TypeName{OAuth2Pkg, "TokenSource"}
)

const (
	StaticTokenSource          = "golang.org/x/oauth2.StaticTokenSource"
	NewClient                  = "golang.org/x/oauth2.NewClient"
	ReuseTokenSource           = "golang.org/x/oauth2.ReuseTokenSource"
	ReuseTokenSourceWithExpiry = "golang.org/x/oauth2.ReuseTokenSourceWithExpiry"
	TokenSourceToken           = "(golang.org/x/oauth2.TokenSource).Token"
	TokenValid                 = "(*golang.org/x/oauth2.Token).Valid"
	TokenSetAuthHeader         = "(*golang.org/x/oauth2.Token).SetAuthHeader"
	ClientCredentialsToken     = "(*golang.org/x/oauth2/clientcredentials.Config).Token"
	GoogleAPIWithTokenSource   = "google.golang.org/api/option.WithTokenSource"
)

// Token fields, as config.Member strings ("pkg.Type.Field").
const (
	OAuth2TokenAccessToken  = "golang.org/x/oauth2.Token.AccessToken"
	OAuth2TokenRefreshToken = "golang.org/x/oauth2.Token.RefreshToken"
	OAuth2TokenExpiry       = "golang.org/x/oauth2.Token.Expiry"
	OAuth2TokenExpiresIn    = "golang.org/x/oauth2.Token.ExpiresIn"
)

// RefreshableTokenFuncs return a token that expires and, for most grants, carries a
// refresh token: a token that a StaticTokenSource would hold past its life.
var RefreshableTokenFuncs = []string{
	Exchange,
	DeviceAccessToken,
	PasswordCredentialsToken,
	ClientCredentialsToken,
	TokenSourceToken,
}

// JSONDecodeFuncs fill the value their last argument points to.
var JSONDecodeFuncs = []string{
	"encoding/json.Unmarshal",
	"(*encoding/json.Decoder).Decode",
}

// TimeNow is time.Now.
const TimeNow = "time.Now"

// mark3labs/mcp-go: transport.Token (IsExpired is false while ExpiresAt is zero).
var MCPGoToken = TypeName{MCPGoTransportPkg, "Token"}

const (
	MCPGoTokenAccessToken  = "github.com/mark3labs/mcp-go/client/transport.Token.AccessToken"
	MCPGoTokenExpiresAt    = "github.com/mark3labs/mcp-go/client/transport.Token.ExpiresAt"
	MCPGoTokenRefreshToken = "github.com/mark3labs/mcp-go/client/transport.Token.RefreshToken"
	MCPGoTokenExpiresIn    = "github.com/mark3labs/mcp-go/client/transport.Token.ExpiresIn"
	MCPGoTokenIsExpired    = "(*github.com/mark3labs/mcp-go/client/transport.Token).IsExpired"
)

// MCPGoStaticHeaderFuncs set headers once, for every request of an mcp-go client.
var MCPGoStaticHeaderFuncs = []string{
	"github.com/mark3labs/mcp-go/client/transport.WithHTTPHeaders",
	"github.com/mark3labs/mcp-go/client/transport.WithHeaders",
	"github.com/mark3labs/mcp-go/client.WithHeaders",
}

// MCP go-sdk, package auth.
var (
	GoSDKTokenInfo                 = TypeName{GoSDKAuthPkg, "TokenInfo"}
	GoSDKRequireBearerTokenOptions = TypeName{GoSDKAuthPkg, "RequireBearerTokenOptions"}
	GoSDKAuthorizationCodeConfig   = TypeName{GoSDKAuthPkg, "AuthorizationCodeHandlerConfig"}
)

const (
	GoSDKTokenInfoExpiration    = "github.com/modelcontextprotocol/go-sdk/auth.TokenInfo.Expiration"
	GoSDKAllowMissingExpiration = "github.com/modelcontextprotocol/go-sdk/auth.RequireBearerTokenOptions.AllowMissingExpiration"
	GoSDKNewTokenSource         = "github.com/modelcontextprotocol/go-sdk/auth.AuthorizationCodeHandlerConfig.NewTokenSource"
)

// go-oidc: the checks an oidc.Config can switch off, and the IDToken field a caller reads
// when it does that check itself.
var OIDCConfig = TypeName{OIDCPkg, "Config"}

const (
	OIDCSkipExpiryCheck            = "github.com/coreos/go-oidc/v3/oidc.Config.SkipExpiryCheck"
	OIDCSkipIssuerCheck            = "github.com/coreos/go-oidc/v3/oidc.Config.SkipIssuerCheck"
	OIDCSkipClientIDCheck          = "github.com/coreos/go-oidc/v3/oidc.Config.SkipClientIDCheck"
	OIDCInsecureSkipSignatureCheck = "github.com/coreos/go-oidc/v3/oidc.Config.InsecureSkipSignatureCheck"
	OIDCIDTokenExpiry              = "github.com/coreos/go-oidc/v3/oidc.IDToken.Expiry"
	OIDCIDTokenIssuer              = "github.com/coreos/go-oidc/v3/oidc.IDToken.Issuer"
	OIDCIDTokenAudience            = "github.com/coreos/go-oidc/v3/oidc.IDToken.Audience"
	OIDCVerify                     = "(*github.com/coreos/go-oidc/v3/oidc.IDTokenVerifier).Verify"
)

// golang-jwt v5 and v4.
const (
	JWTv5WithoutClaimsValidation = "github.com/golang-jwt/jwt/v5.WithoutClaimsValidation"
	JWTv4WithoutClaimsValidation = "github.com/golang-jwt/jwt/v4.WithoutClaimsValidation"
	JWTv5ParseUnverified         = "(*github.com/golang-jwt/jwt/v5.Parser).ParseUnverified"
	JWTv4ParseUnverified         = "(*github.com/golang-jwt/jwt/v4.Parser).ParseUnverified"
	JWTv4SkipClaimsValidation    = "github.com/golang-jwt/jwt/v4.Parser.SkipClaimsValidation"
	JWTv5WithExpirationRequired  = "github.com/golang-jwt/jwt/v5.WithExpirationRequired"
	JWTv5Parse                   = "github.com/golang-jwt/jwt/v5.Parse"
	JWTv5ParseWithClaims         = "github.com/golang-jwt/jwt/v5.ParseWithClaims"
	JWTv5ValidatorValidate       = "(*github.com/golang-jwt/jwt/v5.Validator).Validate"
	JWTv5GetExpirationTime       = "(github.com/golang-jwt/jwt/v5.Claims).GetExpirationTime"
	JWTv5RegisteredClaimsExp     = "github.com/golang-jwt/jwt/v5.RegisteredClaims.ExpiresAt"
)

// JWTv5ClaimsTypes are golang-jwt v5 claims types in which exp may be absent.
var (
	JWTv5MapClaims        = TypeName{JWTv5Pkg, "MapClaims"}
	JWTv5RegisteredClaims = TypeName{JWTv5Pkg, "RegisteredClaims"}
)

// go-jose v4 and jwx v3.
const (
	GoJoseUnsafeClaims = "(*github.com/go-jose/go-jose/v4/jwt.JSONWebToken).UnsafeClaimsWithoutVerification"
	GoJoseClaims       = "(*github.com/go-jose/go-jose/v4/jwt.JSONWebToken).Claims"
	JWXWithVerify      = "github.com/lestrrat-go/jwx/v3/jwt.WithVerify"
	JWXWithValidate    = "github.com/lestrrat-go/jwx/v3/jwt.WithValidate"
	JWXParseInsecure   = "github.com/lestrrat-go/jwx/v3/jwt.ParseInsecure"
	JWXValidate        = "github.com/lestrrat-go/jwx/v3/jwt.Validate"
	JWSVerify          = "github.com/lestrrat-go/jwx/v3/jws.Verify"
)

// VerifyingParseFuncs check a JWT's signature: a function that calls one of them after an
// unverified parse is taken to read the claims only to choose a key or an issuer.
var VerifyingParseFuncs = []string{
	JWTv5Parse, JWTv5ParseWithClaims,
	"(*github.com/golang-jwt/jwt/v5.Parser).Parse", "(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims",
	"github.com/golang-jwt/jwt/v4.Parse", "github.com/golang-jwt/jwt/v4.ParseWithClaims",
	"(*github.com/golang-jwt/jwt/v4.Parser).Parse", "(*github.com/golang-jwt/jwt/v4.Parser).ParseWithClaims",
	OIDCVerify,
	GoJoseClaims,
	"github.com/lestrrat-go/jwx/v3/jwt.Parse", "github.com/lestrrat-go/jwx/v3/jwt.ParseString",
	"github.com/lestrrat-go/jwx/v3/jwt.ParseRequest",
	JWSVerify,
}

// EarlierMajors are earlier major versions of go-jose and jwx, by package path, with the
// package of the catalogue's version that has the same API for what tokenexpiry reads:
// ParseSigned's first argument is the raw token, (*JSONWebToken).Claims verifies and
// UnsafeClaimsWithoutVerification does not; jwx v2's Parse verifies and validates by
// default, and ParseInsecure, WithVerify, WithValidate, Validate and jws.Verify mean what
// they mean in v3.
var EarlierMajors = map[string]string{
	"github.com/go-jose/go-jose/v3/jwt": GoJoseJWTPkg,
	"gopkg.in/square/go-jose.v2/jwt":    GoJoseJWTPkg,
	"github.com/lestrrat-go/jwx/v2/jwt": JWXJWTPkg,
	"github.com/lestrrat-go/jwx/v2/jws": JWXJWSPkg,
}

// TokenExpiryName returns the FullName of the function or method a call names, with a
// function of one of the EarlierMajors named as its namesake in the catalogue's version
// ("(*gopkg.in/square/go-jose.v2/jwt.JSONWebToken).Claims" is GoJoseClaims), or "".
func TokenExpiryName(info *types.Info, call *ast.CallExpr) string {
	fn := Callee(info, call)
	if fn == nil {
		return ""
	}
	full := fn.Origin().FullName()
	if fn.Pkg() != nil {
		if to, ok := EarlierMajors[fn.Pkg().Path()]; ok {
			// FullName writes the path once, before the type or function name.
			return strings.Replace(full, fn.Pkg().Path()+".", to+".", 1)
		}
	}
	return full
}

// TokenExpiryPkgs are the packages a package must import directly for tokenexpiry to look
// at it.
var TokenExpiryPkgs = []string{
	OAuth2Pkg, OAuth2ClientCredentialsPkg, MCPGoTransportPkg, MCPGoClientPkg, GoSDKAuthPkg,
	OIDCPkg, JWTv5Pkg, JWTv4Pkg, GoJoseJWTPkg, JWXJWTPkg,
	"github.com/go-jose/go-jose/v3/jwt", "gopkg.in/square/go-jose.v2/jwt", "github.com/lestrrat-go/jwx/v2/jwt",
}

// SyncMapLoads return a value kept in a sync.Map (a multi-tenant token store).
var SyncMapLoads = []string{"(*sync.Map).Load", "(*sync.Map).LoadOrStore", "(*sync.Map).LoadAndDelete", "(*sync.Map).Swap"}

// Where a raw token comes from, for the server-side rules (a token the program obtained
// itself decides no caller's access). OwnTokenFuncs return the program's own token or
// configuration: the ID token of its own token endpoint response, its environment, its
// files. IncomingTokenFuncs return what a caller sent (beside the request types rules.toml
// marks incoming). The functions of StringFuncPkgs return (part of) their first argument.
var (
	OwnTokenFuncs = []string{
		"(*golang.org/x/oauth2.Token).Extra",
		"os.Getenv", "os.LookupEnv", "os.ReadFile",
	}
	IncomingTokenFuncs = []string{
		"google.golang.org/grpc/metadata.FromIncomingContext",
		"google.golang.org/grpc/metadata.ValueFromIncomingContext",
	}
	StringFuncPkgs = []string{"strings", "bytes"}
)

// RawTokenParseFuncs parse the raw token in their first argument: what they return comes
// from where that token came from.
var RawTokenParseFuncs = []string{
	JWTv5Parse, JWTv5ParseWithClaims, JWTv5ParseUnverified,
	"(*github.com/golang-jwt/jwt/v5.Parser).Parse", "(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims",
	"github.com/golang-jwt/jwt/v4.Parse", "github.com/golang-jwt/jwt/v4.ParseWithClaims", JWTv4ParseUnverified,
	"(*github.com/golang-jwt/jwt/v4.Parser).Parse", "(*github.com/golang-jwt/jwt/v4.Parser).ParseWithClaims",
	"github.com/go-jose/go-jose/v4/jwt.ParseSigned", "github.com/go-jose/go-jose/v4/jwt.ParseSignedAndEncrypted",
	"github.com/lestrrat-go/jwx/v3/jwt.Parse", "github.com/lestrrat-go/jwx/v3/jwt.ParseString", JWXParseInsecure,
}

// A look at a token's expiry (a client deciding when to refresh) is no access decision:
// values of ExpiryTypes and the exp claim fields ExpClaimFields are expiry.
var (
	ExpiryTypes = []TypeName{
		{TimePkg, "Time"}, {JWTv5Pkg, "NumericDate"}, {JWTv4Pkg, "NumericDate"},
	}
	ExpClaimFields = []string{
		JWTv5RegisteredClaimsExp,
		"github.com/golang-jwt/jwt/v4.RegisteredClaims.ExpiresAt",
		"github.com/golang-jwt/jwt/v4.StandardClaims.ExpiresAt",
	}
)

// OIDCNewVerifierFuncs make an IDTokenVerifier from an oidc.Config.
var OIDCNewVerifierFuncs = []string{
	"(*github.com/coreos/go-oidc/v3/oidc.Provider).Verifier",
	"github.com/coreos/go-oidc/v3/oidc.NewVerifier",
}

// JWTNewParserFuncs make a golang-jwt parser from options.
var JWTNewParserFuncs = []string{"github.com/golang-jwt/jwt/v5.NewParser", "github.com/golang-jwt/jwt/v4.NewParser"}

// HTTPResponse is net/http.Response: its StatusCode of 401 is where a client re-runs
// authorization.
var HTTPResponse = TypeName{NetHTTPPkg, "Response"}

// ConfigClient and ConfigTokenSource wrap a token in a source that refreshes it.
const (
	ConfigClient      = "(*golang.org/x/oauth2.Config).Client"
	ConfigTokenSource = "(*golang.org/x/oauth2.Config).TokenSource"
)

// TimerFuncs pace a loop: a token renewed in such a loop is refreshed ahead of use.
var TimerFuncs = []string{"time.Sleep", "time.After", "time.Tick", "time.NewTicker", "time.NewTimer"}

// IssuerCallFuncs send a request: a token verifier that makes one (and parses no JWT)
// checks an opaque token with its issuer (introspection, userinfo), where the token
// carries no exp to copy.
var IssuerCallFuncs = []string{
	"(*net/http.Client).Do", "(*net/http.Client).Get", "(*net/http.Client).Post", "(*net/http.Client).PostForm",
	"net/http.Get", "net/http.Post", "net/http.PostForm",
	"(*github.com/coreos/go-oidc/v3/oidc.Provider).UserInfo",
}

// RequireBearerToken is go-sdk's middleware: its first argument verifies each token.
const RequireBearerToken = "github.com/modelcontextprotocol/go-sdk/auth.RequireBearerToken"

// ClaimsArgParseFuncs fill the claims given as their second argument.
var ClaimsArgParseFuncs = []string{
	JWTv5ParseUnverified, JWTv4ParseUnverified, JWTv5ParseWithClaims, "github.com/golang-jwt/jwt/v4.ParseWithClaims",
	"(*github.com/golang-jwt/jwt/v5.Parser).ParseWithClaims", "(*github.com/golang-jwt/jwt/v4.Parser).ParseWithClaims",
}
