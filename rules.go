// Package oauthvet holds the default rules embedded in the oauthvet binary.
//
// The checks themselves live in the analyzers/ tree; cmd/oauthvet is the command.
package oauthvet

import _ "embed"

// DefaultRules is the text of rules.toml: the knowledge and policy every check starts from.
//
//go:embed rules.toml
var DefaultRules []byte
