package a

import (
	"fmt"
	"log"
	"log/slog"

	"golang.org/x/oauth2"
)

// Types that print or log themselves through LogValue or String show what those return.
type redactedToken struct{ t *oauth2.Token }

func (r redactedToken) LogValue() slog.Value {
	return slog.GroupValue(slog.Time("expiry", r.t.Expiry), slog.String("type", r.t.Type()))
}

type maskedToken struct{ t *oauth2.Token }

func (m maskedToken) String() string { return fmt.Sprintf("token(expires %s)", m.t.Expiry) }

// leakyToken's String shows the token itself.
type leakyToken struct{ t *oauth2.Token }

func (l leakyToken) String() string { return l.t.AccessToken }

func logRedacted(tok *oauth2.Token) {
	slog.Info("login", "token", redactedToken{tok})
	log.Printf("login %v", maskedToken{tok})
	log.Printf("login %v", leakyToken{tok}) // want `OAuth token reaches a log \(log.Printf\)`
}
