// Package statecfg holds login settings used from another package.
package statecfg

import "crypto/rand"

// DefaultState is a constant state.
const DefaultState = "agent-login"

// StartupState is made once when the program starts.
var StartupState = rand.Text()

// CurrentState is replaced on every login.
var CurrentState string

// Begin starts a login.
func Begin() string {
	CurrentState = rand.Text()
	return CurrentState
}
