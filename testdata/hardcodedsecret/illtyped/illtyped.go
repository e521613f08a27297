// Package illtyped does not type-check: the check still runs on what does.
package illtyped

import "golang.org/x/oauth2"

var broken int = "not an int"

var cfg = oauth2.Config{ClientSecret: "3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e"} // want `hard-coded OAuth client secret "3f7c…"`

var unknown = undefinedPackage.Config{ClientSecret: "4e8d0b2f6c3e9a5d7b1f0c4e8a6d3b9f"}

func f() {
	undefinedFunc("Authorization", "Bearer 7Hq2mX9vL4pR8sT1wY6zB3nC5dF0gJ2k")
	_ = "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" // want `GitHub token "ghp_Oaut…" \(40 chars\) written in source`
}
