// Package marked takes tokens as plain strings; its oauthvet.toml marks the parameters that
// hold one, so that the flows from them are followed.
package marked

import (
	"fmt"
	"log"
	"log/slog"
)

type Client struct{ token string }

func NewClient(token string) *Client {
	log.Printf("new client with %s", token) // want `API token reaches a log \(log.Printf\)`
	slog.Info("client", "token_len", len(token))
	return &Client{token: token}
}

func (c *Client) Call(apiKey, path string) error {
	if apiKey == "" {
		return fmt.Errorf("no key for %s", path)
	}
	slog.Debug("call", "path", path, "key", apiKey) // want `API token reaches a log \(slog.Debug\)`
	return nil
}

// Not marked: a plain string parameter is no credential.
func Describe(name string) {
	log.Printf("describing %s", name)
}
