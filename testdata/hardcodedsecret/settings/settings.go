// Package settings compiles its own settings in and copies them into OAuth requests; it
// also formats headers with fmt.Sprintf and embeds Google credentials JSON.
package settings

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"

	"example.com/agent/hardcodedsecret/secrets"
)

type Settings struct {
	ClientID     string
	ClientSecret string
	Password     string
	Scopes       []string
}

type appConfig struct {
	Name   string
	GitHub Settings
}

type embedded struct {
	Settings
	Region string
}

const botPassword = "Wq8Zr3Lt6Yv1Nb4Xc7Mf"

// ---- reported: at the sink, naming the settings field ----

var prod = Settings{
	ClientID:     "Iv1.8a61f9b3a2e7c4d0",
	ClientSecret: "b7e2c9f41a3d8e6f0c5b2a9d7e4f1c8b3a6d9e2f",
	Password:     botPassword,
	Scopes:       []string{"repo"},
}

var deploy = appConfig{Name: "deploy", GitHub: Settings{ClientSecret: "c4f8a2e6b0d9c3f7a1e5b8d2c6f0a4e9b3d7c1f5"}}

var promoted = embedded{Settings: Settings{ClientSecret: "d1e7b3f9a5c0d4e8b2f6a0c3e7b1d5f9a4c8e2b6"}}

var positional = Settings{"agent", "e9a3c7f1b5d0e4a8c2f6b1d5e9a3c7f0b4d8e2a6", "", nil}

func Config() *oauth2.Config {
	return &oauth2.Config{ClientID: prod.ClientID, ClientSecret: prod.ClientSecret, Endpoint: github.Endpoint, Scopes: prod.Scopes} // want `hard-coded OAuth client secret "b7e2…" \(40 chars\) in Config.ClientSecret \(from var prod.ClientSecret\)`
}

func Others(cfg *oauth2.Config, req *http.Request) {
	cfg.ClientSecret = deploy.GitHub.ClientSecret  // want `hard-coded OAuth client secret "c4f8…" \(40 chars\) in Config.ClientSecret \(from var deploy.GitHub.ClientSecret\)`
	cfg.ClientSecret = promoted.ClientSecret       // want `hard-coded OAuth client secret "d1e7…" \(40 chars\) in Config.ClientSecret \(from var promoted.ClientSecret\)`
	cfg.ClientSecret = (positional).ClientSecret   // want `hard-coded OAuth client secret "e9a3…" \(40 chars\) in Config.ClientSecret \(from var positional.ClientSecret\)`
	req.SetBasicAuth(prod.ClientID, prod.Password) // want `hard-coded HTTP Basic password "Wq8Z…" \(20 chars\) in \(\*http.Request\).SetBasicAuth \(from var prod.Password\)`
	req.SetBasicAuth(prod.ClientID, os.Getenv("BOT_PASSWORD"))
	cfg.ClientSecret = secrets.Defaults.ClientSecret // want `hard-coded OAuth client secret "5a1e…" \(40 chars\) in Config.ClientSecret \(from var secrets.Defaults.ClientSecret\)`
}

// fmt.Sprintf of constants is a constant.
func Sprintf(req *http.Request) {
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", "Lk3Jh7Gf1Ds5Aa9Qw2Er6Ty0Ui4Op8Zx")) // want `hard-coded credential "Lk3J…" \(32 chars\) in the Authorization header`
	req.Header.Set("Authorization", fmt.Sprintf("%v %v", "token", botPassword))                   // want `hard-coded credential "Wq8Z…" \(20 chars\) in the Authorization header`
}

// Google credentials JSON pasted into the source: reported where it is written.
const installedJSON = `{"installed":{"client_id":"1-abc.apps.googleusercontent.com","client_secret":"Qk3vT9mLx2Rp7NwZ5cHj8yBd","redirect_uris":["http://localhost"]}}` // want `hard-coded OAuth client secret "Qk3v…" \(24 chars\) in Google credentials JSON read by google.ConfigFromJSON`

func Installed() (*oauth2.Config, error) {
	return google.ConfigFromJSON([]byte(installedJSON), "openid")
}

func AuthorizedUser(ctx context.Context) (*google.Credentials, error) {
	return google.CredentialsFromJSON(ctx, []byte(`{"type":"authorized_user","client_id":"1-abc.apps.googleusercontent.com","client_secret":"","refresh_token":"1//0gXq7Lm3Np8Rt1Vw6Yz3Bc5Df0Gj2Hk4"}`)) // want `hard-coded OAuth refresh token "1//0…" \(35 chars\) in Google credentials JSON read by google.CredentialsFromJSON`
}

func ServiceAccount() {
	_, _ = google.JWTConfigFromJSON([]byte(`{"type":"service_account","client_email":"agent@p.iam.gserviceaccount.com","private_key":"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7oauthvetfixture\n-----END PRIVATE KEY-----\n"}`)) // want `hard-coded service account private key "----…" \(122 chars\) in Google credentials JSON read by google.JWTConfigFromJSON`
}

// ---- silent ----

var staging = Settings{ClientSecret: "f2b8d4a0e6c1f7b3d9a5e0c4f8b2d6a1e7c3f9b5"}

var decoded = Settings{ClientSecret: "a3c9e5b1f7d2a8c4e0b6f1d7a3c9e5b0f4d8a2c6"}

var flagged = Settings{ClientSecret: "b4d0f6c2a8e3b9d5f1c7a2e8b4d0f6c1a5e9b3d7"}

var loaded = Settings{ClientSecret: "c5e1a7d3b9f4c0e6a2d8b3f9c5e1a7d2b6f0c4e8"}

var replaced = Settings{ClientSecret: "d6f2b8e4c0a5d1f7b3e9c4a0d6f2b8e3c7a1d5f9"}

var viaPointer = &Settings{ClientSecret: "e7a3c9f5d1b6e2a8c4f0d5b1e7a3c9f4d8b2e6a0"}

var fromEnv = Settings{ClientSecret: os.Getenv("OAUTH_CLIENT_SECRET")}

var example = Settings{ClientSecret: "YOUR_CLIENT_SECRET"}

var noSecret = Settings{ClientID: "agent"}

// A Slack token in a known format is reported where it is written, not again at the sink.
var slack = Settings{ClientSecret: "xoxb-2048736591-4096813527641-Oauthvet0Fixture0Slack0Tok"} // want `Slack bot token "xoxb-2048…" \(56 chars\) written in source`

func init() {
	staging.ClientSecret = os.Getenv("STAGING_SECRET")                   // a field set after init
	_ = json.Unmarshal([]byte(os.Getenv("SETTINGS")), &decoded)          // its address is taken
	flag.StringVar(&flagged.ClientSecret, "secret", "", "client secret") // a field's address is taken
	loaded.load()                                                        // a pointer method may change it
	replaced = Settings{}                                                // assigned whole
}

func (s *Settings) load() { s.ClientSecret = "" }

func Silent(cfg *oauth2.Config, req *http.Request, param Settings, tok string) {
	cfg.ClientSecret = staging.ClientSecret
	cfg.ClientSecret = decoded.ClientSecret
	cfg.ClientSecret = flagged.ClientSecret
	cfg.ClientSecret = loaded.ClientSecret
	cfg.ClientSecret = replaced.ClientSecret
	cfg.ClientSecret = viaPointer.ClientSecret
	cfg.ClientSecret = fromEnv.ClientSecret
	cfg.ClientSecret = example.ClientSecret
	cfg.ClientSecret = noSecret.ClientSecret
	cfg.ClientSecret = param.ClientSecret
	cfg.ClientSecret = slack.ClientSecret
	local := Settings{ClientSecret: "f8b4d0a6e2c7f3b9d5a1e6c2f8b4d0a5e9c3f7b1"}
	cfg.ClientSecret = local.ClientSecret // a local variable is not followed
	cfg.ClientSecret = secrets.Reloaded.ClientSecret
	cfg.ClientSecret = secrets.Public.ClientSecret
	cfg.ClientSecret = secrets.Slack.ClientSecret // reported where it is written
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", tok))
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", "YOUR_ACCESS_TOKEN"))
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %d", 4815162342))
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %-40s", "Lk3Jh7Gf1Ds5Aa9Qw2Er6Ty0Ui4Op8Zx"))
	req.Header.Set("Authorization", fmt.Sprintf("Bearer %s", "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")) // want `GitHub token "ghp_Oaut…" \(40 chars\) written in source`
	req.Header.Set("Authorization", "Bearer "+secrets.Token)
	req.Header.Set("X-Request-Id", fmt.Sprintf("%s-%s", "agent", "Lk3Jh7Gf1Ds5Aa9Qw2Er6Ty0Ui4Op8Zx"))
}

// Credentials JSON read at run time, with placeholders, in a known format (reported by
// its format where it is written), without secrets, or not JSON.
const (
	placeholderJSON = `{"web":{"client_id":"YOUR_CLIENT_ID","client_secret":"YOUR_CLIENT_SECRET","redirect_uris":["http://localhost"]}}`
	gocspxJSON      = `{"installed":{"client_id":"1-abc.apps.googleusercontent.com","client_secret":"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"}}` // want `Google OAuth client secret "GOCSPX-Oaut…" \(35 chars\) written in source`
	noSecretJSON    = `{"type":"external_account","audience":"//iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/providers/q"}`
	notJSON         = `client_secret=Qk3vT9mLx2Rp7NwZ5cHj8yBd`
)

func SilentJSON(ctx context.Context) {
	data, _ := os.ReadFile(os.Getenv("GOOGLE_APPLICATION_CREDENTIALS"))
	_, _ = google.ConfigFromJSON(data, "openid")
	_, _ = google.ConfigFromJSON([]byte(placeholderJSON), "openid")
	_, _ = google.ConfigFromJSON([]byte(gocspxJSON), "openid")
	_, _ = google.CredentialsFromJSON(ctx, []byte(noSecretJSON))
	_, _ = google.JWTConfigFromJSON([]byte(notJSON))
	_, _ = json.Marshal(installedJSON) // not a credentials reader: reported only at ConfigFromJSON
}
