package lsp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"
)

// configFileName is the name of a project's config file.
const configFileName = "oauthvet.toml"

func isConfigFile(path string) bool { return filepath.Base(path) == configFileName }

// probeConfig validates the text of the config file at path by running the config
// analyzer alone on an empty package in a scratch directory that holds a copy of the text:
// no go list, no type-checking of dependencies, and the unsaved text of an open file is
// checked as the user types. It returns nil if the config loads.
func probeConfig(path string, text []byte, configAnalyzer *analysis.Analyzer) (*configError, error) {
	dir, err := os.MkdirTemp("", "oauthvet-lsp-config-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	copyPath := filepath.Join(dir, configFileName)
	if err := os.WriteFile(copyPath, text, 0o600); err != nil {
		return nil, err
	}
	pkg, err := emptyPackage(filepath.Join(dir, "probe.go"))
	if err != nil {
		return nil, err
	}
	graph, err := analyzeSafely([]*analysis.Analyzer{configAnalyzer}, []*packages.Package{pkg})
	if err != nil {
		return nil, err
	}
	for _, act := range graph.Roots {
		if act.Err == nil {
			continue
		}
		ce := parseConfigError(act.Err)
		if ce == nil || ce.file != copyPath {
			return nil, act.Err
		}
		ce.file = path
		ce.msg = strings.ReplaceAll(ce.msg, copyPath, path)
		return ce, nil
	}
	return nil, nil
}

// emptyPackage builds, without the go command, a type-checked package of one empty file
// named file (which need not exist).
func emptyPackage(file string) (*packages.Package, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, file, "package probe\n", parser.ParseComments)
	if err != nil {
		return nil, err
	}
	const path = "oauthvet.invalid/lsp/probe"
	info := &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		Scopes:       map[ast.Node]*types.Scope{},
		Instances:    map[*ast.Ident]types.Instance{},
		FileVersions: map[*ast.File]string{},
	}
	sizes := types.SizesFor("gc", "amd64")
	tpkg, err := (&types.Config{Sizes: sizes}).Check(path, fset, []*ast.File{f}, info)
	if err != nil {
		return nil, err
	}
	return &packages.Package{
		ID: path, Name: "probe", PkgPath: path,
		GoFiles: []string{file}, CompiledGoFiles: []string{file},
		Fset: fset, Syntax: []*ast.File{f}, Types: tpkg, TypesInfo: info, TypesSizes: sizes,
		Imports: map[string]*packages.Package{},
	}, nil
}
