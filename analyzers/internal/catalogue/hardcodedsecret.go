package catalogue

// The functions that read Google credentials JSON (a client_secret_*.json, a service
// account key or authorized-user credentials), for hardcodedsecret: the index of the JSON
// argument, by types.Func.FullName.
var GoogleCredentialsJSON = map[string]int{
	"golang.org/x/oauth2/google.ConfigFromJSON":                       0,
	"golang.org/x/oauth2/google.JWTConfigFromJSON":                    0,
	"golang.org/x/oauth2/google.JWTAccessTokenSourceFromJSON":         0,
	"golang.org/x/oauth2/google.JWTAccessTokenSourceWithScope":        0,
	"golang.org/x/oauth2/google.CredentialsFromJSON":                  1,
	"golang.org/x/oauth2/google.CredentialsFromJSONWithParams":        1,
	"golang.org/x/oauth2/google.CredentialsFromJSONWithType":          1,
	"golang.org/x/oauth2/google.CredentialsFromJSONWithTypeAndParams": 1,
}

// Sprintf is fmt.Sprintf: a constant format with constant arguments is a constant.
const Sprintf = "fmt.Sprintf"
