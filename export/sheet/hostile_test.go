package sheet

import (
	"crypto/sha256"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"zhengxie/data"
	"zhengxie/data/backup/seal"
	"zhengxie/data/rules"
)

// The hostile corpus: malformed and malicious files fed through the very
// calls the GUI and the command line make (PreviewRosterFile and Apply,
// PreviewProposalFile, PreviewEventFile, ReadRulesFile and SaveRuleSet,
// InspectBackup, Restore, OpenSealedBackup). Each is either refused with a
// Chinese sentence, or refused with row-level problems naming row and field,
// or imported as plain text; a refusal leaves every table as it was.

// fileKind is the import a hostile file is fed to.
type fileKind int

const (
	rosterFile fileKind = iota
	proposalFile
	eventFile
	rulesFile
	backupFile // InspectBackup, then Restore over the closed database
	sealedFile // OpenSealedBackup
)

// hostileCase is one hostile file and what must become of it. Exactly one
// of wantErr, wantIssue and imported is set.
type hostileCase struct {
	desc string
	kind fileKind
	name string // file name, with its (misleading) extension
	file func(testing.TB) []byte
	// wantErr is part of the Chinese refusal of the whole file.
	wantErr string
	// wantIssue is the row and field of a row-level problem, "12 身份证号".
	wantIssue string
	// imported checks what an accepted file stored.
	imported func(t *testing.T, c *importCounty)
}

// outcome is what feeding a file did: a refusal of the whole file, or the
// row-level problems a preview found and the error of Apply.
type outcome struct {
	err      error
	issues   []data.ImportIssue
	applyErr error
}

func TestHostileFiles(t *testing.T) {
	for _, hc := range hostileCases() {
		t.Run(hc.desc, func(t *testing.T) {
			if hc.name == "" {
				t.Fatal("case without a file name")
			}
			c := newImportCounty(t)
			path := filepath.Join(t.TempDir(), hc.name)
			if err := os.WriteFile(path, hc.file(t), 0o644); err != nil {
				t.Fatal(err)
			}
			before := fingerprint(t, c.s.Path())
			out := feed(t, c, hc.kind, path)
			switch {
			case hc.wantErr != "":
				checkRefusal(t, out.err, hc.wantErr)
			case hc.wantIssue != "":
				checkIssue(t, out, hc.wantIssue)
			default:
				if out.err != nil || len(out.issues) > 0 || out.applyErr != nil {
					t.Fatalf("want an import, got %v %+v %v", out.err, out.issues, out.applyErr)
				}
				hc.imported(t, c)
				return
			}
			if after := fingerprint(t, c.s.Path()); after != before {
				t.Errorf("a refused file changed the database:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// feed runs path through the calls the GUI and the command line make for
// its kind; an accepted import is applied.
func feed(t *testing.T, c *importCounty, kind fileKind, path string) (out outcome) {
	ctx := c.ctx
	switch kind {
	case rosterFile:
		p, err := PreviewRosterFile(ctx, c.s, c.term.ID, path)
		if err != nil {
			return outcome{err: err}
		}
		_, applyErr := p.Apply(ctx, c.s, c.term.ID)
		return outcome{issues: p.Issues, applyErr: applyErr}
	case proposalFile:
		p, err := PreviewProposalFile(ctx, c.s, c.session, path, data.ProposalImportOptions{Actor: "小周"})
		if err != nil {
			return outcome{err: err}
		}
		_, applyErr := p.Apply(ctx, c.s)
		return outcome{issues: p.Issues, applyErr: applyErr}
	case eventFile:
		p, err := PreviewEventFile(ctx, c.s, c.term, path, data.EventImportOptions{Actor: "小周"})
		if err != nil {
			return outcome{err: err}
		}
		_, applyErr := p.Apply(ctx, c.s)
		return outcome{issues: p.Issues, applyErr: applyErr}
	case rulesFile:
		rs, err := rules.ReadFile(path)
		if err == nil {
			err = c.s.SaveRuleSet(ctx, &data.StoredRuleSet{Year: 2026, Rules: rs})
		}
		return outcome{err: err}
	case backupFile:
		return outcome{err: feedBackup(t, c, path)}
	case sealedFile:
		plain, _, err := seal.Open(ctx, path, "正确的密码123", c.s.Path())
		if err == nil {
			os.Remove(plain)
		}
		if left, _ := filepath.Glob(filepath.Join(data.BackupDir(c.s.Path()), ".unsealed-*")); len(left) > 0 {
			t.Errorf("decrypted leftovers %v", left)
		}
		return outcome{err: err}
	}
	t.Fatalf("unknown kind %d", kind)
	return out
}

// feedBackup inspects path as a backup, then tries to restore it over the
// (closed) database, which must come out byte for byte the same.
func feedBackup(t *testing.T, c *importCounty, path string) error {
	ctx := c.ctx
	_, inspectErr := data.InspectBackup(ctx, path)
	if inspectErr == nil {
		return nil
	}
	db := c.s.Path()
	if err := c.s.Close(); err != nil {
		t.Fatal(err)
	}
	before := fileHash(t, db)
	s, _, err := data.Restore(ctx, path, db, data.RestoreOptions{Actor: "管理员", Role: data.RoleNone})
	if err == nil {
		s.Close()
		t.Fatal("Restore accepted what InspectBackup refused")
	}
	if after := fileHash(t, db); after != before {
		t.Error("a refused restore changed the database file")
	}
	if !errors.Is(err, inspectErr) && err.Error() != inspectErr.Error() {
		t.Errorf("Restore says %q, InspectBackup %q", err, inspectErr)
	}
	reopened, err2 := data.Open(ctx, db)
	if err2 != nil {
		t.Fatalf("database does not open after a refused restore: %v", err2)
	}
	c.s = reopened
	t.Cleanup(func() { reopened.Close() })
	return inspectErr
}

// checkRefusal wants the whole file refused, in Chinese, saying want.
func checkRefusal(t *testing.T, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("accepted; want a refusal saying %q", want)
	}
	if !strings.Contains(err.Error(), want) {
		t.Errorf("refusal %q does not say %q", err, want)
	}
	if !hasHan(err.Error()) {
		t.Errorf("refusal %q is not in Chinese", err)
	}
}

// checkIssue wants the preview to name want ("row field") among its
// problems in Chinese, and Apply to refuse.
func checkIssue(t *testing.T, out outcome, want string) {
	t.Helper()
	if out.err != nil {
		t.Fatalf("whole file refused (%v); want a problem at %s", out.err, want)
	}
	var got []string
	for _, is := range out.issues {
		got = append(got, fmt.Sprintf("%d %s", is.Row, is.Field))
		if !hasHan(is.Msg) {
			t.Errorf("problem %+v is not in Chinese", is)
		}
	}
	if !slices.Contains(got, want) {
		t.Errorf("problems %v lack %q (%+v)", got, want, out.issues)
	}
	if !errors.Is(out.applyErr, data.ErrImportHasIssues) {
		t.Errorf("Apply with problems: %v, want ErrImportHasIssues", out.applyErr)
	}
}

func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

// fingerprint hashes every row of every table of the database at path,
// read through a second, read-only connection.
func fingerprint(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path)+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var tables []string
	rows, err := db.Query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n string
		rows.Scan(&n)
		tables = append(tables, n)
	}
	rows.Close()
	h := sha256.New()
	var counts []string
	for _, tb := range tables {
		n := hashTable(t, db, tb, h)
		counts = append(counts, fmt.Sprintf("%s=%d", tb, n))
	}
	return fmt.Sprintf("%x [%s]", h.Sum(nil)[:8], strings.Join(counts, " "))
}

func hashTable(t *testing.T, db *sql.DB, table string, h interface{ Write([]byte) (int, error) }) int {
	t.Helper()
	rows, err := db.Query(`SELECT * FROM "` + table + `" ORDER BY rowid`)
	if err != nil {
		rows, err = db.Query(`SELECT * FROM "` + table + `"`) // WITHOUT ROWID tables
	}
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	n := 0
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s%v\n", table, vals)
		n++
	}
	return n
}

func fileHash(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}
