// Package redact shows secrets without revealing them: the kind, a short prefix and the
// length. Every message that mentions a credential value goes through it.
package redact

import (
	"fmt"
	"unicode/utf8"
)

// Secret describes value as kind, a short prefix and its length, for example
// `GitHub token "ghp_ECcN…" (40 chars)`. known is the part of the value that every secret
// of its kind starts with ("ghp_"); it may be shown in full.
func Secret(kind, value, known string) string {
	return fmt.Sprintf("%s %q (%d chars)", kind, Prefix(value, known)+"…", utf8.RuneCountInString(value))
}

// Prefix returns the part of value that may be shown: the known prefix plus up to four
// characters, and never more than a quarter of what is secret.
func Prefix(value, known string) string {
	if len(known) > len(value) || value[:len(known)] != known {
		known = ""
	}
	rest := value[len(known):]
	n := min(4, utf8.RuneCountInString(rest)/4)
	i := 0
	for ; n > 0 && i < len(rest); n-- {
		_, size := utf8.DecodeRuneInString(rest[i:])
		i += size
	}
	return known + rest[:i]
}
