// Package secrets holds credentials that other fixture packages use, to test that the check
// follows constants and variables across packages.
package secrets

// ClientSecret is a constant in no known format: reported where another package uses it.
const ClientSecret = "9f3b1c7e2a4d6f80b5c3e1d7a9f2c4e6"

// VarSecret is a never-assigned variable: followed through a fact.
var VarSecret = "Qm9vdHN0cmFwLWtleS1vZi1vYXV0aHZldA" // want VarSecret:"constValue\\(34 chars\\)"

// Overridden is set from a flag at start-up, so its initial value proves nothing.
var Overridden = "c0ffee7e2a4d6f80b5c3e1d7a9f2c4e6"

// Placeholder is a placeholder: no fact, nothing reported.
var Placeholder = "YOUR_CLIENT_SECRET"

// Token is a GitHub token in a known format: reported here, where it is written.
const Token = "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" // want `GitHub token "ghp_Oaut…" \(40 chars\) written in source`

// AppSettings is the project's own settings type.
type AppSettings struct {
	ClientID     string
	ClientSecret string
}

// Defaults is compiled in and never changed: followed through a fact.
var Defaults = AppSettings{ClientID: "agent", ClientSecret: "5a1e7c3f9b4d0a6e2c8f3b9d5a1e7c2f6b0d4a8e"} // want Defaults:"constFields\\(1\\)"

// Reloaded is changed at start-up; Public holds a placeholder: no facts.
var (
	Reloaded = AppSettings{ClientSecret: "6b2f8d4a0c5e1b7f3d9a4c0e6b2f8d3a7c1e5b9f"}
	Public   = AppSettings{ClientID: "agent", ClientSecret: "YOUR_CLIENT_SECRET"}
)

// Slack holds a token in a known format: reported here, where it is written.
var Slack = AppSettings{ClientSecret: "xoxb-2048736591-4096813527641-Oauthvet0Fixture0Slack0Tok"} // want `Slack bot token "xoxb-2048…" \(56 chars\) written in source` Slack:"constFields\\(1\\)"

func init() {
	Overridden = loadFromFlag()
	Reloaded.ClientSecret = loadFromFlag()
}

func loadFromFlag() string { return "" }
