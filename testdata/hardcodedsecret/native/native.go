// Package native holds the OAuth clients of installed (desktop) apps. Google documents that
// the client secret of its installed-app clients is not treated as a secret: every copy of
// the app carries it (RFC 8252 §8.5). Such a secret is not reported; a Google web client's
// secret, and any other client's, still is.
package native

import (
	"fmt"
	"net"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
)

const (
	desktopClientID = "99426463878-o7n0bshgue20tdpm25q4at0vs2mr4utq.apps.googleusercontent.com"
	desktopSecret   = "Hq7Vx2LmP9wRt4KsZ8bNc3Hd"
)

// A loopback redirect set once the listener has its port.
func Login(ln net.Listener) string {
	conf := &oauth2.Config{ClientID: desktopClientID, ClientSecret: desktopSecret, Endpoint: google.Endpoint}
	conf.RedirectURL = fmt.Sprintf("http://localhost:%d", ln.Addr().(*net.TCPAddr).Port)
	return conf.AuthCodeURL("state", oauth2.S256ChallengeOption(oauth2.GenerateVerifier()))
}

// The out-of-band redirect, in the literal.
func Refresh() *oauth2.Config {
	return &oauth2.Config{ClientID: desktopClientID, ClientSecret: desktopSecret, Endpoint: google.Endpoint, RedirectURL: "oob"}
}

// A secret in Google's current format, with a loopback redirect.
func Installed() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     "1234567890-q7xv2lmp9wrt4kszbnc3hdy8.apps.googleusercontent.com",
		ClientSecret: "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",
		RedirectURL:  "http://127.0.0.1:8085/callback",
		Endpoint:     google.Endpoint,
	}
}

// ---- reported ----

// A Google web client: its secret is confidential.
func Web() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     desktopClientID,
		ClientSecret: "Zk7Vx2LmP9wRt4KsZ8bNc3Hd", // want `hard-coded OAuth client secret "Zk7V…" \(24 chars\) in Config.ClientSecret`
		RedirectURL:  "https://agent.example.com/oauth/callback",
		Endpoint:     google.Endpoint,
	}
}

// A Google client whose redirect is not known to be a native app's.
func Unknown(redirect string) *oauth2.Config {
	return &oauth2.Config{ClientID: desktopClientID, ClientSecret: desktopSecret, RedirectURL: redirect} // want `hard-coded OAuth client secret "Hq7V…" \(24 chars\) in Config.ClientSecret \(from const desktopSecret\)`
}

// A GitHub OAuth app on a loopback redirect: GitHub documents no public secrets.
func GitHubCLI() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     "Iv1.8a61f9b3a7aba766",
		ClientSecret: "3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e", // want `hard-coded OAuth client secret "3f7c…" \(32 chars\) in Config.ClientSecret`
		RedirectURL:  "http://127.0.0.1:8085/callback",
		Endpoint:     github.Endpoint,
	}
}

// The same secret in Google's format, outside a native app's config, is reported where it
// is written.
const leaked = "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" // want `Google OAuth client secret "GOCSPX-Q7xV…" \(35 chars\) written in source`
