// Package tokenlog defines an analyzer that reports tokens and Authorization headers that reach a log.
package tokenlog

const doc = `report tokens and Authorization headers that reach a log

The check reports an OAuth access, refresh or ID token, an Authorization header, a request
dump or a whole request or header map that reaches a log: log, log/slog (attributes and
With too), fmt.Print* (stdout) and fmt.Fprint* to os.Stdout or os.Stderr, zap and its
SugaredLogger, zerolog, logrus, logr, klog, glog, go-hclog (the Logger interface, its
key-value pairs and With), charmbracelet/log, testing.T/B, and the model's context through
mcp-go's NewToolResultText. It follows the value through variables, concatenation, fmt.Sprintf,
strings functions, struct fields, slices, maps, closures, context values, errors built
with fmt.Errorf or errors.New that are then logged, and helper functions in the same or
another package.

Anyone who can read the logs (or the CI output, or the model) can replay the token. In a
stdio MCP server stdout is the protocol channel to the client, and MCP hosts keep a
server's stderr in log files.

Metadata is not reported: tok.Expiry, tok.TokenType, tok.Type(), tok.Valid(), scopes, the
request's method and path. Nor are sanitized values: len(tok), a hash, a short prefix or
suffix such as tok[:6], the result of a function that returns a fixed mask, functions listed
as [[flow.sanitizer]] in rules.toml, headers after h.Del("Authorization") or after
Authorization is set to a mask (also on a clone, or over header names from configuration),
the user of a Basic credential, the scheme of an Authorization header, and headers other
than Authorization, Proxy-Authorization, Cookie and the API key headers. A token written to
a file or returned in an HTTP response is not a log, and neither is a token printed alone to
stdout (or as a "password=" line) by a program that is no MCP server: that is a command
whose job is to print it for another program (a credential helper, a "token" subcommand).
A test-support package (one of its non-test files imports testing: a mock server, test
helpers) handles the fake tokens of tests: only what it writes to the test log is reported.
An outgoing request built with http.NewRequest carries only the headers the code gives it.

Bad:

	tok, err := cfg.Exchange(ctx, code)
	log.Printf("got token %+v", tok)

Good:

	log.Printf("got token, expires %s", tok.Expiry)

Add your own logger to rules.toml as a [[flow.sink]] with check = "tokenlog".`
