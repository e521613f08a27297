package a

import (
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"strings"

	"golang.org/x/oauth2"
)

var sensitiveHeaders = map[string]bool{"Authorization": true, "Cookie": true, "X-Api-Key": true}

func maskValue(v string) string {
	if len(v) < 12 {
		return "***"
	}
	return v[:4] + "***" + v[len(v)-4:]
}

// Debug transports that redact before dumping: silent.
func dumpMasked(req *http.Request) {
	red := req.Clone(req.Context())
	for name := range sensitiveHeaders {
		if v := red.Header.Get(name); v != "" {
			red.Header.Set(name, maskValue(v))
		}
	}
	if b, err := httputil.DumpRequestOut(red, false); err == nil {
		slog.Debug(string(b))
	}
}

func dumpPlaceholder(req *http.Request) {
	red := req.Clone(req.Context())
	red.Header.Set("Authorization", "[REDACTED]")
	b, _ := httputil.DumpRequestOut(red, false)
	log.Printf("%s", b)
}

func redactHeaders(h http.Header) http.Header {
	out := http.Header{}
	for k, v := range h {
		if strings.EqualFold(k, "Authorization") {
			out[k] = []string{"***"}
			continue
		}
		out[k] = v
	}
	return out
}

func dumpSwapped(req *http.Request) ([]byte, error) {
	orig := req.Header
	req.Header = redactHeaders(orig)
	defer func() { req.Header = orig }()
	return httputil.DumpRequest(req, true)
}

func logSwapped(req *http.Request) {
	b, _ := dumpSwapped(req)
	log.Printf("%s", b)
}

// Setting a credential is no redaction: the dump holds it.
func dumpWithToken(req *http.Request, tok *oauth2.Token) {
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	b, _ := httputil.DumpRequestOut(req, false)
	log.Printf("%s", b) // want `request dump \(with its Authorization header\) reaches a log \(log.Printf\)`
}
