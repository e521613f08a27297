// Package withcgo uses cgo: its files are rewritten by cgo before analysis.
package withcgo

// #include <stdlib.h>
import "C"

import "golang.org/x/oauth2"

func Config() *oauth2.Config {
	p := C.malloc(1)
	C.free(p)
	return &oauth2.Config{ClientSecret: "a8d2f9c41e7b3065d9e2c7a1b4f8e3d2"} // want `hard-coded OAuth client secret "a8d2…"`
}
