// Package lib exports credentials that package app writes into requests.
package lib

import "log"

// Password is a never-assigned variable: the check follows it into app through a fact.
var Password = "V9q-Lk2m-Xr7p-Wd4s"

// Debug logs its argument: the tokenlog check learns this as a fact and reports callers
// in other packages that pass it a token.
func Debug(v string) {
	log.Printf("debug: %s", v)
}
