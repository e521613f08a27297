// Package client holds the client side of tokenexpiry: tokens kept past their life.
package client

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{TokenURL: "https://auth.example.com/token"}}

// --- static-refreshable ---

func exchanged(ctx context.Context, code, verifier string) *http.Client {
	tok, err := cfg.Exchange(ctx, code, oauth2.VerifierOption(verifier))
	if err != nil {
		return nil
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `oauth2.StaticTokenSource over a token from oauth2.Config.Exchange: the source hands out this token forever and never uses its refresh token`
}

func device(ctx context.Context, da *oauth2.DeviceAuthResponse) oauth2.TokenSource {
	tok, _ := cfg.DeviceAccessToken(ctx, da)
	return oauth2.StaticTokenSource(tok) // want `StaticTokenSource over a token from oauth2.Config.DeviceAccessToken`
}

type service struct{ ts oauth2.TokenSource }

func (s *service) fromSource(ctx context.Context) {
	t, err := cfg.TokenSource(ctx, nil).Token()
	if err != nil {
		return
	}
	s.ts = oauth2.StaticTokenSource(t) // want `StaticTokenSource over a token from oauth2.TokenSource.Token`
}

func machine(ctx context.Context, cc *clientcredentials.Config) *http.Client {
	tok, _ := cc.Token(ctx)
	ts := oauth2.StaticTokenSource(tok) // want `StaticTokenSource over a token from clientcredentials.Config.Token: .* use the clientcredentials.Config.s TokenSource\(ctx\)`
	return oauth2.NewClient(ctx, ts)
}

func literal(ctx context.Context, at, rt string, exp time.Time) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: at, RefreshToken: rt, Expiry: exp})) // want `StaticTokenSource over a token with a RefreshToken`
}

// loadCache reads a token cache written with json.Marshal: it holds a refresh token and
// an expiry.
func loadCache(path string) (*oauth2.Token, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var tok oauth2.Token
	if err := json.Unmarshal(b, &tok); err != nil {
		return nil, err
	}
	return &tok, nil
}

func cached(ctx context.Context) *http.Client {
	tok, err := loadCache("token.json")
	if err != nil {
		return nil
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // want `StaticTokenSource over a token decoded from JSON .* \(returned by loadCache\)`
}

// newStaticClient wraps whatever token it is given: fine for a PAT, wrong for an
// exchanged token.
func newStaticClient(ctx context.Context, tok *oauth2.Token) *http.Client {
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok))
}

func throughHelper(ctx context.Context, code string) *http.Client {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil
	}
	return newStaticClient(ctx, tok) // want `newStaticClient wraps a token from oauth2.Config.Exchange in oauth2.StaticTokenSource`
}

// --- static-refreshable: silent ---

func personalAccessToken(ctx context.Context) *http.Client {
	// The go-github idiom: a PAT from the environment never expires.
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: os.Getenv("GITHUB_TOKEN")})
	return oauth2.NewClient(ctx, ts)
}

func patThroughHelper(ctx context.Context) *http.Client {
	return newStaticClient(ctx, &oauth2.Token{AccessToken: os.Getenv("GITHUB_TOKEN")})
}

func refreshing(ctx context.Context, code string) *http.Client {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil
	}
	return cfg.Client(ctx, tok)
}

func reuse(ctx context.Context, code string) oauth2.TokenSource {
	tok, _ := cfg.Exchange(ctx, code)
	return oauth2.ReuseTokenSource(tok, cfg.TokenSource(ctx, tok))
}

func reuseFromNothing(cc *clientcredentials.Config, ctx context.Context) *http.Client {
	return oauth2.NewClient(ctx, oauth2.ReuseTokenSource(nil, cc.TokenSource(ctx)))
}

type userInfoFetcher interface {
	UserInfo(ctx context.Context, ts oauth2.TokenSource) error
}

func oneShot(ctx context.Context, p userInfoFetcher, code string) error {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return err
	}
	// Used at once and dropped, as go-oidc documents for Provider.UserInfo.
	return p.UserInfo(ctx, oauth2.StaticTokenSource(tok))
}

// --- no-expiry ---

func restored(ctx context.Context, at, rt string) oauth2.TokenSource {
	return cfg.TokenSource(ctx, &oauth2.Token{AccessToken: at, RefreshToken: rt}) // want `oauth2.Token with a RefreshToken but no Expiry`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int64  `json:"expires_in"`
}

func fromResponse(r tokenResponse) *oauth2.Token {
	return &oauth2.Token{AccessToken: r.AccessToken, ExpiresIn: r.ExpiresIn} // want `oauth2.Token with ExpiresIn but no Expiry`
}

func decodeResponse(resp *http.Response) (*oauth2.Token, error) {
	var t oauth2.Token
	if err := json.NewDecoder(resp.Body).Decode(&t); err != nil { // want `token endpoint response decoded into oauth2.Token: .* Expiry stays zero`
		return nil, err
	}
	return &t, nil
}

// --- no-expiry: silent ---

func restoredWithExpiry(ctx context.Context, at, rt string, exp time.Time) oauth2.TokenSource {
	return cfg.TokenSource(ctx, &oauth2.Token{AccessToken: at, RefreshToken: rt, Expiry: exp})
}

func refreshOnFirstUse(ctx context.Context, rt string) oauth2.TokenSource {
	// No AccessToken: Valid() is false, so the first call refreshes.
	return cfg.TokenSource(ctx, &oauth2.Token{RefreshToken: rt})
}

func expiryLater(r tokenResponse) *oauth2.Token {
	tok := &oauth2.Token{AccessToken: r.AccessToken, RefreshToken: r.RefreshToken}
	tok.Expiry = time.Now().Add(time.Duration(r.ExpiresIn) * time.Second)
	return tok
}

func decodeAndSetExpiry(resp *http.Response) (*oauth2.Token, error) {
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	var t oauth2.Token
	if err := json.Unmarshal(body, &t); err != nil {
		return nil, err
	}
	if t.ExpiresIn > 0 {
		t.Expiry = time.Now().Add(time.Duration(t.ExpiresIn) * time.Second)
	}
	return &t, nil
}

// convertResponse decodes the response and builds a token whose Expiry comes from
// ExpiresIn, as x/oauth2's jira package does.
func convertResponse(resp *http.Response) (*oauth2.Token, error) {
	var raw oauth2.Token
	if err := json.NewDecoder(resp.Body).Decode(&raw); err != nil {
		return nil, err
	}
	tok := &oauth2.Token{AccessToken: raw.AccessToken, TokenType: raw.TokenType}
	if secs := raw.ExpiresIn; secs > 0 {
		tok.Expiry = time.Now().Add(time.Duration(secs) * time.Second)
	}
	return tok, nil
}

func copiedAccessToken(ctx context.Context, code string) *http.Client {
	tok, err := cfg.Exchange(ctx, code)
	if err != nil {
		return nil
	}
	return oauth2.NewClient(ctx, oauth2.StaticTokenSource(&oauth2.Token{AccessToken: tok.AccessToken})) // want `StaticTokenSource over the AccessToken of a token from oauth2.Config.Exchange`
}

func droppedExpiresIn(r tokenResponse) *oauth2.Token {
	return &oauth2.Token{AccessToken: r.AccessToken, TokenType: "Bearer"} // want `oauth2.Token built from a response that carries expires_in, without Expiry`
}

type patResponse struct {
	Token string `json:"token"`
}

func noExpiresInField(r patResponse) *oauth2.Token {
	// The response has no expires_in: a token that does not expire.
	return &oauth2.Token{AccessToken: r.Token}
}

func expiresInUsed(r tokenResponse) *oauth2.Token {
	exp := time.Now().Add(time.Duration(r.ExpiresIn) * time.Second)
	tok := &oauth2.Token{AccessToken: r.AccessToken}
	tok.Expiry = exp
	return tok
}
