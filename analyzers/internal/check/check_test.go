package check_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/internal/check"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// A check that panics on one package must fail that package alone, with the check's name,
// while its findings on other packages are still reported.
func TestPanicIsIsolated(t *testing.T) {
	flaky := &analysis.Analyzer{
		Name:     "flaky",
		Doc:      "reports every file; panics on package strconv",
		Requires: []*analysis.Analyzer{config.Analyzer},
		Run: check.Run(func(pass *check.Pass) error {
			if pass.Pkg.Path() == "strconv" {
				panic("unexpected token 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") // whose value must stay hidden
			}
			for _, f := range pass.Files {
				pass.Reportf(f.Package, "file")
				break
			}
			return nil
		}),
	}
	pkgs, err := packages.Load(&packages.Config{Mode: packages.LoadSyntax}, "strconv", "unicode/utf8")
	if err != nil {
		t.Fatal(err)
	}
	graph, err := checker.Analyze([]*analysis.Analyzer{flaky}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, act := range graph.Roots {
		switch act.Package.PkgPath {
		case "strconv":
			if act.Err == nil || !strings.Contains(act.Err.Error(), "check flaky panicked on package strconv") {
				t.Errorf("strconv: error %v", act.Err)
			}
			if act.Err != nil && (strings.Contains(act.Err.Error(), "Tok3nQ7mZ2pL9xA2B1edS") || !strings.Contains(act.Err.Error(), `GitHub token "ghp_Oaut…" (40 chars)`)) {
				t.Errorf("the panic message is not redacted: %v", act.Err)
			}
		case "unicode/utf8":
			if act.Err != nil || len(act.Diagnostics) != 1 {
				t.Errorf("utf8: error %v, %d diagnostics", act.Err, len(act.Diagnostics))
			}
		}
	}
}

func TestIsTestPackagePath(t *testing.T) {
	for path, want := range map[string]bool{
		"net/http/httptest":                            true,
		"net/http/internal/testcert":                   false, // no evidence in the path; std is skipped anyway
		"github.com/acme/agent/internal/testutils":     true,
		"github.com/acme/agent/test/e2e":               true,
		"github.com/acme/agent/mocks":                  true,
		"github.com/acme/agent/fastest":                false,
		"github.com/acme/chain/testnet":                false,
		"github.com/acme/quant/backtest":               false,
		"github.com/acme/greatest":                     false,
		"github.com/acme/agent/contest/entries":        false,
		"github.com/acme/agent/oauth/oauthtest":        true,
		"github.com/acme/oauthtest":                    false,
		"github.com/slack-go/slack/slacktest":          true,
		"example.com/agent/internal/testutil":          true,
		"example.com/agent/foo_test":                   true,
		"example.com/agent":                            false,
		"example.test/agent":                           false,
		"github.com/acme/latest":                       false,
		"github.com/mark3labs/mcp-go/client/transport": false,
	} {
		if got := check.IsTestPackagePath(path); got != want {
			t.Errorf("IsTestPackagePath(%q) = %v, want %v", path, got, want)
		}
	}
}

// Only the package's own files say whether it is test support: the imports of its _test.go
// files (part of the test variant go vet analyses) do not count.
func TestImportsTesting(t *testing.T) {
	parse := func(fset *token.FileSet, name, src string) *ast.File {
		f, err := parser.ParseFile(fset, name, src, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	for _, tc := range []struct {
		files map[string]string
		want  bool
	}{
		{map[string]string{"a.go": `package a; import "net/http"`, "a_test.go": `package a; import "testing"`}, false},
		{map[string]string{"mock.go": `package a; import ("net/http"; "testing")`}, true},
	} {
		fset := token.NewFileSet()
		var files []*ast.File
		for name, src := range tc.files {
			files = append(files, parse(fset, name, src))
		}
		p := &check.Pass{Pass: &analysis.Pass{Fset: fset, Files: files}}
		if got := p.ImportsTesting(); got != tc.want {
			t.Errorf("ImportsTesting(%v) = %v, want %v", tc.files, got, tc.want)
		}
	}
}
