package cli

import (
	"strings"
	"testing"

	"zhengxie/assets"
)

func TestVersionPrintsTheVersionAndTheDataFile(t *testing.T) {
	code, out, _ := run(t, "--db", "/tmp/某处/z.db", "version")
	if code != ExitOK {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(out, "政协履职 "+assets.Version) || !strings.Contains(out, "/tmp/某处/z.db") {
		t.Errorf("version printed %q", out)
	}
}
