package tokenexpiry

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/config"
)

// Where a token that the code parses or verifies comes from. The server-side rules matter
// where the result decides access: for a token a caller sent. A token the program obtained
// itself (its own token endpoint's response, its own configuration) is no caller's claim.

type origin uint8

const (
	originUnknown  origin = iota
	originOwn             // the program's own: a token endpoint's response, an oauth2.Token, a constant, its environment or files
	originIncoming        // the request the code serves: a header, a cookie, a form value, an MCP request, a verifier's argument
)

// join combines the origins of the values a variable may hold: one caller's token makes it
// incoming; it is the program's own only when every value is.
func join(a, b origin) origin {
	switch {
	case a == originIncoming || b == originIncoming:
		return originIncoming
	case a == originOwn && b == originOwn:
		return originOwn
	}
	return originUnknown
}

// originWalk follows one expression to its origins, through local variables, in-package
// helpers' results and parameters (to their callers' arguments); seen breaks cycles.
type originWalk struct {
	c    *checker
	seen map[types.Object]bool
}

// tokenOrigin tells where the raw token e comes from.
func (c *checker) tokenOrigin(e ast.Expr) origin {
	w := &originWalk{c: c, seen: map[types.Object]bool{}}
	return w.expr(e, 0)
}

func (w *originWalk) expr(e ast.Expr, depth int) origin {
	c := w.c
	if e == nil || depth > 8 {
		return originUnknown
	}
	e = ast.Unparen(e)
	if tv, ok := c.info.Types[e]; ok && tv.Value != nil {
		return originOwn // a constant: a fixture or a demo token
	}
	if c.incomingValue(e) {
		return originIncoming
	}
	if c.readsBody(e, 0) {
		return originOwn // the body of a response to the program's own request
	}
	switch e := e.(type) {
	case *ast.SelectorExpr:
		v := c.field(e)
		if v == nil {
			return originUnknown
		}
		if isField(v, catalogue.OAuth2TokenAccessToken) || isField(v, catalogue.MCPGoTokenAccessToken) {
			return originOwn
		}
		// resp.IDToken: a field of a value whose origin is known.
		return w.expr(e.X, depth+1)
	case *ast.StarExpr:
		return w.expr(e.X, depth+1)
	case *ast.UnaryExpr:
		return w.expr(e.X, depth+1)
	case *ast.IndexExpr: // strings.Split(h, " ")[1]
		return w.expr(e.X, depth+1)
	case *ast.SliceExpr: // h[len("Bearer "):]
		return w.expr(e.X, depth+1)
	case *ast.TypeAssertExpr: // tok.Extra("id_token").(string)
		return w.expr(e.X, depth+1)
	case *ast.BinaryExpr:
		return join(w.expr(e.X, depth+1), w.expr(e.Y, depth+1))
	case *ast.CallExpr:
		return w.call(e, 0, depth)
	case *ast.Ident:
		v, _ := c.info.Uses[e].(*types.Var)
		if v == nil {
			v, _ = c.info.Defs[e].(*types.Var)
		}
		if v == nil || v.IsField() || isPackageLevel(v) || w.seen[v] {
			return originUnknown
		}
		w.seen[v] = true
		if p, ok := c.defs.params[v]; ok {
			return w.param(p, depth)
		}
		vals := c.defs.values[v]
		if len(vals) == 0 {
			return originUnknown
		}
		o := originOwn
		for _, val := range vals {
			var vo origin
			switch {
			case val.decoded:
				vo = originUnknown
				if c.fromResponseBody(val.expr.(*ast.CallExpr)) {
					vo = originOwn
				}
			case val.index >= 0:
				if call, ok := ast.Unparen(val.expr).(*ast.CallExpr); ok {
					vo = w.call(call, val.index, depth)
				} else if val.index == 0 { // raw, ok := v.(string)
					vo = w.expr(val.expr, depth+1)
				}
			default:
				vo = w.expr(val.expr, depth+1)
			}
			if o = join(o, vo); o == originIncoming {
				break
			}
		}
		return o
	}
	return originUnknown
}

// call tells where the result (at index) of a call comes from.
func (w *originWalk) call(call *ast.CallExpr, index, depth int) origin {
	c := w.c
	if tv, ok := c.info.Types[call.Fun]; ok && tv.IsType() && len(call.Args) == 1 {
		return w.expr(call.Args[0], depth+1) // string(b)
	}
	name := c.name(call)
	switch {
	case slices.Contains(catalogue.OwnTokenFuncs, name):
		return originOwn
	case slices.Contains(catalogue.IncomingTokenFuncs, name):
		return originIncoming
	case slices.Contains(catalogue.RawTokenParseFuncs, name) && len(call.Args) > 0:
		return w.expr(call.Args[0], depth+1)
	}
	fn := catalogue.Callee(c.info, call)
	if fn == nil {
		return originUnknown
	}
	fn = fn.Origin()
	if pkg := fn.Pkg(); pkg != nil && slices.Contains(catalogue.StringFuncPkgs, pkg.Path()) {
		if len(call.Args) > 0 { // strings.TrimPrefix(h, "Bearer "), strings.Fields(h)
			return w.expr(call.Args[0], depth+1)
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
		// A method of a value whose origin is known: r.Header.Get, resp.Header.Get,
		// url.Values.Get, tok.Extra.
		if recv := w.expr(sel.X, depth+1); recv != originUnknown {
			return recv
		}
	}
	if cur, ok := c.funcs[fn]; ok && !w.seen[fn] {
		w.seen[fn] = true
		decl := cur.Node().(*ast.FuncDecl)
		o, found := originOwn, false
		for ret := range cur.Preorder((*ast.ReturnStmt)(nil)) {
			if f, ok := enclosingFunc(ret); !ok || f.Node() != decl {
				continue
			}
			rs := ret.Node().(*ast.ReturnStmt)
			if index >= len(rs.Results) {
				if len(rs.Results) == 1 {
					if inner, ok := ast.Unparen(rs.Results[0]).(*ast.CallExpr); ok {
						o, found = join(o, w.call(inner, index, depth+1)), true
					}
				}
				continue
			}
			o, found = join(o, w.expr(rs.Results[index], depth+1)), true
		}
		if found {
			return o
		}
	}
	return originUnknown
}

// param tells where a parameter's value comes from: a token verifier's token argument
// is the caller's; a helper's, what its callers in the package
// pass (an exported function called nowhere here is unknown).
func (w *originWalk) param(p paramOf, depth int) origin {
	c := w.c
	if p.index < 0 {
		return originUnknown
	}
	var sig *types.Signature
	var node ast.Node
	if p.fn != nil {
		sig = p.fn.Signature()
		if cur, ok := c.funcs[p.fn]; ok {
			node = cur.Node()
		}
	} else if p.lit != nil {
		sig, _ = c.info.TypeOf(p.lit).(*types.Signature)
		node = p.lit
	}
	if node != nil && returnsTokenInfo(c.info, node) {
		return originIncoming // a go-sdk TokenVerifier's token
	}
	if p.fn == nil || sig == nil {
		return originUnknown
	}
	calls := c.callsOf(p.fn)
	if len(calls) == 0 {
		return originUnknown
	}
	o := originOwn
	for _, call := range calls {
		i := p.index
		if sig.Variadic() && i >= sig.Params().Len()-1 || i >= len(call.Args) {
			return originUnknown
		}
		if o = join(o, w.expr(call.Args[i], depth+1)); o == originIncoming {
			break
		}
	}
	return o
}

// callsOf returns the package's calls of fn.
func (c *checker) callsOf(fn *types.Func) []*ast.CallExpr {
	if c.calls == nil {
		c.calls = map[*types.Func][]*ast.CallExpr{}
		for cur := range c.ins.Root().Preorder((*ast.CallExpr)(nil)) {
			call := cur.Node().(*ast.CallExpr)
			if callee := catalogue.Callee(c.info, call); callee != nil && callee.Pkg() == c.pass.Pkg {
				c.calls[callee.Origin()] = append(c.calls[callee.Origin()], call)
			}
		}
	}
	return c.calls[fn]
}

// incomingValue reports whether e is, or is read from, a request the code serves: a value
// of a type rules.toml marks incoming (an *http.Request, an MCP request) or a field of one.
func (c *checker) incomingValue(e ast.Expr) bool {
	for {
		if c.incomingType(c.typeOf(e)) {
			return true
		}
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			if c.field(x) == nil {
				return false
			}
			e = x.X
		case *ast.StarExpr:
			e = x.X
		default:
			return false
		}
	}
}

// incomingType reports whether t (or what it points to) is a request type that rules.toml
// marks incoming.
func (c *checker) incomingType(t types.Type) bool {
	if p, ok := t.Underlying().(*types.Pointer); ok {
		t = p.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	if !ok || n.Obj().Pkg() == nil {
		return false
	}
	full := n.Obj().Pkg().Path() + "." + n.Obj().Name()
	if c.pass.Rules == nil {
		return false
	}
	return slices.ContainsFunc(c.pass.Rules.Flow.Source, func(s config.FlowFunc) bool {
		return s.Incoming && strings.EqualFold(s.Type, full)
	})
}
