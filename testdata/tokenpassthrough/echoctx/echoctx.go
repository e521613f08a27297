// Package echoctx is an echo server whose handlers call other APIs: the incoming request is
// reached through echo.Context.
package echoctx

import (
	"net/http"
	"os"
	"strings"

	"github.com/labstack/echo/v4"
	"github.com/mark3labs/mcp-go/client/transport"
	"golang.org/x/oauth2"
)

func repos(c echo.Context) error {
	up, err := http.NewRequestWithContext(c.Request().Context(), "GET", "https://api.github.com/user/repos", nil)
	if err != nil {
		return err
	}
	up.Header.Set("Authorization", c.Request().Header.Get("Authorization")) // want `caller's bearer token is sent on to another service \(\(http.Header\).Set\)`
	up.Header.Set("X-Request-Id", c.Request().Header.Get(echo.HeaderXRequestID))
	resp, err := http.DefaultClient.Do(up)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	return c.NoContent(resp.StatusCode)
}

func viaHelper(c echo.Context) error {
	bearer := strings.TrimPrefix(bearerOf(c), "Bearer ")
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: bearer}) // want `caller's bearer token is sent on to another service \(oauth2.StaticTokenSource\)`
	_, err := oauth2.NewClient(c.Request().Context(), ts).Get("https://api.example.com/me")
	return err
}

func bearerOf(c echo.Context) string {
	return c.Request().Header.Get(echo.HeaderAuthorization)
}

func mcpProxy(c echo.Context) error {
	req := c.Request()
	t, err := transport.NewStreamableHTTP("https://mcp.vendor.example/mcp", transport.WithHTTPHeaders(map[string]string{"Authorization": req.Header.Get("Authorization")})) // want `caller's bearer token is sent on to another service \(transport.WithHTTPHeaders\)`
	_ = t
	return err
}

func copyAll(c echo.Context) error {
	up, _ := http.NewRequest("GET", "https://api.example.com/", nil)
	for k, vv := range c.Request().Header {
		for _, v := range vv {
			up.Header.Add(k, v) // want `every header of the incoming request, Authorization included, is copied`
		}
	}
	return nil
}

// Silent: the server's own credential upstream; the caller's request written to; a token
// checked, not sent on; headers that are no credential.
func own(c echo.Context) error {
	up, _ := http.NewRequestWithContext(c.Request().Context(), "GET", "https://api.github.com/user/repos", nil)
	up.Header.Set("Authorization", "Bearer "+os.Getenv("GITHUB_TOKEN"))
	up.Header.Set("Accept-Language", c.Request().Header.Get("Accept-Language"))
	c.Request().Header.Set("Authorization", strings.TrimSpace(c.Request().Header.Get("Authorization")))
	if c.Request().Header.Get("Authorization") != "Bearer "+os.Getenv("ADMIN_TOKEN") {
		return echo.ErrUnauthorized
	}
	_, err := http.DefaultClient.Do(up)
	return err
}

func register(e *echo.Echo) {
	e.GET("/repos", repos)
	e.GET("/me", viaHelper)
	e.GET("/own", own)
}
