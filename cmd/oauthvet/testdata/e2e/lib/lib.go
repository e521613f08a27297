// Package lib exports credentials that package app writes into requests.
package lib

// Password is a never-assigned variable: the check follows it into app through a fact.
var Password = "V9q-Lk2m-Xr7p-Wd4s"
