// Summaries: what a function does with its parameters and returns, as facts for the
// packages that call it.

package tokenflow

import (
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/tools/go/ssa"
)

// summary is a function's summary while the package is analysed.
type summary struct {
	returns   []labels
	sinks     map[ParamSink]bool
	ctxStores map[paramCtx]bool // context.WithValue(ctx, key, param)
}

// paramCtx is a parameter stored in a context under a key of the named type.
type paramCtx struct {
	param int
	key   string
}

func (e *engine) summaryOf(fn *ssa.Function) *summary {
	s := e.summaries[fn]
	if s == nil {
		s = &summary{sinks: map[ParamSink]bool{}, ctxStores: map[paramCtx]bool{}}
		e.summaries[fn] = s
	}
	return s
}

// fact converts a summary of fn to the exported fact, or nil if it says nothing. A kind
// that the result's type implies (a *oauth2.Token result is an OAuth token) is left out.
func (e *engine) fact(fn *ssa.Function, s *summary) *Summary {
	f := &Summary{}
	useful := false
	for i, r := range s.returns {
		if i < fn.Signature.Results().Len() {
			t := fn.Signature.Results().At(i).Type()
			if ts := e.c.typeSourceOf(t); ts != nil {
				r &^= ts.kind
			}
			if !texty(t, 0) {
				// A client or token source holds a token but is not text: callers
				// get the kinds its type implies, nothing more.
				r &^= kindMask | incoming
			}
		}
		r &^= e.c.whole // callers drop them (see call)
		var rs ReturnSummary
		for i, k := range e.c.kinds {
			if r&(1<<i) != 0 {
				rs.Kinds = append(rs.Kinds, k)
			}
		}
		rs.Incoming = r&incoming != 0
		for i := range maxParams {
			if r&paramBit(i) != 0 {
				rs.Params = append(rs.Params, i)
			}
		}
		useful = useful || len(rs.Kinds) > 0 || len(rs.Params) > 0
		f.Returns = append(f.Returns, rs)
	}
	f.Sinks = sortedSinks(s.sinks)
	if !useful && len(f.Sinks) == 0 {
		return nil
	}
	return f
}

// importedSummary returns the summary of a function of another package from its fact, or
// nil if it has none.
func (e *engine) importedSummary(obj *types.Func) (*summary, bool) {
	if s, ok := e.imported[obj]; ok {
		return s, s != nil
	}
	var f Summary
	var s *summary
	if obj.Pkg() != nil && obj.Pkg() != e.pass.Pkg {
		if e.pass.ImportObjectFact(obj, &f) {
			s = &summary{sinks: map[ParamSink]bool{}}
			for _, r := range f.Returns {
				var l labels
				for _, k := range r.Kinds {
					l |= e.kindBit(k)
				}
				if r.Incoming {
					l |= incoming
				}
				for _, p := range r.Params {
					l |= paramBit(p)
				}
				s.returns = append(s.returns, l)
			}
			for _, ps := range f.Sinks {
				s.sinks[ps] = true
			}
		}
	}
	e.imported[obj] = s
	return s, s != nil
}

// sortedSinks returns a summary's parameter sinks in a fixed order (parameter, check, sink).
func sortedSinks(sinks map[ParamSink]bool) []ParamSink {
	out := make([]ParamSink, 0, len(sinks))
	for ps := range sinks {
		out = append(out, ps)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Param != b.Param {
			return a.Param < b.Param
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		if a.Via != b.Via {
			return a.Via < b.Via
		}
		return a.SinkKind < b.SinkKind
	})
	return out
}

// stdFunc reports whether obj is a function of the standard library (by the location of its
// package, GOROOT/src, from source or export data, not by a dotless path: modules may be
// named "myapp"), or a method of
// the universe (error.Error).
func (e *engine) stdFunc(obj *types.Func) bool {
	if obj == nil {
		return false
	}
	pkg := obj.Pkg()
	if pkg == nil {
		return true
	}
	if first, _, _ := strings.Cut(pkg.Path(), "/"); strings.Contains(first, ".") {
		return false
	}
	if std, ok := stdPkgs.Load(pkg.Path()); ok {
		return std.(bool)
	}
	std := true // no position to tell: a dotless path
	if f := e.pass.Fset.File(obj.Pos()); f != nil && f.Name() != "" {
		dir := filepath.ToSlash(filepath.Dir(f.Name()))
		root, ok := strings.CutSuffix(dir, "/src/"+pkg.Path())
		// Export data names the standard library's files $GOROOT/src/...
		std = ok && (root == "$GOROOT" || isDir(root+"/src/runtime"))
	}
	stdPkgs.Store(pkg.Path(), std)
	return std
}

var stdPkgs sync.Map // package path -> bool

func isDir(name string) bool {
	fi, err := os.Stat(filepath.FromSlash(name))
	return err == nil && fi.IsDir()
}
