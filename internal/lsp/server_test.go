package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/all"
)

// slowStarted receives when httpissuer starts sleeping on "SLOW".
var slowStarted = make(chan struct{}, 1)

// httpissuer is a test-only check with a suggested fix and related information: a string
// literal "http://…" gets the fix "https://…", related to the package clause. A literal
// "SLOW" makes it sleep, so that a test can hold a run back.
var httpissuer = &analysis.Analyzer{
	Name:     "httpissuer",
	Doc:      "test analyzer: plain-http issuer URLs",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run: func(pass *analysis.Pass) (any, error) {
		ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
		ins.Preorder([]ast.Node{(*ast.BasicLit)(nil)}, func(n ast.Node) {
			lit := n.(*ast.BasicLit)
			if lit.Value == `"SLOW"` {
				select {
				case slowStarted <- struct{}{}:
				default:
				}
				time.Sleep(3 * time.Second)
				pass.Reportf(lit.Pos(), "slow run")
				return
			}
			if !strings.HasPrefix(lit.Value, `"http://`) {
				return
			}
			file := pass.Fset.File(lit.Pos())
			var pkgClause ast.Node
			for _, f := range pass.Files {
				if pass.Fset.File(f.Pos()) == file {
					pkgClause = f.Name
				}
			}
			pass.Report(analysis.Diagnostic{
				Pos: lit.Pos(), End: lit.End(),
				Message: "issuer over plain http",
				Related: []analysis.RelatedInformation{{Pos: pkgClause.Pos(), End: pkgClause.End(), Message: "in this package"}},
				SuggestedFixes: []analysis.SuggestedFix{{
					Message:   "use https",
					TextEdits: []analysis.TextEdit{{Pos: lit.Pos() + 1, End: lit.Pos() + 5, NewText: []byte("https")}},
				}},
			})
		})
		return nil, nil
	},
}

const agentSrc = `package agent

import (
	"context"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{TokenURL: "https://as.example.com/token"}}

var issuer = "http://as.example.com"

func exchange(ctx context.Context, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code)
}

func password(ctx context.Context) (*oauth2.Token, error) {
	return cfg.PasswordCredentialsToken(ctx, "user", "pass")
}
`

// The same file once the fix is applied and the exchange sends a PKCE verifier.
const agentFixed = `package agent

import (
	"context"

	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{TokenURL: "https://as.example.com/token"}}

var issuer = "https://as.example.com"

func exchange(ctx context.Context, code, verifier string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.VerifierOption(verifier))
}

func password(ctx context.Context) (*oauth2.Token, error) {
	return cfg.PasswordCredentialsToken(ctx, "user", "pass")
}
`

// brokenSrc does not type-check (and its last function does not parse).
const brokenSrc = `package broken

import "golang.org/x/oauth2"

var cfg = &oauth2.Config{ClientID: 42}

func authURL() string {
	return cfg.AuthCodeURL("state") + undefined
}

func (
`

const plainSrc = `package plain

//oauthvet:ignore pkce
var issuer = "http://as.example.com"
`

const ignoredSrc = `//go:build never

package plain

var other = "http://as.example.com"
`

// newModule makes a module like the testdata one (it requires the real OAuth libraries)
// in a temporary directory, with the files given.
func newModule(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	dir, err := filepath.EvalSymlinks(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"go.mod", "go.sum"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(data)
	}
	for name, text := range files {
		writeFile(t, filepath.Join(dir, name), text)
	}
	return dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// client is a scripted LSP client talking to a server over pipes.
type client struct {
	t      *testing.T
	in     *io.PipeWriter // the server's input
	out    *io.PipeReader // the server's output
	served chan error
	nextID int

	mu        sync.Mutex
	cond      *sync.Cond
	responses map[string]wireMessage
	diags     map[string][]publishDiagnosticsParams // unread publications by URI
	requests  []wireMessage                         // requests from the server
	readErr   error
}

type wireMessage struct {
	ID     json.RawMessage `json:"id"`
	Method string          `json:"method"`
	Params json.RawMessage `json:"params"`
	Result json.RawMessage `json:"result"`
	Error  *rpcError       `json:"error"`
}

type logWriter struct{ t *testing.T }

func (w logWriter) Write(p []byte) (int, error) {
	w.t.Logf("server log: %s", strings.TrimSpace(string(p)))
	return len(p), nil
}

func startServer(t *testing.T, analyzers []*analysis.Analyzer) *client {
	t.Helper()
	inR, inW := io.Pipe()
	outR, outW := io.Pipe()
	c := &client{t: t, in: inW, out: outR, served: make(chan error, 1),
		responses: map[string]wireMessage{}, diags: map[string][]publishDiagnosticsParams{}}
	c.cond = sync.NewCond(&c.mu)
	opts := Options{Analyzers: analyzers, Debounce: 50 * time.Millisecond, Log: logWriter{t}, Version: "test"}
	go func() {
		err := opts.Serve(context.Background(), inR, outW)
		outW.Close()
		c.served <- err
	}()
	go c.readLoop()
	t.Cleanup(func() {
		inW.Close()
		select {
		case <-c.served:
		case <-time.After(time.Minute):
			t.Error("server did not stop")
		}
	})
	return c
}

func (c *client) readLoop() {
	r := bufio.NewReader(c.out)
	for {
		body, err := readMessage(r)
		c.mu.Lock()
		if err != nil {
			c.readErr = err
			c.cond.Broadcast()
			c.mu.Unlock()
			return
		}
		var m wireMessage
		if err := json.Unmarshal(body, &m); err != nil {
			c.readErr = err
		}
		switch {
		case m.Method == "textDocument/publishDiagnostics":
			var p publishDiagnosticsParams
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.readErr = err
			}
			if p.Diagnostics == nil {
				c.readErr = fmt.Errorf("diagnostics for %s are null, not []", p.URI)
			}
			c.diags[p.URI] = append(c.diags[p.URI], p)
		case m.Method != "":
			c.requests = append(c.requests, m)
		default:
			c.responses[string(m.ID)] = m
		}
		c.cond.Broadcast()
		c.mu.Unlock()
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	body, err := json.Marshal(v)
	if err != nil {
		c.t.Fatal(err)
	}
	if _, err := fmt.Fprintf(c.in, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatal(err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// call sends a request and waits for its response.
func (c *client) call(method string, params any) wireMessage {
	c.t.Helper()
	c.nextID++
	id := fmt.Sprint(c.nextID)
	c.send(map[string]any{"jsonrpc": "2.0", "id": c.nextID, "method": method, "params": params})
	var m wireMessage
	c.wait(10*time.Second, func() bool {
		var ok bool
		m, ok = c.responses[id]
		return ok
	}, "response to "+method)
	return m
}

// wait waits until cond (called with c.mu held) is true.
func (c *client) wait(timeout time.Duration, cond func() bool, what string) {
	c.t.Helper()
	timer := time.AfterFunc(timeout, func() {
		c.mu.Lock()
		c.cond.Broadcast()
		c.mu.Unlock()
	})
	defer timer.Stop()
	deadline := time.Now().Add(timeout)
	c.mu.Lock()
	defer c.mu.Unlock()
	for !cond() {
		if c.readErr != nil {
			c.t.Fatalf("waiting for %s: %v", what, c.readErr)
		}
		if time.Now().After(deadline) {
			c.t.Fatalf("no %s within %v", what, timeout)
		}
		c.cond.Wait()
	}
}

// nextDiags waits for the next publication for file.
func (c *client) nextDiags(file string) []diagnostic {
	c.t.Helper()
	return c.nextPublish(file).Diagnostics
}

// nextPublish waits for the next publication for file.
func (c *client) nextPublish(file string) publishDiagnosticsParams {
	c.t.Helper()
	uri := fileURI(file)
	var p publishDiagnosticsParams
	c.wait(3*time.Minute, func() bool {
		if q := c.diags[uri]; len(q) > 0 {
			p, c.diags[uri] = q[0], q[1:]
			return true
		}
		return false
	}, "diagnostics for "+filepath.Base(file))
	return p
}

// serverRequest waits for a request or notification (other than diagnostics) from the
// server.
func (c *client) serverRequest(method string) wireMessage {
	c.t.Helper()
	var m wireMessage
	c.wait(3*time.Minute, func() bool {
		for i, r := range c.requests {
			if r.Method == method {
				m = r
				c.requests = append(c.requests[:i], c.requests[i+1:]...)
				return true
			}
		}
		return false
	}, method)
	return m
}

// noDiags checks that nothing was published for file.
func (c *client) noDiags(file string) {
	c.t.Helper()
	c.mu.Lock()
	defer c.mu.Unlock()
	if q := c.diags[fileURI(file)]; len(q) > 0 {
		c.t.Errorf("unexpected diagnostics for %s: %v", filepath.Base(file), summary(q[0].Diagnostics))
	}
}

// summary renders diagnostics as "line:code" (1-based lines), sorted.
func summary(ds []diagnostic) string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%d:%s", d.Range.Start.Line+1, d.Code))
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

func (c *client) open(file, text string, version int) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{
		"uri": fileURI(file), "languageId": "go", "version": version, "text": text}})
}

func (c *client) change(file, text string, version int) {
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": fileURI(file), "version": version},
		"contentChanges": []any{map[string]any{"text": text}}})
}

func (c *client) save(file string) {
	c.notify("textDocument/didSave", map[string]any{"textDocument": map[string]any{"uri": fileURI(file)}})
}

func (c *client) codeActions(file string, r lspRange) []codeAction {
	c.t.Helper()
	m := c.call("textDocument/codeAction", map[string]any{
		"textDocument": map[string]any{"uri": fileURI(file)}, "range": r,
		"context": map[string]any{"diagnostics": []any{}}})
	if m.Error != nil {
		c.t.Fatalf("codeAction: %v", m.Error)
	}
	var actions []codeAction
	if err := json.Unmarshal(m.Result, &actions); err != nil || actions == nil {
		c.t.Fatalf("codeAction result %s: %v", m.Result, err)
	}
	return actions
}

func (c *client) initialize() map[string]any {
	c.t.Helper()
	return c.initializeWith(map[string]any{})
}

func (c *client) initializeWith(capabilities map[string]any) map[string]any {
	c.t.Helper()
	m := c.call("initialize", map[string]any{"processId": nil, "rootUri": nil, "capabilities": capabilities})
	if m.Error != nil {
		c.t.Fatalf("initialize: %v", m.Error)
	}
	var res struct {
		Capabilities map[string]any `json:"capabilities"`
	}
	if err := json.Unmarshal(m.Result, &res); err != nil {
		c.t.Fatal(err)
	}
	c.notify("initialized", map[string]any{})
	return res.Capabilities
}

func (c *client) shutdownExit() {
	c.t.Helper()
	if m := c.call("shutdown", nil); m.Error != nil || string(m.Result) != "null" {
		c.t.Fatalf("shutdown: %s %v", m.Result, m.Error)
	}
	c.notify("exit", nil)
	select {
	case err := <-c.served:
		c.served <- err // for Cleanup
		if err != nil {
			c.t.Fatalf("Serve after shutdown and exit: %v", err)
		}
	case <-time.After(time.Minute):
		c.t.Fatal("Serve did not return after exit")
	}
}

// applyEdits applies LSP edits (non-overlapping) to text.
func applyEdits(text string, edits []textEdit) string {
	sort.Slice(edits, func(i, j int) bool { return before(edits[j].Range.Start, edits[i].Range.Start) })
	b := []byte(text)
	for _, e := range edits {
		start, end := offsetOf(b, e.Range.Start), offsetOf(b, e.Range.End)
		b = append(b[:start:start], append([]byte(e.NewText), b[end:]...)...)
	}
	return string(b)
}

// TestSession drives one editing session: open, diagnostics, a quick fix, edit and save,
// a broken config, a package that does not type-check, close, shutdown and exit.
func TestSession(t *testing.T) {
	mod := newModule(t, map[string]string{"agent/agent.go": agentSrc, "broken/broken.go": brokenSrc, "plain/plain.go": plainSrc, "plain/ignored.go": ignoredSrc})
	agent := filepath.Join(mod, "agent", "agent.go")
	c := startServer(t, append(all.Analyzers(), httpissuer))

	caps := c.initialize()
	syncCap, _ := caps["textDocumentSync"].(map[string]any)
	if syncCap["openClose"] != true || syncCap["change"] != 1.0 || syncCap["save"] == nil || caps["codeActionProvider"] == nil {
		t.Fatalf("capabilities: %v", caps)
	}
	if m := c.call("textDocument/hover", map[string]any{}); m.Error == nil || m.Error.Code != codeMethodNotFound {
		t.Errorf("unknown request: got %s %v, want MethodNotFound", m.Result, m.Error)
	}
	c.notify("$/setTrace", map[string]any{"value": "off"}) // ignored

	// Open: the package's findings, with codes, docs links and related information.
	c.open(agent, agentSrc, 1)
	pub := c.nextPublish(agent)
	if pub.Version == nil || *pub.Version != 1 {
		t.Errorf("published for version %v, want 1", pub.Version)
	}
	diags := pub.Diagnostics
	if got, want := summary(diags), "11:httpissuer 14:pkce 18:legacygrant"; got != want {
		t.Fatalf("diagnostics on open: %s, want %s", got, want)
	}
	for _, d := range diags {
		if d.Source != "oauthvet" || d.Severity != SeverityWarning || d.Message == "" ||
			d.CodeDescription == nil || d.CodeDescription.Href != all.DocsBase+d.Code+".md" {
			t.Errorf("diagnostic %+v", d)
		}
		switch d.Code {
		case "pkce":
			if d.Range != (lspRange{Start: position{13, 8}, End: position{13, 31}}) {
				t.Errorf("pkce range %+v", d.Range)
			}
		case "httpissuer":
			rel := d.RelatedInformation
			if len(rel) != 1 || rel[0].Location.URI != fileURI(agent) || rel[0].Location.Range.Start != (position{0, 8}) || rel[0].Message != "in this package" {
				t.Errorf("related information %+v", rel)
			}
		}
	}

	// A quick fix for the finding under the cursor, none elsewhere.
	if actions := c.codeActions(agent, lspRange{Start: position{17, 0}, End: position{17, 1}}); len(actions) != 0 {
		t.Errorf("code actions away from any fix: %+v", actions)
	}
	actions := c.codeActions(agent, lspRange{Start: position{10, 16}, End: position{10, 16}})
	if len(actions) != 1 || actions[0].Kind != "quickfix" || actions[0].Title != "use https" ||
		len(actions[0].Diagnostics) != 1 || actions[0].Diagnostics[0].Code != "httpissuer" {
		t.Fatalf("code actions: %+v", actions)
	}
	fixed := applyEdits(agentSrc, actions[0].Edit.Changes[fileURI(agent)])
	if !strings.Contains(fixed, `var issuer = "https://as.example.com"`) {
		t.Fatalf("the fix gave:\n%s", fixed)
	}

	// Edit: fixes are withheld while the text differs from what was analysed; saving
	// analyses the editor's text and clears what is gone.
	c.change(agent, agentFixed, 2)
	if actions := c.codeActions(agent, lspRange{Start: position{10, 16}, End: position{10, 16}}); len(actions) != 0 {
		t.Errorf("stale code actions offered: %+v", actions)
	}
	writeFile(t, agent, agentFixed)
	c.save(agent)
	if got, want := summary(c.nextDiags(agent)), "18:legacygrant"; got != want {
		t.Fatalf("diagnostics after save: %s, want %s", got, want)
	}

	// Unsaved text is analysed when a save triggers a run (the overlay): the disk still
	// has agentFixed.
	c.change(agent, strings.Replace(agentFixed, `issuer = "https://`, `issuer = "http://`, 1), 3)
	c.save(agent)
	if got, want := summary(c.nextDiags(agent)), "11:httpissuer 18:legacygrant"; got != want {
		t.Fatalf("diagnostics of the editor's text: %s, want %s", got, want)
	}
	c.change(agent, agentFixed, 4)

	// A package that does not type-check or parse: an answer, and the server lives on.
	broken := filepath.Join(mod, "broken", "broken.go")
	c.open(broken, brokenSrc, 1)
	t.Logf("diagnostics of a broken package: %s", summary(c.nextDiags(broken)))
	if m := c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": fileURI(broken)},
		"range": lspRange{}, "context": map[string]any{}}); m.Error != nil {
		t.Errorf("code action on the broken file: %v", m.Error)
	}

	// Closing the last open file of a package clears its diagnostics.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": fileURI(agent)}})
	if d := c.nextDiags(agent); len(d) != 0 {
		t.Errorf("diagnostics after close: %s", summary(d))
	}
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": fileURI(broken)}})

	// A package without imports, which the config's changes re-run cheaply. The config
	// analyzer's own report links to its documentation.
	plain := filepath.Join(mod, "plain", "plain.go")
	c.open(plain, plainSrc, 1)
	pd := c.nextDiags(plain)
	if got, want := summary(pd), "3:oauthvet 4:httpissuer"; got != want {
		t.Fatalf("diagnostics of plain.go: %s, want %s", got, want)
	}
	if href := pd[0].CodeDescription; href == nil || !strings.HasPrefix(href.Href, "https://github.com/oauthvet/oauthvet") {
		t.Errorf("config analyzer's diagnostic: %+v", pd[0])
	}
	// A file the build excludes gets an answer too (none).
	ignored := filepath.Join(mod, "plain", "ignored.go")
	c.open(ignored, ignoredSrc, 1)
	if d := c.nextDiags(ignored); len(d) != 0 {
		t.Errorf("diagnostics of an excluded file: %s", summary(d))
	}
	if got, want := summary(c.nextDiags(plain)), "3:oauthvet 4:httpissuer"; got != want {
		t.Fatalf("diagnostics of plain.go: %s, want %s", got, want)
	}

	// A broken oauthvet.toml: shown on the file, found by the package's run and by
	// validating the file itself; fixed in the editor, it clears before it is saved.
	config := filepath.Join(mod, "oauthvet.toml")
	writeFile(t, config, "[secrets]\nmin_lenght = 3\n")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(config), "type": 1}}})
	cd := c.nextDiags(config)
	if len(cd) != 1 || cd[0].Range.Start != (position{1, 0}) || cd[0].Severity != SeverityError ||
		cd[0].Code != "oauthvet" || !strings.Contains(cd[0].Message, `unknown key "secrets.min_lenght"`) {
		t.Fatalf("config diagnostics: %+v", cd)
	}
	if m := c.serverRequest("window/showMessage"); !strings.Contains(string(m.Params), "oauthvet.toml has an error (line 2)") {
		t.Errorf("showMessage %s", m.Params)
	}
	c.noDiags(plain) // no check ran: what was shown stays
	c.open(config, "[secrets]\nmin_lenght = 3\n", 1)
	c.change(config, "[secrets]\nmin_length = 3\n", 2)
	if cd := c.nextDiags(config); len(cd) != 0 {
		t.Fatalf("config diagnostics after the fix: %+v", cd)
	}
	// Saved, the config re-runs the open package, whose checks run again.
	writeFile(t, config, "[secrets]\nmin_length = 3\n")
	c.save(config)
	if got, want := summary(c.nextDiags(plain)), "3:oauthvet 4:httpissuer"; got != want {
		t.Fatalf("diagnostics after the config was saved: %s, want %s", got, want)
	}

	c.shutdownExit()
	c.noDiags(plain)
}

// TestLastRunWins holds a run back (the test check sleeps on "SLOW") and saves again
// meanwhile: the older run's result must never be published.
func TestLastRunWins(t *testing.T) {
	slow := strings.Replace(plainSrc, `"http://as.example.com"`, `"SLOW"`, 1)
	mod := newModule(t, map[string]string{"plain/plain.go": slow})
	agent := filepath.Join(mod, "plain", "plain.go")
	c := startServer(t, []*analysis.Analyzer{httpissuer})
	c.initialize()
	c.open(agent, slow, 1)
	select {
	case <-slowStarted: // the first run is in the check
	case <-time.After(3 * time.Minute):
		t.Fatal("the first run did not start")
	}
	c.change(agent, plainSrc, 2)
	c.save(agent)
	if got, want := summary(c.nextDiags(agent)), "4:httpissuer"; got != want {
		t.Fatalf("first publication: %s, want %s (the newer run's)", got, want)
	}
	c.shutdownExit()
	c.noDiags(agent)
}

// TestProtocol checks the JSON-RPC layer without any analysis.
func TestProtocol(t *testing.T) {
	c := startServer(t, nil)
	if m := c.call("textDocument/codeAction", map[string]any{}); m.Error == nil || m.Error.Code != codeServerNotInitialized {
		t.Errorf("request before initialize: %s %v", m.Result, m.Error)
	}
	c.initializeWith(map[string]any{"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}}})
	if m := c.serverRequest("client/registerCapability"); !strings.Contains(string(m.Params), `"**/oauthvet.toml"`) {
		t.Errorf("registerCapability %s", m.Params)
	}
	if m := c.call("initialize", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("second initialize: %s %v", m.Result, m.Error)
	}
	if m := c.call("textDocument/codeAction", nil); m.Error == nil || m.Error.Code != codeInvalidParams {
		t.Errorf("codeAction without params: %s %v", m.Result, m.Error)
	}
	fmt.Fprintf(c.in, "Content-Length: 5\r\n\r\n{nope")
	c.wait(10*time.Second, func() bool {
		m, ok := c.responses["null"]
		return ok && m.Error != nil && m.Error.Code == codeParseError
	}, "parse error")
	if m := c.call("shutdown", nil); m.Error != nil {
		t.Fatal(m.Error)
	}
	if m := c.call("textDocument/codeAction", map[string]any{}); m.Error == nil || m.Error.Code != codeInvalidRequest {
		t.Errorf("request after shutdown: %s %v", m.Result, m.Error)
	}
	c.notify("exit", nil)
	if err := <-c.served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	c.served <- nil
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t, nil)
	c.initialize()
	c.notify("exit", nil)
	if err := <-c.served; err == nil {
		t.Error("Serve returned nil after exit without shutdown")
	}
	c.served <- nil
}

func TestPositions(t *testing.T) {
	text := []byte("a\n€x😀y\n")
	conv := newConverter(map[string][]byte{"f": text})
	// "€" is 3 bytes and 1 UTF-16 unit, "😀" 4 bytes and 2 units.
	for _, tc := range []struct {
		off  int
		want position
	}{{0, position{0, 0}}, {2, position{1, 0}}, {5, position{1, 1}}, {6, position{1, 2}}, {10, position{1, 4}}, {99, position{2, 0}}} {
		if got := conv.offsetPos("f", tc.off); got != tc.want {
			t.Errorf("offsetPos(%d) = %v, want %v", tc.off, got, tc.want)
		}
		if tc.off <= len(text) {
			if back := offsetOf(text, tc.want); back != tc.off {
				t.Errorf("offsetOf(%v) = %d, want %d", tc.want, back, tc.off)
			}
		}
	}
	got := applyChange(text, contentChange{Range: &lspRange{Start: position{1, 1}, End: position{1, 4}}, Text: "-"})
	if string(got) != "a\n€-y\n" {
		t.Errorf("applyChange: %q", got)
	}
	for _, tc := range []struct{ path, uri string }{{"/tmp/a b/x.go", "file:///tmp/a%20b/x.go"}} {
		if got := fileURI(tc.path); got != tc.uri {
			t.Errorf("fileURI(%q) = %q, want %q", tc.path, got, tc.uri)
		}
		if got := uriPath(tc.uri); got != tc.path {
			t.Errorf("uriPath(%q) = %q", tc.uri, got)
		}
	}
}

func TestParseConfigError(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want *configError
	}{
		{"/m/oauthvet.toml:2:1: unknown key \"x\"", &configError{file: "/m/oauthvet.toml", line: 2, col: 1, msg: `unknown key "x"`}},
		{"/m/oauthvet.toml: cannot read oauthvet config: denied", &configError{file: "/m/oauthvet.toml", msg: "cannot read oauthvet config: denied"}},
		{"failed prerequisites: oauthvet@x", nil},
	} {
		got := parseConfigError(fmt.Errorf("%s", tc.in))
		if (got == nil) != (tc.want == nil) || got != nil && *got != *tc.want {
			t.Errorf("parseConfigError(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}

func TestCommandArguments(t *testing.T) {
	var errOut strings.Builder
	if code := command([]string{"-x"}, nil, strings.NewReader(""), io.Discard, &errOut); code != 2 || !strings.Contains(errOut.String(), "usage: oauthvet lsp") {
		t.Errorf("unknown argument: exit %d, %q", code, errOut.String())
	}
	// --stdio is accepted; the input ends before shutdown: an error.
	if code := command([]string{"--stdio"}, nil, strings.NewReader(""), io.Discard, io.Discard); code != 1 {
		t.Errorf("closed input: exit %d, want 1", code)
	}
}

func TestRegistrySeverity(t *testing.T) {
	for _, tc := range []struct {
		analyzer, category string
		want               Severity
	}{{"hardcodedsecret", "hardcodedsecret", SeverityError}, {"pkce", "", SeverityWarning}, {"broadscope", "broadscope", SeverityInformation}, {"pkce", "ignore", SeverityWarning}, {"test", "x", SeverityWarning}} {
		if got := registrySeverity(tc.analyzer, tc.category); got != tc.want {
			t.Errorf("registrySeverity(%q, %q) = %d, want %d", tc.analyzer, tc.category, got, tc.want)
		}
	}
}
