// Package secretscan decides whether a string written in source is a credential: it matches
// the known formats of rules.toml, validates checksums, and recognises placeholders and
// dictionary-word fakes. All matching is linear in the length of the string (RE2).
package secretscan

import (
	"encoding/base64"
	"hash/crc32"
	"strings"
	"unicode"

	"github.com/oauthvet/oauthvet/analyzers/internal/config"
	"github.com/oauthvet/oauthvet/analyzers/internal/redact"
)

// Match is a known-format credential found in a string.
type Match struct {
	Format *config.SecretFormat
	Value  string // the matched credential, never to be printed whole
}

// Describe returns the redacted description of the match for a message.
func (m Match) Describe() string {
	return redact.Secret(m.Format.Kind, m.Value, knownPrefix(m.Value))
}

// minFormatLength is shorter than the shortest credential any format matches; shorter
// strings are not scanned.
const minFormatLength = 16

// FindFormat returns the first credential in s that matches a known format, passes its
// checksum and is not a placeholder. In test code only formats marked in_tests count.
func FindFormat(s *config.Secrets, text string, inTest bool) (Match, bool) {
	if len(text) < minFormatLength {
		return Match{}, false
	}
	for i := range s.Formats {
		f := &s.Formats[i]
		if inTest && !f.InTests || len(f.Keywords) > 0 && !containsAny(text, f.Keywords) {
			continue
		}
		for _, loc := range f.Regex.FindAllStringIndex(text, 4) {
			v := trimDelimiters(text[loc[0]:loc[1]])
			if f.Checksum == "github-crc32" && !GitHubChecksumOK(v) {
				continue
			}
			if IsPlaceholder(s, v) || madeOfWords(s, v) || Allowed(s, v) {
				continue
			}
			return Match{Format: f, Value: v}, true
		}
	}
	return Match{}, false
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// trimDelimiters removes the non-credential characters a format regex may consume at its
// edges to stand in for a word boundary.
func trimDelimiters(v string) string {
	return strings.TrimFunc(v, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("_-~.+/=", r))
	})
}

// IsCredential reports whether a value written into a credential sink (a client secret
// field, a password argument) is a real-looking credential: long enough, not a
// placeholder, not allowed by the config.
func IsCredential(s *config.Secrets, v string) bool {
	return len(v) >= s.MinLength && !IsPlaceholder(s, v) && !Allowed(s, v)
}

// Allowed reports whether the config allows the value.
func Allowed(s *config.Secrets, v string) bool {
	if s.Allow[v] {
		return true
	}
	for _, re := range s.AllowPatterns {
		if re.MatchString(v) {
			return true
		}
	}
	return false
}

// IsPlaceholder reports whether v is a placeholder or an obviously fake value: one
// repeated character, a value that matches a placeholder pattern, or one made only of
// placeholder words ("your-client-secret", "test_token_123").
func IsPlaceholder(s *config.Secrets, v string) bool {
	if strings.TrimSpace(v) == "" || strings.Count(v, v[:1]) == len(v) {
		return true
	}
	for _, re := range s.PlaceholderPatterns {
		if re.MatchString(v) {
			return true
		}
	}
	return onlyPlaceholderWords(s, v)
}

// onlyPlaceholderWords reports whether every run of letters of v (see letterRuns) is a
// placeholder word. Digits and punctuation are ignored, but a value with no letters at all
// is not a placeholder by this rule.
func onlyPlaceholderWords(s *config.Secrets, v string) bool {
	runs := letterRuns(v)
	for _, w := range runs {
		if !s.PlaceholderWords[strings.ToLower(w)] {
			return false
		}
	}
	return len(runs) > 0
}

// madeOfWords reports whether a value in a provider's format was written by hand from
// words, as canaries and test vectors are ("ghp_CanaryTokenForSecretScanTests0…"): every
// run of three or more letters is a placeholder word, and those runs hold most of its
// letters. A provider's real credentials are random; the runs a random value has are not
// words, and the shorter runs that a checksum or a format's fixed part leaves
// ("…T3BlbkFJ…", a trailing "AA") do not count against it.
func madeOfWords(s *config.Secrets, v string) bool {
	letters, inWords := 0, 0
	for _, w := range letterRuns(v) {
		letters += len(w)
		if len(w) < 3 {
			continue
		}
		if !s.PlaceholderWords[strings.ToLower(w)] {
			return false
		}
		inWords += len(w)
	}
	return letters > 0 && inWords*10 >= letters*7
}

// letterRuns splits v into runs of ASCII letters, also where a lower-case letter is
// followed by an upper-case one ("fakeToken" is "fake", "Token").
func letterRuns(v string) []string {
	var runs []string
	start := -1
	for i := 0; i < len(v); i++ {
		c := v[i]
		isLetter := c < unicode.MaxASCII && unicode.IsLetter(rune(c))
		switch {
		case !isLetter:
			if start >= 0 {
				runs = append(runs, v[start:i])
			}
			start = -1
		case start >= 0 && unicode.IsUpper(rune(c)) && unicode.IsLower(rune(v[i-1])):
			runs = append(runs, v[start:i])
			start = i
		case start < 0:
			start = i
		}
	}
	if start >= 0 {
		runs = append(runs, v[start:])
	}
	return runs
}

// BasicPassword returns the password of a Basic credential ("user:pass" in base64), or the
// credential itself if it does not decode.
func BasicPassword(cred string) string {
	b, err := base64.StdEncoding.DecodeString(cred)
	if err != nil {
		return cred
	}
	if _, pass, ok := strings.Cut(string(b), ":"); ok {
		return pass
	}
	return cred
}

const base62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

// GitHubChecksumOK validates the checksum GitHub builds into its 40-character tokens
// (ghp_, gho_, ghu_, ghs_, ghr_): the last six characters are the CRC-32 of the 30 random
// characters before them, in base 62. Both digit orders seen in the wild are accepted.
func GitHubChecksumOK(tok string) bool {
	if len(tok) != 40 || tok[3] != '_' {
		return false
	}
	payload, sum := tok[4:34], tok[34:]
	crc := uint64(crc32.ChecksumIEEE([]byte(payload)))
	return encode62(crc, base62) == sum || encode62(crc, invertedCase(base62)) == sum
}

// GitHubChecksum returns the six checksum characters for a 30-character payload (for
// building test fixtures).
func GitHubChecksum(payload string) string {
	return encode62(uint64(crc32.ChecksumIEEE([]byte(payload))), base62)
}

func encode62(n uint64, alphabet string) string {
	var b [6]byte
	for i := 5; i >= 0; i-- {
		b[i] = alphabet[n%62]
		n /= 62
	}
	return string(b[:])
}

func invertedCase(s string) string {
	return s[:10] + s[36:] + s[10:36]
}

// knownPrefix returns the part of a credential that all credentials of its format share
// ("ghp_", "xoxb-", "GOCSPX-", "sk-ant-api03-"), which a message may show in full: the
// leading segments of at most six letters or digits, each ended by '_', '-' or '.'.
func knownPrefix(v string) string {
	end, seg := 0, 0
	for i := 0; i < len(v) && i < 16; i++ {
		switch c := v[i]; {
		case c == '_' || c == '-' || c == '.':
			if seg == 0 {
				return v[:end]
			}
			end, seg = i+1, 0
		case seg < 6 && (c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'):
			seg++
		default:
			return v[:end]
		}
	}
	return v[:end]
}
