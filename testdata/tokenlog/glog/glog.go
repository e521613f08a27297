// Package glog: github.com/golang/glog as a log sink (rules.toml [[flow.sink]] entries, no Go
// code): the plain, f, ln, Depth and Context forms, Exit*, and Verbose's methods.
package glog

import (
	"context"
	"crypto/sha256"
	"net/http"

	"github.com/golang/glog"
	"golang.org/x/oauth2"
)

func logged(ctx context.Context, tok *oauth2.Token, r *http.Request) {
	glog.Infof("token %s", tok.AccessToken)                             // want `OAuth token reaches a log \(glog.Infof\)`
	glog.V(2).Info("auth: ", r.Header.Get("Authorization"))             // want `Authorization header reaches a log \(\(glog.Verbose\).Info\)`
	glog.Warningln("refresh", tok.RefreshToken)                         // want `OAuth token reaches a log \(glog.Warningln\)`
	glog.ErrorDepth(1, "auth", r.Header["Authorization"])               // want `Authorization header reaches a log \(glog.ErrorDepth\)`
	glog.InfoContextf(ctx, "token %v", tok)                             // want `OAuth token reaches a log \(glog.InfoContextf\)`
	glog.V(1).InfoContextDepthf(ctx, 1, "refresh %s", tok.RefreshToken) // want `OAuth token reaches a log \(\(glog.Verbose\).InfoContextDepthf\)`
	if tok.AccessToken == "" {
		glog.Exitf("no token in %s", tok.AccessToken) // want `OAuth token reaches a log \(glog.Exitf\)`
	}
}

// --- silent: metadata, a hash, and the depth and context arguments are not the message ---

func metadata(ctx context.Context, tok *oauth2.Token, r *http.Request) {
	glog.Infof("token expires %s, type %s", tok.Expiry, tok.Type())
	glog.V(2).Info("request ", r.URL.Path, " ", r.Method)
	glog.Errorf("refresh failed for %s", r.Host)
	glog.InfoContext(ctx, "token hash ", sha256.Sum256([]byte(tok.AccessToken)))
	glog.WarningDepthf(1, "token valid: %v", tok.Valid())
	glog.ExitContextf(ctx, "giving up after %d tries", 3)
}
