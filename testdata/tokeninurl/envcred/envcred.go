// Package envcred calls APIs with keys from its environment.
package envcred

import (
	"net/http"
	"net/url"
	"os"
)

func Search(q string) error {
	v := url.Values{}
	v.Set("q", q)
	v.Set("key", os.Getenv("MAPS_API_KEY"))
	u := url.URL{Scheme: "https", Host: "maps.example.com", Path: "/search", RawQuery: v.Encode()} // want `credential from the environment put into a URL \(url.URL.RawQuery\)`
	_ = u
	if _, err := http.Get("https://api.example.com/v1/me?access_token=" + os.Getenv("EXAMPLE_TOKEN")); err != nil { // want `credential from the environment put into a URL \(http.Get\)`
		return err
	}

	// In a header it belongs there; a variable that is no credential may go in a URL.
	req, _ := http.NewRequest("GET", "https://api.example.com/v1/me?region="+os.Getenv("REGION"), nil)
	req.Header.Set("Authorization", "Bearer "+os.Getenv("EXAMPLE_TOKEN"))
	_, err := http.DefaultClient.Do(req)
	return err
}
