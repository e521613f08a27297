package a

import (
	"log"
	"log/slog"

	"golang.org/x/oauth2"
)

// One credential field does not make the whole struct a credential.

type upstream struct {
	Addr  string
	Port  int
	Token string
}

func (u *upstream) Address() string { return u.Addr }

func (u *upstream) Bearer() string { return "Bearer " + u.Token }

func newUpstream(addr string, tok *oauth2.Token) *upstream {
	return &upstream{Addr: addr, Token: tok.AccessToken}
}

func describe(u *upstream) string { return u.Addr }

// withToken is a constructor given the credential itself.
func withToken(addr, token string) *upstream {
	return &upstream{Addr: addr, Token: token}
}

func logConstructed(tok *oauth2.Token) {
	u := withToken("api.example.com", tok.AccessToken)
	log.Printf("upstream %s", u.Addr)
	log.Printf("token %s", u.Token) // want `OAuth token reaches a log \(log.Printf\)`
}

func logUpstream(addr string, tok *oauth2.Token) {
	u := newUpstream(addr, tok)
	log.Printf("upstream %s:%d", u.Addr, u.Port)
	log.Printf("upstream %s", u.Address())
	log.Printf("upstream %s", describe(u))
	slog.Info("upstream", "addr", u.Addr)
	log.Printf("auth %s", u.Bearer()) // want `OAuth token reaches a log \(log.Printf\)`
	log.Printf("token %s", u.Token)   // want `OAuth token reaches a log \(log.Printf\)`
	log.Printf("upstream %+v", u)     // want `OAuth token reaches a log \(log.Printf\)`
}

type daemon struct {
	listen string
	cfg    *oauth2.Config
}

func (s *daemon) run() {
	log.Printf("listening on %s", s.listen)
	log.Printf("client %s", s.cfg.ClientID)
	log.Printf("secret %s", s.cfg.ClientSecret) // want `ClientSecret field of the OAuth client config reaches a log \(log.Printf\): .*; log only whether it is set, or a short hash`
	log.Printf("config %+v", s.cfg)             // want `OAuth client config \(with its ClientSecret\) reaches a log \(log.Printf\).*never the whole config`
}
