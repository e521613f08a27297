package config

import (
	"errors"
	"strings"
	"testing"

	oauthvet "github.com/oauthvet/oauthvet"
)

// FuzzLoad feeds arbitrary bytes to the config loader as a user's oauthvet.toml: it must
// return rules or a positioned *Error, never panic or hang.
func FuzzLoad(f *testing.F) {
	f.Add(oauthvet.DefaultRules)
	f.Add([]byte("[secrets]\nmin_length = 3\nallow = ['x']\n"))
	f.Add([]byte("[[disable]]\nchecks = [\"pkce\"]\npaths = [\"**/gen/*.go\"]\nreason = \"r\"\n"))
	f.Add([]byte("[[secrets.format]]\nname = \"a\"\nkind = \"A\"\nregex = '(a+)+$'\n"))
	f.Add([]byte("[secrets\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := build([]source{{name: "rules.toml", data: oauthvet.DefaultRules}, {name: "/m/oauthvet.toml", data: data}})
		if err != nil {
			var ce *Error
			if !errors.As(err, &ce) || ce.File != "/m/oauthvet.toml" || ce.Line < 0 || ce.Col < 0 {
				t.Fatalf("error without a position: %#v", err)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error spans lines: %q", err)
			}
			return
		}
		r.DisabledFor("hardcodedsecret", "/m/a/b.go")
	})
}
