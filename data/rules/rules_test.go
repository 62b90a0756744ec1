package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"zhengxie/data"
	"zhengxie/data/assess"
)

func TestPresetsParseAndRoundTrip(t *testing.T) {
	presets, err := Presets()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"桐城市委员履职考核", "合肥地区委员履职量化考核", "延边州委员履职考核", "闵行区委员履职积分"}
	if len(presets) != len(want) {
		t.Fatalf("got %d presets, want %d", len(presets), len(want))
	}
	for i, rs := range presets {
		if rs.Name != want[i] {
			t.Errorf("preset %d is %q, want %q", i, rs.Name, want[i])
		}
		if rs.Gaps == "" || rs.Source == "" {
			t.Errorf("%s: source and gaps must be filled", rs.Name)
		}
		b, err := Format(rs)
		if err != nil {
			t.Fatalf("%s: %v", rs.Name, err)
		}
		if !strings.Contains(string(b), "# 规则集："+rs.Name) {
			t.Errorf("%s: header comment missing:\n%s", rs.Name, b)
		}
		back, err := Parse(b)
		if err != nil {
			t.Fatalf("%s: formatted file does not parse: %v\n%s", rs.Name, err, b)
		}
		if !reflect.DeepEqual(back, rs) {
			t.Errorf("%s: round trip changed the rule set:\n got %+v\nwant %+v\n%s", rs.Name, back, rs, b)
		}
	}
}

func TestGuangshuiExampleParses(t *testing.T) {
	rs, err := ReadFile(filepath.Join("..", "..", "docs", "examples", "guangshui.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if rs.Name != "广水市政协委员履职考核" {
		t.Errorf("name %q", rs.Name)
	}
	if rs.Cap == nil || rs.Cap.Cmp(assess.Int(110)) != 0 {
		t.Errorf("total cap %v, want 110", rs.Cap)
	}
	var grades []string
	for _, g := range rs.Grades {
		grades = append(grades, g.Name)
	}
	if got := strings.Join(grades, "/"); got != "优秀/称职/基本称职/不称职" {
		t.Errorf("grades %s", got)
	}
}

func TestParseRulesRefusesUnknownKey(t *testing.T) {
	src := "name = \"测试\"\n\n[[item]]\nname = \"提案\"\n\n  [[item.rule]]\n  kind = \"proposal\"\n  pionts = 10\n"
	_, err := Parse([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "第8行：不认识的键“pionts”") {
		t.Fatalf("error %v, want the line and the key", err)
	}
}

func TestParseRulesSyntaxErrorNamesLine(t *testing.T) {
	src := "name = \"测试\"\n[[item]]\nname = \"提案\n"
	_, err := Parse([]byte(src))
	if err == nil || !strings.HasPrefix(err.Error(), "第3行：") {
		t.Fatalf("error %v, want 第3行", err)
	}
}

func TestParseRulesBadPointsNamesLine(t *testing.T) {
	src := "name = \"测试\"\n[[item]]\nname = \"提案\"\n[[item.rule]]\nkind = \"proposal\"\npoints = \"十分\"\n"
	_, err := Parse([]byte(src))
	if err == nil || !strings.Contains(err.Error(), "第6行") || !strings.Contains(err.Error(), "十分") {
		t.Fatalf("error %v, want line 6 naming the value", err)
	}
}

func TestParseRulesListsEveryProblem(t *testing.T) {
	src := `name = "测试"
[[item]]
name = "提案"
  [[item.rule]]
  kind = "proposals"
  points = 10
  split = "halves"
[[grade]]
name = "合格"
min = 60
[[grade]]
name = "优秀"
min = 90
`
	_, err := Parse([]byte(src))
	if err == nil {
		t.Fatal("invalid rule set accepted")
	}
	msg := err.Error()
	for _, want := range []string{"第1项“提案”第1条规则：kind", "split 只能是", "第2个等次“优秀”"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error lacks %q:\n%s", want, msg)
		}
	}
	if n := strings.Count(msg, "\n"); n < 3 {
		t.Errorf("want one problem per line, got:\n%s", msg)
	}
}

func TestFractionsRoundTrip(t *testing.T) {
	third := assess.Frac(10, 3)
	rs := assess.RuleSet{Name: "分数", Items: []assess.Item{{Name: "项", Cap: &third, Rules: []assess.Rule{
		{Match: assess.Match{Kind: assess.KindEvent}, ByStatus: map[string]assess.Points{"出席": assess.Frac(15, 2), "请假(已批准)": assess.Int(0)}},
	}}}}
	b, err := Format(rs)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"10/3"`) || !strings.Contains(string(b), "7.5") {
		t.Errorf("fractions not written as 10/3 and 7.5:\n%s", b)
	}
	back, err := Parse(b)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, rs) {
		t.Errorf("round trip:\n got %+v\nwant %+v", back, rs)
	}
}

func TestWriteRulesFileReadsBackAndKeepsOldFileOnError(t *testing.T) {
	presets, err := Presets()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "规则.toml")
	if err := WriteFile(path, presets[0]); err != nil {
		t.Fatal(err)
	}
	back, err := ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, presets[0]) {
		t.Error("file round trip changed the rule set")
	}
	if err := WriteFile(filepath.Join(t.TempDir(), "无此目录", "x.toml"), presets[0]); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "无.toml")); err == nil || !strings.Contains(err.Error(), "无法读取") {
		t.Errorf("missing file: %v", err)
	}
	if err := os.WriteFile(path, []byte("name = \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := ReadFile(path); err == nil || !strings.Contains(err.Error(), "第1行") {
		t.Errorf("broken file: %v", err)
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range presetFiles {
		b, err := os.ReadFile(filepath.Join("..", "..", "assets", "presets", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte("name = \"x\"\n[[item]]\nname = \"a\"\nbase = \"10/3\"\n"))
	f.Add([]byte("[[item.rule]]\npoints = 1e400\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rs, err := Parse(b)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		out, err := Format(rs)
		if err != nil {
			t.Fatalf("accepted rule set does not format: %v", err)
		}
		back, err := Parse(out)
		if err != nil {
			t.Fatalf("formatted rule set does not parse: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(back, rs) {
			t.Fatalf("round trip changed the rule set\n%s", out)
		}
	})
}

// TestGuangshuiWalkThrough is the hand check in docs/assessment-rules.md
// §13: 40 − 2 (leave) = 38; first proposer of two joint proposals 20 + 20
// = 40 (the cap); one converted to 社情民意 +5; six activities 12 → 10; a
// provincial and a county commendation, only the highest: 8. Total 101 →
// 优秀 (≥ 90).
func TestGuangshuiWalkThrough(t *testing.T) {
	rs, err := ReadFile(filepath.Join("..", "..", "docs", "examples", "guangshui.toml"))
	if err != nil {
		t.Fatal(err)
	}
	s := newScenario(t, 2026)
	s.member("胡军", "委员")
	s.event("胡军", "全体会议", "请假(已批准)", "2026-01-12", "全体会议")
	s.proposal("胡军", "提案第011号", 1, 3, "2026-01-10", "关于城区排涝的建议", "提交", "立案", "转社情民意")
	s.proposal("胡军", "提案第012号", 1, 3, "2026-01-10", "关于香菇产业的建议", "提交", "立案")
	for _, d := range []string{"2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01", "2026-08-01"} {
		s.event("胡军", "调研", "出席", d, "专题调研")
	}
	s.add("胡军", assess.Record{Kind: assess.KindAward, Type: "表彰", Level: "省", Date: "2026-09-01", Title: "全省优秀政协委员"})
	s.add("胡军", assess.Record{Kind: assess.KindAward, Type: "表彰", Level: "县", Date: "2026-10-01", Title: "市级先进个人"})
	res := s.evaluate(rs)
	checkMember(t, res, "胡军", want{[]string{"38", "40", "5", "10", "8"}, "101", "优秀"})
}

func TestParseRulesMessages(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"name = \"x\"\n[[item]]\nname = \"a\"\n[[item.rule]]\nkind = \"event\"\npoints = \"十分\"\n", "第6行：“十分”不是有效的分值"},
		{"name = \"x\"\n[[item]]\nname = \"a\"\n[[item.rule]]\nkind = \"event\"\npoints = [1]\n", "第6行："},
		{"name = \"x\"\nname = \"y\"\n", "第2行：同一个键写了两次"},
		{"name = \"x\"\n[[item]]\nname = \"a\"\n[[item.rule]]\npoints = 1\nsplit = \"fixed\"\n",
			"第1项“a”第1条规则：缺少 kind（记录种类），应为event、speech、info、proposal、award 或 record\n第1项“a”第1条规则：split = fixed 需要同时写 first"},
		// In a rule, first is the fixed split's first-author value (it
		// shadows the match filter of the same name).
		{"name = \"x\"\n[[item]]\nname = \"a\"\n[[item.rule]]\nkind = \"proposal\"\npoints = 1\nfirst = true\n", "第7行"},
	} {
		_, err := Parse([]byte(tc.src))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("error %v, want %q for:\n%s", err, tc.want, tc.src)
		}
	}
}

func TestOwnDocumentCitesNoOtherCountysPreset(t *testing.T) {
	qinghe := data.Committee{Name: "政协清河县委员会", ShortName: "清河县"}
	tongcheng := data.Committee{Name: "政协桐城市委员会", ShortName: "桐城市"}
	for _, c := range []struct {
		doc  string
		c    data.Committee
		want string
	}{
		{"政协桐城市委员会委员履职考核暂行办法", qinghe, ""},
		{"《政协桐城市委员会委员履职考核暂行办法》", qinghe, ""},
		{"延边州政协委员履职考核办法", qinghe, ""},
		{"政协桐城市委员会委员履职考核暂行办法", tongcheng, "政协桐城市委员会委员履职考核暂行办法"},
		{"《政协清河县委员会委员履职考核办法》", qinghe, "政协清河县委员会委员履职考核办法"},
		{"", qinghe, ""},
		{"  ", tongcheng, ""},
	} {
		if got := OwnDocument(c.doc, c.c); got != c.want {
			t.Errorf("OwnDocument(%q, %s) = %q, want %q", c.doc, c.c.Name, got, c.want)
		}
	}
}
