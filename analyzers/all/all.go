// Package all is the registry of oauthvet's checks (registry.go): the analyzers every
// driver runs (the oauthvet command, go vet -vettool, the golangci-lint plugin, the
// language server), with what documents and outputs say of each: summary, documentation
// page, CWE, and each sub-rule's precision tier and severity.
package all
