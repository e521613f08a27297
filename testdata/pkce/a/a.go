package a

import (
	"context"
	"crypto/rand"
	"fmt"
	mathrand "math/rand"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/authhandler"

	"example.com/agent/pkce/pkcehelper"
)

var cfg = &oauth2.Config{
	ClientID:    "agent",
	Endpoint:    oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"},
	RedirectURL: "http://127.0.0.1:8085/callback",
}

type session struct {
	verifier string
	state    string
	opts     []oauth2.AuthCodeOption
}

// ---- reported ----

func noOptions(state string) string {
	return cfg.AuthCodeURL(state) // want `AuthCodeURL without PKCE: .* oauth2.S256ChallengeOption\(v\) here and oauth2.VerifierOption\(v\) to Exchange`
}

func offlineOnly(state string) string {
	return cfg.AuthCodeURL(state, oauth2.AccessTypeOffline, oauth2.SetAuthURLParam("prompt", "consent")) // want `AuthCodeURL without PKCE`
}

func sliceWithoutChallenge(state string) string {
	opts := []oauth2.AuthCodeOption{oauth2.AccessTypeOffline}
	opts = append(opts, oauth2.SetAuthURLParam("resource", "https://mcp.example.com"))
	return cfg.AuthCodeURL(state, opts...) // want `AuthCodeURL without PKCE`
}

func helperWithoutChallenge(state string) string {
	return cfg.AuthCodeURL(state, pkcehelper.Offline()...) // want `AuthCodeURL without PKCE`
}

func localHelperWithoutChallenge(state string) string {
	return cfg.AuthCodeURL(state, defaults()...) // want `AuthCodeURL without PKCE`
}

func defaults() []oauth2.AuthCodeOption {
	return []oauth2.AuthCodeOption{oauth2.AccessTypeOffline}
}

func verifierInURL(state string) string {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state, oauth2.VerifierOption(v)) // want `AuthCodeURL is given oauth2.VerifierOption: that puts the PKCE verifier itself in the browser URL`
}

func challengeWithoutMethod(state string) string {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("code_challenge", oauth2.S256ChallengeFromVerifier(v))) // want `code_challenge without code_challenge_method`
}

func plainMethod(state string) string {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state,
		oauth2.SetAuthURLParam("code_challenge", v),
		oauth2.SetAuthURLParam("code_challenge_method", "plain")) // want `PKCE method plain sends the verifier itself .* oauth2.S256ChallengeOption\(v\)`
}

const fixedVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"

func constantVerifier(state string) string {
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(fixedVerifier)) // want `PKCE verifier is the constant fixedVerifier: .* oauth2.GenerateVerifier\(\)`
}

var startupVerifier = oauth2.GenerateVerifier()

func packageVerifier(state string) string {
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(startupVerifier)) // want `PKCE verifier is the package-level variable startupVerifier, set once at start-up`
}

func crossPackageVerifier(state string) string {
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(pkcehelper.SharedVerifier)) // want `PKCE verifier is the package-level variable pkcehelper.SharedVerifier`
}

func crossPackageConstVerifier(ctx context.Context, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.VerifierOption(pkcehelper.StaticVerifier)) // want `PKCE verifier is the constant pkcehelper.StaticVerifier`
}

func localConstantVerifier(state string) string {
	v := "a-verifier-that-never-changes-between-logins"
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(v)) // want `PKCE verifier is a constant`
}

func clockVerifier(state string) string {
	v := strconv.FormatInt(time.Now().UnixNano(), 36) + "-verifier-padding-to-43-chars"
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(v)) // want `PKCE verifier is a predictable value \(math/rand or the clock\)`
}

func mathRandVerifier(state string) string {
	v := fmt.Sprintf("%d%d", mathrand.Int63(), mathrand.Int63())
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(v)) // want `PKCE verifier is a predictable value`
}

func plainHandler() *authhandler.PKCEParams {
	v := oauth2.GenerateVerifier()
	return &authhandler.PKCEParams{Challenge: v, ChallengeMethod: "plain", Verifier: v} // want `PKCE method plain`
}

func handBuiltValues(state string) string {
	q := url.Values{
		"response_type": {"code"}, // want `authorization request built by hand with response_type=code but no code_challenge`
		"client_id":     {"agent"},
		"state":         {state},
	}
	return "https://as.example.com/authorize?" + q.Encode()
}

func handBuiltSet(state string) string {
	q := make(url.Values)
	q.Set("response_type", "code") // want `authorization request built by hand`
	q.Set("client_id", "agent")
	q.Set("state", state)
	return "https://as.example.com/authorize?" + q.Encode()
}

func handBuiltString(w http.ResponseWriter, r *http.Request, state string) {
	http.Redirect(w, r, "https://as.example.com/authorize?response_type=code&client_id=agent&state="+state, http.StatusFound) // want `authorization request built by hand`
}

func handBuiltSprintf(state string) string {
	return fmt.Sprintf("https://as.example.com/authorize?client_id=%s&response_type=code&state=%s", "agent", state) // want `authorization request built by hand`
}

func handBuiltPlain(state, challenge string) string {
	return "https://as.example.com/authorize?response_type=code&code_challenge_method=plain&code_challenge=" + challenge // want `PKCE method plain`
}

// ---- silent ----

func withChallenge(state string) (string, string) {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(v)), v
}

func sliceWithChallenge(state string) (string, string) {
	v := oauth2.GenerateVerifier()
	var opts []oauth2.AuthCodeOption
	opts = append(opts, oauth2.AccessTypeOffline)
	opts = append(opts, oauth2.S256ChallengeOption(v))
	return cfg.AuthCodeURL(state, opts...), v
}

func sliceLiteralWithChallenge(state string) (string, string) {
	v := oauth2.GenerateVerifier()
	base := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(v)}
	opts := append([]oauth2.AuthCodeOption{oauth2.AccessTypeOffline}, base...)
	return cfg.AuthCodeURL(state, opts...), v
}

func crossPackageHelper(state string) (string, string) {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state, pkcehelper.Challenge(v, oauth2.AccessTypeOffline)...), v
}

func localHelper(state string) (string, string) {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state, withPKCE(v)...), v
}

func withPKCE(v string) []oauth2.AuthCodeOption {
	opts := defaults()
	return append(opts, oauth2.S256ChallengeOption(v))
}

func challengeVariable(state string) (string, string) {
	v := oauth2.GenerateVerifier()
	ch := oauth2.S256ChallengeOption(v)
	return cfg.AuthCodeURL(state, oauth2.AccessTypeOnline, ch), v
}

func manualS256(state string) (string, string) {
	v := rand.Text()
	return cfg.AuthCodeURL(state,
		oauth2.SetAuthURLParam("code_challenge", oauth2.S256ChallengeFromVerifier(v)),
		oauth2.SetAuthURLParam("code_challenge_method", "S256")), v
}

func optionsFromParameter(state string, opts ...oauth2.AuthCodeOption) string {
	return cfg.AuthCodeURL(state, opts...) // not followed: the caller decides
}

func optionsFromStruct(s *session) string {
	return cfg.AuthCodeURL(s.state, s.opts...)
}

func structVerifier(ctx context.Context, s *session, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, oauth2.VerifierOption(s.verifier))
}

func cookieVerifier(ctx context.Context, r *http.Request) (*oauth2.Token, error) {
	c, err := r.Cookie("pkce")
	if err != nil {
		return nil, err
	}
	return cfg.Exchange(ctx, r.FormValue("code"), oauth2.VerifierOption(c.Value))
}

func helperVerifier(ctx context.Context, l *pkcehelper.Login, code string) (*oauth2.Token, error) {
	return cfg.Exchange(ctx, code, pkcehelper.Verify(l))
}

func exchangeSlice(ctx context.Context, l *pkcehelper.Login, code string) (*oauth2.Token, error) {
	opts := []oauth2.AuthCodeOption{oauth2.VerifierOption(l.Verifier), oauth2.SetAuthURLParam("resource", "https://mcp.example.com")}
	return cfg.Exchange(ctx, code, opts...)
}

func reassignedPackageVerifier(state string) string {
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(pkcehelper.PerLogin))
}

func freshPerLogin(state string) string {
	l := pkcehelper.NewLogin()
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(l.Verifier))
}

func concatenatedFresh(state string) string {
	v := "v1-" + oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(v))
}

func deviceFlow(ctx context.Context) (*oauth2.Token, error) {
	da, err := cfg.DeviceAuth(ctx, oauth2.AccessTypeOffline)
	if err != nil {
		return nil, err
	}
	return cfg.DeviceAccessToken(ctx, da)
}

func refresh(ctx context.Context, tok *oauth2.Token) oauth2.TokenSource {
	return cfg.TokenSource(ctx, tok)
}

func s256Handler() *authhandler.PKCEParams {
	v := oauth2.GenerateVerifier()
	return &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), ChallengeMethod: "S256", Verifier: v}
}

func handBuiltWithChallenge(state, challenge string) string {
	q := url.Values{"response_type": {"code"}, "client_id": {"agent"}, "state": {state}}
	q.Set("code_challenge", challenge)
	q.Set("code_challenge_method", "S256")
	return "https://as.example.com/authorize?" + q.Encode()
}

func handBuiltStringWithChallenge(state, challenge string) string {
	return "https://as.example.com/authorize?response_type=code&code_challenge_method=S256&code_challenge=" + challenge + "&state=" + state
}

func handBuiltCompletedElsewhere(state string) string {
	q := url.Values{"response_type": {"code"}, "state": {state}}
	addPKCE(q)
	return "https://as.example.com/authorize?" + q.Encode()
}

func addPKCE(q url.Values) {
	q.Set("code_challenge", oauth2.S256ChallengeFromVerifier(oauth2.GenerateVerifier()))
	q.Set("code_challenge_method", "S256")
}

func handBuiltFromQuery(u *url.URL) string {
	q := u.Query()
	q.Set("response_type", "code")
	u.RawQuery = q.Encode()
	return u.String()
}

func handBuiltSuffix(state, extra string) string {
	return "https://as.example.com/authorize?response_type=code&state=" + state + extra
}

func tokenRequest(code, verifier string) url.Values {
	return url.Values{"grant_type": {"authorization_code"}, "code": {code}, "code_verifier": {verifier}}
}

func implicitIsLegacygrants(state string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", "token"))
}

func explicitCodeResponse(state string) string {
	return cfg.AuthCodeURL(state, oauth2.SetAuthURLParam("response_type", "code")) // want `AuthCodeURL without PKCE`
}

func threeLegged(ctx context.Context, state string, h authhandler.AuthorizationHandler) oauth2.TokenSource {
	return authhandler.TokenSource(ctx, cfg, state, h) // want `authhandler.TokenSource runs the authorization-code flow without PKCE; use authhandler.TokenSourceWithPKCE`
}

func threeLeggedNil(ctx context.Context, state string, h authhandler.AuthorizationHandler) oauth2.TokenSource {
	return authhandler.TokenSourceWithPKCE(ctx, cfg, state, h, nil) // want `authhandler.TokenSourceWithPKCE with nil PKCEParams sends no PKCE`
}

func paramsWithoutMethod() *authhandler.PKCEParams {
	v := oauth2.GenerateVerifier()
	return &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), Verifier: v} // want `authhandler.PKCEParams without ChallengeMethod`
}

func threeLeggedPKCE(ctx context.Context, state string, h authhandler.AuthorizationHandler) oauth2.TokenSource {
	return authhandler.TokenSourceWithPKCE(ctx, cfg, state, h, s256Handler())
}

func paramsMethodFromCaller(method string) *authhandler.PKCEParams {
	v := oauth2.GenerateVerifier()
	return &authhandler.PKCEParams{Challenge: oauth2.S256ChallengeFromVerifier(v), ChallengeMethod: method, Verifier: v}
}

// A url.Values literal encoded or sent as it is is the whole request.
func handBuiltEncoded(state string) string {
	return "https://as.example.com/authorize?" + url.Values{"response_type": {"code"}, "state": {state}}.Encode() // want `authorization request built by hand`
}

// Returned, stored in a field or handed to a helper, a literal may get its code_challenge
// elsewhere.
func baseParams(state string) url.Values {
	return url.Values{"response_type": {"code"}, "client_id": {"agent"}, "state": {state}}
}

func withBaseParams(state, challenge string) string {
	q := baseParams(state)
	q.Set("code_challenge", challenge)
	q.Set("code_challenge_method", "S256")
	return "https://as.example.com/authorize?" + q.Encode()
}

type authRequest struct{ query url.Values }

func inField(state string) *authRequest {
	return &authRequest{query: url.Values{"response_type": {"code"}, "state": {state}}}
}

func encodeRequest(q url.Values) string { return q.Encode() }

func passedToHelper(state string) string {
	return encodeRequest(url.Values{"response_type": {"code"}, "state": {state}})
}

// An authorization server's error text is not a request.
func serverError(w http.ResponseWriter) {
	http.Error(w, "response_type=code requires a code_challenge", http.StatusBadRequest)
}

// A query string kept in a variable that is only sent is the whole request.
func handBuiltVar(w http.ResponseWriter, r *http.Request, state string) {
	u := "https://as.example.com/authorize?response_type=code&client_id=agent&state=" + state // want `authorization request built by hand`
	http.Redirect(w, r, u, http.StatusFound)
}

// A query string parsed, formatted into a longer one or extended later may get its
// code_challenge there.
const authBase = "https://as.example.com/authorize?response_type=code&client_id=agent"

func formattedBase(state, challenge string) string {
	return fmt.Sprintf("%s&state=%s&code_challenge=%s&code_challenge_method=S256", authBase, state, challenge)
}

func parsedBase(challenge string) string {
	u, _ := url.Parse(authBase)
	q := u.Query()
	q.Set("code_challenge", challenge)
	q.Set("code_challenge_method", "S256")
	u.RawQuery = q.Encode()
	return u.String()
}

func parsedLiteral(challenge string) string {
	u, _ := url.Parse("https://as.example.com/authorize?response_type=code&client_id=agent")
	q := u.Query()
	q.Set("code_challenge", challenge)
	q.Set("code_challenge_method", "S256")
	u.RawQuery = q.Encode()
	return u.String()
}

func extendedVar(w http.ResponseWriter, r *http.Request, challenge string) {
	u := "https://as.example.com/authorize?response_type=code&client_id=agent"
	u += "&code_challenge=" + challenge + "&code_challenge_method=S256"
	http.Redirect(w, r, u, http.StatusFound)
}

func concatenatedVar(w http.ResponseWriter, r *http.Request, challenge string) {
	u := "https://as.example.com/authorize?response_type=code&client_id=agent"
	http.Redirect(w, r, u+"&code_challenge="+challenge+"&code_challenge_method=S256", http.StatusFound)
}

// The verifier is also the state: it travels in the authorization URL.
func verifierAsState(cfg *oauth2.Config) (string, string) {
	v := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(v, oauth2.S256ChallengeOption(v)), v // want `the PKCE verifier is also the state`
}

// Silent: a separate state.
func separateState(cfg *oauth2.Config) (string, string, string) {
	v := oauth2.GenerateVerifier()
	st := oauth2.GenerateVerifier()
	return cfg.AuthCodeURL(st, oauth2.S256ChallengeOption(v)), st, v
}
