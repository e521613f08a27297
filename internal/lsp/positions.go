package lsp

import (
	"go/token"
	"os"
	"sort"
	"unicode/utf16"
	"unicode/utf8"
)

// Positions: go/token offsets and (line, byte column) pairs to LSP positions, whose
// characters are UTF-16 code units, and back.

// converter maps go/token positions to LSP positions (0-based lines, UTF-16 columns) in the
// text the analysis saw: the overlay for open files, the disk for the others.
type converter struct {
	overlay map[string][]byte
	texts   map[string][]byte
	lines   map[string][]int
}

func newConverter(overlay map[string][]byte) *converter {
	return &converter{overlay: overlay, texts: map[string][]byte{}, lines: map[string][]int{}}
}

func (c *converter) text(file string) []byte {
	if t, ok := c.overlay[file]; ok {
		return t
	}
	t, ok := c.texts[file]
	if !ok {
		t, _ = os.ReadFile(file)
		c.texts[file] = t
	}
	return t
}

// offsetPos converts a byte offset in file to an LSP position.
func (c *converter) offsetPos(file string, off int) position {
	text := c.text(file)
	starts, ok := c.lines[file]
	if !ok {
		starts = lineStarts(text)
		c.lines[file] = starts
	}
	off = max(0, min(off, len(text)))
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > off }) - 1
	return position{Line: line, Character: utf16Len(text[starts[line]:off])}
}

// lineColPos converts a 1-based line and byte column in file to an LSP position.
func (c *converter) lineColPos(file string, line, col int) position {
	text := c.text(file)
	starts := lineStarts(text)
	if line < 1 {
		return position{}
	}
	if line > len(starts) {
		line = len(starts)
	}
	off := starts[line-1] + max(col-1, 0)
	return c.offsetPos(file, off)
}

func lineStarts(text []byte) []int {
	starts := []int{0}
	for i, b := range text {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		n += utf16.RuneLen(r) // an invalid byte decodes as U+FFFD: one unit
	}
	return n
}

// tokenRange converts pos..end to a file name and LSP range; an invalid or foreign end
// makes an empty range at pos.
func (c *converter) tokenRange(fset *token.FileSet, pos, end token.Pos) (string, lspRange, bool) {
	tf := fset.File(pos)
	if tf == nil || int(pos) < tf.Base() || int(pos) > tf.Base()+tf.Size() {
		return "", lspRange{}, false
	}
	file := tf.Name()
	start := c.offsetPos(file, tf.Offset(pos))
	r := lspRange{Start: start, End: start}
	if end.IsValid() && end > pos && int(end) <= tf.Base()+tf.Size() {
		r.End = c.offsetPos(file, tf.Offset(end))
	}
	return file, r, true
}

func before(a, b position) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Character < b.Character
}

// applyChange applies one didChange content change: the whole text, or a range.
func applyChange(text []byte, c contentChange) []byte {
	if c.Range == nil {
		return []byte(c.Text)
	}
	start, end := offsetOf(text, c.Range.Start), offsetOf(text, c.Range.End)
	if end < start {
		start, end = end, start
	}
	out := make([]byte, 0, len(text)-(end-start)+len(c.Text))
	out = append(out, text[:start]...)
	out = append(out, c.Text...)
	return append(out, text[end:]...)
}

// offsetOf converts an LSP position to a byte offset in text, clamped to the line.
func offsetOf(text []byte, p position) int {
	starts := lineStarts(text)
	if p.Line >= len(starts) {
		return len(text)
	}
	off := starts[p.Line]
	for units := 0; off < len(text) && text[off] != '\n' && units < p.Character; {
		r, size := utf8.DecodeRune(text[off:])
		units += utf16.RuneLen(r)
		off += size
	}
	return off
}
