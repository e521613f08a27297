package a

import (
	"context"
	"log/slog"
	"net/http"
)

// Several keys of one type are several context slots.
type reqKey int

const (
	tenantKey reqKey = iota
	bearerKey
)

type strKey string

const (
	userKey  strKey = "user"
	tokenKey strKey = "token"
)

func withAuth(ctx context.Context, r *http.Request) context.Context {
	ctx = context.WithValue(ctx, tenantKey, r.Header.Get("X-Tenant"))
	ctx = context.WithValue(ctx, userKey, r.Header.Get("X-User"))
	ctx = context.WithValue(ctx, tokenKey, r.Header.Get("Authorization"))
	return context.WithValue(ctx, bearerKey, r.Header.Get("Authorization"))
}

func logTenant(ctx context.Context) {
	tenant, _ := ctx.Value(tenantKey).(string)
	user, _ := ctx.Value(userKey).(string)
	slog.Info("call", "tenant", tenant, "user", user)
}

func logBearer(ctx context.Context) {
	b, _ := ctx.Value(bearerKey).(string)
	slog.Info("call", "bearer", b) // want `Authorization header reaches a log \(slog.Info\)`
}

// A key that is not a constant may be any of the type's keys.
func logAny(ctx context.Context, k strKey) {
	v, _ := ctx.Value(k).(string)
	slog.Info("call", "value", v) // want `Authorization header reaches a log \(slog.Info\)`
}

// Keys that are struct values with a constant field are several slots too.
type fieldKey struct{ name string }

func withFieldKeys(ctx context.Context, r *http.Request) context.Context {
	ctx = context.WithValue(ctx, fieldKey{"user"}, r.Header.Get("X-User"))
	return context.WithValue(ctx, fieldKey{"auth"}, r.Header.Get("Authorization"))
}

func logFieldKeys(ctx context.Context) {
	user, _ := ctx.Value(fieldKey{"user"}).(string)
	slog.Info("call", "user", user)
	auth, _ := ctx.Value(fieldKey{name: "auth"}).(string)
	slog.Info("call", "auth", auth) // want `Authorization header reaches a log \(slog.Info\)`
}
