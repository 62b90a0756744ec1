package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"zhengxie/data"
)

// proposalBook is a one-sheet 提案 register with the given rows from row 2.
func proposalBook(t testing.TB, rows ...[]any) []byte {
	b := newSheet(t, "提案台账")
	b.row(1, "案号", "题目", "第一提案人", "类别", "答复日期")
	for i, r := range rows {
		b.row(i+2, r...)
	}
	return b.bytes()
}

// eventBook is a one-row-per-participant register with rows from row 2.
func eventBook(t testing.TB, rows ...[]any) []byte {
	b := newSheet(t, "活动登记")
	b.row(1, "日期", "活动名称", "活动类型", "姓名", "出席情况")
	for i, r := range rows {
		b.row(i+2, r...)
	}
	return b.bytes()
}

func ledgerCases() []hostileCase {
	props := func(rows ...[]any) func(testing.TB) []byte {
		return func(t testing.TB) []byte { return proposalBook(t, rows...) }
	}
	events := func(rows ...[]any) func(testing.TB) []byte {
		return func(t testing.TB) []byte { return eventBook(t, rows...) }
	}
	return []hostileCase{
		{desc: "proposals: random bytes named .xlsx", kind: proposalFile, name: "台账.xlsx",
			file: func(testing.TB) []byte { return randomBytes(5000) }, wantErr: "不是有效的 Excel"},
		{desc: "proposals: wrong headers", kind: proposalFile, name: "台账.xlsx",
			file: func(t testing.TB) []byte { return rosterBook(t, member(1, "")) }, wantErr: "没有找到表头"},
		{desc: "proposals: only a header", kind: proposalFile, name: "台账.xlsx",
			file: props(), wantErr: "没有提案数据"},
		{desc: "proposals: duplicate 案号", kind: proposalFile, name: "台账.xlsx",
			file:      props([]any{1, "关于甲的建议", "张明", "社会建设"}, []any{1, "关于乙的建议", "李红", "社会建设"}),
			wantIssue: "3 案号"},
		{desc: "proposals: 答复日期 2026-02-30", kind: proposalFile, name: "台账.xlsx",
			file: props([]any{1, "关于甲的建议", "张明", "社会建设", "2026-02-30"}), wantIssue: "2 答复日期"},
		{desc: "proposals: negative 案号", kind: proposalFile, name: "台账.xlsx",
			file: props([]any{-3, "关于甲的建议", "张明", "社会建设"}), wantIssue: "2 案号"},
		{desc: "proposals: formula titles stay text, the ledger writes them as strings", kind: proposalFile,
			name: "台账.xlsx",
			file: props([]any{1, formulaLink, "张明", "社会建设"}, []any{2, formulaSum, "李红", "社会建设"},
				[]any{3, formulaDDE, "王强", "社会建设"}),
			imported: func(t *testing.T, c *importCounty) { checkLedgerTitles(t, c, formulaLink, formulaSum, formulaDDE) }},
		{desc: "events: a truncated workbook", kind: eventFile, name: "签到表.xlsx",
			file: func(t testing.TB) []byte {
				b := eventBook(t, []any{"2026-03-05", "全会", "全体会议", "张明", "出席"})
				return b[:len(b)-100]
			}, wantErr: "不是有效的 Excel"},
		{desc: "events: wrong headers", kind: eventFile, name: "签到表.xlsx",
			file: func(t testing.TB) []byte {
				b := newSheet(t, "Sheet1")
				b.row(1, "date", "who")
				b.row(2, "2026-03-05", "张明")
				return b.bytes()
			}, wantErr: "没有找到参加人员表"},
		{desc: "events: 日期 2026-02-30", kind: eventFile, name: "签到表.xlsx",
			file: events([]any{"2026-02-30", "专题调研", "调研", "张明", "出席"}), wantIssue: "2 日期"},
		{desc: "events: a name not on the roster", kind: eventFile, name: "签到表.xlsx",
			file: events([]any{"2026-03-05", "专题调研", "调研", "查无此人", "出席"}), wantIssue: "2 姓名"},
	}
}

// checkLedgerTitles wants the imported proposals' titles, and a ledger
// export that writes them as plain strings.
func checkLedgerTitles(t *testing.T, c *importCounty, titles ...string) {
	t.Helper()
	ps, err := c.s.ListProposals(c.ctx, data.ProposalFilter{SessionID: c.session.ID})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, p := range ps {
		got[p.Title] = true
	}
	for _, x := range titles {
		if !got[x] {
			t.Errorf("title %q not stored as typed (have %v)", x, got)
		}
	}
	var buf bytes.Buffer
	doc := LedgerDoc{Committee: data.Committee{Name: "政协清河县委员会"}, Term: c.term, Session: &c.session,
		Sessions: []data.Session{c.session}, Proposals: ps}
	if err := WriteLedger(&buf, doc); err != nil {
		t.Fatal(err)
	}
	checkNoFormulas(t, buf.Bytes(), titles)
}

// guangshui is the example rule file, a sound base for hostile edits.
func guangshui(t testing.TB) string {
	b, err := os.ReadFile(filepath.Join("..", "..", "docs", "examples", "guangshui.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func ruleCases() []hostileCase {
	edit := func(old, new string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			s := guangshui(t)
			if !strings.Contains(s, old) {
				t.Fatalf("guangshui.toml lacks %q", old)
			}
			return []byte(strings.Replace(s, old, new, 1))
		}
	}
	text := func(s string) func(testing.TB) []byte { return func(testing.TB) []byte { return []byte(s) } }
	return []hostileCase{
		{desc: "rules: an unknown key", kind: rulesFile, name: "规则.toml",
			file: edit("decimals = 2", "decimals = 2\nbonus_everyone = 5"), wantErr: "bonus_everyone"},
		{desc: "rules: a number where text belongs", kind: rulesFile, name: "规则.toml",
			file: edit(`name = "广水市政协委员履职考核"`, "name = 42"), wantErr: "第"},
		{desc: "rules: text where a number belongs", kind: rulesFile, name: "规则.toml",
			file: edit("cap = 110", `cap = "一百一十"`), wantErr: "第"},
		{desc: "rules: a 2 MB description", kind: rulesFile, name: "规则.toml",
			file: edit(`description = "`, `description = "`+strings.Repeat("长", 700_000)), wantErr: "文件太大"},
		{desc: "rules: tables nested 10,000 deep", kind: rulesFile, name: "规则.toml",
			file: text(deepTOML(10000)), wantErr: "规则"},
		{desc: "rules: arrays nested 100,000 deep", kind: rulesFile, name: "规则.toml",
			file: text(deepInlineTOML(100000)), wantErr: "规则"},
		{desc: "rules: binary garbage", kind: rulesFile, name: "规则.toml",
			file: func(testing.TB) []byte { return randomBytes(3000) }, wantErr: "规则文件"},
	}
}
