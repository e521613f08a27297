package vectors

import (
	"net/http"
	"testing"

	"golang.org/x/oauth2"
)

// Test vectors written to be obviously fake are not reported, even in a provider's format.
func TestVectors(t *testing.T) {
	_ = oauth2.Token{AccessToken: "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"}                 // a canary made of words (valid checksum)
	_ = oauth2.Token{AccessToken: "xoxb-2048736591-4096813527641-CanaryTokenForScannerTests"} // a canary made of words
	_ = "sk-proj-test-only-Q7mZ2pL9xA2B1edST3BlbkFJQ7mZ2pL9xA2B1edSkWvN"                      // marked -test-only-
	_ = oauth2.Token{AccessToken: "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"}                 // notsecret: a recorded fixture
	_ = "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"                                            //nolint // NotSecret
	// The same values unmarked, and one whose random part is only partly words, are reported.
	_ = oauth2.Token{AccessToken: "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"} // want `GitHub token "ghp_Oaut…" \(40 chars\) written in test code for Token.AccessToken`
	_ = "xoxb-2048736591-4096813527641-CanaryQ7mZ2pL9xA2B1edSkW"              // want `Slack bot token "xoxb-2048…" \(\d+ chars\) written in test code:`
	_ = "sk-proj-Oauthvet0Fixture0Proj0T3BlbkFJOauthvet0Fixture0Key0"         // want `OpenAI API key "sk-proj-Oaut…" \(\d+ chars\) written in test code:`
	req, _ := http.NewRequest("GET", "https://api.example.com", nil)
	req.Header.Set("Authorization", "Bearer q7Xv2LmP9wRt4KsZ8bNc3HdY") // a random-looking test value: test data
}
