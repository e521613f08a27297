// Package conf reads settings from the environment, with defaults.
package conf

import "os"

// Get returns the environment variable key, or def when it is unset.
func Get(key, def string) string { // want Get:"envDefault\\(0, 1\\)"
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}
