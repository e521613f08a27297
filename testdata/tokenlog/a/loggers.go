package a

import (
	"net/http"

	"github.com/go-logr/logr"
	"github.com/rs/zerolog"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
	"golang.org/x/oauth2"
)

func loggers(tok *oauth2.Token, zl *zap.Logger, zr zerolog.Logger, lg logr.Logger) {
	zl.Info("token", zap.String("token", tok.AccessToken))     // want `OAuth token reaches a log \(\(\*zap.Logger\).Info\)`
	zl.Info("token", zap.Time("expiry", tok.Expiry))           // metadata
	zl.With(zap.String("refresh", tok.RefreshToken)).Info("x") // want `OAuth token reaches a log \(\(\*zap.Logger\).With\)`
	sugar := zl.Sugar()
	sugar.Infow("token", "value", tok.AccessToken)           // want `OAuth token reaches a log \(\(\*zap.SugaredLogger\).Infow\)`
	sugar.Infof("type %s", tok.TokenType)                    // metadata
	zr.Info().Str("token", tok.AccessToken).Msg("refreshed") // want `OAuth token reaches a log \(\(\*zerolog.Event\).Str\)`
	zr.Info().Time("expiry", tok.Expiry).Msg("refreshed")    // metadata
	logrus.WithField("token", tok.AccessToken).Info("x")     // want `OAuth token reaches a log \(logrus.WithField\)`
	logrus.WithField("expiry", tok.Expiry).Info("x")         // metadata
	lg.Info("refreshed", "token", tok.RefreshToken)          // want `OAuth token reaches a log \(\(logr.Logger\).Info\)`
	lg.Info("refreshed", "valid", tok.Valid())               // metadata
}

// zap.Any over a map holds it whole: http.Header is printed with its Authorization value.
// A *http.Request is encoded as JSON by zap, which fails on its func fields: nothing leaks.
func zapAny(zl *zap.Logger, r *http.Request) {
	zl.Info("hdr", zap.Any("headers", r.Header)) // want `request \(with its Authorization header\) reaches a log \(\(\*zap.Logger\).Info\)`
	zl.Info("req", zap.Any("request", r))
	zl.Info("req", zap.Any("method", r.Method), zap.Any("n", len(r.Header)))
	h := r.Header.Clone()
	h.Del("Authorization")
	zl.Info("hdr", zap.Any("headers", h))
}
