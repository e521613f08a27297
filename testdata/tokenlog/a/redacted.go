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

// Verbs that do not print the value: its type, its address, a prefix of at most 8 bytes.
func logVerbs(tok *oauth2.Token) {
	log.Printf("got %T, expires %s", tok, tok.Expiry)
	log.Printf("token %.6s… (%d bytes)", tok.AccessToken, len(tok.AccessToken))
	_ = fmt.Errorf("token at %p", tok)
	log.Printf("token %.20s", tok.AccessToken)                           // want `OAuth token reaches a log \(log.Printf\)`
	log.Printf("%T %s", tok, tok.AccessToken)                            // want `OAuth token reaches a log \(log.Printf\)`
	log.Print(fmt.Sprintf("%[1]T %[1]v", tok))                           // want `OAuth token reaches a log \(log.Print\)`
	log.Print(fmt.Sprintf("%.4s%%, then %s", "abcdef", tok.AccessToken)) // want `OAuth token reaches a log \(log.Print\)`
}
