// Package pasted holds copy-and-paste ("out of band") logins: the user types the code the
// server displays into the program, and no handler ever receives a redirect. There is no
// callback to forge, so a fixed state there is not login CSRF; beside them, logins whose
// code does come back through a redirect keep their findings.
package pasted

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"os"
	"strings"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/authhandler"
)

const oobRedirect = "urn:ietf:wg:oauth:2.0:oob"

var endpoint = oauth2.Endpoint{AuthURL: "https://as.example.com/authorize", TokenURL: "https://as.example.com/token"}

// ---- silent: copy and paste ----

// The quickstart shape: print the URL, scan the code, exchange it.
func tokenFromWeb(config *oauth2.Config) *oauth2.Token {
	authURL := config.AuthCodeURL("state-token", oauth2.AccessTypeOffline)
	fmt.Printf("Go to the following link in your browser then type the authorization code:\n%v\n", authURL)
	var authCode string
	if _, err := fmt.Scan(&authCode); err != nil {
		log.Fatalf("Unable to read authorization code: %v", err)
	}
	tok, err := config.Exchange(context.TODO(), authCode)
	if err != nil {
		log.Fatalf("Unable to retrieve token from web: %v", err)
	}
	return tok
}

// An out-of-band redirect URI in the config's literal.
func oobLiteral() string {
	cfg := &oauth2.Config{ClientID: "cli", Endpoint: endpoint, RedirectURL: "urn:ietf:wg:oauth:2.0:oob"}
	return cfg.AuthCodeURL("state")
}

var oobConfig = oauth2.Config{ClientID: "cli", Endpoint: endpoint, RedirectURL: oobRedirect}

func oobPackageConfig() string {
	return oobConfig.AuthCodeURL("")
}

type agent struct {
	in  io.Reader
	out io.Writer
}

// The redirect set to out-of-band just before, and the code read from an injected reader
// and returned to the caller that exchanges it.
func (a *agent) codeViaPrompt(conf *oauth2.Config, opts []oauth2.AuthCodeOption) (string, error) {
	conf.RedirectURL = "urn:ietf:wg:oauth:2.0:oob:auto"
	url := conf.AuthCodeURL("state", opts...)
	fmt.Fprintln(a.out, "Visit", url, "and type the code:")
	var code string
	if _, err := fmt.Fscan(a.in, &code); err != nil {
		return "", err
	}
	return code, nil
}

// The redirect URI as an option of the call.
func oobOption(conf *oauth2.Config) string {
	return conf.AuthCodeURL("state", oauth2.SetAuthURLParam("redirect_uri", oobRedirect))
}

// A line read with bufio and trimmed, then exchanged.
func readLine(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	fmt.Println("Open:", conf.AuthCodeURL("fixed"))
	fmt.Print("Paste the code shown by the browser: ")
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil {
		return nil, err
	}
	return conf.Exchange(ctx, strings.TrimSpace(line))
}

// The line is trimmed into the same variable.
func readLineAgain(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	fmt.Println("Open:", conf.AuthCodeURL("fixed"))
	reader := bufio.NewReader(os.Stdin)
	code, err := reader.ReadString('\n')
	if err != nil {
		return nil, err
	}
	code = strings.TrimSpace(code)
	return conf.Exchange(ctx, code)
}

// A prompt helper of the package reads the code.
func withPrompt(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	fmt.Println("Open:", conf.AuthCodeURL("fixed"))
	code := prompt("Code: ")
	return conf.Exchange(ctx, code)
}

func prompt(label string) string {
	fmt.Print(label)
	s := bufio.NewScanner(os.Stdin)
	if !s.Scan() {
		return ""
	}
	return strings.TrimSpace(s.Text())
}

// The URL is built by a helper; its caller reads the code.
func loginURL(conf *oauth2.Config) string {
	return conf.AuthCodeURL("state", oauth2.AccessTypeOffline)
}

func pasteLogin(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	fmt.Println("Open:", loginURL(conf))
	var code string
	fmt.Scanln(&code)
	return conf.Exchange(ctx, code)
}

// authhandler with a handler that asks the user for the code.
func handlerPrompt(ctx context.Context, conf *oauth2.Config) oauth2.TokenSource {
	return authhandler.TokenSource(ctx, conf, "state", func(authCodeURL string) (string, string, error) {
		fmt.Println("Open:", authCodeURL)
		var code string
		if _, err := fmt.Scan(&code); err != nil {
			return "", "", err
		}
		return code, "state", nil
	})
}

// ---- reported: the code comes back through a redirect ----

// A loopback server receives the code; "press enter" reads no code.
func loopback(ctx context.Context, conf *oauth2.Config, codes chan string) (*oauth2.Token, error) {
	conf.RedirectURL = "http://127.0.0.1:8085/callback"
	fmt.Println("Open:", conf.AuthCodeURL("state")) // want `AuthCodeURL state is a constant: anyone can forge the callback`
	fmt.Println("Press enter when done")
	fmt.Scanln()
	return conf.Exchange(ctx, <-codes)
}

// The out-of-band redirect is replaced by a loopback one before the call.
func oobThenLoopback(conf *oauth2.Config) string {
	conf.RedirectURL = oobRedirect
	conf.RedirectURL = "http://localhost:8085/callback"
	return conf.AuthCodeURL("state2") // want `AuthCodeURL state is a constant`
}

// The code is typed or comes from the callback server: the server is forgeable.
func typedOrCallback(ctx context.Context, conf *oauth2.Config, codes chan string, manual bool) (*oauth2.Token, error) {
	fmt.Println("Open:", conf.AuthCodeURL("state3")) // want `AuthCodeURL state is a constant`
	var code string
	if manual {
		fmt.Scan(&code)
	} else {
		code = <-codes
	}
	return conf.Exchange(ctx, code)
}

// The out-of-band URI is on another config.
func otherConfig(conf *oauth2.Config) string {
	other := &oauth2.Config{RedirectURL: oobRedirect}
	_ = other
	return conf.AuthCodeURL("state4") // want `AuthCodeURL state is a constant`
}

// What the user types is a name, not the code.
func typedName(ctx context.Context, conf *oauth2.Config, codes chan string) (*oauth2.Token, error) {
	fmt.Println("Open:", conf.AuthCodeURL("state5")) // want `AuthCodeURL state is a constant`
	var name string
	fmt.Scan(&name)
	fmt.Println("hello", name)
	return conf.Exchange(ctx, <-codes)
}

// authhandler with a handler that waits for the loopback redirect.
func handlerCallback(ctx context.Context, conf *oauth2.Config, codes chan string) oauth2.TokenSource {
	return authhandler.TokenSource(ctx, conf, "state6", func(authCodeURL string) (string, string, error) { // want `authhandler.TokenSource state is a constant`
		fmt.Println("Open:", authCodeURL)
		return <-codes, "state6", nil
	})
}

// A web login: the callback handler exchanges the code.
func webLogin(w http.ResponseWriter, r *http.Request) {
	conf := &oauth2.Config{ClientID: "web", Endpoint: endpoint, RedirectURL: "https://agent.example.com/callback"}
	http.Redirect(w, r, conf.AuthCodeURL("state7"), http.StatusFound) // want `AuthCodeURL state is a constant`
}

// ---- silent: the user pastes the whole URL the browser was sent to ----

func pastedURL(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	conf.RedirectURL = "http://localhost:1/"
	fmt.Println("Open:", conf.AuthCodeURL("state8"))
	fmt.Print("Paste the URL your browser ended on: ")
	var redirected string
	if _, err := fmt.Scanln(&redirected); err != nil {
		return nil, err
	}
	u, err := url.Parse(strings.TrimSpace(redirected))
	if err != nil {
		return nil, err
	}
	return conf.Exchange(ctx, u.Query().Get("code"))
}

// ---- reported: the "typed" code is read from the request body ----

func fromBody(w http.ResponseWriter, r *http.Request) {
	fmt.Fprintln(w, cfgWeb.AuthCodeURL("state9")) // want `AuthCodeURL state is a constant`
	var code string
	if _, err := fmt.Fscan(r.Body, &code); err != nil {
		return
	}
	tok, err := cfgWeb.Exchange(r.Context(), code)
	_, _ = tok, err
}

var cfgWeb = &oauth2.Config{ClientID: "web", Endpoint: endpoint, RedirectURL: "https://agent.example.com/callback"}

// ---- silent: a web form where the user pastes the code the server displayed ----

var oobWeb = &oauth2.Config{ClientID: "admin", Endpoint: endpoint, RedirectURL: oobRedirect}

func pasteForm(w http.ResponseWriter, r *http.Request) {
	tok, err := oobWeb.Exchange(r.Context(), r.PostFormValue("code"))
	_, _ = tok, err
}

// ---- silent: the user passes the code as a command-line flag ----

var codeFlag = flag.String("code", "", "the code the browser showed")

func flagLogin(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	if *codeFlag == "" {
		fmt.Println("Open", conf.AuthCodeURL("state10"), "and run again with -code")
		return nil, nil
	}
	return conf.Exchange(ctx, *codeFlag)
}

var pastedCode string

func init() { flag.StringVar(&pastedCode, "pasted-code", "", "the code the browser showed") }

func flagVarLogin(ctx context.Context, conf *oauth2.Config) (*oauth2.Token, error) {
	fmt.Println("Open", conf.AuthCodeURL("state11"))
	return conf.Exchange(ctx, pastedCode)
}

func flagSetLogin(ctx context.Context, conf *oauth2.Config, args []string) (*oauth2.Token, error) {
	fs := flag.NewFlagSet("login", flag.ContinueOnError)
	code := fs.String("code", "", "the code the browser showed")
	if err := fs.Parse(args); err != nil {
		return nil, err
	}
	fmt.Println("Open", conf.AuthCodeURL("state12"))
	return conf.Exchange(ctx, *code)
}

// ---- reported: a flag that is not the code ----

var listenFlag = flag.String("listen", "127.0.0.1:8085", "where the callback server listens")

func flagNotCode(ctx context.Context, conf *oauth2.Config, codes chan string) (*oauth2.Token, error) {
	conf.RedirectURL = "http://" + *listenFlag + "/callback"
	fmt.Println("Open", conf.AuthCodeURL("state13")) // want `AuthCodeURL state is a constant`
	return conf.Exchange(ctx, <-codes)
}
