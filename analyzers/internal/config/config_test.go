package config

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestDefaultsLoad(t *testing.T) {
	r, err := Defaults()
	if err != nil {
		t.Fatalf("the embedded rules.toml does not load: %v", err)
	}
	if len(r.Secrets.Formats) < 15 || len(r.Secrets.Fields) < 8 || r.Secrets.MinLength != 8 {
		t.Errorf("defaults: %d formats, %d fields, min_length %d", len(r.Secrets.Formats), len(r.Secrets.Fields), r.Secrets.MinLength)
	}
}

// project writes files into a temporary module and returns its root.
func project(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	files["go.mod"] = "module example.com/p\n"
	for name, content := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

func TestMerge(t *testing.T) {
	root := project(t, map[string]string{
		"oauthvet.toml": `
[secrets]
min_length = 12
allow = ["public-installed-app-secret"]
placeholder_words = ["acme"]

[[secrets.format]]
name = "acme-key"
kind = "Acme API key"
regex = '\bacme_[a-z0-9]{20}\b'

[[secrets.format]]
name = "jwt"
kind = "JSON Web Token"
enabled = false

[[secrets.field]]
name = "example.com/p/client.Config.APIKey"
kind = "Acme API key"

[[disable]]
checks = ["hardcodedsecret"]
paths = ["internal/recorded/**", "gen/*.go"]
reason = "recorded fixtures with revoked tokens"
`,
		"pkg/a.go": "package pkg\n",
	})
	r, err := Load("", filepath.Join(root, "pkg"))
	if err != nil {
		t.Fatal(err)
	}
	s := r.Secrets
	if s.MinLength != 12 || !s.Allow["public-installed-app-secret"] || !s.PlaceholderWords["acme"] || !s.PlaceholderWords["changeme"] {
		t.Errorf("scalars and lists not merged: min %d, allow %v", s.MinLength, s.Allow)
	}
	names := map[string]bool{}
	for _, f := range s.Formats {
		names[f.Name] = true
	}
	if !names["acme-key"] || names["jwt"] || !names["github-token"] {
		t.Errorf("formats after merge: %v", names)
	}
	if got := s.Fields[len(s.Fields)-1].Name; got != "example.com/p/client.Config.APIKey" {
		t.Errorf("last field %q", got)
	}
	for file, want := range map[string]bool{
		"internal/recorded/a.go":      true,
		"internal/recorded/deep/b.go": true,
		"gen/x.go":                    true,
		"gen/sub/x.go":                false,
		"internal/other.go":           false,
	} {
		if got := r.DisabledFor("hardcodedsecret", filepath.Join(root, file)); got != want {
			t.Errorf("DisabledFor(%s) = %v, want %v", file, got, want)
		}
		if r.DisabledFor("pkce", filepath.Join(root, file)) {
			t.Errorf("pkce disabled for %s", file)
		}
	}
	if len(r.Files) != 1 || r.Files[0] != filepath.Join(root, "oauthvet.toml") {
		t.Errorf("Files = %v", r.Files)
	}
}

func TestFindStopsAtModuleRoot(t *testing.T) {
	outer := t.TempDir()
	os.WriteFile(filepath.Join(outer, FileName), []byte("version = 1\n"), 0o644)
	root := filepath.Join(outer, "mod")
	os.MkdirAll(filepath.Join(root, "a", "b"), 0o755)
	os.WriteFile(filepath.Join(root, "go.mod"), []byte("module m\n"), 0o644)
	if got := Find(filepath.Join(root, "a", "b")); got != "" {
		t.Errorf("Find crossed the module root: %s", got)
	}
	os.WriteFile(filepath.Join(root, "a", FileName), []byte("version = 1\n"), 0o644)
	if got := Find(filepath.Join(root, "a", "b")); got != filepath.Join(root, "a", FileName) {
		t.Errorf("Find = %q", got)
	}
}

func TestExplicitRelativePathIsFromModuleRoot(t *testing.T) {
	root := project(t, map[string]string{"conf/ov.toml": "[secrets]\nmin_length = 20\n", "x/y/z.go": "package y\n"})
	r, err := Load("conf/ov.toml", filepath.Join(root, "x", "y"))
	if err != nil || r.Secrets.MinLength != 20 {
		t.Fatalf("Load: %v, %+v", err, r)
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range []struct{ name, content, want string }{
		{"unknown top-level key", "verison = 1\n", `:1:1: unknown key "verison"`},
		{"unknown nested key", "[secrets]\nmin_length = 9\nallow_pattern = []\n", `:3:1: unknown key "secrets.allow_pattern"`},
		{"unknown key in 2nd format", "[[secrets.format]]\nname = \"a\"\nkind = \"A\"\nregex = 'a'\n\n[[secrets.format]]\nname = \"b\"\nkind = \"B\"\nregex = 'b'\nproviderr = \"x\"\n", `:10:1: unknown key "secrets.format.providerr"`},
		{"wrong type", "[secrets]\nmin_length = \"8\"\n", `:2:14: secrets.min_length: incompatible types: TOML value has type string; destination has type integer`},
		{"bad regex", "[[secrets.format]]\nname = \"a\"\nkind = \"A\"\nregex = 'a(b'\n", `:4:10: bad regular expression`},
		{"bad regex in list", "[secrets]\nplaceholder_patterns = ['ok', '[z-a]']\n", `:2:25: bad regular expression.*invalid character class range`},
		{"missing regex", "[[secrets.format]]\nname = \"a\"\nkind = \"A\"\n", `:1:1: \[\[secrets.format\]\] "a" needs a regex`},
		{"bad field name", "[[secrets.field]]\nname = \"Config.ClientSecret\"\nkind = \"k\"\n", `:2:1: "Config.ClientSecret" is not of the form package/path.Type.Field`},
		{"unknown checksum", "[[secrets.format]]\nname = \"a\"\nkind = \"A\"\nregex = 'a'\nchecksum = \"luhn\"\n", `:5:1: unknown checksum "luhn"`},
		{"disable without reason", "[[disable]]\nchecks = [\"pkce\"]\npaths = [\"a/**\"]\n", `:1:1: \[\[disable\]\] needs a reason`},
		{"second disable unknown check", "[[disable]]\nchecks = [\"pkce\"]\npaths = [\"a\"]\nreason = \"r\"\n[[disable]]\nchecks = [\"pcke\"]\npaths = [\"b\"]\nreason = \"r\"\n", `:6:1: unknown check "pcke"`},
		{"absolute path pattern", "[[disable]]\nchecks = [\"pkce\"]\npaths = [\"/abs\"]\nreason = \"r\"\n", `:3:10: path pattern "/abs" must be relative`},
		{"bad version", "version = 2\n", `:1:1: unsupported version 2`},
		{"syntax error", "[secrets]\nallow = [\"a\"\n", `:2:13: expected a comma`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := project(t, map[string]string{FileName: tc.content})
			_, err := Load("", root)
			if err == nil {
				t.Fatalf("no error for %s", tc.name)
			}
			if !regexp.MustCompile(regexp.QuoteMeta(filepath.Join(root, FileName)) + tc.want).MatchString(err.Error()) {
				t.Errorf("error %q\ndoes not match %q", err, tc.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("error spans lines: %q", err)
			}
		})
	}
}

func TestEditedFileIsReloaded(t *testing.T) {
	root := project(t, map[string]string{FileName: "[secrets]\nmin_length = 10\n"})
	r1, _ := Load("", root)
	os.WriteFile(filepath.Join(root, FileName), []byte("[secrets]\nmin_length = 11\n"), 0o644)
	r2, err := Load("", root)
	if err != nil || r1.Secrets.MinLength != 10 || r2.Secrets.MinLength != 11 {
		t.Errorf("min_length %d then %d (%v)", r1.Secrets.MinLength, r2.Secrets.MinLength, err)
	}
}
