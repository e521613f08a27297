package a

import (
	"context"
	"net/http"
)

// The caller's token kept in a field of a value built per request, and sent on by a method.
type forwarder struct {
	token string
	user  string
}

func (f *forwarder) call(ctx context.Context, u string) {
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	req.Header.Set("Authorization", f.token) // want `the caller's bearer token is sent on to another service \(\(http.Header\).Set\)`
	req.Header.Set("X-On-Behalf-Of", f.user)
	http.DefaultClient.Do(req)
}

func forwardHandler(w http.ResponseWriter, r *http.Request) {
	f := &forwarder{token: r.Header.Get("Authorization"), user: r.Header.Get("X-User")}
	f.call(r.Context(), "https://api.example.com")
}
