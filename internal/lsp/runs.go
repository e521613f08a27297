package lsp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// Runs: debounced analyses of package directories and validations of config files, and
// what they publish.

// schedule (re)arms j to call run after the debounce delay and returns the new generation.
// A run of an older generation still loading is cancelled. s.mu is held.
func (s *server) schedule(j *job, run func(gen int)) {
	if s.shutdown {
		return
	}
	j.gen++
	gen := j.gen
	if j.cancel != nil {
		j.cancel()
		j.cancel = nil
	}
	if j.timer != nil && j.timer.Stop() {
		s.jobs.Done() // the pending run will not happen
	}
	s.jobs.Add(1)
	j.timer = time.AfterFunc(s.opts.Debounce, func() {
		defer s.jobs.Done()
		defer func() {
			if r := recover(); r != nil {
				s.log.Printf("internal error in a background run, in %s", panicSite())
			}
		}()
		run(gen)
	})
}

func (s *server) scheduleUnit(dir string) {
	u := s.units[dir]
	if u == nil {
		u = &unit{}
		s.units[dir] = u
	}
	s.schedule(&u.job, func(gen int) { s.runUnit(dir, u, gen) })
}

func (s *server) scheduleProbe(path string) {
	if s.configAnalyzer == nil {
		return
	}
	p := s.probes[path]
	if p == nil {
		p = &probe{}
		s.probes[path] = p
	}
	s.schedule(&p.job, func(gen int) { s.runProbe(path, p, gen) })
}

// dropUnit forgets a directory whose last open file was closed, clearing what it showed.
// s.mu is held.
func (s *server) dropUnit(dir string) {
	u := s.units[dir]
	if u == nil {
		return
	}
	u.gen++
	if u.cancel != nil {
		u.cancel()
	}
	if u.timer != nil && u.timer.Stop() {
		s.jobs.Done()
	}
	delete(s.units, dir)
	for file := range u.findings {
		s.publish(file, nil, nil)
	}
}

// stopAll cancels every scheduled and running job.
func (s *server) stopAll() {
	s.mu.Lock()
	defer s.mu.Unlock()
	jobs := []*job{}
	for _, u := range s.units {
		jobs = append(jobs, &u.job)
	}
	for _, p := range s.probes {
		jobs = append(jobs, &p.job)
	}
	for _, j := range jobs {
		j.gen++
		if j.cancel != nil {
			j.cancel()
		}
		if j.timer != nil && j.timer.Stop() {
			s.jobs.Done()
		}
	}
}

// current reports whether gen is still j's latest generation and the server runs. s.mu is
// held.
func (s *server) current(j *job, gen int) bool { return j.gen == gen && !s.shutdown }

// runUnit analyses the package in dir and publishes the findings for its files.
func (s *server) runUnit(dir string, u *unit, gen int) {
	select {
	case s.sem <- struct{}{}:
	case <-s.ctx.Done():
		return
	}
	defer func() { <-s.sem }()

	s.mu.Lock()
	if s.units[dir] != u || !s.current(&u.job, gen) {
		s.mu.Unlock()
		return
	}
	ctx, cancel := context.WithCancel(s.ctx)
	defer cancel()
	u.cancel = cancel
	overlay := map[string][]byte{}
	versions := map[string]int{}
	for p, d := range s.docs {
		if isGoFile(p) {
			overlay[p] = d.text
			versions[p] = d.version
		}
	}
	s.mu.Unlock()

	res, err := analyzeDir(ctx, dir, overlay, s.opts.Analyzers)

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.units[dir] != u || !s.current(&u.job, gen) {
		return // a newer run (or a close) superseded this one
	}
	u.cancel = nil
	if err != nil {
		s.log.Printf("loading the package in %s: %v", dir, err)
		return
	}
	for _, e := range res.errs {
		s.log.Print(e)
	}
	if res.configErr != nil {
		s.configFailed(u, res.configErr)
		return
	}
	u.configErr = nil
	if cfg := all.FindConfig(dir); cfg != "" && s.docs[cfg] == nil {
		s.showConfigError(cfg, nil)
	}
	s.applySeverity(res)
	s.showFindings(dir, u, res, versions)
}

// configFailed handles a run in which every check failed for want of rules: the findings
// on show stay, the user is told once, and the error is shown on the config file (unless
// the editor has it open: then the validation of its unsaved text speaks for it). s.mu is
// held.
func (s *server) configFailed(u *unit, ce *configError) {
	if old := u.configErr; old == nil || *old != *ce {
		s.w.notify("window/showMessage", map[string]any{"type": 1,
			"message": fmt.Sprintf("oauthvet: no check ran: %s has an error (line %d)", ce.file, ce.line)})
	}
	u.configErr = ce
	if s.docs[ce.file] == nil {
		s.showConfigError(ce.file, ce)
	}
}

// showFindings publishes a run's findings: for each file with findings, each file that
// had some (now cleared), and each open file of the package. s.mu is held.
func (s *server) showFindings(dir string, u *unit, res *result, versions map[string]int) {
	files := map[string]bool{}
	for f, fs := range res.files {
		if len(fs) > 0 {
			files[f] = true
		}
	}
	for f := range u.findings {
		files[f] = true
	}
	for f := range s.docs {
		if isGoFile(f) && filepath.Dir(f) == dir {
			files[f] = true // even one the build excludes: an answer all the same
		}
	}
	u.findings = map[string][]finding{}
	for f := range files {
		if fs := res.files[f]; len(fs) > 0 {
			u.findings[f] = fs
		}
		s.publish(f, res.files[f], versions)
	}
	u.versions = versions
}

func (s *server) applySeverity(res *result) {
	for _, fs := range res.files {
		for i := range fs {
			fs[i].diag.Severity = s.opts.Severity(fs[i].diag.Code, fs[i].category)
		}
	}
}

// publish sends the diagnostics of file (none clears them), with the version of the open
// file they were computed on, if any. s.mu is held, which orders publications.
func (s *server) publish(file string, fs []finding, versions map[string]int) {
	diags := make([]diagnostic, 0, len(fs))
	for _, f := range fs {
		diags = append(diags, f.diag)
	}
	p := publishDiagnosticsParams{URI: fileURI(file), Diagnostics: diags}
	if v, ok := versions[file]; ok {
		p.Version = &v
	}
	s.w.notify("textDocument/publishDiagnostics", p)
}

// runProbe validates the config file at path: the editor's text if it is open, else the
// file on disk.
func (s *server) runProbe(path string, p *probe, gen int) {
	s.mu.Lock()
	if s.probes[path] != p || !s.current(&p.job, gen) {
		s.mu.Unlock()
		return
	}
	var text []byte
	if doc := s.docs[path]; doc != nil {
		text = slices.Clone(doc.text)
	}
	s.mu.Unlock()

	var ce *configError
	var err error
	if text == nil {
		text, err = os.ReadFile(path)
	}
	if err == nil {
		ce, err = probeConfig(path, text, s.configAnalyzer)
	} else if errors.Is(err, os.ErrNotExist) {
		err = nil // deleted: nothing to report
	}

	s.mu.Lock()
	defer s.mu.Unlock()
	if s.probes[path] != p || !s.current(&p.job, gen) {
		return
	}
	if err != nil {
		s.log.Printf("validating %s: %v", path, err)
		return
	}
	s.showConfigError(path, ce, text)
}

// showConfigError publishes ce (nil: no error) on the config file at path if it differs
// from what is on show. text is the content the position refers to; without it the file
// is read from disk. s.mu is held.
func (s *server) showConfigError(path string, ce *configError, text ...[]byte) {
	old := s.cfgErrs[path]
	if ce == nil && old == nil || ce != nil && old != nil && *ce == *old {
		return
	}
	if ce == nil {
		delete(s.cfgErrs, path)
		s.publish(path, nil, nil)
		return
	}
	s.cfgErrs[path] = ce
	conv := newConverter(nil)
	if len(text) > 0 {
		conv.overlay = map[string][]byte{path: text[0]}
	}
	var r lspRange
	if ce.line > 0 {
		r.Start = conv.lineColPos(path, ce.line, ce.col)
		r.End = conv.lineColPos(path, ce.line+1, 0)
		if r.End.Line > r.Start.Line && r.End.Character == 0 {
			// up to the end of the line
			r.End = conv.offsetPos(path, lineEnd(conv.text(path), ce.line))
		}
	}
	d := diagnostic{
		Range:    r,
		Severity: SeverityError,
		Code:     configAnalyzerName,
		Source:   "oauthvet",
		Message:  "oauthvet config: " + ce.msg,
	}
	if s.configAnalyzer != nil && s.configAnalyzer.URL != "" {
		d.CodeDescription = &codeDescription{Href: s.configAnalyzer.URL}
	}
	s.publish(path, []finding{{diag: d}}, nil)
}

// lineEnd is the byte offset of the end of the 1-based line (before its newline).
func lineEnd(text []byte, line int) int {
	starts := lineStarts(text)
	if line >= len(starts) {
		return len(text)
	}
	return starts[line] - 1
}

// registrySeverity is the severity the registry gives a check's sub-rule, as LSP counts
// them.
func registrySeverity(analyzer, category string) Severity {
	switch all.CategoryOf(analyzer, category).Severity {
	case all.Error:
		return SeverityError
	case all.Note:
		return SeverityInformation
	}
	return SeverityWarning
}
