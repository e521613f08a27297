package a

import "golang.org/x/oauth2"

// Elements of slice and map literals whose &oauth2.Config is elided are configs all the same.
var elided = []*oauth2.Config{{ClientID: "agent", ClientSecret: "c4e1a9f2b7d3e8a0f5c2b9d6e3a7f1c8"}} // want `hard-coded OAuth client secret "c4e1…" \(32 chars\) in Config.ClientSecret`

var byName = map[string]*oauth2.Config{
	"prod": {ClientSecret: "d5f2b0a3c8e4f9b1a6d3c0e7f4b8a2d9"}, // want `hard-coded OAuth client secret "d5f2…" \(32 chars\) in Config.ClientSecret`
	"dev":  {ClientSecret: "your-client-secret"},
}
