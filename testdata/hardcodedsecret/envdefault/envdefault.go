// Package envdefault reads its OAuth client from the environment, with defaults written in
// source: a credential as the default is hard-coded all the same.
package envdefault

import (
	"os"

	"golang.org/x/oauth2"

	"example.com/agent/hardcodedsecret/envdefault/conf"
)

func getEnv(key, fallback string) string { // want getEnv:"envDefault\\(0, 1\\)"
	v := os.Getenv(key)
	if v == "" {
		return fallback
	}
	return v
}

// pick is no getenv helper: it reads no environment variable.
func pick(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func Config() *oauth2.Config {
	return &oauth2.Config{
		ClientID:     getEnv("CLIENT_ID", "agent-cli"),
		ClientSecret: getEnv("CLIENT_SECRET", "f3a9c2e1b7d4a6c8e0f2b4d6a8c0e2f4"), // want `hard-coded OAuth client secret "f3a9…" \(32 chars\) in Config.ClientSecret \(the default of getEnv when the variable is unset\)`
	}
}

func Another() *oauth2.Config {
	return &oauth2.Config{ClientSecret: conf.Get("OTHER_SECRET", "9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a")} // want `hard-coded OAuth client secret "9d8c…" \(32 chars\) in Config.ClientSecret \(the default of Get when the variable is unset\)`
}

// Silent: a placeholder or empty default, a value from the environment, a helper that reads
// no environment variable.
func Others() {
	_ = &oauth2.Config{ClientSecret: getEnv("CLIENT_SECRET", "your-client-secret")}
	_ = &oauth2.Config{ClientSecret: conf.Get("CLIENT_SECRET", "")}
	_ = &oauth2.Config{ClientSecret: getEnv("CLIENT_SECRET", os.Getenv("FALLBACK_SECRET"))}
	_ = &oauth2.Config{ClientSecret: pick(os.Getenv("A"), "0a1b2c3d4e5f60718293a4b5c6d7e8f9")}
}
