// Package match holds legacy-grant strings that are matched against, not sent: an
// authorization server or a gateway refusing the removed grants, and named constants.
package match

import (
	"bytes"
	"fmt"
	"net/http"
	"regexp"
	"strings"

	"example.com/agent/legacygrant/grants"
)

// ---- reported: a constant sent as a request, once, at its declaration ----

const implicitURL = "https://idp.example/authorize?response_type=token&client_id=x" // want `implicit grant \(response_type=token\)`

func Open() (*http.Response, error) { return http.Get(implicitURL) }

func OpenAgain(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, implicitURL, http.StatusFound)
}

func Explain() { fmt.Println("do not use", implicitURL) }

const passwordBody = "grant_type=password&username=installer&password=changeme" // want `resource-owner password grant`

func Bootstrap() (*http.Response, error) {
	return http.Post("https://idp.example/token", "application/x-www-form-urlencoded", strings.NewReader(passwordBody))
}

// A constant of another package: reported at the first use in this package.
func Legacy(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, grants.AuthorizeURL, http.StatusFound) // want `implicit grant`
}

func LegacyAgain(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, grants.AuthorizeURL, http.StatusSeeOther)
}

// ---- silent: matched against, or not used ----

// Reject is an authorization server rejecting implicit requests.
func Reject(r *http.Request) bool {
	return strings.Contains(r.URL.RawQuery, "response_type=token")
}

// BlockROPC is a gateway refusing password-grant bodies.
func BlockROPC(body string) bool {
	return strings.Contains(body, "grant_type=password")
}

func BlockROPCBytes(body []byte) bool {
	return bytes.Contains(body, []byte("grant_type=password"))
}

const refusedQuery = "response_type=token"

func RejectSuffix(q string) bool { return strings.HasSuffix(q, refusedQuery) }

func RejectPrefix(q string) bool { return strings.HasPrefix(q, ("response_type=id_token+token")) }

func RejectEqual(q string) bool { return q == "grant_type=password" || refusedQuery == q }

func RejectSwitch(q string) bool {
	switch q {
	case "response_type=token", "grant_type=password":
		return true
	}
	return false
}

var implicitRe = regexp.MustCompile("response_type=token")

func RejectRe(q string) bool { return implicitRe.MatchString(q) }

func Strip(q string) string {
	return strings.ReplaceAll(q, "response_type=token", "response_type=code")
}

const unusedImplicit = "https://idp.example/authorize?response_type=token&client_id=y"

var _ = unusedImplicit

// Rewriting a code request into an implicit one: the new string is a request.
func ToImplicit(u string) string {
	return strings.Replace(u, "response_type=code", "response_type=token", 1) // want `implicit grant \(response_type=token\)`
}

var toImplicit = strings.NewReplacer("response_type=code", "response_type=id_token+token") // want `implicit grant \(response_type=id_token token\)`

var toCode = strings.NewReplacer("response_type=token", "response_type=code")
