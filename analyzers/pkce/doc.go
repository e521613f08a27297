// Package pkce defines an analyzer that reports OAuth authorization-code flows without
// S256 PKCE, the plain method, verifiers that are not fresh per login, and MCP clients
// with PKCE switched off.
package pkce

const doc = `report authorization-code flows without S256 PKCE

PKCE (RFC 7636) binds the authorization code to the client that started the login: the
client sends a challenge derived from a secret verifier with the authorization request, and
the verifier with the token request. Without it, a code stolen from a redirect, a log or a
malicious app on the same device can be redeemed by someone else. OAuth 2.1 and RFC 9700
require it for public clients and recommend it for all; the MCP authorization spec requires
S256 PKCE for every client.

The check reports:

  - (*oauth2.Config).AuthCodeURL whose options carry no S256 challenge: neither
    oauth2.S256ChallengeOption(v) nor SetAuthURLParam("code_challenge", ...) with
    code_challenge_method S256. Options are followed through variables, slices built with
    append and passed with opts..., and helper functions of the same or another package.
    With an OpenID Connect nonce (go-oidc's oidc.Nonce) the message says what the nonce
    covers: RFC 9700 section 2.1.1 lets a confidential client that checks the ID token's
    nonce rely on it against code injection; the MCP authorization spec does not.
  - (*oauth2.Config).Exchange without oauth2.VerifierOption(v) (reported only when no
    AuthCodeURL of the package was reported already, as one root cause).
  - code_challenge_method "plain", in SetAuthURLParam, authhandler.PKCEParams, a
    hand-built request or text appended to the URL AuthCodeURL returns, and a
    code_challenge sent without a method (the server then assumes plain).
  - A verifier that is not fresh per login (RFC 7636 section 4.1): a constant, a value from
    math/rand, math/rand/v2 or the clock, or one made once and reused for every login — a
    package-level variable set at start-up (in its declaration or a func init, never
    changed after), or an unexported struct field set only where the struct is made (a
    literal, or y.f = ... on a struct a constructor just made) and read through a method's
    receiver in a function with an *http.Request parameter to make the challenge — given
    to S256ChallengeOption, VerifierOption, S256ChallengeFromVerifier,
    SetAuthURLParam("code_verifier" or "code_challenge", ...), authhandler.PKCEParams or
    mcp-go's manual flow. A shared field is reported where the challenge is made: one read
    only by a callback may be a command-line tool's single login.
  - golang.org/x/oauth2/authhandler.TokenSource (it has no PKCE), TokenSourceWithPKCE with
    nil PKCEParams, and PKCEParams without a ChallengeMethod (then no challenge is sent).
  - mcp-go's OAuthConfig (transport.OAuthConfig, client.OAuthConfig) without
    PKCEEnabled: true: PKCE is off by default there.
  - An authorization request built by hand (response_type=code in url.Values or in a
    constant query string) without code_challenge, when the whole request is seen: not a
    url.Values handed to another function, returned or stored, nor a query string parsed
    with url.Parse, formatted into a longer one or kept in a variable extended later.

PKCE parameters appended to the URL AuthCodeURL returns count as its options: u :=
cfg.AuthCodeURL(state) then u += "&code_challenge=" + ch + "&code_challenge_method=S256"
(or u = u + ..., AuthCodeURL(state) + "...", another local variable given that string,
fmt.Sprintf with a constant format) is PKCE. Only constant text counts.

It stays silent on a verifier made per request (kept in a cookie or a session store keyed
by the state, or in a field the login handler sets), on options it cannot follow (a
parameter, a field, an unknown function),
on device flow, client credentials, JWT bearer and refresh, on an Exchange of a code from
Google's popup flow (a config whose RedirectURL is "postmessage": Google's script makes the
authorization request and sends no challenge), and on test code other than
Example functions, which are documentation people copy and are linted like production code.

Bad:

	url := cfg.AuthCodeURL(state, oauth2.AccessTypeOffline)
	...
	tok, err := cfg.Exchange(ctx, r.FormValue("code"))

Good:

	verifier := oauth2.GenerateVerifier() // per login, kept in the user's session
	url := cfg.AuthCodeURL(state, oauth2.AccessTypeOffline, oauth2.S256ChallengeOption(verifier))
	...
	tok, err := cfg.Exchange(ctx, r.FormValue("code"), oauth2.VerifierOption(verifier))
`
