package config

import "strings"

// The mode of this process, set once by the binary before any analysis.
var vetUnit, factsOnly bool

// SetVetUnit records that go vet runs this process on one package (a .cfg argument), and
// whether only for the facts its importers need (VetxOnly: go vet discards the
// diagnostics of such a run).
func SetVetUnit(vetxOnly bool) { vetUnit, factsOnly = true, vetxOnly }

// VetUnit reports whether go vet runs this process on a single package. go vet analyses a
// package with in-package tests only as its test variant; the standalone driver analyses
// both variants.
func VetUnit() bool { return vetUnit }

// FactsOnly reports whether this process analyses a package only for its facts.
func FactsOnly() bool { return factsOnly }

// IsStd reports whether path is a package of the standard library (its first element has
// no dot).
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}
