// Package httpretty logs its HTTP traffic with henvic/httpretty: printing request headers
// is safe while httpretty masks Authorization and cookies, and a leak once SkipSanitize is set.
package httpretty

import (
	"net/http"

	"github.com/henvic/httpretty"
)

func Debug() *http.Client {
	logger := &httpretty.Logger{
		Time:           true,
		RequestHeader:  true,
		RequestBody:    true,
		ResponseHeader: true,
		SkipSanitize:   true, // want `httpretty.Logger prints request headers with SkipSanitize`
	}
	return &http.Client{Transport: logger.RoundTripper(http.DefaultTransport)}
}

// Silent: headers sanitized (the default), or not printed at all.
func Safe() (*httpretty.Logger, *httpretty.Logger) {
	return &httpretty.Logger{RequestHeader: true, ResponseHeader: true},
		&httpretty.Logger{RequestBody: true, SkipSanitize: true}
}
