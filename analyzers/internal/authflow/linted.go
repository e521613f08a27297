package authflow

import (
	"go/ast"
	"go/token"

	"github.com/oauthvet/oauthvet/analyzers/internal/check"
)

// The checks of a flow's design (pkce, oauthstate, legacygrant) lint production code and
// the Example functions of _test.go files, which are documentation people copy; other test
// code is silent.

// LintedRoots returns the parts of file those checks lint: the whole file, or the Example
// functions of a test file (none for other test code).
func LintedRoots(pass *check.Pass, file *ast.File) []ast.Node {
	if !pass.InTestCode(file) {
		return []ast.Node{file}
	}
	var roots []ast.Node
	for _, fd := range check.Examples(pass.Fset, file) {
		roots = append(roots, fd)
	}
	return roots
}

// Linted reports whether pos lies in code those checks lint (see LintedRoots).
func Linted(pass *check.Pass, pos token.Pos) bool {
	for _, file := range pass.Files {
		if file.FileStart <= pos && pos <= file.FileEnd {
			return !pass.InTestCode(file) || check.InExample(pass.Fset, file, pos)
		}
	}
	return false
}
