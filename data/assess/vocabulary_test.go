package assess

import (
	"slices"
	"strings"
	"testing"
)

func TestNearestOffersTheLikelyName(t *testing.T) {
	known := []string{"全体会议", "小组讨论", "常委会议", "主席会议", "专题协商会", "调研", "视察"}
	for _, c := range []struct {
		word string
		want []string
	}{
		{"全休会议", []string{"全体会议", "常委会议", "主席会议"}}, // one character off first
		{"常委会", []string{"常委会议"}},
		{"专题协商", []string{"专题协商会"}},
		{"调研活动", []string{"调研"}},
		{"公益活动", nil}, // nothing alike: no guess
		{"", nil},
	} {
		if got := Nearest(c.word, known, 3); !slices.Equal(got, c.want) {
			t.Errorf("Nearest(%q) = %q, want %q", c.word, got, c.want)
		}
	}
	if got := Nearest("请假（已批准）", []string{"出席", "请假(已批准)", "请假(未批准)"}, 1); !slices.Equal(got, []string{"请假(已批准)"}) {
		t.Errorf("full-width brackets: %q", got)
	}
}

func testVocabulary() Vocabulary {
	return Vocabulary{
		Fields: map[string]Names{
			VocabularyKey(KindEvent, FieldTypes):    {Label: "活动类型", Known: []string{"全体会议", "常委会议"}, Settable: true},
			VocabularyKey(KindEvent, FieldStatuses): {Label: "出席情况", Known: []string{"出席", "请假(已批准)", "缺席(无故)"}},
		},
		MemberRoles: []string{"主席", "常委", "委员"},
		Aliases:     map[string]string{"全会": "全体会议", "无故缺席": "缺席(无故)", "请假": "请假(已批准)"},
	}
}

func TestResolveMapsAliasesAndRefusesUnknownNames(t *testing.T) {
	rs := RuleSet{Name: "测试", Exclude: Exclusion{Roles: []string{"主席"}}, Items: []Item{{Name: "参加会议", Rules: []Rule{
		{Match: Match{Kind: KindEvent, Types: []string{"全会"}}, ByStatus: map[string]Points{"出席": Int(5), "无故缺席": Int(-5), "请假（已批准）": Int(0)}},
	}}}}
	got, ps := testVocabulary().Resolve(rs)
	if len(ps) > 0 {
		t.Fatalf("aliases refused: %v", ps)
	}
	r := got.Items[0].Rules[0]
	if !slices.Equal(r.Types, []string{"全体会议"}) || len(r.ByStatus) != 3 || r.ByStatus["缺席(无故)"].Cmp(Int(-5)) != 0 ||
		r.ByStatus["请假(已批准)"].Cmp(Int(0)) != 0 {
		t.Errorf("not the known names: %+v", r)
	}
	if rs.Items[0].Rules[0].Types[0] != "全会" {
		t.Error("Resolve changed the rule set it was given")
	}

	rs.Items[0].Rules[0].Types = []string{"全休会议"}
	rs.Items[0].Rules[0].ByStatus["请假"] = Int(1) // the same status twice
	rs.Items[0].Rules[0].Levels = []string{"省"}  // events have no level
	rs.Exclude.Roles = []string{"秘书长"}
	rs.Gates = []Gate{{Name: "基本要求", Require: []Requirement{{Name: "常委会", Match: Match{Kind: KindEvent, Types: []string{"常委会"}}}}}}
	_, ps = testVocabulary().Resolve(rs)
	text := Problems(ps).Error()
	for _, want := range []string{
		"规则集：exclude.roles中的“秘书长”不是本库已知的政协职务（已知的有：主席、常委、委员）",
		"第1项“参加会议”第1条规则：types中的“全休会议”不是本库已知的活动类型，最接近的是“全体会议”、“常委会议”；如确需新的名称，请先在“设置”的“履职”中添加",
		"第1项“参加会议”第1条规则：levels中的“省”永远匹配不到：本库的会议活动的级别没有这一项",
		"by_status中“请假”和“请假（已批准）”指的是同一个出席情况“请假(已批准)”",
		"第1项基本要求“基本要求”第1条要求“常委会”：types中的“常委会”不是本库已知的活动类型，最接近的是“常委会议”",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("problems lack %q:\n%s", want, text)
		}
	}
	if len(ps) != 5 {
		t.Errorf("%d problems, want 5:\n%s", len(ps), text)
	}
}

func TestColumnClashes(t *testing.T) {
	rs := RuleSet{Items: []Item{{Name: "加分"}, {Name: "会议"}, {Name: "参加会议", Column: "会议"}, {Name: "提案"}}}
	got := ColumnClashes(rs)
	want := []string{
		"第1项“加分”的列名“加分”与结果表固定的“加分”列相同，打印后分不清；请用 column 另起列名",
		"第3项“参加会议”与第2项“会议”的列名都是“会议”，打印后分不清；请用 column 另起列名",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ColumnClashes =\n%q\nwant\n%q", got, want)
	}
}

func FuzzNearest(f *testing.F) {
	f.Add("全休会议", "全体会议|常委会议|调研")
	f.Add("请假（已批准）", "请假(已批准)||缺席(无故)")
	f.Fuzz(func(t *testing.T, word, list string) {
		known := strings.Split(list, "|")
		got := Nearest(word, known, 3)
		if len(got) > 3 {
			t.Fatalf("%d names", len(got))
		}
		for _, g := range got {
			if !slices.Contains(known, g) {
				t.Fatalf("%q is not a known name", g)
			}
		}
		if slices.Contains(known, word) && word != "" && len(got) > 0 && normalName(got[0]) != normalName(word) {
			t.Fatalf("the word itself %q is not nearest: %q", word, got)
		}
	})
}
