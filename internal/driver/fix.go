package driver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/format"
	"io"
	"log"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis/checker"
)

// applyFixes applies the first suggested fix of each diagnostic of the root actions (-fix),
// or prints the change as a unified diff (-diff). A fix is applied whole or not at all: one
// whose edits overlap edits already taken is skipped (an identical edit, such as the same
// import added twice, is taken once), and so is one that touches a generated file. Each
// changed file is gofmt'ed.
func applyFixes(graph *checker.Graph, diff bool, w io.Writer) error {
	type fileEdit struct {
		start, end int
		new        string
	}
	edits := map[string][]fileEdit{}
	size := map[string]int{}
	total, applied := 0, 0
	generated := map[string]bool{}
	for _, act := range graph.Roots {
		if act.Err != nil {
			continue
		}
		fset := act.Package.Fset
		for _, f := range act.Package.Syntax {
			generated[fset.File(f.FileStart).Name()] = ast.IsGenerated(f)
		}
	fixes:
		for _, d := range act.Diagnostics {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			for _, alt := range d.SuggestedFixes[1:] {
				log.Printf("%s: ignoring alternative fix %q", act, alt.Message)
			}
			total++
			next := map[string][]fileEdit{}
			for _, e := range d.SuggestedFixes[0].TextEdits {
				tf := fset.File(e.Pos)
				if tf == nil || generated[tf.Name()] {
					continue fixes
				}
				size[tf.Name()] = tf.Size()
				fe := fileEdit{tf.Offset(e.Pos), tf.Offset(cmp.Or(e.End, e.Pos)), string(e.NewText)}
				if slices.Contains(edits[tf.Name()], fe) {
					continue // taken with an earlier fix
				}
				for _, prev := range slices.Concat(edits[tf.Name()], next[tf.Name()]) {
					if fe.start < prev.end && prev.start < fe.end || fe.start == prev.start && fe.end == prev.end ||
						fe.start == fe.end && fe.start == prev.start || prev.start == prev.end && prev.start == fe.start {
						continue fixes // conflict: skip the whole fix
					}
				}
				next[tf.Name()] = append(next[tf.Name()], fe)
			}
			for name, es := range next {
				edits[name] = append(edits[name], es...)
			}
			applied++
		}
	}
	files := slices.Sorted(func(yield func(string) bool) {
		for name := range edits {
			if !yield(name) {
				return
			}
		}
	})
	updated := 0
	for _, name := range files {
		old, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		if len(old) != size[name] {
			return fmt.Errorf("%s changed while it was analysed (%d bytes, now %d); no fix applied", name, size[name], len(old))
		}
		es := edits[name]
		slices.SortStableFunc(es, func(a, b fileEdit) int { return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end)) })
		var buf bytes.Buffer
		last := 0
		for _, e := range es {
			buf.Write(old[last:e.start])
			buf.WriteString(e.new)
			last = e.end
		}
		buf.Write(old[last:])
		fixed := buf.Bytes()
		if formatted, err := format.Source(fixed); err == nil {
			fixed = formatted
		}
		if diff {
			io.WriteString(w, unified(name+" (old)", name+" (new)", string(old), string(fixed)))
			continue
		}
		if err := os.WriteFile(name, fixed, 0o644); err != nil {
			log.Print(err)
			continue
		}
		updated++
	}
	if skipped := total - applied; skipped > 0 || !diff && updated < len(files) {
		if diff {
			return fmt.Errorf("%d of %d fixes skipped (e.g. due to conflicts)", skipped, total)
		}
		return fmt.Errorf("applied %d of %d fixes; %d files updated. (Re-run the command to apply more.)", applied, total, updated)
	}
	return nil
}
