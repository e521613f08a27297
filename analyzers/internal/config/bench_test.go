package config

import "testing"

// Under go vet every package is a process of its own that decodes the embedded defaults.
func BenchmarkDecodeDefaults(b *testing.B) {
	for b.Loop() {
		if _, err := decodeUncached(embedded); err != nil {
			b.Fatal(err)
		}
	}
}
