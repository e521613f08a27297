package app

import (
	"net/http"
	"testing"
)

// An in-package test: go vet then analyses app only together with this file (its test
// variant), and the checks must still report app.go. Package-level variables, a blank
// initialiser and a method declared here are part of that variant's SSA.
var fixture = "x"

var _ = describe("suite")

func describe(s string) string { return s }

type recorder struct{ calls int }

func (r *recorder) String() string { return fixture }

func TestNothing(t *testing.T) {
	r := &recorder{}
	t.Log(r, http.MethodGet)
}
