// Package fositekey: the global secret of an ory/fosite OAuth server (rules.toml
// [[secrets.field]] fosite.Config.GlobalSecret) written as a constant. fosite signs its
// access tokens, refresh tokens and authorization codes with HMAC under this secret:
// whoever reads it can mint tokens the server accepts.
package fositekey

import (
	"os"

	"github.com/ory/fosite"
)

func server() *fosite.Config {
	// fosite's own README example value, copied into servers.
	return &fosite.Config{GlobalSecret: []byte("some-cool-secret-that-is-32bytes")} // want `hard-coded OAuth server HMAC secret "some…" \(32 chars\) in Config.GlobalSecret`
}

func assigned(cfg *fosite.Config) {
	cfg.GlobalSecret = []byte("Jk4Lm8Nb2Vc6Xz0Qw5Er9Ty3Ui7Op1As") // want `hard-coded OAuth server HMAC secret "Jk4L…" \(32 chars\) in Config.GlobalSecret`
}

// --- silent: the secret read at run time; placeholders, as for every key sink (see
// ../sessionkeys: a placeholder signs too, but is judged a quick start's stand-in) ---

func fromRuntime(cfg *fosite.Config) error {
	cfg.GlobalSecret = []byte(os.Getenv("FOSITE_GLOBAL_SECRET"))
	secret, err := os.ReadFile("/run/secrets/fosite_global_secret")
	if err != nil {
		return err
	}
	_ = &fosite.Config{GlobalSecret: secret, AccessTokenIssuer: "https://auth.example.com"}
	_ = &fosite.Config{GlobalSecret: []byte("your-secret-goes-here-change-me!")}
	_ = &fosite.Config{GlobalSecret: []byte("changeme")}
	return nil
}
