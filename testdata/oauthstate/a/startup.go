package a

import (
	"crypto/rand"
	"net/http"
	"os"

	"example.com/agent/oauthstate/statecfg"
)

// A state set in func init is the same for every login, whatever init reads it from.

var envState string

var bootState = "boot"

func init() {
	envState = os.Getenv("LOGIN_STATE")
	if s := os.Getenv("BOOT_STATE"); s != "" {
		bootState = s
	}
}

func stateSetAtInit() string {
	return cfg.AuthCodeURL(envState) // want `AuthCodeURL state is the package-level variable envState, set once at start-up`
}

func stateOverriddenAtInit() string {
	return cfg.AuthCodeURL(bootState) // want `AuthCodeURL state is the package-level variable bootState, set once at start-up`
}

func otherPackageStateSetAtInit() string {
	return cfg.AuthCodeURL(statecfg.EnvState) // want `AuthCodeURL state is the package-level variable statecfg.EnvState, set once at start-up`
}

// ---- silent: changed after start-up ----

var rotated = rand.Text()

func rotate() { rotated = rand.Text() }

func rotatedState() string {
	rotate()
	return cfg.AuthCodeURL(rotated)
}

// A function literal made in init runs later, once per request.
var lastState string

func init() {
	http.HandleFunc("/start", func(w http.ResponseWriter, r *http.Request) {
		lastState = rand.Text()
		http.Redirect(w, r, cfg.AuthCodeURL(lastState), http.StatusFound)
	})
}

// statecfg.RotatedState is fixed in its own package, but this one replaces it per login.
func replacedHere() string {
	statecfg.RotatedState = rand.Text()
	return cfg.AuthCodeURL(statecfg.RotatedState)
}
