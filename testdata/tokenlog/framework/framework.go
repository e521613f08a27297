// Package framework logs in gin and echo handlers. A *gin.Context or an echo.Context printed
// whole shows its request as an address, not its headers; the request itself, printed, shows
// them.
package framework

import (
	"log"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func Gin(c *gin.Context) {
	log.Printf("context %v", c)
	log.Printf("request %+v", c.Request)                // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
	log.Printf("auth %s", c.GetHeader("Authorization")) // want `Authorization header reaches a log \(log.Printf\)`
	c.JSON(200, gin.H{"ok": true})
}

func Echo(c echo.Context) error {
	log.Printf("context %v", c)
	log.Printf("request %+v", c.Request()) // want `request \(with its Authorization header\) reaches a log \(log.Printf\)`
	return c.NoContent(204)
}
