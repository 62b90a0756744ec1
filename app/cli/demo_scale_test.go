package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestDemoScaleFillsAnEmptyDatabaseOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a scale-1 county (seconds)")
	}
	db := filepath.Join(t.TempDir(), "s.db")
	code, out, errOut := run(t, "--db", db, "demo", "--scale", "1")
	if code != ExitOK || !strings.Contains(out, "规模 1") || !strings.Contains(out, "件提案") {
		t.Fatalf("demo --scale 1: %d %q %q", code, out, errOut)
	}
	code, out, _ = run(t, "--db", db, "check")
	if code != ExitOK {
		t.Errorf("check after demo --scale: %d %q", code, out)
	}
	code, _, errOut = run(t, "--db", db, "demo", "--scale", "1")
	if code != ExitError || !strings.Contains(errOut, "已有数据") {
		t.Errorf("second demo --scale: %d %q", code, errOut)
	}
}

func TestDemoScaleOutOfRange(t *testing.T) {
	code, _, errOut := run(t, "--db", filepath.Join(t.TempDir(), "s.db"), "demo", "--scale", "-1")
	if code != ExitUsage || !strings.Contains(errOut, "--scale") {
		t.Errorf("--scale -1: %d %q", code, errOut)
	}
}
