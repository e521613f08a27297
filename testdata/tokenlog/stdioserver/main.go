// Command stdioserver is an MCP server on stdio: its stdout is the protocol channel.
package main

import (
	"fmt"
	"log"

	"github.com/mark3labs/mcp-go/server"
	"golang.org/x/oauth2"
)

func main() {
	s := server.NewMCPServer("demo", "1.0.0")
	tok := &oauth2.Token{}
	fmt.Println(tok.AccessToken) // want `OAuth token printed to stdout \(fmt.Println\): it ends up in terminals and logs, and in a stdio MCP server stdout is the protocol channel to the client`
	if err := server.ServeStdio(s); err != nil {
		log.Fatal(err)
	}
}
