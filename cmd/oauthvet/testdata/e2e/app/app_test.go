package app

import "testing"

// An in-package test: go vet then analyses app only together with this file (its test
// variant), and the checks must still report app.go.
func TestNothing(t *testing.T) {}
