// Package hardcodedsecret defines an analyzer that reports credentials written in source.
package hardcodedsecret

const doc = `report credentials written in source

The check reports OAuth client secrets, access and refresh tokens, API keys and signing keys
written as constants.

Anyone who can read the code, its history or a built binary can use such a credential, and
revoking it means a new release. The check reports two kinds of findings:

  - A constant written into a place that holds a credential, resolved by type: the
    ClientSecret of oauth2.Config, clientcredentials.Config and mcp-go's OAuthConfig, the
    AccessToken and RefreshToken of oauth2.Token, jwt.Config.PrivateKey, go-sdk's
    oauthex.ClientSecretAuth, the password of (*http.Request).SetBasicAuth, an Authorization
    header set to "Bearer <credential>", a client_secret form parameter, the key of a
    golang-jwt Keyfunc or SignedString call, the cookie keys of gorilla/sessions
    NewCookieStore and NewFilesystemStore (each key pair) and gorilla/securecookie New and
    CodecsFromPairs, the key of echo-jwt JWT and Config.SigningKey, and ory/fosite's
    Config.GlobalSecret. Constants and never-assigned package variables
    from other packages are followed, and so are fmt.Sprintf of constants and the fields
    of a package-level settings variable that the package never changes (var prod =
    settings{ClientSecret: "…"} copied into oauth2.Config{ClientSecret: prod.ClientSecret}).
    A value in a known format is reported only where it is written, not again at a sink
    in another package.
  - A client secret, refresh token or private key in constant Google credentials JSON
    read by google.ConfigFromJSON, CredentialsFromJSON* or JWTConfigFromJSON.
  - A string constant, anywhere, in a known credential format from rules.toml: GitHub (with
    its CRC-32 checksum validated), Google, Slack, Anthropic, OpenAI, Stripe, AWS, Microsoft
    Entra, JWTs and PEM private keys.

Placeholders ("YOUR_CLIENT_SECRET", "<client-secret>", "${VAR}", "changeme"), dictionary-word
fakes ("test-secret"), values in a provider's format written from words or marked as test
vectors ("ghp_CanaryTokenFor…", "sk-…-test-only-…") and values read at run time are not
reported. Neither is the client secret of a Google installed (desktop) app, which Google
documents as not secret: an oauth2.Config with a constant Google client ID and a loopback or
out-of-band redirect (RFC 8252 §8.5).

Test code is _test.go files, packages kept for tests (a path element such as test, testutil
or mocks; <p>test beside <p>), and test support: a package whose own files import "testing"
(helpers that take a *testing.T, code gated by testing.Testing()). There, and in Example
functions, only a value in a known provider format is reported, and not on a line whose
comment says "notsecret"; the message asks for an obviously fake value, not a revocation.

Bad:

	cfg := &oauth2.Config{ClientID: "app", ClientSecret: "9f3b1c7e2a4d6f80b5c3e1d7a9f2c4e6"}

Good:

	cfg := &oauth2.Config{ClientID: "app", ClientSecret: os.Getenv("OAUTH_CLIENT_SECRET")}

Findings never show a secret whole: only its kind, a short prefix and its length.`
