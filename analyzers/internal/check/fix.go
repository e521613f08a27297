package check

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/analysis"
)

// RemoveFix is the suggested fix that deletes list[i] from a comma-separated list (the
// elements of a composite literal, the arguments of a call) whose closing brace or
// parenthesis is at close, with its separator: the rest of the list and its layout stay as
// they are. It is meant for an element whose absence is the safe default (a flag that
// switches a check off), where deleting it is certainly right and leaves the file compiling.
func RemoveFix(list []ast.Expr, i int, close token.Pos, message string) []analysis.SuggestedFix {
	if i < 0 || i >= len(list) {
		return nil
	}
	var pos, end token.Pos
	switch {
	case len(list) == 1:
		pos, end = list[0].Pos(), close // f(x) -> f(), T{a: 1,\n} -> T{}
	case i < len(list)-1:
		pos, end = list[i].Pos(), list[i+1].Pos() // "x, " or "x,\n\t" up to the next element
	default:
		pos, end = list[i-1].End(), list[i].End() // the separator before the last element
	}
	return []analysis.SuggestedFix{{Message: message, TextEdits: []analysis.TextEdit{{Pos: pos, End: end}}}}
}
