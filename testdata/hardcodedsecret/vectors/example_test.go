package vectors_test

import (
	"fmt"

	"golang.org/x/oauth2"
)

// Examples are documentation that people copy: a value in a real provider format is
// reported there, as in other test code; a random-looking one is an example's data.
func ExampleConfig() {
	cfg := &oauth2.Config{ClientID: "agent", ClientSecret: "c9b8a7f6e5d4c3b2a1f0e9d8c7b6a5f4"}
	tok := &oauth2.Token{AccessToken: "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"} // want `GitHub token "ghp_Oaut…" \(40 chars\) written in an example for Token.AccessToken`
	fmt.Println(cfg.ClientID, tok.Type())
}
