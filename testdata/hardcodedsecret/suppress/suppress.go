package suppress

import "golang.org/x/oauth2"

func configs() []oauth2.Config {
	return []oauth2.Config{
		//oauthvet:ignore hardcodedsecret -- public installed-app secret; Google documents it as not confidential
		{ClientSecret: "3f7c9a1e5b2d8f4c6a0e9b1d7c3f5a2e"},
		{ClientSecret: "4e8d0b2f6c3e9a5d7b1f0c4e8a6d3b9f"}, //oauthvet:ignore hardcodedsecret -- rotated weekly by the fixture server
		//oauthvet:ignore hardcodedsecret
		{ClientSecret: "5f9e1c3a7d4f0b6e8c2a1d5f9b7e4c0a"}, // want `hard-coded OAuth client secret "5f9e…"`
		//oauthvet:ignore pkce,hardcodedsecret -- several checks at once
		{ClientSecret: "6a0f2d4b8e5a1c7f9d3b2e6a0c8f5d1b"},
	}
}

//oauthvet:ignore hardcodedsecret -- nothing here to silence // want `//oauthvet:ignore hardcodedsecret silences no finding of hardcodedsecret; remove it`
var clientID = "agent-cli"
