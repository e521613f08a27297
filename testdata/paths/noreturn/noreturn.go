// Package noreturn holds functions that never return (each carries the fact) and
// look-alikes that do.
package noreturn

import (
	"errors"
	"log"
	"os"
	"testing"

	"github.com/sirupsen/logrus"
)

func exits() { // want exits:"noReturn"
	os.Exit(1)
}

func logsFatal(err error) { // want logsFatal:"noReturn"
	log.Printf("context")
	log.Fatal(err)
}

func viaOther() { // want viaOther:"noReturn"
	exits()
}

func panics(v any) { // want panics:"noReturn"
	panic(v)
}

func loopsForever() { // want loopsForever:"noReturn"
	for {
		log.Print("tick")
	}
}

func bothBranches(ok bool) { // want bothBranches:"noReturn"
	if ok {
		os.Exit(0)
	} else {
		logrus.Fatal("not ok")
	}
}

func testFatal(t testing.TB) { // want testFatal:"noReturn"
	t.Fatalf("failed")
}

// --- return ---

func returnsEarly(ok bool) {
	if ok {
		return
	}
	os.Exit(1)
}

func logsOnly(err error) error {
	log.Print(err)
	return errors.New("x")
}

func loopWithBreak() {
	for {
		break
	}
}

func oneBranch(ok bool) {
	if ok {
		os.Exit(1)
	}
}

func exitInClosure() {
	f := func() { os.Exit(1) }
	_ = f
}
