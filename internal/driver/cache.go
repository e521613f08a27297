package driver

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// The per-package cache of a standalone run (-cache, on by default). A package's key hashes
// everything its findings depend on: oauthvet's executable (its checks and the embedded
// rules.toml), the analyzers and their flags, the config file the package would use (or
// -oauthvet.config), the package's identity, Go version, sizes and files, and the keys of
// its imports, recursively; a standard-library import is keyed by the installation, and a file of a module in the module cache,
// which never changes, by the module's version and the file's name. The cache holds, per
// root package, the findings of each analyzer. A run computes every root's key from go
// list's metadata alone; the roots it has findings for are not type-checked or analysed,
// and when all are found the run only lists the packages and prints. Facts are not
// cached: a missed root is analysed with its dependencies, as without the cache. Nothing is
// stored for a package with errors (its own or its imports'), by a run with
// analyzer errors, or by -fix.
//
// Entries live in the user cache directory (OAUTHVET_CACHE overrides it), one file per key,
// written atomically; a hit refreshes the file's time, and once a day entries unused for
// a week are removed.

// cacheVersion changes when the recipe of a key or the layout of an entry changes.
const cacheVersion = "oauthvet-cache-1"

// A cache is used by one goroutine (its trimming touches none of these fields).
type cache struct {
	dir               string
	global            string // hash of what every key shares
	keys              map[*packages.Package]string
	config            map[string]string // directory → hash of the config file it would use
	explicit          string            // hash of -oauthvet.config's file, if given
	modCache          string            // GOMODCACHE, with a trailing separator
	goroot, goVersion string
	gorootSrc         string // GOROOT/src, with a trailing separator (see isStd)
}

// cacheEntry is what the cache stores for one root package.
type cacheEntry struct {
	Entries []cachedEntry
}

type cachedEntry struct {
	Analyzer string
	Findings []*Finding
}

// openCache returns the cache for a run of analyzers (every is all of them, whose flags
// the key includes), or nil, with a reason, if it cannot be used.
func openCache(every, analyzers []*analysis.Analyzer, explicitConfig string) (*cache, error) {
	dir := os.Getenv("OAUTHVET_CACHE")
	if dir == "" {
		base, err := os.UserCacheDir()
		if err != nil {
			return nil, err
		}
		dir = filepath.Join(base, "oauthvet")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	exe, err := executableHash()
	if err != nil {
		return nil, err
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00", cacheVersion, exe)
	for _, a := range analyzers {
		fmt.Fprintf(h, "run %s\x00", a.Name)
	}
	for a := range closure(every) {
		a.Flags.VisitAll(func(f *flag.Flag) {
			if a.Name == "oauthvet" && f.Name == "config" {
				return // its file's content is keyed instead (a relative path differs per run)
			}
			fmt.Fprintf(h, "flag %s.%s=%s\x00", a.Name, f.Name, f.Value)
		})
	}
	c := &cache{dir: dir, global: hex.EncodeToString(h.Sum(nil)), keys: map[*packages.Package]string{}, config: map[string]string{}}
	if explicitConfig != "" {
		c.explicit = fileHash(explicitConfig)
	}
	env, err := goEnv()
	if err != nil {
		return nil, err
	}
	c.modCache = env.modCache + string(filepath.Separator)
	c.goroot, c.goVersion = env.goroot, env.goVersion
	c.gorootSrc = filepath.Join(env.goroot, "src") + string(filepath.Separator)
	go c.trim()
	return c, nil
}

// executableHash hashes the running executable, once per process.
var executableHash = sync.OnceValues(func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(exe)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
})

// fileHash hashes a file's content, or records that it could not be read.
func fileHash(name string) string {
	data, err := os.ReadFile(name)
	if err != nil {
		return "unreadable " + err.Error()
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// key returns p's key, computing its imports' first.
func (c *cache) key(p *packages.Package) string {
	if k, ok := c.keys[p]; ok {
		return k
	}
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%v\x00", c.global, p.ID, p.PkgPath, p.Name, p.TypesSizes)
	if p.Module != nil {
		fmt.Fprintf(h, "module %s %s %s\x00", p.Module.Path, p.Module.Version, p.Module.GoVersion)
	}
	if isStd(p, c.gorootSrc) {
		// The standard library changes only with the installation (GOROOT and version).
		fmt.Fprintf(h, "std %s %s\x00", c.goroot, c.goVersion)
		hashFiles(h, "go", p.CompiledGoFiles, true)
	} else {
		immutable := p.Module != nil && p.Module.Version != "" && p.Module.Replace == nil && c.modCache != "" &&
			strings.HasPrefix(p.Module.Dir, c.modCache) // (not vendor/, which can be edited)
		hashFiles(h, "go", p.CompiledGoFiles, immutable)
		hashFiles(h, "other", p.OtherFiles, immutable)
		if len(p.CompiledGoFiles) > 0 {
			dir := filepath.Dir(p.GoFiles[0])
			if len(p.GoFiles) == 0 {
				dir = filepath.Dir(p.CompiledGoFiles[0])
			}
			fmt.Fprintf(h, "config %s\x00", c.configHash(dir))
		}
	}
	paths := make([]string, 0, len(p.Imports))
	for path := range p.Imports {
		paths = append(paths, path)
	}
	sort.Strings(paths)
	for _, path := range paths {
		fmt.Fprintf(h, "import %s %s\x00", path, c.key(p.Imports[path]))
	}
	for _, e := range p.Errors {
		fmt.Fprintf(h, "error %s\x00", e)
	}
	k := hex.EncodeToString(h.Sum(nil))
	c.keys[p] = k
	return k
}

// hashFiles adds the files' names and, unless they cannot change, their contents.
func hashFiles(h hash.Hash, kind string, files []string, immutable bool) {
	for _, name := range files {
		fmt.Fprintf(h, "%s %s\x00", kind, name)
		if !immutable {
			fmt.Fprintf(h, "%s\x00", fileHash(name))
		}
	}
}

// configHash hashes the config file a package in dir uses.
func (c *cache) configHash(dir string) string {
	if c.explicit != "" {
		return c.explicit
	}
	if h, ok := c.config[dir]; ok {
		return h
	}
	h := "none"
	if name := all.FindConfig(dir); name != "" {
		h = name + " " + fileHash(name)
	}
	c.config[dir] = h
	return h
}

func (c *cache) path(key string) string { return filepath.Join(c.dir, key[:2], key) }

// get returns the entry stored for p, if any.
func (c *cache) get(p *packages.Package) (*cacheEntry, bool) {
	name := c.path(c.key(p))
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	var e cacheEntry
	if err := json.Unmarshal(data, &e); err != nil {
		return nil, false
	}
	now := time.Now()
	os.Chtimes(name, now, now) // in use: not trimmed
	return &e, true
}

// put stores p's findings, per analyzer.
func (c *cache) put(p *packages.Package, e *cacheEntry) error {
	data, err := json.Marshal(e)
	if err != nil {
		return err
	}
	name := c.path(c.key(p))
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(name), "tmp-")
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return err
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return os.Rename(tmp.Name(), name)
}

// trim removes, at most once a day, the entries not used for a week.
func (c *cache) trim() {
	marker := filepath.Join(c.dir, "trimmed")
	if st, err := os.Stat(marker); err == nil && time.Since(st.ModTime()) < 24*time.Hour {
		return
	}
	os.WriteFile(marker, nil, 0o600)
	old := time.Now().Add(-7 * 24 * time.Hour)
	subdirs, _ := os.ReadDir(c.dir)
	for _, d := range subdirs {
		if !d.IsDir() {
			continue
		}
		files, _ := os.ReadDir(filepath.Join(c.dir, d.Name()))
		for _, f := range files {
			if info, err := f.Info(); err == nil && info.ModTime().Before(old) {
				os.Remove(filepath.Join(c.dir, d.Name(), f.Name()))
			}
		}
	}
}

// actionKey names one action of the graph checker builds.
type actionKey struct{ pkg, analyzer string }

// actionOrder returns the actions checker.Analyze builds for analyzers over roots, in the
// depth-first postorder that collect visits them: the order multichecker prints in. It
// needs only the import graph, so a run served from the cache prints in the same order.
func actionOrder(analyzers []*analysis.Analyzer, roots []*packages.Package) []actionKey {
	type key struct {
		a *analysis.Analyzer
		p *packages.Package
	}
	seen := map[key]bool{}
	var order []actionKey
	var visit func(a *analysis.Analyzer, p *packages.Package)
	visit = func(a *analysis.Analyzer, p *packages.Package) {
		k := key{a, p}
		if seen[k] {
			return
		}
		seen[k] = true
		for _, req := range a.Requires {
			visit(req, p)
		}
		if len(a.FactTypes) > 0 {
			paths := make([]string, 0, len(p.Imports))
			for path := range p.Imports {
				paths = append(paths, path)
			}
			slices.Sort(paths)
			for _, path := range paths {
				visit(a, p.Imports[path])
			}
		}
		order = append(order, actionKey{p.ID, a.Name})
	}
	for _, a := range analyzers {
		for _, p := range roots {
			visit(a, p)
		}
	}
	return order
}

// assemble puts the findings of the roots, from the cache and from this run's analysis,
// into one Results in multichecker's order, and computes their fingerprints.
func assemble(analyzers []*analysis.Analyzer, roots []*packages.Package, cached map[string]*cacheEntry, fresh *Results) *Results {
	analysed := map[actionKey]entry{}
	if fresh != nil {
		for _, e := range fresh.order {
			analysed[actionKey{e.pkg, e.analyzer}] = e
		}
	}
	res := &Results{}
	for _, k := range actionOrder(analyzers, roots) {
		e, ok := analysed[k]
		if !ok {
			ce := cached[k.pkg]
			if ce == nil {
				continue
			}
			e = entry{pkg: k.pkg, analyzer: k.analyzer}
			for _, ca := range ce.Entries {
				if ca.Analyzer == k.analyzer {
					e.findings = ca.Findings
				}
			}
		}
		res.order = append(res.order, e)
		if e.err != nil {
			res.Errors = append(res.Errors, *e.err)
		}
		res.Findings = append(res.Findings, e.findings...)
	}
	fingerprint(res.Findings, newSources())
	return res
}

// storeFresh stores the findings of the roots this run analysed.
func storeFresh(c *cache, analyzers []*analysis.Analyzer, roots []*packages.Package, fresh *Results) error {
	findings := map[actionKey][]*Finding{}
	for _, e := range fresh.order {
		findings[actionKey{e.pkg, e.analyzer}] = e.findings
	}
	for _, p := range roots {
		if p.IllTyped { // its errors, or its imports', are printed again next time
			continue
		}
		ce := &cacheEntry{}
		for _, a := range analyzers {
			ce.Entries = append(ce.Entries, cachedEntry{Analyzer: a.Name, Findings: findings[actionKey{p.ID, a.Name}]})
		}
		if err := c.put(p, ce); err != nil {
			return err
		}
	}
	return nil
}
