package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestNormaliseText(t *testing.T) {
	for _, c := range []struct{ check, in, want string }{
		{"tokenlog", "\t\tlog.Printf(\"token: %s\",   tok)  ", `log.Printf("token: %s", tok)`},
		{"tokenlog", `url := "https://example.com/a1b2c3d4e5f6g7h8"`, `url := "https://example.com/a1b2c3d4e5f6g7h8"`},
		{"tokeninurl", `q.Set("access_token", "abcd1234efgh5678ijkl")`, `q.Set("access_token", "abcd…(20 chars)")`},
		{"hardcodedsecret", "secret := `s3cr3tvalue`", "secret := `s3cr…(11 chars)`"},
		{"hardcodedsecret", `id := "short"`, `id := "short"`},
	} {
		if got := normaliseText(c.check, c.in); got != c.want {
			t.Errorf("normaliseText(%q, %q) = %q, want %q", c.check, c.in, got, c.want)
		}
	}
}

func TestFindingsRoundTrip(t *testing.T) {
	in := []finding{
		{"m@v1", "b.go", 7, "pkce", "", `u := c.AuthCodeURL(state)`, "no PKCE"},
		{"m@v1", "a.go", 3, "tokenlog", "plain", `log.Print(tok)`, "logs a token"},
	}
	var buf bytes.Buffer
	if err := writeFindings(&buf, in); err != nil {
		t.Fatal(err)
	}
	out, err := readFindings(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) != 2 || out[0].File != "a.go" || out[1] != in[1] {
		t.Errorf("round trip: got %+v", out)
	}
}

const ledger = `# header comment
m@v1	a.go	tokenlog	plain	log.Print(tok)	tp	logs the access token at info level
m@v1	b.go	pkce		u := c.AuthCodeURL(state)	fp	out-of-band flow with PKCE set elsewhere
m@v1	c.go	tokeninurl		q.Set("token", t)	policy:vendor-api	the vendor accepts the token only in the query
m@v1	gone.go	pkce		x()	tp	was fixed upstream
`

func TestCompare(t *testing.T) {
	rows, err := readLedger(strings.NewReader(ledger))
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding{
		{"m@v1", "a.go", 3, "tokenlog", "plain", "log.Print(tok)", "x"},
		{"m@v1", "a.go", 9, "tokenlog", "plain", "log.Print(tok)", "x"}, // same key, another line: counts again
		{"m@v1", "b.go", 40, "pkce", "", "u := c.AuthCodeURL(state)", "x"},
		{"m@v1", "c.go", 1, "tokeninurl", "", `q.Set("token", t)`, "x"},
		{"m@v1", "d.go", 1, "tokenlog", "plain", "log.Print(tok)", "x"}, // no row
	}
	c := compare(fs, rows)
	if len(c.Uncovered) != 1 || c.Uncovered[0].File != "d.go" {
		t.Errorf("uncovered = %+v", c.Uncovered)
	}
	if len(c.Stale) != 1 || c.Stale[0].File != "gone.go" {
		t.Errorf("stale = %+v", c.Stale)
	}
	if got := *c.Counts["tokenlog"]; got != (tally{TP: 2}) {
		t.Errorf("tokenlog = %+v", got)
	}
	if got := *c.Counts["all"]; got != (tally{TP: 2, FP: 1, Policy: 1}) {
		t.Errorf("all = %+v", got)
	}
	if p := c.Counts["all"].Precision(); p < 0.66 || p > 0.67 {
		t.Errorf("precision = %v, want 2/3", p)
	}
	if p := (tally{Policy: 3}).Precision(); p != -1 {
		t.Errorf("precision with no tp or fp = %v, want -1", p)
	}
	var out bytes.Buffer
	c.report(&out)
	if !strings.Contains(out.String(), "d.go") || !strings.Contains(out.String(), "0.67") {
		t.Errorf("report:\n%s", out.String())
	}
}

func TestReadLedgerRejects(t *testing.T) {
	for _, bad := range []string{
		"m\tf\tc\t\ttext\tmaybe\treason\n",   // unknown verdict
		"m\tf\tc\t\ttext\tpolicy:\treason\n", // policy without a name
		"m\tf\tc\t\ttext\ttp\t \n",           // no reason
		"m\tf\tc\ttext\ttp\treason\n",        // a field short
	} {
		if _, err := readLedger(strings.NewReader(bad)); err == nil {
			t.Errorf("readLedger(%q): no error", bad)
		}
	}
}
