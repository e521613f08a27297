// Command wild runs every oauthvet check over the wild corpus — real Go modules listed in
// bench/wild/modules.txt — and compares the findings with the triage ledger,
// bench/wild/triage.tsv, where a reviewer has judged each one.
//
//	go run ./bench/cmd/wild                    # every module (long: hours on two cores)
//	go run ./bench/cmd/wild -modules oauth2-proxy,kubelogin
//	go run ./bench/cmd/wild -skip-run          # recompute from bench/wild/findings.tsv
//
// It builds oauthvet from this repository, then for each module: downloads it through the
// module proxy (go mod download -json MOD@VER), copies it to a writable work directory under
// the user cache directory (os.UserCacheDir()/oauthvet-wild; kept and reused by later runs),
// runs go mod download there, and runs oauthvet -json -test ./... in it. The findings,
// normalised (module@version, file relative to the module, line, check, category, the source
// line trimmed with secret-looking literals masked, message), replace that module's lines in
// bench/wild/findings.tsv.
//
// It then prints the findings no ledger row covers (as rows to complete), the rows whose
// finding disappeared, and precision per check and overall: tp / (tp + fp), with the counts of
// tp, fp and policy calls. A ledger row is tab-separated: module@version, file, check,
// category, source line (as in findings.tsv; no line number, so a re-run still matches),
// verdict (tp, fp or policy:<name>), reason. Lines starting with # are comments.
//
// Flags: -modules a,b runs only the modules whose path contains one of the substrings;
// -j N runs N modules at once (default 1: a large module takes several GiB);
// -skip-run analyses nothing and compares the existing findings.tsv with the ledger.
// This is a heavy, documented command, not part of .ci/run.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	modulesFlag := flag.String("modules", "", "comma-separated substrings: run only the modules whose path contains one")
	jobs := flag.Int("j", 1, "modules analysed at once")
	skipRun := flag.Bool("skip-run", false, "do not analyse; compare bench/wild/findings.tsv with the ledger")
	flag.Parse()
	log.SetFlags(0)

	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
	wild := filepath.Join(repo, "bench", "wild")
	findingsPath := filepath.Join(wild, "findings.tsv")

	var findings []finding
	if data, err := os.ReadFile(findingsPath); err == nil {
		if findings, err = readFindings(bytes.NewReader(data)); err != nil {
			log.Fatalf("%s: %v", findingsPath, err)
		}
	}
	if !*skipRun {
		mods, err := readModules(filepath.Join(wild, "modules.txt"), *modulesFlag)
		if err != nil {
			log.Fatal(err)
		}
		findings = runAll(repo, mods, *jobs, findings, func(fs []finding) {
			var buf bytes.Buffer
			if err := writeFindings(&buf, fs); err != nil {
				log.Fatal(err)
			}
			if err := os.WriteFile(findingsPath, buf.Bytes(), 0o644); err != nil {
				log.Fatal(err)
			}
		})
	}

	data, err := os.ReadFile(filepath.Join(wild, "triage.tsv"))
	if err != nil && !os.IsNotExist(err) {
		log.Fatal(err)
	}
	rows, err := readLedger(bytes.NewReader(data))
	if err != nil {
		log.Fatalf("triage.tsv: %v", err)
	}
	compare(findings, rows).report(os.Stdout)
}

// readModules returns the module@version fields of modules.txt, filtered by the -modules
// substrings.
func readModules(path, filter string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var mods []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		mod := strings.Fields(l)[0]
		if filter == "" || containsAny(mod, strings.Split(filter, ",")) {
			mods = append(mods, mod)
		}
	}
	return mods, sc.Err()
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if sub != "" && strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// runAll builds oauthvet and analyses mods, jobs at a time. Each module's new findings
// replace its old ones in prev, and save is called after each module, so an interrupted run
// keeps what it did; a module that fails keeps its old findings.
func runAll(repo string, mods []string, jobs int, prev []finding, save func([]finding)) []finding {
	bin, err := os.MkdirTemp("", "oauthvet-wild")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(bin)
	oauthvet := filepath.Join(bin, "oauthvet")
	if out, err := command(repo, "go", "build", "-o", oauthvet, "./cmd/oauthvet").CombinedOutput(); err != nil {
		log.Fatalf("building oauthvet: %v\n%s", err, out)
	}
	cache, err := os.UserCacheDir()
	if err != nil {
		log.Fatal(err)
	}
	work := filepath.Join(cache, "oauthvet-wild")

	var mu sync.Mutex
	sem := make(chan bool, max(jobs, 1))
	var wg sync.WaitGroup
	for _, mod := range mods {
		wg.Add(1)
		sem <- true
		go func() {
			defer func() { <-sem; wg.Done() }()
			start := time.Now()
			fs, err := analyse(oauthvet, work, mod)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				log.Printf("%s: FAILED after %s: %v", mod, time.Since(start).Round(time.Second), err)
				return
			}
			log.Printf("%s: %d findings in %s", mod, len(fs), time.Since(start).Round(time.Second))
			kept := fs
			for _, f := range prev {
				if f.Module != mod {
					kept = append(kept, f)
				}
			}
			prev = kept
			save(prev)
		}()
	}
	wg.Wait()
	return prev
}

// analyse prepares the module's work directory (once) and runs oauthvet in it.
func analyse(oauthvet, work, mod string) ([]finding, error) {
	dir := filepath.Join(work, strings.ReplaceAll(mod, "/", "_"))
	ready := filepath.Join(dir, ".oauthvet-wild-ready")
	if _, err := os.Stat(ready); err != nil {
		if err := prepare(dir, mod); err != nil {
			return nil, err
		}
		if err := os.WriteFile(ready, nil, 0o644); err != nil {
			return nil, err
		}
	}
	var stdout, stderr bytes.Buffer
	cmd := command(dir, oauthvet, "-json", "-test", "./...")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if err != nil && stdout.Len() == 0 {
		return nil, fmt.Errorf("oauthvet: %v\n%s", err, tail(stderr.String(), 20))
	}
	if err != nil || stderr.Len() > 0 {
		// Packages that fail to load are skipped; the rest are still analysed.
		log.Printf("%s: oauthvet: %v\n%s", mod, err, tail(stderr.String(), 10))
	}
	return parseJSON(stdout.Bytes(), dir, mod)
}

// prepare copies the module from the module cache to dir, writable, and downloads its
// dependencies there.
func prepare(dir, mod string) error {
	out, err := command("", "go", "mod", "download", "-json", mod).Output()
	if err != nil {
		return fmt.Errorf("go mod download %s: %v\n%s", mod, err, out)
	}
	var info struct{ Dir, Error string }
	if err := json.Unmarshal(out, &info); err != nil || info.Dir == "" {
		return fmt.Errorf("go mod download %s: %v %s", mod, err, info.Error)
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := copyTree(info.Dir, dir); err != nil {
		return err
	}
	if out, err := command(dir, "go", "mod", "download").CombinedOutput(); err != nil {
		return fmt.Errorf("go mod download in %s: %v\n%s", dir, err, tail(string(out), 20))
	}
	return nil
}

func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// parseJSON reads oauthvet's -json tree ({"pkg": {"check": [diagnostic...]}}) and normalises
// each diagnostic once: with -test a package's findings also appear under its test variants.
func parseJSON(out []byte, dir, mod string) ([]finding, error) {
	type diagnostic struct{ Posn, Message, Category string }
	var tree map[string]map[string]json.RawMessage
	dec := json.NewDecoder(bytes.NewReader(out))
	seen := map[finding]bool{}
	var fs []finding
	lines := map[string][]string{}
	for dec.More() {
		tree = nil
		if err := dec.Decode(&tree); err != nil {
			return nil, fmt.Errorf("decoding oauthvet -json: %v", err)
		}
		for _, checks := range tree {
			for check, raw := range checks {
				var diags []diagnostic
				if json.Unmarshal(raw, &diags) != nil {
					var e struct{ Error string }
					json.Unmarshal(raw, &e)
					log.Printf("%s: %s failed: %s", mod, check, tail(e.Error, 3))
					continue
				}
				for _, d := range diags {
					f, ok := normalise(check, d.Posn, d.Message, d.Category, dir, mod, lines)
					if ok && !seen[f] {
						seen[f] = true
						fs = append(fs, f)
					}
				}
			}
		}
	}
	return fs, nil
}

// normalise turns an absolute position into a module-relative file and line, and reads the
// line's text. Positions outside the module (generated test mains) are dropped.
func normalise(check, posn, message, category, dir, mod string, lines map[string][]string) (finding, bool) {
	parts := strings.Split(posn, ":") // file:line:col
	if len(parts) < 3 {
		return finding{}, false
	}
	file := strings.Join(parts[:len(parts)-2], ":")
	line, err := strconv.Atoi(parts[len(parts)-2])
	if err != nil {
		return finding{}, false
	}
	rel, err := filepath.Rel(dir, file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return finding{}, false
	}
	src, ok := lines[file]
	if !ok {
		data, _ := os.ReadFile(file)
		src = strings.Split(string(data), "\n")
		lines[file] = src
	}
	text := ""
	if line >= 1 && line <= len(src) {
		text = normaliseText(check, src[line-1])
	}
	return finding{mod, filepath.ToSlash(rel), line, check, category, text, clean(message)}, true
}

func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off", "GOTOOLCHAIN=local")
	return cmd
}

func tail(s string, n int) string {
	ls := strings.Split(strings.TrimSpace(s), "\n")
	if len(ls) > n {
		ls = ls[len(ls)-n:]
	}
	return strings.Join(ls, "\n")
}
