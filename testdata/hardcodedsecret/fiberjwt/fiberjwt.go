// Package fiberjwt protects a gofiber API with its JWT middleware: the signing key written in
// source lets anyone forge the tokens it accepts.
package fiberjwt

import (
	"os"

	jwtware "github.com/gofiber/contrib/jwt"
	"github.com/gofiber/fiber/v2"
)

func Protect(app *fiber.App) {
	app.Use(jwtware.New(jwtware.Config{
		SigningKey: jwtware.SigningKey{Key: []byte("d0c4f8a2e6b1c9f3a7d5e2b8c4f0a6d1")}, // want `hard-coded JWT verification key "d0c4…" \(32 chars\) in SigningKey.Key`
	}))
	// From the environment, and a placeholder: silent.
	app.Use(jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{Key: []byte(os.Getenv("JWT_SECRET"))}}))
	app.Use(jwtware.New(jwtware.Config{SigningKey: jwtware.SigningKey{Key: []byte("your-jwt-secret")}}))
}
