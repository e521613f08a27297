package catalogue

// The functions that read Google credentials JSON (a client_secret_*.json, a service
// account key or authorized-user credentials), for hardcodedsecret: the index of the JSON
// argument, by types.Func.FullName.
var GoogleCredentialsJSON = map[string]int{
	"golang.org/x/oauth2/google.ConfigFromJSON":                       0,
	"golang.org/x/oauth2/google.JWTConfigFromJSON":                    0,
	"golang.org/x/oauth2/google.JWTAccessTokenSourceFromJSON":         0,
	"golang.org/x/oauth2/google.JWTAccessTokenSourceWithScope":        0,
	"golang.org/x/oauth2/google.CredentialsFromJSON":                  1,
	"golang.org/x/oauth2/google.CredentialsFromJSONWithParams":        1,
	"golang.org/x/oauth2/google.CredentialsFromJSONWithType":          1,
	"golang.org/x/oauth2/google.CredentialsFromJSONWithTypeAndParams": 1,
}

// Sprintf is fmt.Sprintf: a constant format with constant arguments is a constant.
const Sprintf = "fmt.Sprintf"

// KeyArgs are the key parameters of a function that takes signing, verification or
// encryption keys: Kinds[i] names the argument First+i; over a variadic parameter the
// kinds repeat (gorilla's key pairs: an authentication key, then an encryption key).
type KeyArgs struct {
	First int
	Kinds []string
}

// Kind returns the kind of the key at argument i, or "" if argument i is no key.
func (k KeyArgs) Kind(i int, variadic bool) string {
	j := i - k.First
	switch {
	case j < 0:
		return ""
	case j < len(k.Kinds):
		return k.Kinds[j]
	case variadic:
		return k.Kinds[j%len(k.Kinds)]
	}
	return ""
}

// cookieKeyPair is gorilla/securecookie's hash key (HMAC authentication) and block key
// (AES encryption), of securecookie.New and of each pair given to the stores.
var cookieKeyPair = []string{"cookie authentication key", "cookie encryption key"}

// SecretKeyFuncs take keys that sign, verify or encrypt what the program accepts from its
// callers, by types.Func.FullName (gorilla/sessions v1.4.0, gorilla/securecookie v1.1.2,
// labstack/echo-jwt v4.4.0): anyone who has such a key written in source can forge a
// session cookie or a token the program accepts.
var SecretKeyFuncs = map[string]KeyArgs{
	"github.com/gorilla/sessions.NewCookieStore":      {0, cookieKeyPair},
	"github.com/gorilla/sessions.NewFilesystemStore":  {1, cookieKeyPair},
	"github.com/gorilla/securecookie.New":             {0, cookieKeyPair},
	"github.com/gorilla/securecookie.CodecsFromPairs": {0, cookieKeyPair},
	"github.com/labstack/echo-jwt/v4.JWT":             {0, []string{"JWT verification key"}},
	// zitadel/oidc v3.52.0: the keys of the cookie that carries state and the PKCE verifier.
	"github.com/zitadel/oidc/v3/pkg/http.NewCookieHandler": {0, cookieKeyPair},
}

// ClientSecretArgs are functions that take an OAuth client secret as an argument, by
// types.Func.FullName, with its index: markbates/goth v1.82.0's providers,
// New(clientKey, secret, callbackURL, scopes...), and zitadel/oidc's relying party.
var ClientSecretArgs = map[string]int{
	"github.com/markbates/goth/providers/github.New":          1,
	"github.com/markbates/goth/providers/google.New":          1,
	"github.com/markbates/goth/providers/gitlab.New":          1,
	"github.com/markbates/goth/providers/slack.New":           1,
	"github.com/markbates/goth/providers/microsoftonline.New": 1,
	"github.com/markbates/goth/providers/bitbucket.New":       1,
	"github.com/markbates/goth/providers/discord.New":         1,
	"github.com/markbates/goth/providers/okta.New":            1,
	"github.com/markbates/goth/providers/auth0.New":           1,
	// zitadel/oidc v3.52.0: NewRelyingPartyOIDC(ctx, issuer, clientID, clientSecret, …).
	"github.com/zitadel/oidc/v3/pkg/client/rp.NewRelyingPartyOIDC": 3,
}
