package main

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// A finding is one diagnostic, normalised: a line of findings.tsv.
type finding struct {
	Module   string // module@version
	File     string // slash path relative to the module root
	Line     int
	Check    string // analyzer name
	Category string
	Text     string // the reported source line, trimmed, whitespace collapsed, long literals masked
	Message  string
}

// key is what a ledger row matches: everything but the line number and the message, so that
// an edit elsewhere in the file or a reworded message still finds its verdict.
type key struct{ Module, File, Check, Category, Text string }

func (f finding) key() key { return key{f.Module, f.File, f.Check, f.Category, f.Text} }

// A row is one line of the ledger, triage.tsv.
type row struct {
	key
	Verdict string // tp, fp or policy:<name>
	Reason  string
	Line    int // line number in triage.tsv, for messages
}

// kind is the verdict without the policy's name: "tp", "fp" or "policy".
func (r row) kind() string {
	if strings.HasPrefix(r.Verdict, "policy:") {
		return "policy"
	}
	return r.Verdict
}

const findingsHeader = "# module@version\tfile\tline\tcheck\tcategory\tsource line\tmessage"

func clean(s string) string { return strings.Join(strings.Fields(s), " ") }

// normaliseText makes a source line into a stable key: trimmed, whitespace collapsed, and
// every string literal that may be a secret reduced to its first four characters and its
// length, so no secret is written out whole. On a hardcodedsecret line that is every literal
// of 8 characters or more; elsewhere, literals of 16 or more with letters and digits and no
// spaces, format verbs or "://".
func normaliseText(check, s string) string {
	return literal.ReplaceAllStringFunc(clean(s), func(lit string) string {
		body := []rune(lit[1 : len(lit)-1])
		if check == "hardcodedsecret" {
			if len(body) < 8 {
				return lit
			}
		} else if len(body) < 16 || !strings.ContainsAny(string(body), "0123456789") ||
			!strings.ContainsFunc(string(body), unicode.IsLetter) ||
			strings.ContainsAny(string(body), " %") || strings.Contains(string(body), "://") {
			return lit
		}
		return fmt.Sprintf("%c%s…(%d chars)%c", lit[0], string(body[:4]), len(body), lit[0])
	})
}

var literal = regexp.MustCompile("\"(?:[^\"\\\\]|\\\\.)*\"|`[^`]*`")

func writeFindings(w io.Writer, fs []finding) error {
	sortFindings(fs)
	b := bufio.NewWriter(w)
	fmt.Fprintln(b, findingsHeader)
	for _, f := range fs {
		fmt.Fprintf(b, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", f.Module, f.File, f.Line, f.Check, f.Category, f.Text, clean(f.Message))
	}
	return b.Flush()
}

func sortFindings(fs []finding) {
	sort.Slice(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Module != b.Module {
			return a.Module < b.Module
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Check != b.Check {
			return a.Check < b.Check
		}
		return a.Message < b.Message
	})
}

func readFindings(r io.Reader) ([]finding, error) {
	var fs []finding
	err := eachRecord(r, 7, func(n int, c []string) error {
		line, err := strconv.Atoi(c[2])
		if err != nil {
			return fmt.Errorf("line %d: bad line number %q", n, c[2])
		}
		fs = append(fs, finding{c[0], c[1], line, c[3], c[4], c[5], c[6]})
		return nil
	})
	return fs, err
}

func readLedger(r io.Reader) ([]row, error) {
	var rows []row
	err := eachRecord(r, 7, func(n int, c []string) error {
		rw := row{key{c[0], c[1], c[2], c[3], c[4]}, c[5], c[6], n}
		if v := rw.kind(); v != "tp" && v != "fp" && !(v == "policy" && len(rw.Verdict) > len("policy:")) {
			return fmt.Errorf("line %d: verdict %q is not tp, fp or policy:<name>", n, rw.Verdict)
		}
		if strings.TrimSpace(rw.Reason) == "" {
			return fmt.Errorf("line %d: no reason", n)
		}
		rows = append(rows, rw)
		return nil
	})
	return rows, err
}

// eachRecord calls fn with the tab-separated fields of each line that is neither blank nor a
// "#" comment, requiring exactly n fields.
func eachRecord(r io.Reader, n int, fn func(lineNo int, fields []string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	for i := 1; sc.Scan(); i++ {
		l := sc.Text()
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != n {
			return fmt.Errorf("line %d: %d fields, want %d", i, len(c), n)
		}
		if err := fn(i, c); err != nil {
			return err
		}
	}
	return sc.Err()
}

// A comparison is the findings set against the ledger.
type comparison struct {
	Uncovered []finding         // findings no row covers
	Stale     []row             // rows that cover no finding
	Duplicate []row             // rows whose key an earlier row already has
	Counts    map[string]*tally // per check, and "all"
}

type tally struct{ TP, FP, Policy int }

// Precision is tp/(tp+fp), or -1 when there is neither.
func (t tally) Precision() float64 {
	if t.TP+t.FP == 0 {
		return -1
	}
	return float64(t.TP) / float64(t.TP+t.FP)
}

// compare matches each finding to the ledger row with its key and counts verdicts per
// finding: two findings on identical lines of one file share a row and count twice.
func compare(fs []finding, rows []row) comparison {
	c := comparison{Counts: map[string]*tally{"all": {}}}
	byKey := map[key]row{}
	for _, r := range rows {
		if _, dup := byKey[r.key]; dup {
			c.Duplicate = append(c.Duplicate, r)
			continue
		}
		byKey[r.key] = r
	}
	used := map[key]bool{}
	for _, f := range fs {
		r, ok := byKey[f.key()]
		if !ok {
			c.Uncovered = append(c.Uncovered, f)
			continue
		}
		used[r.key] = true
		t := c.Counts[f.Check]
		if t == nil {
			t = &tally{}
			c.Counts[f.Check] = t
		}
		for _, t := range []*tally{t, c.Counts["all"]} {
			switch r.kind() {
			case "tp":
				t.TP++
			case "fp":
				t.FP++
			default:
				t.Policy++
			}
		}
	}
	for _, r := range rows {
		if !used[r.key] && byKey[r.key].Line == r.Line {
			c.Stale = append(c.Stale, r)
		}
	}
	return c
}

// report prints the comparison: uncovered findings as ledger rows to fill in, stale rows,
// and the precision table.
func (c comparison) report(w io.Writer) {
	if len(c.Uncovered) > 0 {
		fmt.Fprintf(w, "\n%d findings no ledger row covers (as rows to complete; line and message after the ?):\n", len(c.Uncovered))
		for _, f := range c.Uncovered {
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t?\t%d: %s\n", f.Module, f.File, f.Check, f.Category, f.Text, f.Line, clean(f.Message))
		}
	}
	if len(c.Stale) > 0 {
		fmt.Fprintf(w, "\n%d ledger rows whose finding disappeared:\n", len(c.Stale))
		for _, r := range c.Stale {
			fmt.Fprintf(w, "triage.tsv:%d: %s %s %s %s: %s\n", r.Line, r.Module, r.File, r.Check, r.Verdict, r.Text)
		}
	}
	for _, r := range c.Duplicate {
		fmt.Fprintf(w, "triage.tsv:%d: duplicate key, ignored\n", r.Line)
	}
	checks := make([]string, 0, len(c.Counts))
	for k := range c.Counts {
		if k != "all" {
			checks = append(checks, k)
		}
	}
	sort.Strings(checks)
	fmt.Fprintf(w, "\n%-18s %5s %5s %7s %9s\n", "check", "tp", "fp", "policy", "precision")
	for _, k := range append(checks, "all") {
		t := c.Counts[k]
		p := "-"
		if t.Precision() >= 0 {
			p = fmt.Sprintf("%.2f", t.Precision())
		}
		fmt.Fprintf(w, "%-18s %5d %5d %7d %9s\n", k, t.TP, t.FP, t.Policy, p)
	}
	if n := len(c.Uncovered); n > 0 {
		fmt.Fprintf(w, "(%d findings not yet judged are not counted)\n", n)
	}
}
