// Package oauthstate defines an analyzer that reports OAuth logins whose state is constant,
// empty or fixed at start-up, and callbacks that exchange a code without checking state.
package oauthstate

const doc = `report constant or empty OAuth state, and callbacks that never check it

The state parameter ties the callback to the login this browser started. If it is constant
or empty, or if the callback exchanges the code without comparing the returned state with
the one it stored, an attacker can send a victim to the callback with the attacker's own
authorization code: the victim's agent is then logged into the attacker's account (login
CSRF, RFC 6749 §10.12, RFC 9700 §4.7), and what the victim does next goes to the attacker.

The check reports:

  - The state of (*oauth2.Config).AuthCodeURL, authhandler.TokenSource and
    TokenSourceWithPKCE, and mcp-go's (*OAuthHandler).GetAuthorizationURL when it is a
    constant (from any file or package), an empty string, a package-level variable set
    once at start-up (in its declaration or a func init; also from another package, unless
    this one changes it), an unexported struct field set only where the struct is made and
    read through a method's receiver in a function with an *http.Request parameter (one
    state for every login the server serves), or a value from math/rand or math/rand/v2
    (any function or *Rand method: rand.Int, rand.N, rand.IntN, rand.Uint64) or the clock
    (time.Now() and any time.Time method on it: Unix, UnixNano, UTC, Format; also bytes
    filled by math/rand's Read, formatted with strconv or fmt, hex or base64 encoded;
    crypto/rand.Text, oauth2.GenerateVerifier and UUIDs are fresh), or when it is a
    query or form parameter of the request that starts the login (r.FormValue("uid")):
    whoever sends the link chooses it. A parameter whose name says it is a state, CSRF
    token, nonce or session value ("state", "csrf_token") is not reported: a browser app
    may make and check its own state.
    An AuthCodeURL that also sends an S256 code challenge (as an option, or appended to
    the URL it returns: u += "&code_challenge=" + ch + "&code_challenge_method=S256"),
    TokenSourceWithPKCE with
    non-nil PKCEParams, or GetAuthorizationURL given a challenge from mcp-go's
    GenerateCodeChallenge (sent with method S256), is not reported: a client using PKCE may rely on it against CSRF
    (RFC 9700 §2.1).
  - A function with an *http.Request parameter that passes the request's "code" to
    (*oauth2.Config).Exchange, without oauth2.VerifierOption, and never checks the
    request's "state" before the exchange. A state read counts as a check when the value
    (or one made from it) may be compared: ==/!= (not with ""), a switch, a map lookup,
    returned, or handed to any function other than logging, fmt, http.Redirect and URL
    building. A state only stored (a map key on the left of =, a struct field), logged,
    written into a redirect, tested for presence or never used is not a check ("reads
    state but never compares it"). The check may also be in a helper of the package the
    callback hands the request to (directly or through other helpers), in a function of
    another package given the request, or in a middleware: a callback that is handed to
    any function other than the net/http registrations (http.Handle, http.HandleFunc,
    (*http.ServeMux).Handle/HandleFunc, directly or as http.HandlerFunc(f)), put in a
    literal or a variable that goes elsewhere, or called by a function that checks the
    state, is silent; so is one registered on a ServeMux that is handed to a function of
    the package that checks the state. A middleware of the package that visibly checks
    nothing does not silence it. An exported function of a library package that is not
    itself a handler (exchanger.Complete(ctx, cfg, r); a function given the
    http.ResponseWriter is a handler) is silent: its callers in other
    packages may check the state before they call it. A read of a parameter whose name is not a constant
    (r.FormValue(s.stateParam)) counts as a check.
  - mcp-go's SetExpectedState given the state of the callback request: the later check in
    ProcessAuthorizationResponse then compares the state with itself (silent when the
    function gives ProcessAuthorizationResponse another state, the one kept at login).

A copy-and-paste ("out of band") login is not reported: the user types the code the
server displays into the program, so no handler receives a redirect and there is no
callback to forge. It is known by an out-of-band redirect URI (urn:ietf:wg:oauth:2.0:oob)
set on the config or passed as redirect_uri, or by a code read from the terminal
(fmt.Scan, a bufio reader or scanner over the input, a prompt, a -code command-line flag)
and handed to Exchange (or
mcp-go's ProcessAuthorizationResponse) or returned, in the function that builds the URL or in one of this package that calls it; for
authhandler, by a handler that returns such a code. (Its missing PKCE is pkce's finding.)
An Exchange of a request's code with an out-of-band redirect URI (a form where the user
pastes the code) is not a callback either, and is not reported.

A callback whose config's redirect URI is "postmessage" (Google's popup code flow) gets
its own message: the page's script sends the code, no redirect brings it, and the defence
is a header a cross-site form cannot send; it is silent when the function reads the
X-Requested-With header, a CSRF header or a CSRF parameter.

It is silent on a random state made per login (crypto/rand.Text, oauth2.GenerateVerifier,
uuid, mcp-go's client.GenerateState), on callbacks that read and compare the state (from the
request or from any parsed query), on token endpoints (a function that reads the request's
"grant_type"), on PKCE-protected exchanges, on callbacks a middleware may wrap (above), and
on test code other than Example functions, which are documentation people copy and are
linted like production code.

Bad:

	http.Redirect(w, r, cfg.AuthCodeURL("state"), http.StatusFound)
	...
	tok, err := cfg.Exchange(ctx, r.URL.Query().Get("code"))

Good:

	state := rand.Text() // crypto/rand
	http.SetCookie(w, &http.Cookie{Name: "oauth_state", Value: state, HttpOnly: true, Secure: true})
	http.Redirect(w, r, cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier)), http.StatusFound)
	...
	c, err := r.Cookie("oauth_state")
	if err != nil || subtle.ConstantTimeCompare([]byte(c.Value), []byte(r.URL.Query().Get("state"))) != 1 {
		http.Error(w, "bad state", http.StatusBadRequest)
		return
	}
	tok, err := cfg.Exchange(ctx, r.URL.Query().Get("code"), oauth2.VerifierOption(verifier))
`
