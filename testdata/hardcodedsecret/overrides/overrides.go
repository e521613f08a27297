// Package overrides sets another package's compiled-in settings from the environment
// before using them: that package's facts about them do not hold here.
package overrides

import (
	"os"

	"golang.org/x/oauth2"

	"example.com/agent/hardcodedsecret/secrets"
)

func init() {
	secrets.Defaults.ClientSecret = os.Getenv("OAUTH_CLIENT_SECRET")
	secrets.VarSecret = os.Getenv("VAR_SECRET")
}

func config() (oauth2.Config, oauth2.Config) {
	return oauth2.Config{ClientSecret: secrets.Defaults.ClientSecret}, oauth2.Config{ClientSecret: secrets.VarSecret}
}
