package driver_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// Every check has its page, docs/checks/NAME.md, with the sections of issue 13 and a table of
// sub-rules that agrees with the registry; there is no page for a check that does not exist.
func TestCheckPages(t *testing.T) {
	dir := filepath.Join("..", "..", "docs", "checks")
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\| ([^|]+) \\|$")
	for _, c := range all.Checks {
		data, err := os.ReadFile(filepath.Join(dir, c.Name()+".md"))
		if err != nil {
			t.Errorf("check %s has no page: %v", c.Name(), err)
			continue
		}
		page := string(data)
		for _, section := range []string{"## What it finds", "## Why it matters", "## Bad", "## Good", "## How to fix", "## Sub-rules", "## Suppressing a finding", "//oauthvet:ignore " + c.Name() + " -- ", c.CWE} {
			if !strings.Contains(page, section) {
				t.Errorf("%s.md lacks %q", c.Name(), section)
			}
		}
		if n := strings.Count(page, "```go"); n < 3 {
			t.Errorf("%s.md has %d Go code blocks, want bad, good and the directive", c.Name(), n)
		}
		var got, want []string
		for _, m := range row.FindAllStringSubmatch(page, -1) {
			got = append(got, strings.Join([]string{m[1], strings.TrimSpace(m[2]), strings.TrimSpace(m[3]), strings.TrimSpace(m[4]), strings.TrimSpace(m[5])}, " | "))
		}
		for _, cat := range c.Categories {
			want = append(want, strings.Join([]string{cat.Name, string(cat.Tier), string(cat.Severity), cat.SecuritySeverity, cat.Summary}, " | "))
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s.md: the sub-rule table disagrees with the registry (analyzers/all/registry.go):\ngot:\n\t%s\nwant:\n\t%s",
				c.Name(), strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		name, ok := strings.CutSuffix(e.Name(), ".md")
		if _, known := all.Lookup(name); ok && !known && name != "README" {
			t.Errorf("docs/checks/%s is the page of no check", e.Name())
		}
	}
}
