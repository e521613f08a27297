// Package grants holds request parameters used from another package.
package grants

// ImplicitType is the implicit grant's response type.
const ImplicitType = "token"

// AuthorizeURL is an implicit-grant authorization URL.
const AuthorizeURL = "https://as.example.com/authorize?response_type=token&client_id=agent"

// CodeURL is an authorization-code URL base.
const CodeURL = "https://as.example.com/authorize?response_type=code&client_id=agent"
