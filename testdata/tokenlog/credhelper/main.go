// Command credhelper prints a token for another program (a git or docker credential
// helper, kubectl's exec plugin, `tool token`): its stdout is that program's input, not a
// log.
package main

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"os"

	"golang.org/x/oauth2"
)

func main() {
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: os.Getenv("SEED")})
	tok, err := ts.Token()
	if err != nil {
		log.Fatal(err)
	}
	switch os.Args[1] {
	case "token":
		fmt.Println(tok.AccessToken)
	case "get":
		fmt.Fprintf(os.Stdout, "username=oauth2\npassword=%s\n", tok.AccessToken)
	case "raw":
		fmt.Print(tok.AccessToken)
	case "printf":
		fmt.Printf("%s\n", tok.AccessToken)
	}
	output := map[string]string{"username": "oauth2", "password": tok.AccessToken}
	for key, v := range output {
		fmt.Printf("%s=%s\n", key, v)
	}
	printToken(context.Background(), tok)
	fmt.Printf("%s token %s\n", "new", tok.AccessToken)                   // want `OAuth token printed to stdout \(fmt.Printf\)`
	fmt.Printf("logged in as %s with token %s\n", "ann", tok.AccessToken) // want `OAuth token printed to stdout \(fmt.Printf\): it ends up in terminals and logs; log only metadata`
	fmt.Fprintln(os.Stderr, tok.AccessToken)                              // want `OAuth token written to stdout or stderr \(fmt.Fprintln\): it ends up in terminals and in the logs that collect the program's output; log only metadata`
	log.Println("token", tok.AccessToken)                                 // want `OAuth token reaches a log \(log.Println\)`
}

func printToken(ctx context.Context, tok *oauth2.Token) {
	fmt.Println(tok.RefreshToken)
}

// A request handler's stdout is a server's log.
func serve(w http.ResponseWriter, r *http.Request) {
	fmt.Println(r.Header.Get("Authorization")) // want `Authorization header printed to stdout \(fmt.Println\)`
}
