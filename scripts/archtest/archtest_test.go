// Package archtest holds the dependency rules of zhengxie as a test: every
// import edge between our packages must be on the allowed list below, the
// list itself must point one way (main → app → {export, data, assets}), and
// the package table of docs/architecture.md must name each package's
// imports as `go list` sees them. `go test ./scripts/archtest -update`
// rewrites the imports column of that table.
package archtest

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the imports column of docs/architecture.md")

// allowed is every import edge between our packages (without the module
// prefix; "." is main). A new edge is a design decision: add it here, in
// the direction the layers allow, and the test keeps it from drifting.
var allowed = map[string][]string{
	".":                  {"app", "app/cli"},
	"app":                {"assets", "data", "data/assess", "data/backup", "data/backup/seal", "data/composition", "data/datadir", "data/demo", "data/proposal", "data/proposalstats", "data/rules", "data/savefile", "data/validate", "export/pdf", "export/report", "export/sheet"},
	"app/cli":            {"assets", "data", "data/assess", "data/backup", "data/backup/seal", "data/demo", "data/proposalstats", "data/rules", "data/savefile", "export/pdf", "export/report", "export/sheet"},
	"assets":             nil,
	"data":               {"data/assess", "data/backup", "data/datadir", "data/dblock", "data/mask", "data/proposal", "data/proposalstats", "data/similar", "data/validate"},
	"data/assess":        nil,
	"data/backup":        nil,
	"data/backup/seal":   {"data", "data/backup"},
	"data/composition":   {"data"},
	"data/datadir":       nil,
	"data/datatest":      {"data"},
	"data/dblock":        nil,
	"data/demo":          {"data", "data/assess", "data/proposal", "data/rules"},
	"data/demo/scaledb":  {"data", "data/demo"},
	"data/mask":          nil,
	"data/proposal":      nil,
	"data/proposalstats": {"data/proposal"},
	"data/rules":         {"assets", "data", "data/assess", "data/savefile"},
	"data/savefile":      {"data"},
	"data/similar":       nil,
	"data/validate":      nil,
	"export/pdf":         {"assets"},
	"export/report":      {"assets", "data", "data/assess", "data/composition", "data/mask", "data/proposal", "data/proposalstats", "data/rules", "data/savefile", "export/pdf"},
	"export/sheet":       {"data", "data/assess", "data/composition", "data/proposal", "data/rules", "data/savefile"},
	"scripts/archtest":   nil,
	"scripts/benchtable": nil,
	"scripts/zipdir":     nil,
}

// layer orders the top-level parts: an edge may only go to a lower layer,
// or within a part to a package that is not its parent's caller.
func layer(pkg string) int {
	switch {
	case pkg == ".":
		return 4
	case pkg == "app" || strings.HasPrefix(pkg, "app/"):
		return 3
	case strings.HasPrefix(pkg, "export/"):
		return 2
	case pkg == "data" || strings.HasPrefix(pkg, "data/"):
		return 1
	case pkg == "assets":
		return 0
	}
	return -1 // scripts: import nothing of ours
}

type pkgInfo struct {
	path    string
	imports []string // ours, without the module prefix
	fyneApp bool     // imports fyne.io/fyne/v2/app
}

func goList(t *testing.T) []pkgInfo {
	t.Helper()
	cmd := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "zhengxie/...")
	cmd.Dir = filepath.Join("..", "..")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	var pkgs []pkgInfo
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		p := pkgInfo{path: rel(f[0])}
		for _, imp := range f[1:] {
			switch {
			case imp == "fyne.io/fyne/v2/app":
				p.fyneApp = true
			case imp == "zhengxie" || strings.HasPrefix(imp, "zhengxie/"):
				p.imports = append(p.imports, rel(imp))
			}
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

func rel(path string) string {
	if path == "zhengxie" {
		return "."
	}
	return strings.TrimPrefix(path, "zhengxie/")
}

func TestImportsAreAllowed(t *testing.T) {
	for _, p := range goList(t) {
		want, known := allowed[p.path]
		if !known {
			t.Errorf("package %s is not in the allowed list: add it with the imports it may have", p.path)
			continue
		}
		for _, imp := range p.imports {
			if !slices.Contains(want, imp) {
				t.Errorf("%s imports %s, which is not an allowed edge", p.path, imp)
			}
		}
		if p.fyneApp && p.path != "." {
			t.Errorf("%s imports fyne.io/fyne/v2/app: only main.go may (everything else builds without cgo)", p.path)
		}
	}
}

func TestAllowedEdgesPointOneWay(t *testing.T) {
	for from, tos := range allowed {
		for _, to := range tos {
			lf, lt := layer(from), layer(to)
			switch {
			case lf < 0 || lt < 0:
				t.Errorf("%s → %s: scripts neither import nor are imported", from, to)
			case lt > lf:
				t.Errorf("%s → %s points up the layers (main → app → export → data → assets)", from, to)
			case from == "app/cli" && to == "app", strings.HasPrefix(from, "export/sheet") && to == "export/report":
				t.Errorf("%s → %s is not allowed", from, to)
			}
			if slices.Contains(allowed[to], from) {
				t.Errorf("%s and %s import each other", from, to)
			}
		}
	}
}

var rowRe = regexp.MustCompile("^\\| `([^`]+)` \\|(.*)\\|([^|]*)\\|$")

// TestArchitectureTableMatches keeps the imports column of the package
// table in docs/architecture.md equal to what go list sees.
func TestArchitectureTableMatches(t *testing.T) {
	imports := map[string]string{}
	for _, p := range goList(t) {
		name := p.path
		if name == "." {
			name = "main.go"
		}
		s := strings.Join(p.imports, ", ")
		if s == "" {
			s = "—"
		}
		imports[name] = s
	}
	path := filepath.Join("..", "..", "docs", "architecture.md")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(b), "\n")
	seen := map[string]bool{}
	for i, l := range lines {
		m := rowRe.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		want, ok := imports[m[1]]
		if !ok {
			t.Errorf("docs/architecture.md describes %s, which go list does not show", m[1])
			continue
		}
		seen[m[1]] = true
		if strings.TrimSpace(m[3]) != want {
			if *update {
				lines[i] = fmt.Sprintf("| `%s` |%s| %s |", m[1], m[2], want)
			} else {
				t.Errorf("docs/architecture.md: %s imports %q, go list says %q (go test ./scripts/archtest -update)", m[1], strings.TrimSpace(m[3]), want)
			}
		}
	}
	for name := range imports {
		if !seen[name] && !strings.HasPrefix(name, "scripts/") {
			t.Errorf("docs/architecture.md has no row for %s", name)
		}
	}
	if *update {
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
