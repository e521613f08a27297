package sessionkeys

import (
	"testing"

	"github.com/gorilla/sessions"
	echojwt "github.com/labstack/echo-jwt/v4"
)

// Tests use fixed keys to make cookies and tokens they can check: silent.
func TestStore(t *testing.T) {
	store := sessions.NewCookieStore([]byte("k9Xq2vLm7Rt4Pz8Wn3Bc6Hd1Fg5Js0Ya"))
	if store == nil {
		t.Fatal("no store")
	}
	_ = echojwt.JWT([]byte("Nx5Bv9Cm3Lk7Jh1Gf4Ds8Az2Qw6Er0Ty"))
}
