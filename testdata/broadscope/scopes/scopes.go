// Package scopes declares scope constants and lists used by other fixture packages: a
// constant or never-changed exported list of another package is judged where it is
// requested.
package scopes

import "os"

const (
	DriveFull     = "https://www.googleapis.com/auth/drive"
	DriveFile     = "https://www.googleapis.com/auth/drive.file"
	GitHubRepo    = "repo"
	GitHubReadOrg = "read:org"
)

// Default lists scopes as data: this package requests nothing. Its facts let a request in
// another package judge them.
var Default = []string{GitHubRepo, GitHubReadOrg} // want Default:"scopeList\\(2\\)"

var Admin = []string{"read:user", "admin:org"} // want Admin:"scopeList\\(2\\)"

// No fact: changed at start-up, unexported, or holding no scope the policy knows.
var (
	Configured = []string{"repo"}
	fallback   = []string{"repo"}
	Words      = []string{"hello", "world"}
	Appended   = append([]string{"repo"}, fallback...)
)

func init() {
	if v := os.Getenv("SCOPES"); v != "" {
		Configured = []string{v}
	}
}
