package a

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"

	"example.com/agent/hardcodedsecret/secrets"
)

const sharedSecret = "5d1e9c3a7f2b8e4d6c0a9f1b3e7d5c2a"

// One named value is one root cause: reported at its first sink in the package, the other
// sinks are related positions of that finding.
func login() *oauth2.Config {
	return &oauth2.Config{ClientID: "agent", ClientSecret: sharedSecret} // want `hard-coded OAuth client secret "5d1e…" \(32 chars\) in Config.ClientSecret \(from const sharedSecret\)`
}

func refresh() *oauth2.Config {
	return &oauth2.Config{ClientID: "agent", ClientSecret: sharedSecret}
}

func service() *clientcredentials.Config {
	return &clientcredentials.Config{ClientID: "agent", ClientSecret: sharedSecret}
}

// Another package's constant: once here too (its other uses in this package are related).
func fromSecrets() *clientcredentials.Config {
	return &clientcredentials.Config{ClientSecret: secrets.ClientSecret}
}

// A different value at the next sink is its own finding.
func other() *oauth2.Config {
	return &oauth2.Config{ClientSecret: "8b2f6d0a4c9e1f7b3d5a2c8e6f0b4d9a"} // want `hard-coded OAuth client secret "8b2f…" \(32 chars\) in Config.ClientSecret`
}
