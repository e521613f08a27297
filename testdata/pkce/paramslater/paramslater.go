// Package paramslater fills authhandler.PKCEParams field by field.
package paramslater

import (
	"golang.org/x/oauth2"
	"golang.org/x/oauth2/authhandler"
)

func params() *authhandler.PKCEParams {
	v := oauth2.GenerateVerifier()
	p := &authhandler.PKCEParams{Verifier: v}
	p.Challenge = oauth2.S256ChallengeFromVerifier(v)
	p.ChallengeMethod = "S256"
	return p
}

func emptyMethod() *authhandler.PKCEParams {
	v := oauth2.GenerateVerifier()
	return &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), ChallengeMethod: "", Verifier: v} // want `authhandler.PKCEParams without ChallengeMethod`
}
