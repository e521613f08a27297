package a

import (
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"strings"
)

// Requests whose Authorization header is deleted before they are dumped or logged.

func DumpAfterDelete(w http.ResponseWriter, r *http.Request) {
	r.Header.Del("Authorization")
	b, _ := httputil.DumpRequest(r, true)
	log.Printf("%s", b)
}

func DumpCloneAfterDelete(w http.ResponseWriter, r *http.Request) {
	r2 := r.Clone(r.Context())
	r2.Header.Del("authorization")
	b, _ := httputil.DumpRequest(r2, false)
	log.Printf("%s", b)
	slog.Info("req", "headers", r2.Header)
}

// The clone's header is deleted, not the original's: the original still carries it.
func OriginalAfterCloneDelete(w http.ResponseWriter, r *http.Request) {
	r2 := r.Clone(r.Context())
	r2.Header.Del("Authorization")
	b, _ := httputil.DumpRequest(r, false)
	log.Printf("%s", b)                   // want `request dump \(with its Authorization header\) reaches a log \(log.Printf\)`
	slog.Info("req", "headers", r.Header) // want `request \(with its Authorization header\) reaches a log \(slog.Info\)`
}

// Deleting another header strips nothing.
func DumpAfterOtherDelete(w http.ResponseWriter, r *http.Request) {
	r.Header.Del("Cookie")
	b, _ := httputil.DumpRequest(r, true)
	log.Printf("%s", b) // want `request dump \(with its Authorization header\) reaches a log \(log.Printf\): .*; dump a clone whose Authorization and Cookie headers are deleted`
}

// A loop over the headers that skips Authorization logs the others only.
func LogHeadersSkipping(w http.ResponseWriter, r *http.Request) {
	for k, v := range r.Header {
		if k == "Authorization" || strings.EqualFold(k, "Cookie") {
			continue
		}
		log.Printf("header %s: %v", k, v)
	}
	for k, v := range r.Header {
		if !strings.EqualFold(k, "authorization") {
			log.Printf("header %s: %v", k, v)
		}
	}
}

// A loop that skips another header only still logs Authorization.
func LogHeadersSkippingCookie(w http.ResponseWriter, r *http.Request) {
	for k, v := range r.Header {
		if k == "Cookie" {
			continue
		}
		log.Printf("header %s: %v", k, v) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
	}
}

// Deleted in a loop over a constant list.
func LogCloneDeletedInLoop(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Clone()
	for _, k := range []string{"Authorization", "Cookie"} {
		h.Del(k)
	}
	slog.Info("req", "headers", h)
	r2 := r.Clone(r.Context())
	for _, k := range []string{"Cookie", "Authorization"} {
		r2.Header.Del(k)
	}
	b, _ := httputil.DumpRequest(r2, false)
	log.Printf("%s", b)
}

// A list without Authorization deletes nothing that matters.
func LogCloneDeletedOthers(w http.ResponseWriter, r *http.Request) {
	h := r.Header.Clone()
	for _, k := range []string{"Cookie", "X-Api-Key"} {
		h.Del(k)
	}
	slog.Info("req", "headers", h) // want `request \(with its Authorization header\) reaches a log \(slog.Info\)`
}
