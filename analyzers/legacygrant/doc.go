// Package legacygrant defines an analyzer that reports the OAuth grants OAuth 2.1 removed:
// resource-owner password credentials and the implicit grant.
package legacygrant

const doc = `report the resource-owner password and implicit grants

OAuth 2.1 and RFC 9700 (the OAuth security BCP) removed two grants:

  - Resource-owner password credentials (RFC 9700 §2.4: MUST NOT be used): the agent
    handles the user's password, so it can be phished or leaked with the agent, the user
    cannot use MFA or see what is granted, and the password opens everything the user can
    do, not just the scopes asked for.
  - The implicit grant (RFC 9700 §2.1.2: SHOULD NOT be used): the access token comes back
    in the URL fragment of the browser, where history, referrers, logs and scripts can read
    it, and it cannot be bound to the client or protected by PKCE.

The check reports (*oauth2.Config).PasswordCredentialsToken; grant_type=password in a
url.Values, a constant request body or a JSON body (a map literal with "grant_type":
"password" given to json.Marshal or a json.Encoder); response_type=token or
"id_token token" in oauth2.SetAuthURLParam, a url.Values or a constant authorization URL;
and go-sdk's oauthex.ClientRegistrationMetadata asking for the "password" or "implicit"
grant or a token response type, in the literal or in its GrantTypes / ResponseTypes set
or appended to afterwards.

A named constant that holds such a URL or body is reported once: at its declaration when
the package declares it, else at its first use in the package. A string that is matched
against rather than sent is silent: an argument of strings.Contains, HasPrefix, EqualFold,
Index and the like (and bytes.*), a regexp, an operand of == or !=, a switch case (an
authorization server or gateway refusing the removed grants), and a constant only given
to the blank identifier. It is silent on test code other than Example functions, which
are documentation people copy and are linted like production code.

Use the authorization-code flow with PKCE ((*oauth2.Config).AuthCodeURL with
oauth2.S256ChallengeOption), the device flow ((*oauth2.Config).DeviceAuth) for agents
without a browser, or client credentials (golang.org/x/oauth2/clientcredentials) for the
agent's own identity.

Bad:

	tok, err := cfg.PasswordCredentialsToken(ctx, user, password)

Good:

	da, err := cfg.DeviceAuth(ctx, oauth2.S256ChallengeOption(verifier))
	...
	tok, err := cfg.DeviceAccessToken(ctx, da, oauth2.VerifierOption(verifier))
`
