// Package charmlog: github.com/charmbracelet/log as a log sink (rules.toml [[flow.sink]]
// entries, no Go code): the package functions and *Logger's methods, their message (any
// value), key-value pairs, f forms, Log/Logf and With.
package charmlog

import (
	"net/http"
	"os"

	"github.com/charmbracelet/log"
	"golang.org/x/oauth2"
)

func logged(tok *oauth2.Token, r *http.Request) {
	log.Info("refreshed", "token", tok.AccessToken)                // want `OAuth token reaches a log \(log.Info\)`
	log.Debugf("auth header %s", r.Header.Get("Authorization"))    // want `Authorization header reaches a log \(log.Debugf\)`
	log.Error(tok)                                                 // want `OAuth token reaches a log \(log.Error\)`
	log.With("refresh", tok.RefreshToken).Warn("calling upstream") // want `OAuth token reaches a log \(log.With\)`
	logger := log.NewWithOptions(os.Stderr, log.Options{Prefix: "agent"})
	logger.Warn("exchange", "refresh_token", tok.RefreshToken)              // want `OAuth token reaches a log \(\(\*log.Logger\).Warn\)`
	logger.Printf("token %v", tok)                                          // want `OAuth token reaches a log \(\(\*log.Logger\).Printf\)`
	logger.Log(log.InfoLevel, "headers", "auth", r.Header["Authorization"]) // want `Authorization header reaches a log \(\(\*log.Logger\).Log\)`
	logger.With("token", tok.AccessToken).Info("calling upstream")          // want `OAuth token reaches a log \(\(\*log.Logger\).With\)`
	log.Logf(log.ErrorLevel, "refresh %s failed", tok.RefreshToken)         // want `OAuth token reaches a log \(log.Logf\)`
}

// --- silent: metadata, the level argument, a prefix, and configuration of the logger ---

func metadata(tok *oauth2.Token, r *http.Request) {
	log.Info("refreshed", "expiry", tok.Expiry, "type", tok.Type())
	log.Debugf("request %s %s", r.Method, r.URL.Path)
	logger := log.New(os.Stderr)
	logger.SetPrefix("oauth")
	logger.Log(log.WarnLevel, "token valid", "valid", tok.Valid())
	logger.With("host", r.Host).Error("exchange failed")
	logger.Infof("token of %d bytes", len(tok.AccessToken))
}
