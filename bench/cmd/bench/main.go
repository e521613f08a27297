// Command bench measures oauthvet against the floor every go/analysis tool pays (a null
// analyzer), the SSA floor, and gosec when it is installed, on the same packages of the
// benchmark corpus, in one run with the tools interleaved. It prints the median wall time
// (min–max), CPU time, peak memory and the ratios to the floor. oauthvet runs without its
// cache (a cold run), and again with it, filled by the warm-up run (a second run over
// unchanged code); under go vet the results are cold (a fresh config each run).
//
//	go run ./bench/cmd/bench                 # LRG target, standalone and go vet, 5 runs
//	go run ./bench/cmd/bench -target MED -runs 3 -vet=false
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"text/tabwriter"
	"time"
)

// Targets are the package sets of ../shared/bench/README.md.
var targets = map[string][]string{
	"MED": {"github.com/mark3labs/mcp-go/...", "github.com/modelcontextprotocol/go-sdk/...", "golang.org/x/oauth2/...", "github.com/coreos/go-oidc/v3/...", "github.com/golang-jwt/jwt/v5/..."},
}

func init() {
	targets["LRG"] = append(slices.Clone(targets["MED"]), "google.golang.org/api/gmail/v1", "google.golang.org/api/drive/v3", "github.com/google/go-github/v89/...", "github.com/slack-go/slack/...")
	targets["XL"] = append(slices.Clone(targets["LRG"]), "github.com/github/github-mcp-server/...")
}

type tool struct {
	name string
	args func(nonce int) []string // the command line, with a fresh nonce for cold go vet runs
}

type sample struct {
	wall, cpu time.Duration
	peakMiB   float64
	exit      int
}

func main() {
	target := flag.String("target", "LRG", "package set: MED, LRG or XL")
	runs := flag.Int("runs", 5, "runs of each command")
	vet := flag.Bool("vet", true, "also measure under go vet -vettool (cold results, warm build cache)")
	standalone := flag.Bool("standalone", true, "measure the standalone drivers")
	flag.Parse()
	pkgs, ok := targets[*target]
	if !ok {
		log.Fatalf("unknown target %q", *target)
	}

	_, file, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(file), "..", "..", "..")
	corpus := filepath.Join(repo, "bench", "corpus")
	bin, err := os.MkdirTemp("", "oauthvet-bench")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(bin)
	for _, p := range []string{"./cmd/oauthvet", "./bench/cmd/nullcheck", "./bench/cmd/nullssa", "./bench/cmd/nullfacts"} {
		must(run(repo, "go", "build", "-o", bin, p))
	}
	// oauthvet's per-package cache, empty at the start: only the "cached" row uses it.
	must(os.Setenv("OAUTHVET_CACHE", filepath.Join(bin, "cache")))
	oauthvet, nullcheck, nullssa, nullfacts := filepath.Join(bin, "oauthvet"), filepath.Join(bin, "nullcheck"), filepath.Join(bin, "nullssa"), filepath.Join(bin, "nullfacts")
	// An empty config named by a fresh path changes go vet's cache key for oauthvet.
	nonceConfig := func(n int) string {
		p := filepath.Join(bin, fmt.Sprintf("nonce%d.toml", n))
		must(os.WriteFile(p, nil, 0o644))
		return p
	}

	fmt.Printf("target %s (%d patterns), %d runs each, %d CPUs, %s\n", *target, len(pkgs), *runs, runtime.NumCPU(), runtime.Version())
	fmt.Println("priming the build cache ...")
	must(run(corpus, "go", "build", "./..."))
	must(run(corpus, "go", append([]string{"vet", "-vettool=" + nullcheck}, pkgs...)...))

	var tools []tool
	if *standalone {
		tools = append(tools,
			tool{"null floor", func(int) []string { return append([]string{nullcheck}, pkgs...) }},
			tool{"null + buildssa", func(int) []string { return append([]string{nullssa}, pkgs...) }},
			tool{"null + facts", func(int) []string { return append([]string{nullfacts}, pkgs...) }},
			tool{"oauthvet (all checks)", func(int) []string { return append([]string{oauthvet, "-cache=false"}, pkgs...) }},
			// The warm-up run fills the cache: this is a second run over unchanged code.
			tool{"oauthvet, cached", func(int) []string { return append([]string{oauthvet}, pkgs...) }},
		)
		if gosec, err := exec.LookPath("gosec"); err == nil {
			// gosec takes directories, not import paths: give it each package's.
			out, err := command(corpus, "go", append([]string{"list", "-f", "{{.Dir}}"}, pkgs...)...).Output()
			must(err)
			dirs := strings.Fields(string(out))
			tools = append(tools, tool{"gosec -tests", func(int) []string {
				return append([]string{gosec, "-quiet", "-tests", "-fmt=json", "-out=" + os.DevNull}, dirs...)
			}})
		} else {
			fmt.Println("gosec is not on PATH: not measured (go install github.com/securego/gosec/v2/cmd/gosec@v2.30.0)")
		}
	}
	if *vet {
		tools = append(tools,
			tool{"go vet: null floor", func(n int) []string {
				return append([]string{"go", "vet", "-vettool=" + nullcheck, fmt.Sprintf("-null.nonce=%d", n)}, pkgs...)
			}},
			tool{"go vet: null + buildssa", func(n int) []string {
				return append([]string{"go", "vet", "-vettool=" + nullssa, fmt.Sprintf("-nullssa.nonce=%d", n)}, pkgs...)
			}},
			tool{"go vet: null + facts", func(n int) []string {
				return append([]string{"go", "vet", "-vettool=" + nullfacts, fmt.Sprintf("-nullfacts.nonce=%d", n)}, pkgs...)
			}},
			tool{"go vet: oauthvet", func(n int) []string {
				return append([]string{"go", "vet", "-vettool=" + oauthvet, "-oauthvet.config=" + nonceConfig(n)}, pkgs...)
			}},
		)
	}

	results := make([][]sample, len(tools))
	nonce := int(time.Now().UnixNano() % 1e9)
	fmt.Println("warming up: each command once, not counted ...")
	for _, t := range tools {
		nonce++
		measure(corpus, t.args(nonce))
	}
	for r := 0; r < *runs; r++ {
		for i, t := range tools {
			nonce++
			s := measure(corpus, t.args(nonce))
			results[i] = append(results[i], s)
			fmt.Fprintf(os.Stderr, "run %d %-24s %6.2fs %6.0f MiB exit %d\n", r+1, t.name, s.wall.Seconds(), s.peakMiB, s.exit)
		}
	}

	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "command\twall s (min–max)\tCPU s\tpeak MiB\twall ÷ floor\tmem ÷ floor\texit\t")
	var floor sample
	for i, t := range tools {
		med := median(results[i])
		if t.name == "null floor" || t.name == "go vet: null floor" {
			floor = med
		}
		lo, hi := minMax(results[i])
		fmt.Fprintf(w, "%s\t%.2f (%.2f–%.2f)\t%.2f\t%.0f\t%.2f\t%.2f\t%d\t\n", t.name, med.wall.Seconds(), lo.Seconds(), hi.Seconds(),
			med.cpu.Seconds(), med.peakMiB, med.wall.Seconds()/floor.wall.Seconds(), med.peakMiB/floor.peakMiB, med.exit)
	}
	w.Flush()
	fmt.Println("(ratios are to the null floor of the same driver; go vet peak memory is its largest single process)")
}

// measure runs a command and returns its wall time, CPU time and peak resident memory (of
// the largest process in its tree that it waited for).
func measure(dir string, argv []string) sample {
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = dir
	start := time.Now()
	err := cmd.Run()
	s := sample{wall: time.Since(start)}
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			s.exit = ee.ExitCode()
		} else {
			log.Fatalf("%s: %v", strings.Join(argv, " "), err)
		}
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
		s.peakMiB = float64(ru.Maxrss) / 1024 // Linux reports KiB
	}
	return s
}

func median(xs []sample) sample {
	by := func(key func(sample) float64) float64 {
		v := make([]float64, len(xs))
		for i, x := range xs {
			v[i] = key(x)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	return sample{
		wall:    time.Duration(by(func(s sample) float64 { return float64(s.wall) })),
		cpu:     time.Duration(by(func(s sample) float64 { return float64(s.cpu) })),
		peakMiB: by(func(s sample) float64 { return s.peakMiB }),
		exit:    xs[len(xs)/2].exit,
	}
}

func minMax(xs []sample) (time.Duration, time.Duration) {
	lo, hi := xs[0].wall, xs[0].wall
	for _, x := range xs {
		lo, hi = min(lo, x.wall), max(hi, x.wall)
	}
	return lo, hi
}

func command(dir, name string, args ...string) *exec.Cmd {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	return cmd
}

func run(dir, name string, args ...string) error {
	out, err := command(dir, name, args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return nil
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
