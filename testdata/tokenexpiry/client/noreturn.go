package client

import (
	"log"
	"net/http"
	"os"

	"github.com/sirupsen/logrus"
)

// --- unchecked: a branch that never returns ends the path; the check on the other one
// then holds for every way on ---

func (a *api) fatalOtherwise(req *http.Request, interactive bool) {
	if interactive {
		if !a.tok.Valid() {
			return
		}
	} else {
		log.Fatal("run interactively")
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
}

func (a *api) exitOtherwise(req *http.Request, interactive bool) {
	if interactive {
		if !a.tok.Valid() {
			return
		}
	} else {
		os.Exit(2)
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
}

// die never returns: ctrlflow's noReturn fact covers the project's own functions.
func die(msg string) {
	log.Printf("fatal: %s", msg)
	os.Exit(1)
}

func (a *api) ownNoReturnOtherwise(req *http.Request, interactive bool) {
	if interactive {
		if !a.tok.Valid() {
			return
		}
	} else {
		die("run interactively")
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
}

func (a *api) logrusFatalOtherwise(req *http.Request, interactive bool) {
	if interactive {
		if !a.tok.Valid() {
			return
		}
	} else {
		logrus.Fatalf("run interactively")
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken)
}

// --- unchecked: a branch that logs and goes on does not end the path ---

func (a *api) printOtherwise(req *http.Request, interactive bool) {
	if interactive {
		if !a.tok.Valid() {
			return
		}
	} else {
		log.Print("not interactive")
	}
	req.Header.Set("Authorization", "Bearer "+a.tok.AccessToken) // want `AccessToken of a token kept in field tok`
}
