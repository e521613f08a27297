package check

import (
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// Test code is known by evidence, never by a substring of a name ("fastest", "testnet",
// "backtest" and "greatest" are production names):
//
//   - a _test.go file;
//   - a package whose import path has an element named for tests (testElems), ends in
//     _test (an external test package), or is <p>test inside <p> (net/http/httptest).
//
// A package that imports "testing" (helpers that take a *testing.T, or code gated by
// testing.Testing()) is test support: hardcodedsecret treats its values as test vectors
// (ImportsTesting), while tokenlog still reports a token written to the test log there.
//
// Example functions in _test.go files are documentation people copy: the checks of a
// flow's design (pkce, oauthstate, legacygrant, broadscope) treat them as production code
// (InExample).

// testElems are import path elements that name a package kept for tests.
var testElems = []string{
	"test", "tests", "testdata", "testing", "testutil", "testutils", "testhelper", "testhelpers",
	"testenv", "testfixtures", "fixtures", "mock", "mocks", "fake", "fakes",
}

// InTestCode reports whether file is test code: a _test.go file or a file of a package
// whose import path says it exists for tests. Checks report there only what is certainly
// real.
func (p *Pass) InTestCode(file *ast.File) bool {
	return IsTestFile(p.Fset, file) || IsTestPackagePath(p.Pkg.Path())
}

// ImportsTesting reports whether a file of the package other than its _test.go files
// imports "testing": test support. (The package's own imports would not do: the test
// variant that go vet analyses includes those of its _test.go files.)
func (p *Pass) ImportsTesting() bool {
	for _, f := range p.Files {
		if IsTestFile(p.Fset, f) {
			continue
		}
		for _, imp := range f.Imports {
			if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == "testing" {
				return true
			}
		}
	}
	return false
}

// IsTestFile reports whether file is a _test.go file.
func IsTestFile(fset *token.FileSet, file *ast.File) bool {
	return strings.HasSuffix(fset.File(file.Pos()).Name(), "_test.go")
}

// IsTestPackagePath reports whether an import path names a package that exists for tests:
// an element in testElems, a last element ending in _test, or an element <p>test right
// below an element <p>.
func IsTestPackagePath(path string) bool {
	elems := strings.Split(path, "/")
	if strings.HasSuffix(elems[len(elems)-1], "_test") {
		return true
	}
	for i, elem := range elems {
		if slices.Contains(testElems, elem) {
			return true
		}
		if base, ok := strings.CutSuffix(elem, "test"); ok && i > 0 && base != "" && elems[i-1] == base {
			return true
		}
	}
	return false
}

// InExample reports whether pos lies in the body of an Example function of a _test.go
// file: documentation that the flow-design checks lint like production code.
func InExample(fset *token.FileSet, file *ast.File, pos token.Pos) bool {
	for _, fd := range Examples(fset, file) {
		if fd.Pos() <= pos && pos < fd.End() {
			return true
		}
	}
	return false
}

// Examples returns the Example functions (with a body) of a _test.go file, and nil for
// any other file. A caller that asks about many positions of one file calls it once.
func Examples(fset *token.FileSet, file *ast.File) []*ast.FuncDecl {
	if !IsTestFile(fset, file) {
		return nil
	}
	var fds []*ast.FuncDecl
	for _, d := range file.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && strings.HasPrefix(fd.Name.Name, "Example") && fd.Body != nil {
			fds = append(fds, fd)
		}
	}
	return fds
}
