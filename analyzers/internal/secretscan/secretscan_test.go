package secretscan

import (
	"strings"
	"testing"
	"time"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

func defaults(t testing.TB) *config.Secrets {
	t.Helper()
	r, err := config.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	return &r.Secrets
}

// Fabricated values in each provider's real format (none is a live credential).
var realFormats = map[string]string{
	"github-token":               "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",
	"github-fine-grained-pat":    "github_pat_11OAUTHVET0FIXTURE0000_" + strings.Repeat("Ab3", 19) + "Xy",
	"gitlab-pat":                 "glpat-Oauthvet0Fixture0Gitlab",
	"google-oauth-client-secret": "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",
	"google-api-key":             "AIzaSyOauthvet0Fixture0Google0ApiKey0Ab",
	"google-access-token":        "ya29.a0AfB_Oauthvet0Fixture0Google0Access0Token",
	"slack-bot-token":            "xoxb-2048736591-4096813527641-Oauthvet0Fixture0Slack0Tok",
	"slack-user-token":           "xoxp-2048736591-4096813527641-8192574630193-Oauthvet0Fixture0Slack0User0T",
	"slack-app-token":            "xapp-1-A0OAUTHVET1-4096813527641-" + strings.Repeat("0a1b2c3d", 8),
	"slack-webhook":              "https://hooks.slack.com/services/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ook",
	"anthropic-api-key":          "sk-ant-api03-" + strings.Repeat("Oauthvet0Fix", 7) + "Oauthvet0" + "AA",
	"openai-api-key":             "sk-proj-Oauthvet0Fixture0Proj0T3BlbkFJOauthvet0Fixture0Key0",
	"stripe-secret-key":          "sk_live_Oauthvet0Fixture0Stripe0Key",
	"aws-access-key-id":          "AKIA2OAUTHVET7FIXTUR",
	"entra-client-secret":        "Abc8Q~Oauthvet0Fixture0Entra0Secret0Ab",
	"huggingface-token":          "hf_Oauthvet0Fixture0HuggingFace0Tok01",
	"jwt":                        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvYXV0aHZldCJ9.c2lnbmF0dXJlLW9mLWZpeHR1cmU",
	"pem-private-key":            "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIOauthvetFixtureOauthvetFixtureOauthvetFixture",
}

func TestEveryFormatMatches(t *testing.T) {
	s := defaults(t)
	for _, f := range s.Formats {
		v, ok := realFormats[f.Name]
		if !ok {
			t.Errorf("format %s has no test value", f.Name)
			continue
		}
		m, ok := FindFormat(s, "prefix "+v+" suffix", false)
		if !ok || m.Format.Name != f.Name {
			t.Errorf("format %s: no match in a value of its own format (%d chars)", f.Name, len(v))
			continue
		}
		if d := m.Describe(); strings.Contains(d, v) || !strings.HasPrefix(d, f.Kind+" ") {
			t.Errorf("format %s: Describe() = %s", f.Name, d)
		}
		if _, ok := FindFormat(s, v, true); ok != f.InTests {
			t.Errorf("format %s in test code: matched %v, want %v", f.Name, ok, f.InTests)
		}
	}
}

func TestLookAlikesDoNotMatch(t *testing.T) {
	s := defaults(t)
	for _, v := range []string{
		"ghp_OauthvetFixtureTok3nQ7mZ2pL9xA2B1edT", // checksum wrong
		"ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
		"ghp_" + strings.Repeat("a", 36),
		"AKIAIOSFODNN7EXAMPLE",           // AWS's documentation key
		"GOCSPX-your-client-secret-here", // placeholder
		"sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
		"xoxb-your-bot-token",
		"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAoauthvet",
		"-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
		"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"Bearer ",
		"https://oauth2.googleapis.com/token",
		"1234567890-abcdefghijklmnopqrstuvwxyz012345.apps.googleusercontent.com",
	} {
		if m, ok := FindFormat(s, v, false); ok {
			t.Errorf("%q matched format %s", v[:min(len(v), 12)], m.Format.Name)
		}
	}
}

// Canaries and test vectors written in a provider's format, from words or marked as such,
// are not credentials.
func TestCanariesDoNotMatch(t *testing.T) {
	s := defaults(t)
	for format, v := range map[string]string{
		"github-token":      "ghp_CanaryTokenForSecretScanTests0" + GitHubChecksum("CanaryTokenForSecretScanTests0"),
		"slack-bot-token":   "xoxb-2048736591-4096813527641-CanaryTokenForScannerTests",
		"anthropic-api-key": "sk-ant-api03-" + strings.Repeat("ThisIsTestVectorNeverReal0", 3) + "DoNotUseInProd0" + "AA",
		"openai-api-key":    "sk-proj-" + "test-only-Q7mZ2pL9xA2B1edS" + "T3BlbkFJ" + "Q7mZ2pL9xA2B1edSkWvN",
		"gitlab-pat":        "glpat-Q7mZ2pL9xA2B1edS-not-a-real-token",
	} {
		f := formatNamed(t, s, format)
		if !f.Regex.MatchString(v) {
			t.Fatalf("%s: the test value is not in the format", format)
		}
		if m, ok := FindFormat(s, v, false); ok {
			t.Errorf("%s: %s matched", format, m.Describe())
		}
	}
}

func formatNamed(t *testing.T, s *config.Secrets, name string) *config.SecretFormat {
	t.Helper()
	for i := range s.Formats {
		if s.Formats[i].Name == name {
			return &s.Formats[i]
		}
	}
	t.Fatalf("no format %s", name)
	return nil
}

// A provider-format value is reported although some of it is words, when the rest is not:
// the words of a fixture name, a checksum or a format's fixed part do not make it a fake.
func TestPartlyWordsStillMatch(t *testing.T) {
	s := defaults(t)
	for _, v := range []string{
		"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",
		"ghp_TokenForQ7mZ2pLx9xAB1edSkWvN1y" + GitHubChecksum("TokenForQ7mZ2pLx9xAB1edSkWvN1y"),
		"xoxb-2048736591-4096813527641-CanaryQ7mZ2pL9xA2B1edSkW",
		"sk-ant-api03-" + strings.Repeat("Q7mZ2pL9xA", 9) + "Q7m" + "AA",
	} {
		if _, ok := FindFormat(s, v, false); !ok {
			t.Errorf("%q… (%d chars) is not matched", v[:8], len(v))
		}
	}
}

func TestPlaceholders(t *testing.T) {
	s := defaults(t)
	for _, v := range []string{
		"YOUR_CLIENT_SECRET", "<client-secret>", "${OAUTH_CLIENT_SECRET}", "$CLIENT_SECRET", "{{ .Secret }}",
		"changeme", "xxxxxxxxxxxx", "********", "example-client-secret", "test-secret", "fake-token",
		"dummy_access_token_123", "my-client-secret", "client_secret", "secret123456", "password",
		"insert-your-api-key-here", "Bearer %s", "aaaaaaaaaaaa", "TestToken", "replace-me-please",
	} {
		if !IsPlaceholder(s, v) {
			t.Errorf("%q is not recognised as a placeholder", v)
		}
		if IsCredential(s, v) {
			t.Errorf("%q counted as a credential", v)
		}
	}
	for _, v := range []string{
		"3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e", "supersecret-hmac-key", "Tr0ub4dor&3-oauthvet", "V9q-Lk2m-Xr7p-Wd4s",
		"1//0gLr8xq3ZpVh7CgYIARAAGBASNwF-L9IrQm4T",
	} {
		if IsPlaceholder(s, v) || !IsCredential(s, v) {
			t.Errorf("%q (%d chars) is a credential, not a placeholder", v[:4], len(v))
		}
	}
}

func TestGitHubChecksum(t *testing.T) {
	payload := "OauthvetFixtureTok3nQ7mZ2pL9xA"
	tok := "ghp_" + payload + GitHubChecksum(payload)
	if !GitHubChecksumOK(tok) {
		t.Fatal("a token built with its checksum fails validation")
	}
	for _, bad := range []string{tok[:39] + "x", tok[:10] + "Q" + tok[11:], tok[:39], "ghp_"} {
		if GitHubChecksumOK(bad) {
			t.Errorf("corrupted token (%d chars) passes", len(bad))
		}
	}
}

func TestBasicPassword(t *testing.T) {
	if got := BasicPassword("YWdlbnQ6VjNyeS1TM2NyZXQtUGFzc3cwcmQ="); got != "V3ry-S3cret-Passw0rd" {
		t.Errorf("BasicPassword = %d chars", len(got))
	}
	if got := BasicPassword("not base64!"); got != "not base64!" {
		t.Errorf("BasicPassword of a non-base64 value = %q", got)
	}
}

// Matching is linear (RE2): a megabyte of one character, or of a format's alphabet,
// completes. There is no timed assertion; a super-linear matcher would hit go test's timeout.
func TestPathologicalInputs(t *testing.T) {
	s := defaults(t)
	for _, in := range []string{
		strings.Repeat("a", 1<<20),
		strings.Repeat("ghp_", 1<<18),
		strings.Repeat("eyJ", 1<<18) + "." + strings.Repeat("eyJ", 1<<10),
		strings.Repeat("-----BEGIN PRIVATE KEY-----", 1<<15),
	} {
		start := time.Now()
		// None of them is a credential: a run of one character or of a bare prefix, a JWT
		// without its third part, a PEM header without a body.
		if m, ok := FindFormat(s, in, false); ok {
			t.Errorf("%d bytes of %q…: matched as %s", len(in), in[:8], m.Describe())
		}
		IsPlaceholder(s, in)
		t.Logf("%d bytes of %q…: %v", len(in), in[:8], time.Since(start))
	}
}
