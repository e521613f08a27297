// Package wsdial dials WebSocket servers with gorilla/websocket, coder/websocket and
// golang.org/x/net/websocket: a token in the dial URL ends up in the server's access log.
package wsdial

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	coder "github.com/coder/websocket"
	"github.com/gorilla/websocket"
	xws "golang.org/x/net/websocket"
	"golang.org/x/oauth2"
)

const stream = "wss://stream.example.com/v1/events"

func gorilla(ctx context.Context, tok *oauth2.Token, d *websocket.Dialer) {
	websocket.DefaultDialer.Dial(stream+"?access_token="+tok.AccessToken, nil)                              // want `OAuth token put into a URL \(\(\*websocket.Dialer\).Dial\)`
	d.DialContext(ctx, fmt.Sprintf("%s?token=%s", stream, url.QueryEscape(tok.AccessToken)), http.Header{}) // want `OAuth token put into a URL \(\(\*websocket.Dialer\).DialContext\)`

	// Silent: the token in the request header; metadata in the URL.
	h := http.Header{}
	h.Set("Authorization", "Bearer "+tok.AccessToken)
	websocket.DefaultDialer.Dial(stream, h)
	d.DialContext(ctx, stream+"?type="+tok.Type(), http.Header{"Authorization": {"Bearer " + tok.AccessToken}})
}

func coderDial(ctx context.Context, tok *oauth2.Token) {
	coder.Dial(ctx, stream+"?access_token="+tok.AccessToken, nil) // want `OAuth token put into a URL \(websocket.Dial\)`

	// Silent: the token in DialOptions.HTTPHeader.
	coder.Dial(ctx, stream, &coder.DialOptions{HTTPHeader: http.Header{"Authorization": {"Bearer " + tok.AccessToken}}})
}

func xnet(tok *oauth2.Token) {
	xws.Dial(stream+"?access_token="+tok.AccessToken, "", "https://app.example.com")                           // want `OAuth token put into a URL \(websocket.Dial\)`
	cfg, err := xws.NewConfig(fmt.Sprintf("%s?token=%s", stream, tok.RefreshToken), "https://app.example.com") // want `OAuth token put into a URL \(websocket.NewConfig\)`
	if err != nil {
		return
	}
	xws.DialConfig(cfg)

	// Silent: the token in Config.Header.
	own, err := xws.NewConfig(stream, "https://app.example.com")
	if err != nil {
		return
	}
	own.Header = http.Header{"Authorization": {"Bearer " + tok.AccessToken}}
	xws.DialConfig(own)
}

// relay is a handler that opens a stream for its caller.
func relay(w http.ResponseWriter, r *http.Request) {
	websocket.DefaultDialer.Dial(stream+"?auth="+url.QueryEscape(r.Header.Get("Authorization")), nil) // want `Authorization header put into a URL \(\(\*websocket.Dialer\).Dial\)`
	websocket.DefaultDialer.Dial(stream+"?lang="+url.QueryEscape(r.Header.Get("Accept-Language")), nil)
}
