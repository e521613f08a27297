package a

import (
	"log"
	"log/slog"
	"net/http"
	"net/http/httputil"
)

// Redaction on a clone of the headers, as branches, or over names from configuration.

func logMaskedClone(r *http.Request) {
	h := r.Header.Clone()
	h.Set("Authorization", "[redacted]")
	log.Print(h)
	h2 := r.Header.Clone()
	h2.Set("Authorization", r.Header.Get("Authorization"))
	log.Print(h2) // want `request \(with its Authorization header\) reaches a log \(log.Print\)`
	h3 := r.Header.Clone()
	h3.Set("Cookie", "[redacted]")
	log.Print(h3) // want `request \(with its Authorization header\) reaches a log \(log.Print\)`
}

// maskAuth keeps an empty value as it is (nothing to hide) and masks any other.
func maskAuth(v string) string {
	if v == "" {
		return v
	}
	return "Bearer ***"
}

// keepShort leaks a value that is not empty.
func keepShort(v string) string {
	if v != "" {
		return v
	}
	return "-"
}

func logMaskedBranches(r *http.Request) {
	log.Printf("auth %s", maskAuth(r.Header.Get("Authorization")))
	log.Printf("auth %s", keepShort(r.Header.Get("Authorization"))) // want `Authorization header reaches a log \(log.Printf\)`
	auth := r.Header.Get("Authorization")
	shown := "***"
	if auth == "" {
		shown = auth
	}
	slog.Info("request", "auth", shown)
	h := r.Header.Clone()
	if v := h.Get("Authorization"); v != "" {
		h.Set("Authorization", maskAuth(v))
	}
	slog.Info("request", "headers", h)
}

type logConfig struct {
	RedactHeaders []string
	MaskHeaders   map[string]bool
}

func logConfigured(cfg logConfig, r *http.Request) {
	h := r.Header.Clone()
	for _, name := range cfg.RedactHeaders {
		h.Del(name)
	}
	slog.Info("request", "headers", h)
	r2 := r.Clone(r.Context())
	for name := range cfg.MaskHeaders {
		if r2.Header.Get(name) != "" {
			r2.Header.Set(name, "***")
		}
	}
	b, _ := httputil.DumpRequest(r2, false)
	log.Printf("%s", b)
	b2, _ := httputil.DumpRequest(r, false)
	log.Printf("%s", b2) // want `request dump \(with its Authorization header\) reaches a log \(log.Printf\)`
}
