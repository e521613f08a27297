package config

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestInGoRoot(t *testing.T) {
	root := runtime.GOROOT()
	other := t.TempDir() // a second Go installation
	for _, d := range []string{"src/runtime", "src/cmd/go", "src/net/http"} {
		if err := os.MkdirAll(filepath.Join(other, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(other, "src/runtime/runtime.go"), []byte("package runtime\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	user := t.TempDir() // a module named without a dot, checked out under a src directory
	for _, tc := range []struct {
		dir, path string
		want      bool
	}{
		{filepath.Join(root, "src", "net", "http"), "net/http", true},
		{filepath.Join(other, "src", "net", "http"), "net/http", true},
		{filepath.Join(user, "src", "myapp", "auth"), "myapp/auth", false},
		{filepath.Join(user, "myapp", "auth"), "myapp/auth", false},
		{filepath.Join(root, "src", "net", "http"), "net/url", false},
	} {
		if got := inGoRoot(tc.dir, tc.path); got != tc.want {
			t.Errorf("inGoRoot(%s, %s) = %v, want %v", tc.dir, tc.path, got, tc.want)
		}
	}
}
