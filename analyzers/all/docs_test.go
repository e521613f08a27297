package all_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// The knowledge in rules.toml and what the documentation says of it must not drift apart:
// every log, URL or passthrough sink is named on its check's page (by its function or its
// package), every secret format's provider on hardcodedsecret's, every scope provider on
// broadscope's. Adding an API to rules.toml without documenting it fails here.
func TestDocsNameRulesKnowledge(t *testing.T) {
	var rules struct {
		Secrets struct {
			Format []struct{ Name, Provider string }
		}
		Scopes struct {
			Provider []struct{ Name string }
		}
		Flow struct {
			Sink []struct {
				Func  string
				Funcs []string
				Field string
				Check string
			}
		}
	}
	if _, err := toml.DecodeFile(filepath.Join("..", "..", "rules.toml"), &rules); err != nil {
		t.Fatal(err)
	}
	page := func(check string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", "docs", "checks", check+".md"))
		if err != nil {
			t.Fatal(err)
		}
		return strings.ToLower(string(data))
	}
	for _, s := range rules.Flow.Sink {
		doc := page(s.Check)
		if s.Field != "" { // "pkg/path.Type.Field": the page names the field or its package
			typ := s.Field[:strings.LastIndex(s.Field, ".")]
			pkg, field := typ[:strings.LastIndex(typ, ".")], s.Field[len(typ)+1:]
			if !strings.Contains(doc, strings.ToLower(field)) && !strings.Contains(doc, strings.ToLower(shortName(pkg))) {
				t.Errorf("docs/checks/%s.md names neither %s nor its package %s (a sink in rules.toml)", s.Check, field, pkg)
			}
		}
		for _, fn := range append(s.Funcs, s.Func) {
			if fn == "" {
				continue
			}
			if !strings.Contains(fn, ".") { // a builtin: panic
				if !strings.Contains(doc, fn) {
					t.Errorf("docs/checks/%s.md does not name %s (a sink in rules.toml)", s.Check, fn)
				}
				continue
			}
			pkg, name := splitFunc(fn)
			short := shortName(pkg)
			if !strings.Contains(doc, strings.ToLower(name)) && !strings.Contains(doc, strings.ToLower(short)) {
				t.Errorf("docs/checks/%s.md names neither %s nor its package %s (a sink in rules.toml)", s.Check, name, pkg)
			}
		}
	}
	doc := page("hardcodedsecret")
	for _, f := range rules.Secrets.Format {
		if !strings.Contains(doc, strings.ToLower(f.Provider)) {
			t.Errorf("docs/checks/hardcodedsecret.md does not name %s (secret format %s in rules.toml)", f.Provider, f.Name)
		}
	}
	doc = page("broadscope")
	for _, p := range rules.Scopes.Provider {
		if !strings.Contains(doc, strings.ToLower(p.Name)) {
			t.Errorf("docs/checks/broadscope.md does not name the scope provider %s of rules.toml", p.Name)
		}
	}
}

// splitFunc splits a types.Func.FullName ("pkg/path.F", "(*pkg/path.T).M") into the
// package path and the function or method name.
func splitFunc(full string) (pkg, name string) {
	if strings.HasPrefix(full, "(") {
		recv, method, _ := strings.Cut(full[1:], ").")
		recv = strings.TrimPrefix(recv, "*")
		return recv[:strings.LastIndex(recv, ".")], method
	}
	i := strings.LastIndex(full, ".")
	// the last dot of the path's final element separates the name (std paths have no dots)
	return full[:i], full[i+1:]
}

// shortName is the name a package is known by: its last path element, or the one before a
// major-version suffix (k8s.io/klog/v2 is klog).
func shortName(pkg string) string {
	elems := strings.Split(pkg, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		return elems[len(elems)-2]
	}
	return last
}
