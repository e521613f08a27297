package driver

import (
	"bufio"
	"context"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"go/types"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// The loader of a standalone run. go/packages can load a package's
// dependencies either all from source (LoadAllSyntax: what checker needs for facts) or all
// from export data. oauthvet's checks compute no facts for the standard library (config.IsStd:
// its APIs are described by rules.toml and the catalogue, its functions that never return by
// catalogue.NoReturnStd), so type-checking it from source is wasted work: a third of the
// packages of a typical closure, and the largest ones. typeCheck type-checks from source
// the packages under analysis and every dependency outside the standard library (any of
// them can hold a wrapper, a constant or a summary that a fact carries), and reads the
// standard library from the export data the go command already built. A standard-library
// package that imports a source package (a test variant, when std itself is analysed) is
// loaded from source too, as go/packages does. Without facts, only the roots come from source.

// metaMode is what loadMeta asks go list for: the graph and the files. Not the export
// data: go list -export would build every package (a compile error of a package under
// analysis would then be reported twice), when only the standard library's is read.
const metaMode = packages.NeedName | packages.NeedFiles | packages.NeedCompiledGoFiles | packages.NeedImports |
	packages.NeedDeps | packages.NeedTypesSizes | packages.NeedModule

// loadMeta lists the packages named by patterns and their dependencies: names, files,
// imports, export data and sizes, no syntax or types (see typeCheck).
func loadMeta(patterns []string, tests bool) ([]*packages.Package, error) {
	return packages.Load(&packages.Config{Mode: metaMode, Tests: tests}, patterns...)
}

// Load lists the packages named by patterns in dir, with their tests, and type-checks them
// as a standalone run does (the standard library from export data), ready for
// checker.Analyze with analyzers that use facts. overlay holds the unsaved contents of
// files (an editor's buffers).
func Load(ctx context.Context, dir string, overlay map[string][]byte, patterns ...string) ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: metaMode, Context: ctx, Dir: dir, Tests: true, Overlay: overlay}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		return nil, err
	}
	return pkgs, typeCheck(pkgs, true, overlay)
}

// typeCheck gives the roots, listed by loadMeta, and their dependencies syntax and types, as
// packages.Load with LoadAllSyntax (facts) or LoadSyntax would, except that with facts the
// standard-library dependencies come from export data (no Syntax, no TypesInfo). Other
// packages of the graph are left alone.
func typeCheck(roots []*packages.Package, facts bool, overlay map[string][]byte) error {
	goroot, err := gorootSrc()
	if err != nil {
		return err
	}
	ld := &loader{fset: token.NewFileSet(), goroot: goroot, overlay: overlay, nodes: map[*packages.Package]*lnode{}, cpu: make(chan struct{}, runtime.GOMAXPROCS(0))}
	for _, p := range roots {
		ld.node(p).root = true
	}
	var all []*lnode
	seen := map[*lnode]bool{}
	var visit func(*lnode) bool
	visit = func(n *lnode) bool {
		if !seen[n] {
			seen[n] = true
			n.src = n.root || facts && !isStd(n.pkg, ld.goroot)
			for _, imp := range n.pkg.Imports {
				if visit(ld.node(imp)) {
					n.src = true
				}
			}
			if n.pkg.PkgPath == "unsafe" {
				n.src = false
			}
			all = append(all, n)
		}
		return n.src
	}
	for _, p := range roots {
		visit(ld.node(p))
	}
	if err := exportFiles(all); err != nil {
		return err
	}
	// all is in dependency order: start every package once its imports are done.
	var wg sync.WaitGroup
	for _, n := range all {
		n.done = make(chan struct{})
	}
	for _, n := range all {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(n.done)
			for _, imp := range n.pkg.Imports {
				<-ld.node(imp).done
			}
			ld.load(n)
		}()
	}
	wg.Wait()
	return nil
}

// exportFiles sets the ExportFile of the packages to be read from export data, which go
// list builds (the standard library's are normally in the build cache already). A package
// it cannot build keeps no ExportFile and is then loaded from source, as are its importers.
func exportFiles(nodes []*lnode) error {
	var paths []string
	byPath := map[string]*lnode{}
	for _, n := range nodes {
		if !n.src && n.pkg.PkgPath != "unsafe" {
			paths = append(paths, n.pkg.PkgPath)
			byPath[n.pkg.PkgPath] = n
		}
	}
	if len(paths) == 0 {
		return nil
	}
	out, err := exec.Command("go", append([]string{"list", "-e", "-export", "-f", "{{.ImportPath}}\t{{.Export}}"}, paths...)...).Output()
	if err != nil {
		return fmt.Errorf("go list -export: %v", err)
	}
	for line := range strings.Lines(string(out)) {
		path, file, _ := strings.Cut(strings.TrimSpace(line), "\t")
		if n := byPath[path]; n != nil {
			n.pkg.ExportFile = file
		}
	}
	of := map[*packages.Package]*lnode{}
	for _, n := range nodes { // in dependency order: a fallback reaches the importers
		of[n.pkg] = n
		if n.src || n.pkg.PkgPath == "unsafe" {
			continue
		}
		n.src = n.pkg.ExportFile == ""
		for _, imp := range n.pkg.Imports {
			n.src = n.src || of[imp].src
		}
	}
	return nil
}

type loader struct {
	fset     *token.FileSet
	goroot   string            // GOROOT/src, with a trailing separator
	overlay  map[string][]byte // file contents that replace the files on disk
	mu       sync.Mutex
	nodes    map[*packages.Package]*lnode
	exportMu sync.Mutex    // gcexportdata readers share no state, but keep memory peaks apart
	cpu      chan struct{} // limits parsing and type-checking to GOMAXPROCS at once
}

type lnode struct {
	pkg       *packages.Package
	root, src bool
	done      chan struct{}
}

func (ld *loader) node(p *packages.Package) *lnode {
	ld.mu.Lock()
	defer ld.mu.Unlock()
	n := ld.nodes[p]
	if n == nil {
		n = &lnode{pkg: p}
		ld.nodes[p] = n
	}
	return n
}

// isStd reports whether p belongs to the standard library: no module, and its files in
// src, the GOROOT/src directory of gorootSrc.
func isStd(p *packages.Package, src string) bool {
	if p.Module != nil {
		return false
	}
	files := p.GoFiles
	if len(files) == 0 {
		files = p.CompiledGoFiles
	}
	return len(files) > 0 && strings.HasPrefix(files[0], src)
}

// gorootSrc returns the src directory of the Go installation that go list runs, with a
// trailing separator.
func gorootSrc() (string, error) {
	env, err := goEnv()
	if err != nil {
		return "", err
	}
	return filepath.Join(env.goroot, "src") + string(filepath.Separator), nil
}

type goEnvVars struct{ goroot, modCache, goVersion string }

// goEnv returns the go command's GOROOT, GOMODCACHE and GOVERSION, once per process.
var goEnv = sync.OnceValues(func() (goEnvVars, error) {
	out, err := exec.Command("go", "env", "GOROOT", "GOMODCACHE", "GOVERSION").Output()
	if err != nil {
		return goEnvVars{}, fmt.Errorf("go env: %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 3 || lines[0] == "" {
		return goEnvVars{}, fmt.Errorf("go env: unexpected output %q", out)
	}
	return goEnvVars{goroot: strings.TrimSpace(lines[0]), modCache: strings.TrimSpace(lines[1]), goVersion: strings.TrimSpace(lines[2])}, nil
})

// load gives n its types: from export data, or by parsing and type-checking its files.
func (ld *loader) load(n *lnode) {
	p := n.pkg
	p.Fset = ld.fset
	if p.PkgPath == "unsafe" {
		p.Types, p.Syntax, p.TypesInfo = types.Unsafe, []*ast.File{}, newTypesInfo()
		return
	}
	defer func() {
		p.IllTyped = len(p.Errors) > 0
		for _, imp := range p.Imports {
			p.IllTyped = p.IllTyped || imp.IllTyped
		}
	}()
	if !n.src {
		if err := ld.fromExportData(p); err != nil {
			p.Types = types.NewPackage(p.PkgPath, p.Name)
			p.Errors = append(p.Errors, packages.Error{Pos: "-", Msg: err.Error(), Kind: packages.UnknownError})
		}
		return
	}
	ld.cpu <- struct{}{}
	defer func() { <-ld.cpu }()
	p.Syntax = ld.parse(p)
	p.TypesInfo = newTypesInfo()
	p.Types = types.NewPackage(p.PkgPath, p.Name)
	conf := &types.Config{
		Importer: importerFunc(func(path string) (*types.Package, error) {
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if imp := p.Imports[path]; imp != nil && imp.Types != nil {
				return imp.Types, nil
			}
			return nil, fmt.Errorf("no metadata for %s", path)
		}),
		Error: func(err error) {
			if te, ok := err.(types.Error); ok {
				p.TypeErrors = append(p.TypeErrors, te)
				p.Errors = append(p.Errors, packages.Error{Pos: te.Fset.Position(te.Pos).String(), Msg: te.Msg, Kind: packages.TypeError})
			}
		},
		Sizes: p.TypesSizes,
	}
	if p.Module != nil && p.Module.GoVersion != "" {
		conf.GoVersion = "go" + p.Module.GoVersion
	}
	types.NewChecker(conf, ld.fset, p.Types, p.TypesInfo).Files(p.Syntax)
}

// parse parses p's compiled Go files with comments, recording errors on p.
func (ld *loader) parse(p *packages.Package) []*ast.File {
	files := make([]*ast.File, 0, len(p.CompiledGoFiles))
	for _, name := range p.CompiledGoFiles {
		src, ok := ld.overlay[name]
		var err error
		if !ok {
			src, err = os.ReadFile(name)
		}
		if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
			continue
		}
		f, err := parser.ParseFile(ld.fset, name, src, parser.AllErrors|parser.ParseComments)
		if list, ok := err.(scanner.ErrorList); ok {
			for _, e := range list {
				p.Errors = append(p.Errors, packages.Error{Pos: e.Pos.String(), Msg: e.Msg, Kind: packages.ParseError})
			}
		} else if err != nil {
			p.Errors = append(p.Errors, packages.Error{Pos: name, Msg: err.Error(), Kind: packages.ParseError})
		}
		if f != nil {
			files = append(files, f)
		}
	}
	return files
}

// fromExportData reads p's types from its export data, with its dependencies' types (all
// loaded already) as the packages it refers to.
func (ld *loader) fromExportData(p *packages.Package) error {
	if p.ExportFile == "" {
		return fmt.Errorf("no export data for %s", p.ID)
	}
	f, err := os.Open(p.ExportFile)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(bufio.NewReader(f))
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	view := map[string]*types.Package{}
	var visit func(map[string]*packages.Package)
	visit = func(imports map[string]*packages.Package) {
		for _, imp := range imports {
			if _, ok := view[imp.PkgPath]; !ok && imp.Types != nil {
				view[imp.PkgPath] = imp.Types
				visit(imp.Imports)
			}
		}
	}
	visit(p.Imports)
	ld.exportMu.Lock()
	defer ld.exportMu.Unlock()
	tpkg, err := gcexportdata.Read(r, ld.fset, view, p.PkgPath)
	if err != nil {
		return fmt.Errorf("reading %s: %v", p.ExportFile, err)
	}
	p.Types = tpkg
	return nil
}

func newTypesInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }
