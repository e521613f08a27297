// Package ginctx is a gin server whose handlers call other APIs: the incoming request is
// reached through *gin.Context.
package ginctx

import (
	"net/http"
	"os"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/client/transport"
	"golang.org/x/oauth2"
)

func repos(c *gin.Context) {
	up, err := http.NewRequestWithContext(c, "GET", "https://api.github.com/user/repos", nil)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	up.Header.Set("Authorization", c.GetHeader("Authorization"))                // want `caller's bearer token is sent on to another service \(\(http.Header\).Set\)`
	up.Header.Add("Authorization", c.Request.Header.Get("Proxy-Authorization")) // want `caller's bearer token is sent on to another service \(\(http.Header\).Add\)`
	up.Header.Set("X-Request-Id", c.GetHeader("X-Request-Id"))
	resp, err := http.DefaultClient.Do(up)
	if err != nil {
		c.AbortWithStatus(http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	c.Status(resp.StatusCode)
}

func staticSource(c *gin.Context) {
	bearer := strings.TrimPrefix(c.GetHeader("Authorization"), "Bearer ")
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: bearer}) // want `caller's bearer token is sent on to another service \(oauth2.StaticTokenSource\)`
	oauth2.NewClient(c.Request.Context(), ts).Get("https://api.example.com/me")
}

func mcpProxy(c *gin.Context) {
	sse, err := client.NewSSEMCPClient("https://mcp.vendor.example/sse", transport.WithHeaders(map[string]string{"Authorization": c.Request.Header.Get("Authorization")})) // want `caller's bearer token is sent on to another service \(transport.WithHeaders\)`
	if err == nil {
		sse.Close()
	}
}

func assignHeaders(c *gin.Context) {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	up.Header = c.Request.Header.Clone() // want `the incoming request's headers, Authorization included, are given to an outgoing request`
}

// Silent: the server's own credential upstream; the token checked, not sent on; the
// caller's headers without Authorization.
func own(c *gin.Context) {
	if c.GetHeader("Authorization") != "Bearer "+os.Getenv("ADMIN_TOKEN") {
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	up, _ := http.NewRequestWithContext(c.Request.Context(), "GET", "https://api.github.com/user/repos", nil)
	up.Header.Set("Authorization", "Bearer "+os.Getenv("GITHUB_TOKEN"))
	up.Header.Set("User-Agent", c.GetHeader("User-Agent"))
	h := c.Request.Header.Clone()
	h.Del("Authorization")
	up2, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	up2.Header = h
	http.DefaultClient.Do(up)
}

func register(r *gin.Engine) {
	r.GET("/repos", repos)
	r.GET("/me", staticSource)
	r.GET("/own", own)
}
