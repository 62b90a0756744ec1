package assets

import (
	"os"
	"regexp"
	"testing"
)

// A plain `go build` must report the version FyneApp.toml declares, or the
// 关于 dialog and the Windows file properties would disagree.
func TestVersionMatchesFyneApp(t *testing.T) {
	toml, err := os.ReadFile("../FyneApp.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`(?m)^Version\s*=\s*"([^"]+)"`).FindSubmatch(toml)
	if m == nil {
		t.Fatal("FyneApp.toml has no Version line")
	}
	if string(m[1]) != Version {
		t.Errorf("assets.Version = %q, FyneApp.toml says %q", Version, m[1])
	}
}

func TestVersionText(t *testing.T) {
	v, c := Version, Commit
	t.Cleanup(func() { Version, Commit = v, c })
	Version, Commit = "1.2.3", ""
	if got := VersionText(); got != "1.2.3" {
		t.Errorf("without commit: %q", got)
	}
	Commit = "abc1234"
	if got := VersionText(); got != "1.2.3（abc1234）" {
		t.Errorf("with commit: %q", got)
	}
}
