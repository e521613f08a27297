package tokenlog

import (
	"go/ast"
	"go/constant"

	"github.com/oauthvet/oauthvet/analyzers/internal/catalogue"
	"github.com/oauthvet/oauthvet/analyzers/internal/check"
)

// prettyLoggers reports HTTP loggers configured to print credentials: an httpretty.Logger
// that prints request headers with SkipSanitize set writes every Authorization header and
// cookie of the requests it sees to its log.
func prettyLoggers(pass *check.Pass) {
	if !catalogue.ImportsAny(pass.Pkg, catalogue.HTTPrettyLogger.Pkg) {
		return
	}
	for _, file := range pass.Files {
		if pass.InTestCode(file) {
			continue
		}
		ast.Inspect(file, func(n ast.Node) bool {
			lit, ok := n.(*ast.CompositeLit)
			if !ok || !catalogue.HTTPrettyLogger.Is(pass.TypesInfo.TypeOf(lit)) {
				return true
			}
			var headers, skip ast.Expr
			for _, elt := range lit.Elts {
				kv, ok := elt.(*ast.KeyValueExpr)
				if !ok {
					continue
				}
				if id, ok := kv.Key.(*ast.Ident); ok && isTrue(pass, kv.Value) {
					switch id.Name {
					case "RequestHeader":
						headers = kv.Value
					case "SkipSanitize":
						skip = kv
					}
				}
			}
			if headers != nil && skip != nil {
				pass.Reportf(skip.Pos(), "httpretty.Logger prints request headers with SkipSanitize: every Authorization header and cookie it sees reaches its log; leave SkipSanitize off (httpretty masks them), or print only the headers you need")
			}
			return true
		})
	}
}

func isTrue(pass *check.Pass, e ast.Expr) bool {
	tv, ok := pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Bool && constant.BoolVal(tv.Value)
}
