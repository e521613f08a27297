// Package envcred reads credentials from its environment: the variable's name says what
// it holds.
package envcred

import (
	"fmt"
	"log"
	"log/slog"
	"os"
)

type config struct {
	token, apiKey, tokenURL string
	maxTokens               string
}

func load() config {
	return config{
		token:     os.Getenv("GITHUB_TOKEN"),
		apiKey:    os.Getenv("OPENAI_API_KEY"),
		tokenURL:  os.Getenv("TOKEN_URL"),
		maxTokens: os.Getenv("OPENAI_MAX_TOKENS"),
	}
}

func Start() {
	log.Printf("github token: %s", os.Getenv("GITHUB_TOKEN")) // want `credential from the environment reaches a log \(log.Printf\)`
	secret := os.Getenv("GOOGLE_CLIENT_SECRET")
	slog.Info("oauth client", "secret", secret) // want `credential from the environment reaches a log \(slog.Info\)`
	if key, ok := os.LookupEnv("ANTHROPIC_API_KEY"); ok {
		log.Println("using key", key) // want `credential from the environment reaches a log \(log.Println\)`
	}
	c := load()
	log.Printf("config: %s", c.apiKey) // want `credential from the environment reaches a log \(log.Printf\)`

	// Names that are no credentials, and what may be logged of one.
	log.Printf("token endpoint %s, max tokens %s", c.tokenURL, c.maxTokens)
	log.Printf("token endpoint %s", os.Getenv("TOKEN_URL"))
	log.Printf("secrets in %s", os.Getenv("SECRETS_DIR"))
	log.Printf("github token set: %v", os.Getenv("GITHUB_TOKEN") != "")
	log.Printf("github token length %d", len(c.token))
	if os.Getenv("SLACK_BOT_TOKEN") == "" {
		log.Fatal("SLACK_BOT_TOKEN is not set")
	}
	name := "HOME"
	log.Printf("home %s", os.Getenv(name))
	fmt.Fprintln(os.Stderr, "starting")
}

// A map of settings read from the environment, one of them a secret: the other values are
// no credential (hashicorp/cap's examples).
func Settings() {
	env := map[string]any{
		"CLIENT_SECRET": os.Getenv("OIDC_CLIENT_SECRET"),
		"PORT":          os.Getenv("OIDC_PORT"),
	}
	for k, v := range env {
		switch t := v.(type) {
		case string:
		default:
			log.Printf("%s has an unhandled value %v", k, t)
		}
	}
	log.Printf("listening on :%s", env["PORT"])
}
