package cli

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"zhengxie/data"
)

// tinyRules: 5 points per meeting attended; 10 points per 社情民意 shared
// equally among its authors; 优秀 from 15.
const tinyRules = `name = "测试规则"
decimals = 2

[[item]]
name = "参加会议"
column = "会议"

  [[item.rule]]
  name = "每次出席"
  kind = "event"
  statuses = ["出席"]
  points = 5

[[item]]
name = "社情民意"

  [[item.rule]]
  name = "每篇"
  kind = "info"
  points = 10
  split = "equal"

[[grade]]
name = "优秀"
min = 15

[[grade]]
name = "合格"
`

// assessDB is a term with three members, one 全体会议 (李红 on leave), a
// 社情民意 by all three and another by 王强 alone, all in 2026:
//
//	张明 5 + 10/3 = 25/3 ≈ 8.33, 李红 0 + 10/3 ≈ 3.33, 王强 5 + 10/3 + 10 = 55/3 ≈ 18.33.
func assessDB(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "a.db")
	ctx := context.Background()
	s, err := data.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	term, err := s.SetUp(ctx, data.Setup{Committee: data.Committee{Name: "政协清河县委员会", ShortName: "清河县"},
		Term: data.Term{Number: 11, StartYear: 2021, EndYear: 2026}})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, name := range []string{"张明", "李红", "王强"} {
		m := data.Member{Person: data.Person{Name: name, Gender: "男", Birth: "1970-01"},
			Membership: data.Membership{TermID: term.ID, Party: "中共", Sector: "经济界"}}
		if err := s.CreateMember(ctx, &m); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, m.Membership.ID)
	}
	for _, a := range []data.Activity{
		{TermID: term.ID, Kind: data.ActEvent, Type: "全体会议", Title: "五次全会", Date: "2026-01-05",
			Members: []data.Attendee{{MembershipID: ids[0], Status: data.AttPresent},
				{MembershipID: ids[1], Status: data.AttLeave}, {MembershipID: ids[2], Status: data.AttPresent}}},
		{TermID: term.ID, Kind: data.ActInfo, Title: "关于农村饮水安全的建议", Date: "2026-03-01",
			Members: []data.Attendee{{MembershipID: ids[0]}, {MembershipID: ids[1]}, {MembershipID: ids[2]}}},
		{TermID: term.ID, Kind: data.ActInfo, Title: "关于老旧小区加装电梯的建议", Date: "2026-04-01",
			Members: []data.Attendee{{MembershipID: ids[2]}}},
	} {
		if err := s.CreateActivity(ctx, &a); err != nil {
			t.Fatalf("%s: %v", a.Title, err)
		}
	}
	return path
}

func rulesFile(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "规则.toml")
	if err := os.WriteFile(path, []byte(tinyRules), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportRulesThenAssessCSV(t *testing.T) {
	db := assessDB(t)
	code, out, errOut := run(t, "--db", db, "import", "rules", rulesFile(t), "--year", "2026")
	if code != ExitOK || !strings.Contains(out, "已导入规则集“测试规则”（2026年度）：2 个考核项目（参加会议、社情民意）") ||
		!strings.Contains(out, "已选用“测试规则”") {
		t.Fatalf("import rules: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, "--db", db, "assess", "--year", "2026", "--rules", "测试规则", "--format", "csv")
	if code != ExitOK {
		t.Fatalf("assess: %d %s %s", code, out, errOut)
	}
	if !strings.HasPrefix(out, "\uFEFF") {
		t.Error("csv has no byte-order mark: Excel would misread the Chinese")
	}
	want := []string{
		"姓名,界别,常委,会议,社情民意,加分,扣分,总分,等次,排名,备注",
		"张明,经济界,,5,3.33,0,0,8.33,合格,2,",
		"李红,经济界,,0,3.33,0,0,3.33,合格,3,",
		"王强,经济界,,5,13.33,0,0,18.33,优秀,1,",
	}
	if got := strings.Split(strings.TrimSpace(strings.TrimPrefix(out, "\uFEFF")), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("csv\n got %q\nwant %q", got, want)
	}
}

func TestAssessJSONKeepsExactPoints(t *testing.T) {
	db := assessDB(t)
	if code, out, errOut := run(t, "--db", db, "import", "rules", rulesFile(t), "--year", "2026"); code != ExitOK {
		t.Fatalf("import rules: %d %s %s", code, out, errOut)
	}
	// Without --rules the year's chosen rule set is used.
	code, out, errOut := run(t, "--db", db, "assess", "--year", "2026", "--format", "json")
	if code != ExitOK {
		t.Fatalf("assess: %d %s %s", code, out, errOut)
	}
	var res jsonResult
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(res.Members) != 3 || res.RuleSet != "测试规则" {
		t.Fatalf("json %+v", res)
	}
	w := res.Members[2]
	if w.Member != "王强" || w.Total != "55/3" || w.Rank != 1 || w.Grade != "优秀" || w.Items[1].Final != "40/3" {
		t.Errorf("王强 %+v", w)
	}
}

func TestAssessTextAndWorkbook(t *testing.T) {
	db := assessDB(t)
	if code, out, errOut := run(t, "--db", db, "import", "rules", rulesFile(t), "--year", "2026"); code != ExitOK {
		t.Fatalf("import rules: %d %s %s", code, out, errOut)
	}
	code, out, _ := run(t, "--db", db, "assess", "--year", "2026", "--rules", "测试规则")
	if code != ExitOK || !strings.Contains(out, "王强\t经济界\t5\t13.33\t18.33\t优秀\t1") ||
		!strings.Contains(out, "参加考核 3 人，优秀 1 人，合格 2 人") {
		t.Errorf("text: %d\n%s", code, out)
	}
	xlsx := filepath.Join(t.TempDir(), "结果.xlsx")
	code, out, errOut := run(t, "--db", db, "assess", "--year", "2026", "--rules", "测试规则", "--out", xlsx, "--detail")
	if code != ExitOK || !strings.Contains(out, "已导出2026年度委员履职考核结果") {
		t.Fatalf("out: %d %s %s", code, out, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("考核结果", "A1"); v != "政协清河县委员会2026年度委员履职考核结果" {
		t.Errorf("title %q", v)
	}
	if len(f.GetSheetList()) != 2 {
		t.Errorf("sheets %v, want the 明细 sheet too", f.GetSheetList())
	}
	code, _, errOut = run(t, "--db", db, "assess", "--year", "2026", "--rules", "无此规则")
	if code != ExitError || !strings.Contains(errOut, "没有名为“无此规则”的规则集") || !strings.Contains(errOut, "“测试规则”") {
		t.Errorf("unknown rules: %d %s", code, errOut)
	}
	if code, _, _ := run(t, "--db", db, "assess", "--format", "xml"); code != ExitUsage {
		t.Errorf("--format xml: exit %d", code)
	}
}

func TestImportRulesRefusesClashUnlessReplace(t *testing.T) {
	db := assessDB(t)
	file := rulesFile(t)
	year := time.Now().Year()
	if code, out, errOut := run(t, "--db", db, "import", "rules", file); code != ExitOK ||
		!strings.Contains(out, "测试规则") {
		t.Fatalf("first import (this year): %d %s %s", code, out, errOut)
	}
	code, _, errOut := run(t, "--db", db, "import", "rules", file)
	if code != ExitError || !strings.Contains(errOut, "已有名为“测试规则”的规则集") {
		t.Errorf("clash: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "--db", db, "import", "rules", file, "--replace")
	if code != ExitOK || !strings.Contains(out, "已替换规则集") {
		t.Errorf("replace: %d %s %s", code, out, errOut)
	}
	// export rules → import under another name: the same rules again.
	back := filepath.Join(t.TempDir(), "导出.toml")
	code, out, errOut = run(t, "--db", db, "export", "rules", "测试规则", back)
	if code != ExitOK || !strings.Contains(out, "已导出规则集") {
		t.Fatalf("export rules: %d %s %s", code, out, errOut)
	}
	code, out, errOut = run(t, "--db", db, "import", "rules", back, "--name", "副本")
	if code != ExitOK || !strings.Contains(out, "已导入规则集“副本”") || strings.Contains(out, "已选用") {
		t.Errorf("re-import: %d %s %s", code, out, errOut)
	}
	s, err := data.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListRuleSets(context.Background(), year)
	if err != nil || len(list) != 2 {
		t.Errorf("stored %d rule sets for %d, %v", len(list), year, err)
	}
	if code, _, _ := run(t, "--db", db, "export", "rules", "测试规则"); code != ExitUsage {
		t.Errorf("export rules without a file: exit %d", code)
	}
}

// A rule file naming a record type the database does not know would score
// everyone 0 on that item: it is refused, naming the word, where it is and
// the nearest known name, and nothing is stored. An alias (全会 for
// 全体会议) is accepted, stored as the name it stands for and scores alike.
func TestImportRulesRefusesUnknownNamesAndAcceptsAliases(t *testing.T) {
	db := assessDB(t)
	typo := strings.Replace(tinyRules, `[[item]]
name = "社情民意"`, `  [[item.rule]]
  name = "学习笔记"
  kind = "record"
  types = ["学习笔迹"]
  points = 1

[[item]]
name = "社情民意"`, 1)
	path := filepath.Join(t.TempDir(), "笔误.toml")
	if err := os.WriteFile(path, []byte(typo), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := run(t, "--db", db, "import", "rules", path, "--year", "2026")
	want := "第1项“参加会议”第2条规则：types中的“学习笔迹”不是本库已知的其他履职类型，最接近的是“学习笔记”"
	if code == ExitOK || !strings.Contains(errOut, want) || !strings.Contains(errOut, "未导入") {
		t.Fatalf("unknown record type: %d %s\n%s\nwant %s", code, out, errOut, want)
	}

	alias := strings.Replace(tinyRules, `statuses = ["出席"]`, `statuses = ["出席"]
  types = ["全会"]`, 1)
	alias = strings.Replace(alias, `name = "参加会议"`, `name = "加分"`, 1)
	alias = strings.Replace(alias, `column = "会议"`, `column = "加分"`, 1)
	if err := os.WriteFile(path, []byte(alias), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut = run(t, "--db", db, "import", "rules", path, "--year", "2026")
	if code != ExitOK || !strings.Contains(out, "已导入规则集“测试规则”") {
		t.Fatalf("alias refused (or the typo was stored): %d %s %s", code, out, errOut)
	}
	if !strings.Contains(errOut, "注意：第1项“加分”的列名“加分”与结果表固定的“加分”列相同") {
		t.Errorf("no warning of the two 加分 columns: %q", errOut)
	}
	code, out, errOut = run(t, "--db", db, "assess", "--year", "2026", "--rules", "测试规则", "--format", "csv")
	if code != ExitOK || !strings.Contains(out, "王强,经济界,,5,13.33,0,0,18.33,优秀,1,") {
		t.Errorf("alias does not score like 全体会议: %d %s %s", code, out, errOut)
	}
	exported := filepath.Join(t.TempDir(), "out.toml")
	if code, out, errOut = run(t, "--db", db, "export", "rules", "测试规则", exported, "--year", "2026"); code != ExitOK {
		t.Fatalf("export rules: %d %s %s", code, out, errOut)
	}
	if b, err := os.ReadFile(exported); err != nil || !strings.Contains(string(b), `types = ["全体会议"]`) {
		t.Errorf("stored rule set does not name 全体会议 (explanations would show the alias): %v\n%s", err, b)
	}
}
