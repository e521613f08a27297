package secretscan

import (
	"strings"
	"testing"
)

// FuzzFindFormat runs the matcher and the placeholder rules on arbitrary strings: no panic,
// and a match is never described with the whole credential.
func FuzzFindFormat(f *testing.F) {
	s := defaults(f)
	for _, v := range realFormats {
		f.Add(v)
	}
	f.Add("ghp_OauthvetFixtureTok3nQ7mZ2pL9xA2B1edT")
	f.Add("YOUR_CLIENT_SECRET")
	f.Add("Bearer %s")
	f.Add("")
	f.Add("\xff\xfe")
	f.Fuzz(func(t *testing.T, text string) {
		for _, inTest := range []bool{false, true} {
			m, ok := FindFormat(s, text, inTest)
			if !ok {
				continue
			}
			if !strings.Contains(text, m.Value) {
				t.Fatalf("match is not part of the input")
			}
			if d := m.Describe(); len(m.Value) >= 8 && strings.Contains(d, m.Value) {
				t.Fatalf("Describe shows the whole credential")
			}
		}
		IsPlaceholder(s, text)
		IsCredential(s, text)
		BasicPassword(text)
		GitHubChecksumOK(text)
	})
}
