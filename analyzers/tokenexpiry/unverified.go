package tokenexpiry

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/paths"
)

// unverified: claims of a token read without verifying its signature.

// unverifiedParse reports an unverified parse unless the same function also verifies a
// token: then the unverified claims only choose a key or an issuer. A parse of a token
// the program itself received from a token endpoint (tok.AccessToken, tok.Extra) decides
// no access and is silent.
func (c *checker) unverifiedParse(cur inspector.Cursor, call *ast.CallExpr, msg string) {
	if c.callsAny(c.scope(cur), catalogue.VerifyingParseFuncs, call) {
		return
	}
	if len(call.Args) > 0 && c.ownToken(call.Args[0], 0) {
		return
	}
	if !c.decidesAccess(cur, call) {
		return
	}
	c.report(call, unverified, msg)
}

// decidesAccess reports whether the result of an unverified parse can decide access: the
// parse is in a request handler or a token verifier (a function with an *http.Request
// parameter or returning *auth.TokenInfo), or its token or claims are returned or
// tested in a condition. A tool that only prints a token decides nothing.
func (c *checker) decidesAccess(cur inspector.Cursor, call *ast.CallExpr) bool {
	parse := cur
	if c.name(call) == catalogue.JWXWithVerify {
		if p, ok := paths.Up(cur); ok {
			if _, ok := p.Node().(*ast.CallExpr); ok {
				parse = p
			}
		}
	}
	var objs []types.Object
	var fnNode ast.Node
	for p, ok := parse, true; ok; p, ok = paths.Up(p) {
		switch n := p.Node().(type) {
		case *ast.ReturnStmt:
			if fnNode == nil {
				return true
			}
		case *ast.AssignStmt:
			if fnNode == nil && objs == nil {
				for _, l := range n.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if obj := c.objOf(id); obj != nil {
							objs = append(objs, obj)
						}
					}
				}
			}
		case *ast.FuncLit, *ast.FuncDecl:
			if fnNode == nil {
				fnNode = n
			}
			if c.serverFunc(n) {
				return true
			}
		}
	}
	pc := parse.Node().(*ast.CallExpr)
	args := pc.Args
	if name := c.name(pc); name == catalogue.JWTv5ParseUnverified || name == catalogue.JWTv4ParseUnverified {
		args = args[min(1, len(args)):]
	} else if name != catalogue.GoJoseUnsafeClaims {
		args = nil
	}
	for _, a := range args {
		if v := c.defs.localVar(a); v != nil {
			objs = append(objs, v)
		}
	}
	if fnNode == nil || len(objs) == 0 {
		return false
	}
	uses := func(e ast.Node) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && slices.Contains(objs, c.objOf(id)) {
				found = true
			}
			return !found
		})
		return found
	}
	// Values computed from the claims carry them (sub, _ := claims.GetSubject()).
	for range 2 {
		ast.Inspect(fnNode, func(n ast.Node) bool {
			if as, ok := n.(*ast.AssignStmt); ok && slices.ContainsFunc(as.Rhs, func(e ast.Expr) bool { return uses(e) }) {
				for _, l := range as.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						if obj := c.objOf(id); obj != nil && !slices.Contains(objs, obj) {
							objs = append(objs, obj)
						}
					}
				}
			}
			return true
		})
	}
	return c.any([]ast.Node{fnNode}, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.ReturnStmt:
			return slices.ContainsFunc(n.Results, func(e ast.Expr) bool { return uses(e) })
		case *ast.IfStmt:
			return uses(n.Cond)
		case *ast.SwitchStmt:
			return n.Tag != nil && uses(n.Tag)
		case *ast.CaseClause:
			return slices.ContainsFunc(n.List, func(e ast.Expr) bool { return uses(e) })
		}
		return false
	})
}

// objOf returns the non-error variable an identifier defines or uses.
func (c *checker) objOf(id *ast.Ident) types.Object {
	obj := c.info.Defs[id]
	if obj == nil {
		obj = c.info.Uses[id]
	}
	v, ok := obj.(*types.Var)
	if !ok || types.Identical(v.Type(), types.Universe.Lookup("error").Type()) {
		return nil
	}
	return v
}

// serverFunc reports whether a function serves requests: it has an *http.Request
// parameter or returns *auth.TokenInfo.
func (c *checker) serverFunc(fn ast.Node) bool {
	if returnsTokenInfo(c.info, fn) {
		return true
	}
	var ft *ast.FuncType
	switch fn := fn.(type) {
	case *ast.FuncDecl:
		ft = fn.Type
	case *ast.FuncLit:
		ft = fn.Type
	}
	for _, f := range ft.Params.List {
		if (catalogue.TypeName{Pkg: catalogue.NetHTTPPkg, Name: "Request"}).Is(c.info.TypeOf(f.Type)) {
			return true
		}
	}
	return false
}

// ownToken reports whether a raw token string comes from an oauth2.Token the program
// holds (its AccessToken, or Extra("id_token")).
func (c *checker) ownToken(e ast.Expr, depth int) bool {
	if depth > 3 {
		return false
	}
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.SelectorExpr:
			if isField(c.field(n), catalogue.OAuth2TokenAccessToken) {
				found = true
			}
		case *ast.CallExpr:
			if c.name(n) == "(*golang.org/x/oauth2.Token).Extra" {
				found = true
			}
		case *ast.Ident:
			if v := c.defs.identVar(n); v != nil {
				for _, val := range c.defs.values[v] {
					if !val.decoded && c.ownToken(val.expr, depth+1) {
						found = true
					}
				}
			}
		}
		return !found
	})
	return found
}
