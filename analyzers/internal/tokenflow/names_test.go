package tokenflow

import "testing"

func TestShortNameOf(t *testing.T) {
	for in, want := range map[string]string{
		"log.Printf":                             "log.Printf",
		"(*log/slog.Logger).Info":                "(*slog.Logger).Info",
		"(*go.uber.org/zap.SugaredLogger).Infow": "(*zap.SugaredLogger).Infow",
		"github.com/sirupsen/logrus.WithField":   "logrus.WithField",
		"(github.com/go-logr/logr.Logger).Info":  "(logr.Logger).Info",
		"github.com/golang-jwt/jwt/v5.Parse":     "jwt.Parse",
		"(net/http.Header).Set":                  "(http.Header).Set",
		"golang.org/x/oauth2.StaticTokenSource":  "oauth2.StaticTokenSource",
		"(*golang.org/x/oauth2.Config).Client":   "(*oauth2.Config).Client",
	} {
		if got := shortNameOf(in); got != want {
			t.Errorf("shortNameOf(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFuncPkg(t *testing.T) {
	for in, want := range map[string]string{
		"log.Printf":                                        "log",
		"(*log/slog.Logger).Info":                           "log/slog",
		"(net/http.Header).Get":                             "net/http",
		"net/http/httputil.DumpRequest":                     "net/http/httputil",
		"(*github.com/rs/zerolog.Event).Str":                "github.com/rs/zerolog",
		"github.com/mark3labs/mcp-go/mcp.NewToolResultText": "github.com/mark3labs/mcp-go/mcp",
	} {
		if got := funcPkg(in); got != want {
			t.Errorf("funcPkg(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPathMatch(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"", "\x00.Token", true},             // a whole value holds its fields
		{"\x00.Token", "", true},             // a field of a value stored whole
		{"\x00.Token", "\x00.User", false},   // another field
		{"\x00[1]", "\x00[*]", true},         // an element stored at an unknown index
		{"\x00[1]", "\x00[2]", false},        // another element
		{"\x00{\"token\"}", "\x00{*}", true}, // a map entry stored under an unknown key
		{"\x00.A\x00[0]", "\x00.A\x00[0]\x00.B", true},
	} {
		if got := pathMatch(tc.a, tc.b); got != tc.want {
			t.Errorf("pathMatch(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
