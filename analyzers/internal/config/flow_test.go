package config_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

func TestFlowDefaults(t *testing.T) {
	r, err := config.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	f := &r.Flow
	checks := map[string]int{}
	for _, s := range f.Sink {
		checks[s.Check]++
	}
	for _, c := range config.FlowChecks {
		if checks[c.Name] == 0 {
			t.Errorf("no default sink for %s", c.Name)
		}
	}
	var funcs []string
	for _, s := range f.Sink {
		funcs = append(funcs, s.Names()...)
	}
	for _, want := range []string{"log.Printf", "(*log/slog.Logger).Info", "fmt.Fprintf", "(*go.uber.org/zap.Logger).Info",
		"(*go.uber.org/zap.SugaredLogger).Infow", "(*github.com/rs/zerolog.Event).Str", "github.com/sirupsen/logrus.WithField",
		"(github.com/go-logr/logr.Logger).Info", "(*testing.common).Logf", "net/http.NewRequest", "(net/http.Header).Set"} {
		if !slices.Contains(funcs, want) {
			t.Errorf("no default sink %s", want)
		}
	}
	var types []string
	for _, s := range f.Source {
		types = append(types, s.Type)
	}
	if !slices.Contains(types, "golang.org/x/oauth2.Token") {
		t.Errorf("oauth2.Token is no default source")
	}
}

func TestFlowUserEntries(t *testing.T) {
	r, _, err := loadScopes(t, `
[[flow.sink]]
func = "(*example.com/m/audit.Logger).Record"
args = [1]
check = "tokenlog"
kind = "log"

[[flow.sanitizer]]
func = "example.com/m/redact.Token"
reason = "returns the last four characters"
`)
	if err != nil {
		t.Fatal(err)
	}
	last := r.Flow.Sink[len(r.Flow.Sink)-1]
	if last.Func != "(*example.com/m/audit.Logger).Record" || len(r.Flow.Sink) < 10 {
		t.Errorf("user sink not appended to the defaults: %+v", last)
	}
	if r.Flow.Sanitizer[len(r.Flow.Sanitizer)-1].Func != "example.com/m/redact.Token" {
		t.Errorf("user sanitizer not appended")
	}
}

func TestFlowThirdPartyHosts(t *testing.T) {
	r, _, err := loadScopes(t, "[flow]\nthird_party_hosts = [\"api.example-saas.com\", \"*.saas.example\"]\n")
	if err != nil {
		t.Fatal(err)
	}
	f := &r.Flow
	for _, tc := range []struct {
		host, want string
		ok         bool
	}{
		{"api.github.com", "api.github.com", true}, // a default
		{"API.GitHub.com", "api.github.com", true},
		{"gmail.googleapis.com", "*.googleapis.com", true},
		{"googleapis.com", "", false}, // "*." matches subdomains only
		{"github.com", "", false},
		{"api.example-saas.com", "api.example-saas.com", true}, // the user's, added to the defaults
		{"eu.saas.example", "*.saas.example", true},
		{"backend.internal", "", false},
		{"", "", false},
	} {
		if got, ok := f.ThirdPartyHost(tc.host); got != tc.want || ok != tc.ok {
			t.Errorf("ThirdPartyHost(%q) = %q, %v; want %q, %v", tc.host, got, ok, tc.want, tc.ok)
		}
	}
	d, err := config.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := d.Flow.ThirdPartyHost("api.example-saas.com"); ok {
		t.Errorf("a user's host leaked into the memoized defaults")
	}
}

func TestFlowErrors(t *testing.T) {
	for _, tc := range []struct{ name, text, want string }{
		{"sink without check",
			"[[flow.sink]]\nfunc = \"log.Print\"\nargs = [0]\nkind = \"log\"\n",
			`:1:1: [[flow.sink]] "log.Print": check must be one of tokenlog, tokenpassthrough, tokeninurl`},
		{"sink without args",
			"[[flow.sink]]\nfunc = \"log.Print\"\ncheck = \"tokenlog\"\nkind = \"log\"\n",
			`:2:1: [[flow.sink]] "log.Print" needs args`},
		{"sink with bad arg",
			"[[flow.sink]]\nfunc = \"log.Print\"\nargs = [-2]\ncheck = \"tokenlog\"\nkind = \"log\"\n",
			`:3:1: argument index -2`},
		{"sink without func",
			"[[flow.sink]]\nargs = [0]\ncheck = \"tokenlog\"\nkind = \"log\"\n",
			`:1:1: [[flow.sink]] needs a func, funcs or field`},
		{"field sink with args",
			"[[flow.sink]]\nfield = \"example.com/m.Result.Text\"\nargs = [0]\ncheck = \"tokenlog\"\nkind = \"log\"\n",
			`:2:1: [[flow.sink]] with a field takes only check and kind`},
		{"field sink without type",
			"[[flow.sink]]\nfield = \"Text\"\ncheck = \"tokenlog\"\nkind = \"log\"\n",
			`:2:1: "Text" is not of the form package/path.Type.Field`},
		{"field sink without check",
			"[[flow.sink]]\nfield = \"example.com/m.Result.Text\"\nkind = \"log\"\n",
			`:1:1: [[flow.sink]] "example.com/m.Result.Text": check must be one of`},
		{"source without kind",
			"[[flow.source]]\nfunc = \"example.com/m.Secret\"\n",
			`:1:1: [[flow.source]] needs a kind`},
		{"source with bad type",
			"[[flow.source]]\ntype = \"Token\"\nkind = \"token\"\n",
			`:2:1: "Token" is not of the form package/path.Type`},
		{"source with type and func",
			"[[flow.source]]\ntype = \"example.com/m.Token\"\nfunc = \"example.com/m.Get\"\nkind = \"token\"\n",
			`:4:1: [[flow.source]] names a type and a func`},
		{"json_tags with a type",
			"[[flow.source]]\njson_tags = [\"api_key\"]\ntype = \"example.com/m.Token\"\nkind = \"token\"\n",
			`:2:1: [[flow.source]] with json_tags takes only kind and advice`},
		{"empty json tag",
			"[[flow.source]]\njson_tags = [\"\"]\nkind = \"token\"\n",
			`:2:1: json_tags: a JSON name cannot be empty`},
		{"keys without key_arg",
			"[[flow.source]]\nfunc = \"example.com/m.Get\"\nkeys = [\"token\"]\nkind = \"token\"\n",
			`:3:1: [[flow.source]]: key_arg and keys (or key_pattern) go together`},
		{"bad key_pattern",
			"[[flow.source]]\nfunc = \"os.Getenv\"\nkey_arg = 0\nkey_pattern = \"(TOKEN\"\nkind = \"token\"\n",
			`:4:1: key_pattern: error parsing regexp`},
		{"params with a result",
			"[[flow.source]]\nfunc = \"example.com/m.New\"\nparams = [0]\nresult = 1\nkind = \"token\"\n",
			`:3:1: [[flow.source]] with params marks parameters of funcs; it takes no type, key_arg or result`},
		{"negative param",
			"[[flow.source]]\nfunc = \"example.com/m.New\"\nparams = [-1]\nkind = \"token\"\n",
			`:3:1: parameter indexes must be 0 or more`},
		{"args with params",
			"[[flow.source]]\nfunc = \"example.com/m.Verify\"\nargs = [1]\nparams = [0]\nkind = \"token\"\n",
			`:3:1: [[flow.source]] with args marks the arguments given to funcs; it takes no type, key_arg, result or params`},
		{"sanitizer without reason",
			"[[flow.sanitizer]]\nfunc = \"example.com/m.Mask\"\n",
			`:2:1: [[flow.sanitizer]] "example.com/m.Mask" needs a reason`},
		{"third-party host with scheme",
			"[flow]\nthird_party_hosts = [\"api.example.com\", \"https://api.example.com/v1\"]\n",
			`:2:1: third_party_hosts: "https://api.example.com/v1" is not a host name`},
		{"third-party host with a wildcard inside",
			"[[flow.sanitizer]]\nfunc = \"example.com/m.Mask\"\nreason = \"masks\"\n\n[flow]\nthird_party_hosts = [\"api.*.example.com\"]\n",
			`:6:1: third_party_hosts: "api.*.example.com" is not a host name`},
		{"unknown key",
			"[[flow.sink]]\nfunc = \"log.Print\"\nargs = [0]\ncheck = \"tokenlog\"\nkind = \"log\"\nlevel = \"high\"\n",
			`:6:1: unknown key "flow.sink.level"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, dir, err := loadScopes(t, tc.text)
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			want := filepath.Join(dir, config.FileName) + tc.want
			if !strings.HasPrefix(err.Error(), want) {
				t.Errorf("error\n  %v\nwant prefix\n  %s", err, want)
			}
		})
	}
}

// The default rules' environment source matches credential names whole, not names that
// merely contain one.
func TestEnvKeyPattern(t *testing.T) {
	r, err := config.Defaults()
	if err != nil {
		t.Fatal(err)
	}
	var env *config.FlowFunc
	for i, s := range r.Flow.Source {
		if slices.Contains(s.Names(), "os.Getenv") {
			env = &r.Flow.Source[i]
		}
	}
	if env == nil {
		t.Fatal("no [[flow.source]] for os.Getenv")
	}
	for _, k := range []string{"GITHUB_TOKEN", "SLACK_BOT_TOKEN", "OPENAI_API_KEY", "ANTHROPIC_APIKEY", "GOOGLE_CLIENT_SECRET", "JWT_SECRET", "token", "Access_Token", "GITLAB_PAT", "NOTION_API_TOKEN"} {
		if !env.HasKey(k) {
			t.Errorf("%s: not a credential", k)
		}
	}
	for _, k := range []string{"TOKEN_URL", "GITHUB_TOKEN_PATH", "MAX_TOKENS", "OPENAI_MAX_TOKENS", "TOKEN_TTL", "SECRET_NAME", "API_KEY_HEADER", "CACHE_KEY", "HOME", "PATH", "SECRETS_DIR", "PATCH", "PATH_PREFIX", "TOKENIZER"} {
		if env.HasKey(k) {
			t.Errorf("%s: taken for a credential", k)
		}
	}
}
