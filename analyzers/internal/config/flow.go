package config

import "github.com/BurntSushi/toml"

// FlowSchema lists the sources, sinks and sanitizers of the token-flow checks.
type FlowSchema struct {
	Source    []FlowFunc `toml:"source"`
	Sink      []FlowFunc `toml:"sink"`
	Sanitizer []FlowFunc `toml:"sanitizer"`
}

// FlowFunc names a function as go/types prints it ("(*log/slog.Logger).Info") and the
// arguments or result that matter.
type FlowFunc struct {
	Func   string `toml:"func"`
	Args   []int  `toml:"args"`   // argument indexes; -1 means every variadic argument
	Result int    `toml:"result"` // for sources: which result carries the token
	Kind   string `toml:"kind"`
	Check  string `toml:"check"` // for sinks: which check reports it
	Reason string `toml:"reason"`
}

// mergeFlow appends a user's [flow] entries to the defaults.
func mergeFlow(dst, src *FlowSchema) {
	dst.Source = append(dst.Source, src.Source...)
	dst.Sink = append(dst.Sink, src.Sink...)
	dst.Sanitizer = append(dst.Sanitizer, src.Sanitizer...)
}

func validateFlow(f *FlowSchema, bad badFunc) error {
	for _, list := range [][]FlowFunc{f.Source, f.Sink, f.Sanitizer} {
		for _, fn := range list {
			if fn.Func == "" {
				return bad(toml.Key{"flow"}, 0, "flow entry needs a func")
			}
		}
	}
	return nil
}
