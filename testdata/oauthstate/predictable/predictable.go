// Package predictable makes OAuth states from math/rand/v2 and the clock (guessable, RFC
// 6749 §10.10 and §10.12), and from crypto/rand (not).
package predictable

import (
	crand "crypto/rand"
	"encoding/hex"
	"fmt"
	"math/big"
	"math/rand/v2"
	"net/http"
	"strconv"
	"time"

	"github.com/google/uuid"
	"golang.org/x/oauth2"
)

var cfg = &oauth2.Config{ClientID: "agent", Endpoint: oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}}

// ---- reported: math/rand/v2, whatever the function, is not for secrets ----

func randInt() string {
	return cfg.AuthCodeURL(strconv.Itoa(rand.Int())) // want `AuthCodeURL state is a predictable value \(math/rand or the clock\): anyone can forge the callback`
}

func randN() string {
	return cfg.AuthCodeURL(fmt.Sprint(rand.N(1 << 62))) // want `AuthCodeURL state is a predictable value`
}

func randIntN() string {
	s := strconv.Itoa(rand.IntN(1_000_000))
	return cfg.AuthCodeURL(s) // want `AuthCodeURL state is a predictable value`
}

func randUint64() string {
	return cfg.AuthCodeURL(strconv.FormatUint(rand.Uint64(), 36)) // want `AuthCodeURL state is a predictable value`
}

func randSprintf() string {
	return cfg.AuthCodeURL(fmt.Sprintf("%x%x", rand.Uint64(), rand.Uint64())) // want `AuthCodeURL state is a predictable value`
}

func seededSource(seed uint64) string {
	rng := rand.New(rand.NewPCG(seed, seed))
	return cfg.AuthCodeURL(strconv.FormatUint(rng.Uint64(), 16)) // want `AuthCodeURL state is a predictable value`
}

// ---- reported: the clock ----

func unixSeconds(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(strconv.FormatInt(time.Now().Unix(), 10)), http.StatusFound) // want `AuthCodeURL state is a predictable value`
}

func unixNanoFormatted() string {
	return cfg.AuthCodeURL(fmt.Sprintf("%d", time.Now().UnixNano())) // want `AuthCodeURL state is a predictable value`
}

func clockInUTC() string {
	return cfg.AuthCodeURL(strconv.FormatInt(time.Now().UTC().UnixNano(), 36)) // want `AuthCodeURL state is a predictable value`
}

func clockInVariable() string {
	now := time.Now()
	state := "login-" + now.Format(time.RFC3339Nano)
	return cfg.AuthCodeURL(state) // want `AuthCodeURL state is a predictable value`
}

func clockAndRand() string {
	return cfg.AuthCodeURL(strconv.FormatInt(time.Now().Unix(), 10) + "-" + strconv.Itoa(rand.IntN(1000))) // want `AuthCodeURL state is a predictable value`
}

// ---- reported: a state field set when the server is made, read by each login ----

type Server struct{ state string }

func NewServer() *Server { return &Server{state: crand.Text()} }

func (s *Server) Login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, cfg.AuthCodeURL(s.state), http.StatusFound) // want `AuthCodeURL state is the field Server.state, set once when the Server is made and read by every request it serves`
}

// ---- silent: crypto/rand and a state made per login ----

func cryptoText() string { return cfg.AuthCodeURL(crand.Text()) }

func cryptoBytes() string {
	b := make([]byte, 16)
	_, _ = crand.Read(b)
	return cfg.AuthCodeURL(hex.EncodeToString(b))
}

func verifierAsStateValue() string { return cfg.AuthCodeURL(oauth2.GenerateVerifier()) }

func uuidV4() string { return cfg.AuthCodeURL(uuid.NewString()) }

// The clock only as a suffix of a random value: the random part makes it unguessable.
func randomWithTime() string {
	return cfg.AuthCodeURL(crand.Text() + "." + strconv.FormatInt(time.Now().Unix(), 10))
}

// math/rand/v2 for something else than the state.
func jitter() time.Duration { return time.Duration(rand.IntN(100)) * time.Millisecond }

func jitteredLogin() string {
	time.Sleep(jitter())
	return cfg.AuthCodeURL(crand.Text())
}

// With S256 PKCE the state may be anything (RFC 9700 §2.1).
func clockWithPKCE(v string) string {
	return cfg.AuthCodeURL(strconv.FormatInt(time.Now().Unix(), 10), oauth2.S256ChallengeOption(v))
}

// A state field set by each login.
type PerLogin struct{ state string }

func (p *PerLogin) Login(w http.ResponseWriter, r *http.Request) {
	p.state = crand.Text()
	http.Redirect(w, r, cfg.AuthCodeURL(p.state), http.StatusFound)
}

// ChaCha8 seeded from crypto/rand is a cryptographic generator.
func chacha8FromCryptoSeed() string {
	var seed [32]byte
	_, _ = crand.Read(seed[:])
	rng := rand.NewChaCha8(seed)
	b := make([]byte, 16)
	_, _ = rng.Read(b)
	return cfg.AuthCodeURL(hex.EncodeToString(b))
}

// The clock in another parameter, not the state.
func timestampParam() string {
	return cfg.AuthCodeURL(crand.Text(), oauth2.SetAuthURLParam("ts", strconv.FormatInt(time.Now().Unix(), 10)))
}

func cryptoRandInt() string {
	n, _ := crand.Int(crand.Reader, big.NewInt(1<<62))
	return cfg.AuthCodeURL(n.String())
}

// A state from the session the request carries.
func fromSession(w http.ResponseWriter, r *http.Request, sessions map[string]string) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	http.Redirect(w, r, cfg.AuthCodeURL(sessions[c.Value]), http.StatusFound)
}
