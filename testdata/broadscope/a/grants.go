package a

import (
	"context"
	"net/url"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/github"
	"golang.org/x/oauth2/google"
	"golang.org/x/oauth2/jwt"
)

// Know the grant: a service account acting as itself has no user's Drive, mailbox or
// calendar; one with a Subject (domain-wide delegation) acts as that user.
func serviceAccountDrive(key []byte) (*jwt.Config, error) {
	cfg, err := google.JWTConfigFromJSON(key, "https://www.googleapis.com/auth/drive", "https://www.googleapis.com/auth/calendar")
	return cfg, err
}

func serviceAccountLiteral() *jwt.Config {
	return &jwt.Config{
		Email:    "agent@project.iam.gserviceaccount.com",
		TokenURL: google.JWTTokenURL,
		Scopes:   []string{"https://mail.google.com/", "https://www.googleapis.com/auth/drive.readonly"},
	}
}

func delegatedDrive(key []byte, user string) (*jwt.Config, error) {
	cfg, err := google.JWTConfigFromJSON(key, "https://www.googleapis.com/auth/drive") // want `scope "https://www.googleapis.com/auth/drive" grants read, edit, share and delete every file in the user's Drive, for every user the service account acts as \(domain-wide delegation\)`
	if err != nil {
		return nil, err
	}
	cfg.Subject = user
	return cfg, nil
}

func delegatedLiteral(user string) *jwt.Config {
	return &jwt.Config{
		Email:   "agent@project.iam.gserviceaccount.com",
		Subject: user,
		Scopes:  []string{"https://mail.google.com/"}, // want `scope "https://mail.google.com/" grants full mailbox control .*domain-wide delegation`
	}
}

// An empty Subject is no delegation.
func emptySubject() *jwt.Config {
	return &jwt.Config{Subject: "", Scopes: []string{"https://www.googleapis.com/auth/gmail.modify"}}
}

// Microsoft client credentials accept only /.default: never reported there, however the
// token request is built.
func graphApp(ctx context.Context, tenant, id, secret string) {
	cc := clientcredentials.Config{
		ClientID:     id,
		ClientSecret: secret,
		TokenURL:     "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		Scopes:       []string{"https://graph.microsoft.com/.default"},
	}
	_ = cc.Client(ctx)
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {"https://graph.microsoft.com/.default"}}
	form.Set("scope", "api://agent-backend/.default")
	_ = form
}

// The only scope that permits what the code does is no wider than the task: deleting a
// repository hook needs admin:repo_hook (write:repo_hook cannot), and organization hooks
// have no other scope. A scope named "all" means what the project's own server says.
func hookJanitor() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"admin:repo_hook", "admin:org_hook"}}
}

func demoServer() *oauth2.Config {
	return &oauth2.Config{
		ClientID: "222222",
		Scopes:   []string{"all"},
		Endpoint: oauth2.Endpoint{AuthURL: "http://localhost:9096/oauth/authorize", TokenURL: "http://localhost:9096/oauth/token"},
	}
}

// Beside them, the scopes that stay reported.
func hookAndRepo() *oauth2.Config {
	return &oauth2.Config{Endpoint: github.Endpoint, Scopes: []string{"admin:repo_hook", "delete_repo"}} // want `scope "delete_repo" grants deletion of every repository`
}

func demoWildcard() *oauth2.Config {
	return &oauth2.Config{
		Scopes:   []string{"*"}, // want `scope "\*" grants every permission the authorization server can grant`
		Endpoint: oauth2.Endpoint{AuthURL: "http://localhost:9096/oauth/authorize", TokenURL: "http://localhost:9096/oauth/token"},
	}
}

// Configs assigned to each other in a cycle end the search.
func cycle(key []byte) {
	var a, b *jwt.Config
	a = b
	b = a
	a, _ = google.JWTConfigFromJSON(key, "https://www.googleapis.com/auth/drive")
	_ = b
}
