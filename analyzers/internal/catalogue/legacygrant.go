package catalogue

// The legacygrant check: where a grant's parameters appear as data, not as a request.

// StringMatchFuncs compare, search or rewrite a string (or []byte) with another: a
// constant request given to one is matched against, not sent (an authorization server or a
// gateway refusing response_type=token). Of Replace, ReplaceAll and NewReplacer only the
// old strings are (the check knows which).
var StringMatchFuncs = func() []string {
	var out []string
	for _, name := range []string{
		"Contains", "ContainsAny", "HasPrefix", "HasSuffix", "EqualFold", "Compare", "Index",
		"IndexAny", "LastIndex", "LastIndexAny", "Count", "Cut", "CutPrefix", "CutSuffix",
		"TrimPrefix", "TrimSuffix", "Replace", "ReplaceAll", "Split", "SplitN", "SplitAfter",
		"NewReplacer",
	} {
		out = append(out, "strings."+name, "bytes."+name)
	}
	return append(out,
		"regexp.MatchString", "regexp.Match", "regexp.Compile", "regexp.MustCompile",
		"regexp.CompilePOSIX", "regexp.MustCompilePOSIX", "regexp.QuoteMeta",
		"(*regexp.Regexp).MatchString", "(*regexp.Regexp).Match", "(*regexp.Regexp).FindString",
		"(*regexp.Regexp).FindStringSubmatch", "(*regexp.Regexp).FindStringIndex",
		"slices.Contains", "slices.Index",
	)
}()

// JSONMarshalFuncs turn a value into a JSON request body.
var JSONMarshalFuncs = []string{
	"encoding/json.Marshal",
	"encoding/json.MarshalIndent",
	"(*encoding/json.Encoder).Encode",
}
