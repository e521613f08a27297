// Package statecfg holds login settings used from another package.
package statecfg

import (
	"crypto/rand"
	"os"
)

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

// EnvState is read from the environment once, in func init: the same for every login.
var EnvState string

// RotatedState is made at start-up here; an importer replaces it for each login.
var RotatedState = rand.Text()

func init() { EnvState = os.Getenv("LOGIN_STATE") }
