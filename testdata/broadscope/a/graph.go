package a

import (
	"net/url"
	"slices"

	"golang.org/x/oauth2"
	"golang.org/x/oauth2/clientcredentials"
	"golang.org/x/oauth2/endpoints"
	"golang.org/x/oauth2/google"
	"golang.org/x/oauth2/microsoft"
)

// ---- Microsoft Graph permissions without the URL prefix: reported ----

// The identity platform reads a short name as a Graph permission: the same rules as
// https://graph.microsoft.com/Directory.ReadWrite.All.
func graphAdmin() *oauth2.Config {
	return &oauth2.Config{
		Endpoint: microsoft.AzureADEndpoint("common"),
		Scopes: []string{
			"openid",
			"Directory.ReadWrite.All", // want `scope "Directory.ReadWrite.All" grants reading and writing the whole directory: users, groups, applications and their settings; request User.Read, User.ReadBasic.All or a specific Group.\* permission instead`
			"Directory.Read.All",      // want `scope "Directory.Read.All" grants reading the whole directory: every user, group, application, device and their settings; request User.Read, User.ReadBasic.All or GroupMember.Read.All instead`
			"User.ReadWrite.All",      // want `scope "User.ReadWrite.All" grants changing the full profile of every user of the tenant`
		},
	}
}

// The tenant's authorization URL names Microsoft.
func graphMailbox(tenant string) *oauth2.Config {
	return &oauth2.Config{
		Endpoint: oauth2.Endpoint{
			AuthURL:  "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/authorize",
			TokenURL: "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token",
		},
		Scopes: []string{"offline_access", "Mail.ReadWrite", "Sites.FullControl.All"}, // want `scope "Mail.ReadWrite" grants reading, changing and deleting all mail` `scope "Sites.FullControl.All" grants full control of every SharePoint site collection; request Sites.Selected instead`
	}
}

// National clouds: the US Government sign-in host, and China's Graph prefix.
var govGraph = &oauth2.Config{
	Endpoint: oauth2.Endpoint{AuthURL: "https://login.microsoftonline.us/contoso/oauth2/v2.0/authorize"},
	Scopes:   []string{"User.Read", "Sites.ReadWrite.All"}, // want `scope "Sites.ReadWrite.All" grants editing and deleting documents`
}

func chinaGraph() *oauth2.Config {
	return &oauth2.Config{Endpoint: endpoints.AzureAD("contoso"), Scopes: []string{"https://microsoftgraph.chinacloudapi.cn/Files.ReadWrite.All"}} // want `scope "https://microsoftgraph.chinacloudapi.cn/Files.ReadWrite.All" grants reading, changing and deleting every file`
}

// ---- silent ----

func graphNarrow(tenant string) {
	_ = &oauth2.Config{Endpoint: microsoft.AzureADEndpoint(tenant), Scopes: []string{"User.Read", "Mail.Read", "Mail.Send", "Files.ReadWrite", "Sites.Selected", "offline_access"}}
	_ = &clientcredentials.Config{TokenURL: "https://login.microsoftonline.us/" + tenant + "/oauth2/v2.0/token", Scopes: []string{"https://graph.microsoft.us/.default"}}
}

// Another provider's flow: Graph permission names are no scope of Google's or GitHub's.
func graphNamesElsewhere() []*oauth2.Config {
	return []*oauth2.Config{
		{Endpoint: google.Endpoint, Scopes: []string{"Mail.ReadWrite"}},
		{Endpoint: endpoints.GitHub, Scopes: []string{"User.ReadWrite.All", "Directory.Read.All"}},
	}
}

// The same names as data: the roles of an app-only token, a permission catalogue, a Graph
// query filter.
type graphClaims struct {
	Roles []string `json:"roles"`
}

var graphPermissionNames = map[string]string{
	"Directory.ReadWrite.All": "Read and write directory data",
	"Sites.FullControl.All":   "Have full control of all site collections",
}

func graphCanWrite(c graphClaims, perm string) bool {
	if perm == "Mail.ReadWrite" {
		return slices.Contains(c.Roles, "Mail.ReadWrite")
	}
	return slices.Contains(c.Roles, "Directory.ReadWrite.All") || c.Roles[0] == "User.ReadWrite.All"
}

func graphGrantsQuery() string {
	return "https://graph.microsoft.com/v1.0/oauth2PermissionGrants?" + url.Values{"$filter": {"scope eq 'Files.ReadWrite.All'"}}.Encode()
}
