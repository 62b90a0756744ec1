package assets

// Version is the program's version as the user sees it (关于, `zhengxie
// version`, the Windows file properties). Release builds set it from
// FyneApp.toml with -ldflags "-X zhengxie/assets.Version=…"
// (scripts/dist.sh); this default is kept equal to FyneApp.toml by a test,
// so a plain `go build` reports the same version.
var Version = "0.3.0"

// Commit is the source revision a release build was made from (set by
// -ldflags "-X zhengxie/assets.Commit=…"); empty in development builds.
var Commit = ""

// VersionText is the version line shown to the user, e.g. "0.3.0" or
// "0.3.0（a1b2c3d）".
func VersionText() string {
	if Commit == "" {
		return Version
	}
	return Version + "（" + Commit + "）"
}
