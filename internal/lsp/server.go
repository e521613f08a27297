// Package lsp is oauthvet's language server: it speaks LSP 3.17 over a stream (stdio for
// `oauthvet lsp`), analyses the package of each Go file the editor opens or saves with
// oauthvet's analyzers, publishes their findings as diagnostics, offers their suggested
// fixes as quick fixes, and reports errors in oauthvet.toml on that file. It runs next to
// gopls, which cannot load third-party analyzers.
package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"golang.org/x/tools/go/analysis"
)

// Serve runs the language server on in and out until the client sends exit (after
// shutdown: nil; without it: an error), the input ends, or ctx is done. analyzers are the
// analyzers to run, as all.Analyzers() returns them: the config analyzer named "oauthvet"
// and the checks that require it. Logs go to standard error; they never hold file contents.
func Serve(ctx context.Context, in io.Reader, out io.Writer, analyzers []*analysis.Analyzer) error {
	return Options{Analyzers: analyzers}.Serve(ctx, in, out)
}

// Options configures a server.
type Options struct {
	Analyzers []*analysis.Analyzer
	// Severity gives a diagnostic's severity from its analyzer and category; nil means
	// the registry's (analyzers/all): a check's sub-rule's severity, warning if unknown.
	Severity func(analyzer, category string) Severity
	Debounce time.Duration // how long edits settle before a run; 0 means 250ms
	Log      io.Writer     // nil means os.Stderr
	Version  string        // reported in serverInfo
}

// Serve runs a server with these options; see the package-level Serve.
func (o Options) Serve(ctx context.Context, in io.Reader, out io.Writer) error {
	if o.Debounce == 0 {
		o.Debounce = 250 * time.Millisecond
	}
	if o.Log == nil {
		o.Log = os.Stderr
	}
	if o.Severity == nil {
		o.Severity = registrySeverity
	}
	ctx, cancel := context.WithCancel(ctx)
	s := &server{
		opts:    o,
		ctx:     ctx,
		w:       &writer{out: out},
		log:     log.New(o.Log, "oauthvet lsp: ", 0),
		docs:    map[string]*document{},
		units:   map[string]*unit{},
		probes:  map[string]*probe{},
		cfgErrs: map[string]*configError{},
		sem:     make(chan struct{}, 1),
	}
	for _, a := range o.Analyzers {
		if a.Name == configAnalyzerName {
			s.configAnalyzer = a
		}
	}
	defer func() {
		cancel()
		s.stopAll()
		s.jobs.Wait()
	}()

	msgs := make(chan []byte)
	readErr := make(chan error, 1)
	go func() {
		r := bufio.NewReader(in)
		for {
			body, err := readMessage(r)
			if err != nil {
				readErr <- err
				return
			}
			select {
			case msgs <- body:
			case <-ctx.Done():
				return
			}
		}
	}()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case err := <-readErr:
			if errors.Is(err, io.EOF) {
				if s.isShutdown() {
					return nil
				}
				return errors.New("lsp: input closed before shutdown and exit")
			}
			return err
		case body := <-msgs:
			if done, err := s.handle(body); done {
				return err
			}
		}
	}
}

type server struct {
	opts           Options
	ctx            context.Context
	w              *writer
	log            *log.Logger
	configAnalyzer *analysis.Analyzer
	sem            chan struct{} // one analysis at a time: the machine is the user's
	jobs           sync.WaitGroup

	mu          sync.Mutex
	initialized bool
	shutdown    bool
	watch       bool                    // the client lets us register file watchers
	docs        map[string]*document    // open files by absolute name (Go files and configs)
	units       map[string]*unit        // package directories with an open Go file
	probes      map[string]*probe       // config files being validated
	cfgErrs     map[string]*configError // the config errors on show, by file
}

// document is an open file as the editor holds it.
type document struct {
	text    []byte
	version int
}

// unit is a package directory: its scheduled run and its last published findings.
type unit struct {
	job
	findings  map[string][]finding // by file; the files shown with findings
	versions  map[string]int       // versions of open files the findings were computed on
	configErr *configError         // the config error of the last run, told to the user
}

// probe is a config file's scheduled validation.
type probe struct{ job }

// job is a debounced piece of work: each schedule bumps gen, and only the run with the
// latest gen may publish, so a slow old run never overwrites a newer one.
type job struct {
	gen    int
	timer  *time.Timer
	cancel context.CancelFunc
}

func (s *server) isShutdown() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.shutdown
}

// handle processes one message; done is true when the server must stop.
func (s *server) handle(body []byte) (done bool, err error) {
	var msg incoming
	defer func() {
		if r := recover(); r != nil {
			s.log.Printf("internal error handling %s, in %s", msg.Method, panicSite())
			if len(msg.ID) > 0 {
				s.w.replyError(msg.ID, codeInternalError, "internal error")
			}
		}
	}()
	if err := json.Unmarshal(body, &msg); err != nil {
		s.w.replyError(nil, codeParseError, "invalid JSON")
		return false, nil
	}
	isRequest := len(msg.ID) > 0 && string(msg.ID) != "null"
	if msg.Method == "" {
		return false, nil // a response to one of our requests
	}
	if msg.Method == "exit" {
		if s.isShutdown() {
			return true, nil
		}
		return true, errors.New("lsp: exit before shutdown")
	}
	s.mu.Lock()
	initialized, shutdown := s.initialized, s.shutdown
	s.mu.Unlock()
	switch {
	case msg.Method == "initialize" && isRequest:
		if initialized {
			s.w.replyError(msg.ID, codeInvalidRequest, "initialize sent twice")
			return false, nil
		}
	case !initialized:
		if isRequest {
			s.w.replyError(msg.ID, codeServerNotInitialized, "the server is not initialized")
		}
		return false, nil
	case shutdown:
		if isRequest {
			s.w.replyError(msg.ID, codeInvalidRequest, "the server is shut down")
		}
		return false, nil
	}
	result, rerr := s.dispatch(msg.Method, msg.Params)
	if !isRequest {
		if rerr != nil && rerr.Code != codeMethodNotFound {
			s.log.Printf("%s: %s", msg.Method, rerr.Message)
		}
		return false, nil
	}
	if rerr != nil {
		s.w.replyError(msg.ID, rerr.Code, rerr.Message)
	} else {
		s.w.reply(msg.ID, result)
	}
	return false, nil
}

func invalidParams(err error) *rpcError {
	return &rpcError{Code: codeInvalidParams, Message: "invalid params: " + err.Error()}
}

// dispatch runs a method; params are decoded here so that no handler sees raw JSON.
func (s *server) dispatch(method string, params json.RawMessage) (any, *rpcError) {
	decode := func(v any) *rpcError {
		if len(params) == 0 || string(params) == "null" {
			return invalidParams(errors.New("missing"))
		}
		if err := json.Unmarshal(params, v); err != nil {
			return invalidParams(err)
		}
		return nil
	}
	switch method {
	case "initialize":
		var p initializeParams
		if len(params) > 0 {
			if err := json.Unmarshal(params, &p); err != nil {
				return nil, invalidParams(err)
			}
		}
		s.mu.Lock()
		s.initialized = true
		s.watch = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
		s.mu.Unlock()
		return initializeResult(s.opts.Version), nil
	case "initialized":
		s.mu.Lock()
		watch := s.watch
		s.mu.Unlock()
		if watch {
			s.watchFiles() // a request: only once the client has our initialize result
		}
		return nil, nil
	case "shutdown":
		s.mu.Lock()
		s.shutdown = true
		s.mu.Unlock()
		s.stopAll()
		return nil, nil
	case "textDocument/didOpen":
		var p didOpenParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didOpen(p)
	case "textDocument/didChange":
		var p didChangeParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didChange(p)
	case "textDocument/didSave":
		var p didSaveParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didSave(p)
	case "textDocument/didClose":
		var p didCloseParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didClose(p)
	case "workspace/didChangeWatchedFiles":
		var p didChangeWatchedFilesParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		s.didChangeWatchedFiles(p)
	case "textDocument/codeAction":
		var p codeActionParams
		if err := decode(&p); err != nil {
			return nil, err
		}
		return s.codeActions(p), nil
	default:
		return nil, &rpcError{Code: codeMethodNotFound, Message: "method not found: " + method}
	}
	return nil, nil
}

// watchFiles asks the client to tell the server about config files and Go files changed
// on disk by other programs (a git checkout, a formatter).
func (s *server) watchFiles() {
	s.w.write(request{JSONRPC: "2.0", ID: "oauthvet-watch", Method: "client/registerCapability",
		Params: map[string]any{"registrations": []any{map[string]any{
			"id": "oauthvet-watch", "method": "workspace/didChangeWatchedFiles",
			"registerOptions": map[string]any{"watchers": []any{
				map[string]any{"globPattern": "**/" + configFileName},
				map[string]any{"globPattern": "**/*.go"},
			}},
		}}}})
}

func isGoFile(path string) bool { return strings.HasSuffix(path, ".go") }

func (s *server) didOpen(p didOpenParams) {
	path := uriPath(p.TextDocument.URI)
	if path == "" || !isGoFile(path) && !isConfigFile(path) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.docs[path] = &document{text: []byte(p.TextDocument.Text), version: p.TextDocument.Version}
	s.fileTouched(path, true)
}

func (s *server) didChange(p didChangeParams) {
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	doc := s.docs[path]
	if doc == nil {
		return
	}
	for _, c := range p.ContentChanges {
		doc.text = applyChange(doc.text, c)
	}
	doc.version = p.TextDocument.Version
	if isConfigFile(path) {
		s.scheduleProbe(path) // validate the unsaved text as it is typed
	}
	// A Go file is analysed again on save: the next run sees this text as an overlay.
}

func (s *server) didSave(p didSaveParams) {
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	if doc := s.docs[path]; doc != nil && p.Text != nil {
		doc.text = []byte(*p.Text)
	}
	s.fileTouched(path, true)
}

func (s *server) didClose(p didCloseParams) {
	path := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.docs[path]; !ok {
		return
	}
	delete(s.docs, path)
	switch {
	case isConfigFile(path):
		s.scheduleProbe(path) // from now on the file on disk is what counts
	case isGoFile(path):
		dir := filepath.Dir(path)
		if s.openIn(dir) {
			s.scheduleUnit(dir) // the closed file's unsaved edits are gone
		} else {
			s.dropUnit(dir)
		}
	}
}

func (s *server) didChangeWatchedFiles(p didChangeWatchedFilesParams) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range p.Changes {
		if path := uriPath(c.URI); path != "" {
			s.fileTouched(path, false)
		}
	}
}

// fileTouched schedules what a saved, opened or changed-on-disk file calls for. A config
// file re-runs every open package (their rules may have changed) and is validated itself;
// a Go file re-runs its package if it is open (or was just opened).
func (s *server) fileTouched(path string, open bool) {
	switch {
	case isConfigFile(path):
		s.scheduleProbe(path)
		for dir := range s.units {
			s.scheduleUnit(dir)
		}
	case isGoFile(path):
		dir := filepath.Dir(path)
		if _, ok := s.units[dir]; ok || open && s.docs[path] != nil {
			s.scheduleUnit(dir)
		}
	}
}

// openIn reports whether a Go file in dir is open. s.mu is held.
func (s *server) openIn(dir string) bool {
	for p := range s.docs {
		if isGoFile(p) && filepath.Dir(p) == dir {
			return true
		}
	}
	return false
}
