package client

import (
	"context"
	"errors"
	"net/http"
	"time"

	"golang.org/x/oauth2"
)

// --- unchecked: an AccessToken from long-lived state put into a header by hand ---

type api struct {
	tok    *oauth2.Token
	ts     oauth2.TokenSource
	tokens map[string]*oauth2.Token
}

var current *oauth2.Token

func (a *api) stale(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken) // want `the AccessToken of a token kept in field tok goes into an Authorization header with no Valid\(\) or Expiry check`
}

func global(req *http.Request) {
	current.SetAuthHeader(req) // want `AccessToken of a token kept in package variable current`
}

func (a *api) perUser(req *http.Request, user string) {
	tok := a.tokens[user]
	auth := "Bearer " + tok.AccessToken
	req.Header.Add("Authorization", auth) // want `AccessToken of a token kept in a map`
}

func (a *api) oneBranchOnly(req *http.Request, verbose bool) error {
	if verbose {
		if !a.tok.Valid() {
			return errors.New("token expired")
		}
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken) // want `AccessToken of a token kept in field tok`
	return nil
}

// setBearer puts its argument into the header: the caller decides whether it is fresh.
func setBearer(req *http.Request, t *oauth2.Token) {
	req.Header.Set("Authorization", t.Type()+" "+t.AccessToken)
}

func (a *api) viaHelper(req *http.Request) {
	setBearer(req, a.tok) // want `AccessToken of a token kept in field tok goes into an Authorization header \(in setBearer\)`
}

// --- unchecked: silent ---

func (a *api) checkedFirst(req *http.Request) error {
	if !a.tok.Valid() {
		return errors.New("token expired")
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
	return nil
}

func (a *api) refreshedIfInvalid(ctx context.Context, req *http.Request) error {
	if a.tok == nil || !a.tok.Valid() {
		t, err := a.ts.Token()
		if err != nil {
			return err
		}
		a.tok = t
	}
	a.tok.SetAuthHeader(req)
	return nil
}

func (a *api) insideValidBranch(req *http.Request) {
	if a.tok.Valid() {
		req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
	}
}

func (a *api) fromSource(req *http.Request) error {
	t, err := a.ts.Token()
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+t.AccessToken)
	return nil
}

// ensure refreshes a.tok when it is about to expire.
func (a *api) ensure() error {
	if a.tok.Valid() {
		return nil
	}
	t, err := a.ts.Token()
	if err != nil {
		return err
	}
	a.tok = t
	return nil
}

func (a *api) ensuredByHelper(req *http.Request) error {
	if err := a.ensure(); err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
	return nil
}

func (a *api) helperAfterCheck(req *http.Request) {
	if !a.tok.Valid() {
		return
	}
	setBearer(req, a.tok)
}

func paramToken(req *http.Request, t *oauth2.Token) {
	// A parameter: the caller's business (judged at the caller, as for setBearer).
	req.Header.Set("X-Trace", t.AccessToken)
}

func (a *api) commaOK(req *http.Request, user string) error {
	tok, ok := a.tokens[user]
	if !ok {
		return errors.New("no token")
	}
	tok.SetAuthHeader(req) // want `AccessToken of a token kept in a map`
	return nil
}

func (a *api) commaOKChecked(req *http.Request, user string) error {
	tok, ok := a.tokens[user]
	if !ok || !tok.Valid() {
		return errors.New("no valid token")
	}
	tok.SetAuthHeader(req)
	return nil
}

type grant struct {
	Token *oauth2.Token
	Scope string
}

func fetchGrant(ctx context.Context, code string) (*grant, error) {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil, err
	}
	return &grant{Token: tok}, nil
}

func freshStruct(ctx context.Context, req *http.Request, code string) error {
	// A field of a struct just returned by a call holds a fresh token.
	g, err := fetchGrant(ctx, code)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+g.Token.AccessToken)
	return nil
}

func paramStruct(req *http.Request, g *grant) {
	// A field of a parameter: whether it is fresh is the caller's business.
	req.Header.Set("Authorization", "Bearer "+g.Token.AccessToken)
}

func (a *api) switchGuard(req *http.Request) error {
	switch {
	case a.tok == nil, !a.tok.Valid():
		return errors.New("no valid token")
	}
	a.tok.SetAuthHeader(req)
	return nil
}

func (a *api) elseIfAfterReturn(req *http.Request, offline bool) error {
	// Every path that reaches the header went through the else-if check.
	if offline {
		return nil
	} else if !a.tok.Valid() {
		return errors.New("expired")
	}
	a.tok.SetAuthHeader(req)
	return nil
}

func (a *api) elseIfOnly(req *http.Request, verbose bool) error {
	if verbose {
		println("sending")
	} else if !a.tok.Valid() {
		return errors.New("expired")
	}
	a.tok.SetAuthHeader(req) // want `AccessToken of a token kept in field tok`
	return nil
}

// cached returns the cached token as it is.
func (a *api) cached() *oauth2.Token { return a.tok }

func (a *api) viaGetter(req *http.Request) {
	req.Header.Set("Authorization", "Bearer "+a.cached().AccessToken) // want `AccessToken of a token kept in field tok \(returned by cached\)`
}

func (a *api) viaGetterVar(req *http.Request) {
	tok := a.cached()
	tok.SetAuthHeader(req) // want `AccessToken of a token kept in field tok \(returned by cached\)`
}

// validToken returns the cached token while it is valid, else a fresh one.
func (a *api) validToken() (*oauth2.Token, error) {
	if a.tok.Valid() {
		return a.tok, nil
	}
	t, err := a.ts.Token()
	if err != nil {
		return nil, err
	}
	a.tok = t
	return t, nil
}

func (a *api) viaCheckingGetter(req *http.Request) error {
	tok, err := a.validToken()
	if err != nil {
		return err
	}
	tok.SetAuthHeader(req)
	return nil
}

// --- unchecked: a check joined to another condition with && or || ---

func (a *api) checkedUnlessFast(req *http.Request, fast bool) {
	if !fast && a.tok.Expiry.Before(time.Now()) {
		return
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken) // want `AccessToken of a token kept in field tok goes into an Authorization header with no Valid\(\) or Expiry check`
}

func (a *api) checkedIfStrict(req *http.Request, strict bool) error {
	if strict && !a.tok.Valid() {
		return errors.New("expired")
	}
	a.tok.SetAuthHeader(req) // want `AccessToken of a token kept in field tok`
	return nil
}

func (a *api) orInBody(req *http.Request, cached bool) {
	if cached || a.tok.Valid() {
		a.tok.SetAuthHeader(req) // want `AccessToken of a token kept in field tok`
	}
}

func (a *api) nilOrFlag(req *http.Request, offline bool) {
	if a.tok == nil || offline {
		return
	}
	a.tok.SetAuthHeader(req) // want `AccessToken of a token kept in field tok`
}

// --- unchecked: silent, the check is made on every way to the header ---

func (a *api) nilGuarded(req *http.Request) error {
	if a.tok != nil && !a.tok.Valid() {
		return errors.New("expired") // a nil token panics below anyway
	}
	a.tok.SetAuthHeader(req)
	return nil
}

func (a *api) forcedOrExpired(req *http.Request, force bool) error {
	if force || !a.tok.Valid() {
		return errors.New("refresh first")
	}
	a.tok.SetAuthHeader(req)
	return nil
}

func (a *api) checkFirst(req *http.Request, strict bool) error {
	if a.tok.Expiry.Before(time.Now()) && strict {
		return errors.New("expired")
	}
	a.tok.SetAuthHeader(req)
	return nil
}

func (a *api) andInBody(req *http.Request, verbose bool) {
	if verbose && a.tok.Valid() {
		a.tok.SetAuthHeader(req)
	}
}

func (a *api) elseOfOr(req *http.Request, offline bool) {
	if offline || !a.tok.Valid() {
		println("not sending")
	} else {
		a.tok.SetAuthHeader(req)
	}
}

func (a *api) refreshWhenFlagged(req *http.Request, force bool) error {
	if force || !a.tok.Valid() {
		t, err := a.ts.Token()
		if err != nil {
			return err
		}
		a.tok = t
	}
	a.tok.SetAuthHeader(req)
	return nil
}
