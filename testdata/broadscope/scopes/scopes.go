// Package scopes declares scope constants used by other fixture packages: a constant of
// another package is judged where it is requested.
package scopes

const (
	DriveFull     = "https://www.googleapis.com/auth/drive"
	DriveFile     = "https://www.googleapis.com/auth/drive.file"
	GitHubRepo    = "repo"
	GitHubReadOrg = "read:org"
)

// Default lists scopes as data: this package requests nothing.
var Default = []string{GitHubRepo, GitHubReadOrg}
