package lsp

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
)

// maxMessage bounds one message's body: a larger Content-Length is a broken stream, not a
// file to analyse.
const maxMessage = 256 << 20

// errFraming reports a stream that cannot be read as LSP base-protocol messages.
var errFraming = errors.New("lsp: malformed message header")

// readMessage reads one message framed by a Content-Length header (LSP base protocol).
// It returns io.EOF when the stream ends between messages.
func readMessage(r *bufio.Reader) ([]byte, error) {
	tp := textproto.NewReader(r)
	header, err := tp.ReadMIMEHeader()
	if err != nil {
		if errors.Is(err, io.EOF) && len(header) == 0 {
			return nil, io.EOF
		}
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	length, err := strconv.Atoi(strings.TrimSpace(header.Get("Content-Length")))
	if err != nil || length < 0 || length > maxMessage {
		return nil, fmt.Errorf("%w: bad Content-Length %q", errFraming, header.Get("Content-Length"))
	}
	body := make([]byte, length)
	if _, err := io.ReadFull(r, body); err != nil {
		return nil, fmt.Errorf("%w: %v", errFraming, err)
	}
	return body, nil
}

// writer writes framed messages; it is safe for concurrent use.
type writer struct {
	mu  sync.Mutex
	out io.Writer
	err error // the first write error: later writes are dropped
}

func (w *writer) write(v any) error {
	body, err := json.Marshal(v)
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	if _, err := fmt.Fprintf(w.out, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		w.err = err
		return err
	}
	if _, err := w.out.Write(body); err != nil {
		w.err = err
	}
	return w.err
}

func (w *writer) reply(id json.RawMessage, result any) error {
	return w.write(response{JSONRPC: "2.0", ID: id, Result: result})
}

func (w *writer) replyError(id json.RawMessage, code int, msg string) error {
	if id == nil {
		id = json.RawMessage("null")
	}
	return w.write(errorResponse{JSONRPC: "2.0", ID: id, Error: rpcError{Code: code, Message: msg}})
}

func (w *writer) notify(method string, params any) error {
	return w.write(notification{JSONRPC: "2.0", Method: method, Params: params})
}
