package catalogue

import (
	"slices"
	"strings"
)

// APIs the token-flow engine (tokenlog, tokenpassthrough, tokeninurl) models itself; the
// sources, sinks and sanitizers users can extend are in rules.toml under [flow].

// Functions and methods, as types.Func.FullName prints them.
const (
	ContextWithValue = "context.WithValue"
	ContextValue     = "(context.Context).Value"
	HeaderClone      = "(net/http.Header).Clone"
	HeaderDel        = "(net/http.Header).Del"
)

// Splitters cut a text into parts, Cutters into the text before and after a separator.
// The first part of a credential cut at one of PrefixSeps is no secret: the user of a
// Basic credential ("user:password"), the scheme of an Authorization header ("Bearer
// tok"), the header of a JWT.
var (
	Splitters  = []string{"strings.Split", "strings.SplitN", "strings.SplitAfter", "strings.SplitAfterN", "strings.Fields", "bytes.Split", "bytes.SplitN", "bytes.Fields"}
	Cutters    = []string{"strings.Cut", "bytes.Cut"}
	PrefixSeps = []string{":", " ", "."}
)

// MCPServerPkgs are the packages an MCP server is built with: a program that imports one
// (directly or not) may speak MCP on its stdout.
var MCPServerPkgs = []string{"github.com/mark3labs/mcp-go/server", "github.com/modelcontextprotocol/go-sdk/mcp"}

// OwnAuth calls and types set the server's own credential on an outgoing request: headers
// copied from the incoming request and then sent with one of them do not pass the caller's
// Authorization on.
var (
	OwnAuth = []string{
		"(*net/http.Request).SetBasicAuth", "(*golang.org/x/oauth2.Token).SetAuthHeader",
		"(*golang.org/x/oauth2.Config).Client", "golang.org/x/oauth2.NewClient",
		"(*golang.org/x/oauth2/clientcredentials.Config).Client",
		"(*golang.org/x/oauth2/jwt.Config).Client",
	}
	OAuth2Transport = TypeName{"golang.org/x/oauth2", "Transport"}
)

// NewRequests build an outgoing request: method, URL and body are their last three
// arguments.
var NewRequests = []string{"net/http.NewRequest", "net/http.NewRequestWithContext"}

// MCPClients connect to an MCP server at the URL of their first argument; their variadic
// options may set its headers (transport.WithHTTPHeaders).
var MCPClients = []string{
	"github.com/mark3labs/mcp-go/client.NewStreamableHttpClient", "github.com/mark3labs/mcp-go/client.NewSSEMCPClient",
	"github.com/mark3labs/mcp-go/client/transport.NewStreamableHTTP", "github.com/mark3labs/mcp-go/client/transport.NewSSE",
}

// Validators check a caller's token with its issuer: given the token, they use it only to
// learn whether it is valid and whose it is.
var Validators = []string{"(*github.com/coreos/go-oidc/v3/oidc.Provider).UserInfo"}

// ValidationMarks name the issuer's endpoints that check a token (OpenID Connect UserInfo,
// RFC 7662 introspection, Google's tokeninfo), in URLs and in the names of the fields,
// parameters and methods that hold those URLs.
var ValidationMarks = []string{"userinfo", "user_info", "introspect", "tokeninfo", "token_info", "validat", "verif"}

// Formatters print their arguments whole: a request or header passed to them becomes text
// that holds the Authorization header.
var Formatters = []string{
	"fmt.Sprint", "fmt.Sprintf", "fmt.Sprintln", "fmt.Errorf", "fmt.Append", "fmt.Appendf", "fmt.Appendln",
	"errors.New", "encoding/json.Marshal", "encoding/json.MarshalIndent",
}

// RequestDumps dump a request with its headers (rules.toml makes them sources); a dump of a
// request whose Authorization header was deleted carries no credential.
var RequestDumps = []string{"net/http/httputil.DumpRequest", "net/http/httputil.DumpRequestOut"}

// FmtWriters write their arguments after the first (an io.Writer) into it.
var FmtWriters = []string{"fmt.Fprint", "fmt.Fprintf", "fmt.Fprintln"}

// TextBuffers are types whose Write methods append to the text they hold.
var TextBuffers = []TypeName{{"strings", "Builder"}, {"bytes", "Buffer"}}

// TextTypes hold text by design: a call that returns one carries the secrets of its
// arguments (zap.String("token", t), slog.Any("req", r), url.Parse(u)).
var TextTypes = []TypeName{
	{"go.uber.org/zap/zapcore", "Field"},
	{"log/slog", "Attr"},
	{"log/slog", "Value"},
	{"net/url", "URL"},
	{"net/url", "Values"},
}

// URL is the type whose RawQuery field, when assigned, puts a value into a URL's query.
var URL = TypeName{"net/url", "URL"}

// HTTPRequest is the request type: its Header field, when assigned, replaces its headers.
var HTTPRequest = TypeName{"net/http", "Request"}

// HTTPResponseWriter marks a function that serves requests.
var HTTPResponseWriter = TypeName{"net/http", "ResponseWriter"}

// Context is context.Context.
var Context = TypeName{"context", "Context"}

// StdStreams are the os variables that a fmt.Fprint* sink must write to.
var StdStreams = []string{"Stdout", "Stderr"}

// TimeTime is metadata: an expiry never carries a secret.
var TimeTime = TypeName{"time", "Time"}

// SignatureSchemes are Authorization schemes whose value signs one request (Matrix
// federation's X-Matrix, HTTP Message Signatures, AWS Signature Version 4, HOBA) or
// answers one challenge (Digest): no bearer credential, which a log may hold.
var SignatureSchemes = []string{"X-Matrix", "Signature", "AWS4-HMAC-SHA256", "HOBA", "Digest"}

// SignatureScheme reports whether prefix, a constant an Authorization value was checked
// to start with, names one of SignatureSchemes (with or without the space after it).
func SignatureScheme(prefix string) bool {
	name := strings.TrimSpace(prefix)
	return name != "" && slices.ContainsFunc(SignatureSchemes, func(s string) bool { return strings.EqualFold(s, name) })
}

// HTTPrettyLogger is github.com/henvic/httpretty's Logger (v0.2.0), an HTTP client and
// server logger: with RequestHeader and SkipSanitize it prints Authorization headers.
var HTTPrettyLogger = TypeName{"github.com/henvic/httpretty", "Logger"}
