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

func init() {
	Overridden = loadFromFlag()
}

func loadFromFlag() string { return "" }
