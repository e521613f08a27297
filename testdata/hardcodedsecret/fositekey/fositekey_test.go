package fositekey

import (
	"testing"

	"github.com/ory/fosite"
)

// A test server with a fixed secret: silent.
func TestServer(t *testing.T) {
	cfg := &fosite.Config{GlobalSecret: []byte("Jk4Lm8Nb2Vc6Xz0Qw5Er9Ty3Ui7Op1As")}
	if len(cfg.GlobalSecret) != 32 {
		t.Fatal(len(cfg.GlobalSecret))
	}
}
