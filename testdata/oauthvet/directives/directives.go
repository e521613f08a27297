package directives

//oauthvet:ignore hardcodedsecret // want `//oauthvet:ignore needs a reason after`
var a = 1

//oauthvet:ignore -- no check named // want `//oauthvet:ignore names no check`
var b = 2

//oauthvet:ignore hardcodedsecrets -- misspelt // want `//oauthvet:ignore names unknown check "hardcodedsecrets"`
var c = 3

//oauthvet:ignore hardcodedsecret, pkce -- a well-formed directive with a space after the comma
var d = 4

//oauthvet:ignored not a directive of ours
var e = 5
