// Package sessionkeys: keys that sign, verify or encrypt what a server accepts, written as
// constants: gorilla/sessions key pairs, gorilla/securecookie keys and echo-jwt signing
// keys (catalogue.SecretKeyFuncs and rules.toml [[secrets.field]]). Whoever reads the key
// in the source can forge a session cookie or a token the server accepts.
package sessionkeys

import (
	"os"

	"github.com/golang-jwt/jwt/v5"
	"github.com/gorilla/securecookie"
	"github.com/gorilla/sessions"
	echojwt "github.com/labstack/echo-jwt/v4"
	"github.com/labstack/echo/v4"
)

const (
	hashKey  = "Vb7Qe2Lx9Rk4Tz1Wm6Pn3Hc8Jd5Fg0Sa"
	blockKey = "Zt4Mq8Xv1Lr6Kp3N"
)

// sessionKey is never assigned: it holds its initialiser.
var sessionKey = []byte("Qw3Er7Ty1Ui5Op9As2Df6Gh0Jk4Lz8Xc")

func stores() {
	_ = sessions.NewCookieStore([]byte("k9Xq2vLm7Rt4Pz8Wn3Bc6Hd1Fg5Js0Ya")) // want `hard-coded cookie authentication key "k9Xq…" \(32 chars\) in sessions.NewCookieStore`
	_ = sessions.NewCookieStore([]byte(hashKey), []byte(blockKey))          // want `hard-coded cookie authentication key "Vb7Q…" \(32 chars\) in sessions.NewCookieStore \(from const hashKey\)` `hard-coded cookie encryption key "Zt4M…" \(16 chars\) in sessions.NewCookieStore \(from const blockKey\)`
	_ = sessions.NewFilesystemStore(os.TempDir(), sessionKey)               // want `hard-coded cookie authentication key "Qw3E…" \(32 chars\) in sessions.NewFilesystemStore \(from var sessionKey\)`
	_ = securecookie.New([]byte("Hm2Kd8Qp5Wv1Xr7Zt3Lc9Nb4Jf6Gs0Ye"), nil)   // want `hard-coded cookie authentication key "Hm2K…" \(32 chars\) in securecookie.New`
	// Key rotation: pairs repeat (the new pair first, its encryption key omitted).
	_ = sessions.NewCookieStore(securecookie.GenerateRandomKey(32), nil, []byte("Gt5Yh9Uj3Ik7Ol1Pz6Xc2Vb8Nm4Qa0Ws")) // want `hard-coded cookie authentication key "Gt5Y…" \(32 chars\) in sessions.NewCookieStore`
	// gorilla/sessions' old README example, copied into servers: no placeholder words.
	_ = sessions.NewCookieStore([]byte("something-very-secret"))             // want `hard-coded cookie authentication key "some…" \(21 chars\) in sessions.NewCookieStore`
	_ = securecookie.CodecsFromPairs(sessionKey, []byte("Pr6Tw2Yu8Io4Ap1S")) // want `hard-coded cookie encryption key "Pr6T…" \(16 chars\) in securecookie.CodecsFromPairs`
}

func middleware(e *echo.Echo) {
	e.Use(echojwt.JWT([]byte("Nx5Bv9Cm3Lk7Jh1Gf4Ds8Az2Qw6Er0Ty")))                                   // want `hard-coded JWT verification key "Nx5B…" \(32 chars\) in echojwt.JWT`
	e.Use(echojwt.WithConfig(echojwt.Config{SigningKey: []byte("Rt8Yu2Io6Pa4Sd0Fg7Hj3Kl9Zx1Cv5B")})) // want `hard-coded JWT verification key "Rt8Y…" \(31 chars\) in Config.SigningKey`
}

// --- silent: keys read at run time or generated, placeholders, short values ---

type settings struct{ SessionKey, JWTKey []byte }

func fromRuntime(e *echo.Echo, cfg settings, keys [][]byte) {
	_ = sessions.NewCookieStore([]byte(os.Getenv("SESSION_KEY")), []byte(os.Getenv("SESSION_ENC_KEY")))
	_ = sessions.NewCookieStore(securecookie.GenerateRandomKey(64), securecookie.GenerateRandomKey(32))
	key, _ := os.ReadFile("/run/secrets/session_key")
	_ = sessions.NewFilesystemStore("/var/lib/sessions", key)
	_ = sessions.NewCookieStore(cfg.SessionKey)
	_ = sessions.NewCookieStore(keys...)
	_ = securecookie.New(cfg.SessionKey, nil)
	e.Use(echojwt.JWT(cfg.JWTKey))
	e.Use(echojwt.WithConfig(echojwt.Config{SigningKey: []byte(os.Getenv("JWT_SECRET"))}))
}

// A placeholder key still signs: a server that ships with "change-me-session-key" accepts
// cookies anyone can forge (the key fails open). These sinks judge placeholders as
// golang-jwt's SignedString and Keyfunc keys are judged (last line): a value made of
// placeholder words, or shorter than min_length, is a quick start's stand-in and silent,
// like "your-jwt-secret" in a Keyfunc. A random-looking constant is reported (above).
func placeholders(e *echo.Echo, tok *jwt.Token) {
	_ = sessions.NewCookieStore([]byte("change-me-session-key"))
	_ = sessions.NewCookieStore([]byte("your-session-key"), []byte("<encryption-key>"))
	_ = securecookie.New([]byte("secret"), []byte("<block-key>"))
	e.Use(echojwt.JWT([]byte("your-jwt-secret")))
	e.Use(echojwt.WithConfig(echojwt.Config{SigningKey: []byte("${JWT_SECRET}")}))
	_, _ = tok.SignedString([]byte("change-me-signing-key"))
}
