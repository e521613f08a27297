// Package vectors is production code beside its tests: its own values are judged as
// production code, also when go test analyses it together with its _test.go files (which
// import "testing"), and reported once.
package vectors

import "golang.org/x/oauth2"

func Config() *oauth2.Config {
	return &oauth2.Config{ClientID: "agent", ClientSecret: "e1d8c5b2a9f6e3d0c7b4a1f8e5d2c9b6"} // want `hard-coded OAuth client secret "e1d8…" \(32 chars\) in Config.ClientSecret`
}

// A value in a real format, marked "notsecret", is still reported outside tests: there the
// project's //oauthvet:ignore with a reason is the way to accept it.
const Pinned = "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" // notsecret // want `GitHub token "ghp_Oaut…" \(40 chars\) written in source: anyone who can read the code can use it; revoke it`
