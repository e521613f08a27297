// Command sweep runs every oauthvet check over the standard library and the whole
// dependency closure of the benchmark corpus (every package, tests included), twice, and
// fails on any panic, any analyzer error, or any difference between the two runs. It then
// runs the same packages under go vet -vettool (cold results) and fails on any error there
// or any finding that differs from the standalone runs.
//
//	go run ./bench/cmd/sweep            # std and the corpus closure ("std all")
//	go run ./bench/cmd/sweep -pkgs std  # a quicker sweep
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

func main() {
	pkgs := flag.String("pkgs", "std all", "package patterns, resolved in the corpus module")
	flag.Parse()

	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
	corpus := filepath.Join(repo, "bench", "corpus")
	bin, err := os.MkdirTemp("", "oauthvet-sweep")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(bin)
	oauthvet := filepath.Join(bin, "oauthvet")
	if out, err := command(repo, "go", "build", "-o", oauthvet, "./cmd/oauthvet").CombinedOutput(); err != nil {
		log.Fatalf("building oauthvet: %v\n%s", err, out)
	}

	var outputs [2][]byte
	var tree map[string]map[string]json.RawMessage
	for i := range outputs {
		start := time.Now()
		cmd := command(corpus, oauthvet, append([]string{"-json", "-test"}, strings.Fields(*pkgs)...)...)
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		fmt.Printf("run %d: %.1fs, exit %v\n", i+1, time.Since(start).Seconds(), exitCode(err))
		if strings.Contains(stderr.String(), "panic") {
			log.Fatalf("the run panicked:\n%s", stderr.String())
		}
		if stderr.Len() > 0 {
			lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
			fmt.Printf("  %d lines on stderr (package load errors in the analysed code), first: %s\n", len(lines), lines[0])
		}
		outputs[i] = stdout.Bytes()
		tree = map[string]map[string]json.RawMessage{}
		if err := json.Unmarshal(outputs[i], &tree); err != nil {
			log.Fatalf("run %d: bad JSON: %v", i+1, err)
		}
	}

	seen, errs := collect(tree)
	findings := map[string]int{}
	for k := range seen {
		findings[k.check]++
	}

	// The same packages under go vet, which analyses each package in a process of its own
	// (dependencies only for their facts) and a package with in-package tests only as its
	// test variant. An empty config at a fresh path makes its results cold.
	start := time.Now()
	nonce := filepath.Join(bin, fmt.Sprintf("nonce%d.toml", time.Now().UnixNano()))
	if err := os.WriteFile(nonce, nil, 0o644); err != nil {
		log.Fatal(err)
	}
	vet := command(corpus, "go", append([]string{"vet", "-vettool=" + oauthvet, "-oauthvet.config=" + nonce, "-json"}, strings.Fields(*pkgs)...)...)
	var vetOut bytes.Buffer
	vet.Stdout, vet.Stderr = &vetOut, &vetOut
	vetErr := vet.Run()
	fmt.Printf("go vet: %.1fs, exit %v\n", time.Since(start).Seconds(), exitCode(vetErr))
	vetTrees, err := vetJSON(vetOut.Bytes())
	if err != nil {
		log.Fatalf("go vet: %v\n%s", err, vetOut.String())
	}
	vetSeen := map[finding]bool{}
	for _, t := range vetTrees {
		s, e := collect(t)
		for k := range s {
			vetSeen[k] = true
		}
		for _, x := range e {
			errs = append(errs, "go vet: "+x)
		}
	}
	if strings.Contains(vetOut.String(), "panic") && !strings.Contains(vetOut.String(), "panicked on package") {
		log.Fatalf("go vet panicked:\n%s", vetOut.String())
	}
	var diff []string
	for k := range seen {
		if !vetSeen[k] {
			diff = append(diff, fmt.Sprintf("only standalone: %s: %s: %s", k.posn, k.check, k.message))
		}
	}
	for k := range vetSeen {
		if !seen[k] {
			diff = append(diff, fmt.Sprintf("only go vet: %s: %s: %s", k.posn, k.check, k.message))
		}
	}
	sort.Strings(diff)
	for _, d := range diff {
		fmt.Println(d)
	}
	same := len(diff) == 0
	sort.Strings(errs)
	panics := 0
	for _, e := range errs {
		if strings.Contains(e, "panicked") {
			panics++
		}
		fmt.Println("error:", e)
	}
	n := packageCount(corpus, *pkgs)
	fmt.Printf("packages: %d (with their tests); findings by check: %v\n", n, findings)
	fmt.Printf("%d panics, %d analyzer errors, deterministic: %v, go vet agrees: %v\n", panics, len(errs), bytes.Equal(outputs[0], outputs[1]), same)
	if len(errs) > 0 || !bytes.Equal(outputs[0], outputs[1]) || !same {
		os.Exit(1)
	}
}

type finding struct{ check, posn, message string }

// collect returns the findings of a JSON tree (a file of a package and of its test variant
// counts once) and its analyzer errors.
func collect(tree map[string]map[string]json.RawMessage) (map[finding]bool, []string) {
	seen := map[finding]bool{}
	var errs []string
	for pkg, analyzers := range tree {
		for name, raw := range analyzers {
			var e struct{ Error string }
			if json.Unmarshal(raw, &e) == nil && e.Error != "" {
				errs = append(errs, fmt.Sprintf("%s: %s: %s", pkg, name, e.Error))
				continue
			}
			var diags []struct{ Posn, Message string }
			if err := json.Unmarshal(raw, &diags); err != nil {
				log.Fatalf("%s: %s: unexpected JSON %s", pkg, name, raw)
			}
			for _, d := range diags {
				seen[finding{name, d.Posn, d.Message}] = true
			}
		}
	}
	return seen, errs
}

// vetJSON decodes go vet -json output: a JSON tree per package, each after a "# pkg" line.
func vetJSON(out []byte) ([]map[string]map[string]json.RawMessage, error) {
	var kept []string
	for _, line := range strings.Split(string(out), "\n") {
		if !strings.HasPrefix(line, "#") {
			kept = append(kept, line)
		}
	}
	dec := json.NewDecoder(strings.NewReader(strings.Join(kept, "\n")))
	var trees []map[string]map[string]json.RawMessage
	for dec.More() {
		var t map[string]map[string]json.RawMessage
		if err := dec.Decode(&t); err != nil {
			return nil, fmt.Errorf("bad JSON after %d trees: %v", len(trees), err)
		}
		trees = append(trees, t)
	}
	return trees, nil
}

func packageCount(dir, patterns string) int {
	out, err := command(dir, "go", append([]string{"list"}, strings.Fields(patterns)...)...).Output()
	if err != nil {
		return -1
	}
	return strings.Count(string(out), "\n")
}

func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return cmd
}

func exitCode(err error) int {
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode()
	}
	if err != nil {
		log.Fatal(err)
	}
	return 0
}
