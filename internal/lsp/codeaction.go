package lsp

import (
	"path/filepath"
	"slices"
)

// codeActions offers the suggested fixes of the findings that overlap the range, if the
// findings were computed on the text the editor now has.
func (s *server) codeActions(p codeActionParams) []codeAction {
	actions := []codeAction{}
	if len(p.Context.Only) > 0 && !slices.ContainsFunc(p.Context.Only, func(k string) bool {
		return k == "quickfix" || k == ""
	}) {
		return actions
	}
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.units[filepath.Dir(path)]
	if u == nil || !s.fresh(u, path) {
		return actions
	}
	for _, f := range u.findings[path] {
		if !overlaps(f.diag.Range, p.Range) {
			continue
		}
		for _, fx := range f.fixes {
			edit := workspaceEdit{Changes: map[string][]textEdit{}}
			ok := true
			for file, edits := range fx.edits {
				if !s.fresh(u, file) {
					ok = false
					break
				}
				edit.Changes[fileURI(file)] = edits
			}
			if ok {
				actions = append(actions, codeAction{Title: fx.title, Kind: "quickfix",
					Diagnostics: []diagnostic{f.diag}, IsPreferred: len(f.fixes) == 1, Edit: edit})
			}
		}
	}
	return actions
}

// fresh reports whether the findings of u hold for file as the editor has it now: an open
// file has not changed since the run. s.mu is held.
func (s *server) fresh(u *unit, file string) bool {
	doc := s.docs[file]
	if doc == nil {
		return true
	}
	v, ok := u.versions[file]
	return ok && v == doc.version
}

func overlaps(a, b lspRange) bool {
	return !before(b.End, a.Start) && !before(a.End, b.Start)
}
