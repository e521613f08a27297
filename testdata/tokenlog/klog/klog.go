// Package klog: klog/v2 as a log sink (rules.toml [[flow.sink]] entries, no Go code).
package klog

import (
	"net/http"

	"golang.org/x/oauth2"
	"k8s.io/klog/v2"
)

func logged(tok *oauth2.Token, r *http.Request) {
	klog.Infof("token %s", tok.AccessToken)                               // want `OAuth token reaches a log \(klog.Infof\)`
	klog.V(2).Info("auth: ", r.Header.Get("Authorization"))               // want `Authorization header reaches a log`
	klog.InfoS("refreshed", "token", tok.RefreshToken)                    // want `OAuth token reaches a log \(klog.InfoS\)`
	klog.ErrorS(nil, "request failed", "auth", r.Header["Authorization"]) // want `Authorization header reaches a log`
}

// --- silent: metadata, and the message of ErrorS's error argument is not reported ---

func metadata(tok *oauth2.Token, r *http.Request) {
	klog.Infof("token expires %s, type %s", tok.Expiry, tok.Type())
	klog.V(2).InfoS("request", "path", r.URL.Path, "method", r.Method)
	klog.Errorf("refresh failed for %s", r.Host)
}
