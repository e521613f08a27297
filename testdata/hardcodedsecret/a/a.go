package a

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/modelcontextprotocol/go-sdk/oauthex"
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/github"
	oauthjwt "golang.org/x/oauth2/jwt"

	"example.com/agent/hardcodedsecret/secrets"
)

const localSecret = "Zk9yZXZlci1vYXV0aHZldC1maXh0dXJl"

const awsKeyID = "AKIA2OAUTHVET7FIXTUR" // want `AWS access key ID "AKIA…" \(20 chars\) written in source`

var pkgSecret = "a8d2f9c41e7b3065d9e2c7a1b4f8e3d2"

// ---- reported ----

func composite() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     "Iv1.8a61f9b3a7aba766",             // a client ID is not a secret
		ClientSecret: "3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e", // want `hard-coded OAuth client secret "3f7c…" \(32 chars\) in Config.ClientSecret`
		Endpoint:     github.Endpoint,
	}
}

func assignment(cfg *oauth2.Config) {
	cfg.ClientSecret = localSecret // want `hard-coded OAuth client secret "Zk9y…" \(32 chars\) in Config.ClientSecret \(from const localSecret`
}

func packageVar() clientcredentials.Config {
	return clientcredentials.Config{ClientID: "svc", ClientSecret: pkgSecret, TokenURL: "https://example.com/token"} // want `hard-coded OAuth client secret "a8d2…" \(32 chars\) in Config.ClientSecret \(from var pkgSecret`
}

func otherPackageConst() oauth2.Config {
	return oauth2.Config{ClientSecret: secrets.ClientSecret} // want `hard-coded OAuth client secret "9f3b…" \(32 chars\) in Config.ClientSecret \(from const .*secrets.ClientSecret`
}

func otherPackageVar() oauth2.Config {
	return oauth2.Config{ClientSecret: secrets.VarSecret} // want `hard-coded OAuth client secret "Qm9v…" \(34 chars\) in Config.ClientSecret \(from var .*secrets.VarSecret`
}

// A constant of another package in a known format is reported where it is written, in
// its own package, not again at each use.
func otherPackageFormat(req *http.Request) oauth2.TokenSource {
	req.Header.Set("Authorization", "Bearer "+secrets.Token)
	return oauth2.StaticTokenSource(&oauth2.Token{AccessToken: secrets.Token})
}

func staticToken() oauth2.TokenSource {
	return oauth2.StaticTokenSource(&oauth2.Token{
		AccessToken:  "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", // want `GitHub token "ghp_Oaut…" \(40 chars\) written in source for Token.AccessToken`
		RefreshToken: "1//0gLr8xq3ZpVh7CgYIARAAGBASNwF-L9IrQm4T", // want `hard-coded OAuth refresh token "1//0…" \(40 chars\) in Token.RefreshToken`
	})
}

func serviceAccount() *oauthjwt.Config {
	return &oauthjwt.Config{
		Email:      "agent@project.iam.gserviceaccount.com",
		PrivateKey: []byte("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7oauthvetfixture\n-----END PRIVATE KEY-----\n"), // want `PEM private key "----…" \(\d+ chars\) written in source for Config.PrivateKey`
	}
}

func mcpGo() {
	_ = transport.OAuthConfig{ClientID: "agent", ClientSecret: "b7e4c2a9f1d8e3b6c5a0f9e2d7c4b1a8"} // want `hard-coded OAuth client secret "b7e4…" \(32 chars\) in OAuthConfig.ClientSecret`
	_ = client.OAuthConfig{ClientSecret: "e1d8c5b2a9f6e3d0c7b4a1f8e5d2c9b6"}                       // want `hard-coded OAuth client secret "e1d8…" \(32 chars\) in OAuthConfig.ClientSecret`
}

func goSDK() *oauthex.ClientCredentials {
	return &oauthex.ClientCredentials{
		ClientID:         "agent",
		ClientSecretAuth: &oauthex.ClientSecretAuth{ClientSecret: "f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5"}, // want `hard-coded OAuth client secret "f0e9…" \(32 chars\) in ClientSecretAuth.ClientSecret`
	}
}

func headers(req *http.Request) {
	req.Header.Set("Authorization", "Bearer 7Hq2mX9vL4pR8sT1wY6zB3nC5dF0gJ2k")               // want `hard-coded credential "7Hq2…" \(32 chars\) in the Authorization header`
	req.Header.Add("Authorization", "Basic "+"YWdlbnQ6VjNyeS1TM2NyZXQtUGFzc3cwcmQ=")         // want `hard-coded credential "V3ry…" \(20 chars\) in the Authorization header`
	req.SetBasicAuth("agent", "Tr0ub4dor&3-oauthvet")                                        // want `hard-coded HTTP Basic password "Tr0u…" \(20 chars\) in \(\*http.Request\).SetBasicAuth`
	req.Header["Authorization"] = []string{"token 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"} // want `GitHub token "ghp_Oaut…" \(40 chars\) written in source for the Authorization header`
}

func form() url.Values {
	v := url.Values{"client_secret": {"c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4"}} // want `hard-coded credential "c9b8…" \(32 chars\) in the client_secret parameter`
	v.Set("refresh_token", "1//0eXampl3OauthvetRefreshTokenValue99")       // want `hard-coded credential "1//0…" \(38 chars\) in the refresh_token parameter`
	return v
}

func jwtKeys(tok *jwt.Token, s string) {
	_, _ = jwt.Parse(s, func(*jwt.Token) (any, error) {
		return []byte("supersecret-hmac-key"), nil // want `hard-coded JWT verification key "supe…" \(20 chars\) in a jwt.Keyfunc`
	})
	_, _ = tok.SignedString([]byte("k3yF0rS1gn1ngT0k3ns")) // want `hard-coded JWT signing key "k3yF…" \(19 chars\) in \(\*jwt.Token\).SignedString`
}

func anywhere() {
	fmt.Println("slack:", "xoxb-2048736591-4096813527641-Oauthvet0Fixture0Slack0Tok") // want `Slack bot token "xoxb-2048…" \(56 chars\) written in source`
	_ = "GOCSPX-" + "Oauthvet0Fixture0Google0Sec0"                                    // want `Google OAuth client secret "GOCSPX-Oaut…" \(35 chars\) written in source`
	_ = "AKIA2OAUTHVET7FIXTUR"                                                        // want `AWS access key ID "AKIA…" \(20 chars\) written in source`
	_ = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvYXV0aHZldCJ9.c2lnbmF0dXJlLW9mLWZpeHR1cmU"   // want `JSON Web Token "eyJh…" \(\d+ chars\) written in source`
}

// ---- silent look-alikes ----

func runtimeValues(ctx context.Context, req *http.Request) {
	_ = oauth2.Config{ClientID: os.Getenv("CLIENT_ID"), ClientSecret: os.Getenv("CLIENT_SECRET")}
	data, _ := os.ReadFile("/run/secrets/client_secret")
	_ = oauth2.Config{ClientSecret: string(data)}
	_ = oauth2.Config{ClientSecret: ""}
	_ = oauth2.Config{ClientSecret: "YOUR_CLIENT_SECRET"}
	_ = oauth2.Config{ClientSecret: "<client-secret>"}
	_ = oauth2.Config{ClientSecret: "${OAUTH_CLIENT_SECRET}"}
	_ = oauth2.Config{ClientSecret: "changeme"}
	_ = oauth2.Config{ClientSecret: "xxxxxxxxxxxxxxxxxxxxxxxx"}
	_ = oauth2.Config{ClientSecret: "example-client-secret"}
	_ = oauth2.Config{ClientSecret: "test-secret"}
	_ = oauth2.Token{AccessToken: "fake-token"}
	_ = oauth2.Token{AccessToken: "dummy_access_token_123"}
	_ = oauth2.Config{ClientSecret: "short"}
	_ = oauth2.Config{ClientSecret: secrets.Overridden}
	_ = oauth2.Config{ClientSecret: secrets.Placeholder}
	_ = oauth2.Config{
		ClientID:    "1234567890-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com",
		RedirectURL: "http://127.0.0.1:8085/callback",
		Endpoint:    oauth2.Endpoint{TokenURL: "https://oauth2.googleapis.com/token", AuthURL: "https://accounts.google.com/o/oauth2/auth"},
		Scopes:      []string{"https://www.googleapis.com/auth/gmail.readonly"},
	}
	tok := req.Header.Get("Authorization")
	req.Header.Set("Authorization", "Bearer "+tok)
	req.Header.Set("Authorization", "Bearer ")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", tok))
	req.SetBasicAuth("agent", os.Getenv("PASSWORD"))
	form := url.Values{"grant_type": {"client_credentials"}, "client_id": {"agent-cli"}}
	form.Set("grant_type", "refresh_token")
	form.Set("code_challenge_method", "S256")
	form.Set("client_secret", os.Getenv("CLIENT_SECRET"))
	_ = form
	const header = "Authorization"
	const bearerPrefix = "Bearer "
	const tokenField = "access_token"
	_ = map[string]any{"access_token": tok, "token_type": "Bearer"}
	_ = map[string]string{"password": "Enter your password"}
	_ = "ghp_OauthvetFixtureTok3nQ7mZ2pL9xA2B1edT" // a ghp_ look-alike whose checksum is wrong
	_ = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	_ = "AKIAIOSFODNN7EXAMPLE"                                                 // AWS's documented example key
	_ = "token=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx&channel=C1" // a hand-made fake
	_ = "Credential=" + awsKeyID + "/20260101/us-east-1/sts/aws4_request"      // the constant is reported where it is written
	sum := sha256.Sum256([]byte("payload"))
	_ = fmt.Sprintf("%x", sum)
	_ = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" // a SHA-256 digest
	_ = errors.New("invalid client secret: check OAUTH_CLIENT_SECRET")
	fmt.Print("Enter your GitHub token: ")
	_ = ctx
}

type settings struct {
	ClientSecret string `json:"client_secret" env:"OAUTH_CLIENT_SECRET"`
	TokenPath    string
}

var accessToken = os.Getenv("ACCESS_TOKEN")

func keyfuncs(s string) {
	_, _ = jwt.Parse(s, func(*jwt.Token) (any, error) {
		return []byte(os.Getenv("JWT_SECRET")), nil
	})
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return jwt.UnsafeAllowNoneSignatureType, nil // a sentinel constant, not a key
	})
	_, _ = jwt.Parse(s, func(t *jwt.Token) (any, error) {
		return jwt.ParseRSAPublicKeyFromPEM([]byte("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoauthvetfixture\n-----END PUBLIC KEY-----\n"))
	})
	_ = settings{ClientSecret: os.Getenv("X"), TokenPath: "/var/lib/agent/token.json"}
	_ = accessToken
}
