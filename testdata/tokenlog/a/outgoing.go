package a

import (
	"log"
	"net/http"
	"net/http/httputil"

	"golang.org/x/oauth2"
)

// An outgoing request built here carries the headers the code sets on it.

func logBareRequest(u string) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Accept", "application/json")
	log.Printf("request %+v", req)
	log.Printf("headers %v", req.Header)
	b, _ := httputil.DumpRequestOut(req, false)
	log.Printf("%s", b)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return
	}
	log.Printf("response %v", resp.Header)
}

func logAuthorizedRequest(u string, tok *oauth2.Token) {
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	log.Printf("request %+v", req) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
	req2, _ := http.NewRequest("GET", u, nil)
	req2.SetBasicAuth("user", tok.AccessToken)
	log.Printf("headers %v", req2.Header) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
	req4, _ := http.NewRequest("GET", u, nil)
	req4.Header["Authorization"] = []string{"Bearer " + tok.AccessToken}
	log.Printf("request %+v", req4) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
	req3, _ := http.NewRequest("GET", u, nil)
	authorize(req3, tok)
	b, _ := httputil.DumpRequestOut(req3, false)
	log.Printf("%s", b) // want `request dump \(with its Authorization header\) reaches a log \(log.Printf\)`
}

func authorize(r *http.Request, tok *oauth2.Token) {
	tok.SetAuthHeader(r)
}

func logRelayed(w http.ResponseWriter, r *http.Request) {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	up.Header = r.Header.Clone()
	log.Printf("upstream request %+v", up) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
}
