// Package tokenexpiry defines an analyzer that reports OAuth tokens used or kept without
// regard to their expiry, and token verification with its expiry, claims or signature
// checks switched off.
package tokenexpiry

const doc = `report tokens used or kept without regard to expiry, and expiry checks switched off

Access tokens live minutes or hours. A client that keeps one past its life fails with 401
or, worse, was built so that it never refreshes; a server that accepts a token without
checking its expiry (or its signature and claims) lets a leaked token work forever.

Client side, the check reports (the sub-rule is the diagnostic's category):

  - static-refreshable: oauth2.StaticTokenSource over a token that expires: one from
    Config.Exchange, DeviceAccessToken, PasswordCredentialsToken, clientcredentials
    Config.Token, a TokenSource's Token(), a token decoded from JSON, a literal with a
    RefreshToken or Expiry, or the token go-sdk's NewTokenSource hook receives, when the
    source is kept (given to option.WithTokenSource or ReuseTokenSource, stored or
    returned, or given to an oauth2.NewClient whose client is kept). Such a source never
    refreshes. A one-off request right after the exchange is silent: the client is the
    receiver of a call at once (oauth2.NewClient(ctx, ts).Get(u)), or a local variable
    used only for calls on it, outside loops, goroutines and closures; a client handed to
    a constructor (github.NewClient(hc)), stored or returned is kept, unless it is
    returned with a token fetched in the same call to callers of the package that each
    use it at once (a factory handing out a fresh token per use). Helpers of the
    package are followed. The same for such a token's AccessToken fixed in an mcp-go
    client's static headers (transport.WithHTTPHeaders, WithHeaders).
  - no-expiry: an oauth2.Token literal with an AccessToken and a RefreshToken but no
    Expiry (its zero Expiry makes Valid() true forever, so Config.TokenSource never
    refreshes), one with ExpiresIn but no Expiry, one built from a response struct whose
    expires_in field (by JSON tag) is never read, a token endpoint response decoded into
    oauth2.Token or mcp-go's transport.Token with no Expiry/ExpiresAt set afterwards, an
    mcp-go transport.Token literal without ExpiresAt (IsExpired() is then false forever),
    and a go-sdk auth.TokenInfo without Expiration or with one made from time.Now(). A
    token literal given to a client or source used at once and dropped
    (cfg.Client(ctx, tok).Get(u)) is silent; so is a TokenInfo of a verifier that checks
    an opaque token with its issuer (it sends a request and parses no JWT): its Expiration
    may be the end of a cache TTL, and none is needed where AllowMissingExpiration is set.
  - unchecked: a token's AccessToken put into an Authorization header by hand (or
    Token.SetAuthHeader) where the token comes from long-lived state (a struct field, a
    package variable, a map, a decoded cache) and no Valid(), Expiry or IsExpired check,
    refresh or TokenSource.Token() call comes before it on every path. A check joined
    to another condition counts only on the ways it is evaluated: after
    if !fast && t.Expiry.Before(now) { return } the fast way is unchecked, after
    if t != nil && !t.Valid() { return } it is checked. Helpers of the package that set
    the header, refresh the token or return the cached token are followed. Storage that a
    loop paced by a timer refreshes and writes back (a central refresher) is silent.

static-refreshable and unchecked are silent in a package that re-runs authorization on
a 401 (a branch on resp.StatusCode == http.StatusUnauthorized that fetches, refreshes or
checks a token): there an expired token costs one retry.

Server side, where the result decides access (a caller's token):

  - skip-check: go-oidc Config{SkipExpiryCheck, SkipIssuerCheck or SkipClientIDCheck: true}
    unless the function compares the IDToken's Expiry, Issuer or Audience itself, or
    every Verify on the verifiers made from it checks the program's own ID token (from
    its own exchange: a login client checking what it just received); golang-jwt
    WithoutClaimsValidation() and v4 Parser{SkipClaimsValidation: true}; jwx
    jwt.WithValidate(false) with no jwt.Validate call after it; go-sdk
    RequireBearerTokenOptions{AllowMissingExpiration: true}, unless its verifier checks
    opaque tokens with their issuer.
  - unverified: go-oidc InsecureSkipSignatureCheck; golang-jwt Parser.ParseUnverified,
    go-jose UnsafeClaimsWithoutVerification (v4, v3 and gopkg.in/square/go-jose.v2), jwx
    (v3 and v2) jwt.WithVerify(false) and jwt.ParseInsecure, when the claims decide
    access: they are returned, compared in a condition or put into a context.
  - exp-optional: inside a go-sdk token verifier (a function returning *auth.TokenInfo),
    golang-jwt v5 parsing without jwt.WithExpirationRequired() of claims in which exp may be
    absent, when the function reads no expiry itself.

The golang-jwt, go-jose and jwx parses are silent when the token is the program's own (an
oauth2.Token's AccessToken or id_token, a token endpoint response it decoded, its
environment or files; followed through locals, the package's helpers and, for a
helper's parameter, its callers), when the claims are only printed or logged, when a
condition only tests that a claim is there or looks at the expiry (a client deciding
when to refresh), and when the same raw token is verified too (in the same function, or
kept beside the claims and verified elsewhere in the package: the unverified parse only
picks the issuer or the key).

Test code is not reported. A token from the environment (a personal access token) in a
StaticTokenSource, Config.TokenSource, ReuseTokenSource, tokens checked with Valid() first,
default verifier configurations, and token literals whose AccessToken and RefreshToken are
both constant strings (fakes for tests or a demo mode; a real token written in source is
hardcodedsecret's finding) are silent.

Bad:

	tok, err := cfg.Exchange(ctx, code, oauth2.VerifierOption(v))
	s.client = oauth2.NewClient(ctx, oauth2.StaticTokenSource(tok)) // kept for later requests

Good:

	s.client = cfg.Client(ctx, tok) // refreshes with tok.RefreshToken

Bad:

	v := provider.Verifier(&oidc.Config{ClientID: id, SkipExpiryCheck: true})

Good:

	v := provider.Verifier(&oidc.Config{ClientID: id})
`
