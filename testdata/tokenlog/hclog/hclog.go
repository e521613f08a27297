// Package hclog: github.com/hashicorp/go-hclog as a log sink (rules.toml [[flow.sink]]
// entries on the Logger interface, no Go code): the message and the key-value pairs of
// Trace/Debug/Info/Warn/Error and Log, and the pairs With attaches.
package hclog

import (
	"net/http"

	"github.com/hashicorp/go-hclog"
	"golang.org/x/oauth2"
)

func logged(tok *oauth2.Token, r *http.Request) {
	logger := hclog.New(&hclog.LoggerOptions{Name: "agent"})
	logger.Info("refreshed", "token", tok.AccessToken)                    // want `OAuth token reaches a log \(\(go-hclog.Logger\).Info\)`
	logger.Debug("auth header " + r.Header.Get("Authorization"))          // want `Authorization header reaches a log \(\(go-hclog.Logger\).Debug\)`
	hclog.Default().Error("exchange failed", "refresh", tok.RefreshToken) // want `OAuth token reaches a log \(\(go-hclog.Logger\).Error\)`
	hclog.L().Trace("token", "value", tok)                                // want `OAuth token reaches a log \(\(go-hclog.Logger\).Trace\)`
	logger.Log(hclog.Warn, "headers", "auth", r.Header["Authorization"])  // want `Authorization header reaches a log \(\(go-hclog.Logger\).Log\)`
	logger.With("token", tok.AccessToken).Warn("calling upstream")        // want `OAuth token reaches a log \(\(go-hclog.Logger\).With\)`
	logger.Named("oauth").Warn("using", "access_token", tok.AccessToken)  // want `OAuth token reaches a log \(\(go-hclog.Logger\).Warn\)`
}

// Through an interface that embeds hclog.Logger: the method is still Logger's.
func intercepted(il hclog.InterceptLogger, tok *oauth2.Token) {
	il.Info("refreshed", "token", tok.RefreshToken) // want `OAuth token reaches a log \(\(go-hclog.Logger\).Info\)`
}

// --- silent: metadata, the level argument, and a logger's own configuration ---

func metadata(tok *oauth2.Token, r *http.Request) {
	logger := hclog.New(&hclog.LoggerOptions{Name: "agent", Level: hclog.Debug})
	logger.Info("refreshed", "expiry", tok.Expiry, "type", tok.Type())
	logger.Debug("request", "path", r.URL.Path, "method", r.Method)
	logger.Log(hclog.Info, "token valid", "valid", tok.Valid())
	logger.With("host", r.Host).Error("exchange failed")
	logger.Named("oauth").Trace("token", "length", len(tok.AccessToken))
}
