package app

import (
	"slices"
	"strings"
	"testing"

	"zhengxie/data/assess"
)

// A hand-made result, so the table, summary and explanation are checked
// without the engine: 刘一 has a joint proposal split in thirds.
func handResult() (assess.Result, assess.RuleSet) {
	rs := assess.RuleSet{Name: "测试办法", Decimals: 1,
		Items: []assess.Item{
			{Name: "提交提案", Column: "提案", Cap: pts(25)},
			{Name: "常委会议", AppliesTo: assess.AppliesStanding, Base: pts(10)},
		},
		Grades: []assess.Grade{{Name: "合格", Min: pts(2)}, {Name: "不合格"}},
	}
	third := assess.Frac(10, 3)
	proposal := assess.Line{Record: assess.Record{Kind: assess.KindProposal, Ref: "提案第012号", Title: "关于停车难的建议",
		Status: "立案", Role: "联名", Date: "2026-01-15"}, Points: third, Counted: true, Note: "联名3人，平均分配"}
	late := assess.Line{Record: assess.Record{Kind: assess.KindProposal, Ref: "提案第030号", Title: "关于夜市的建议",
		Status: "立案", Role: "第一提案人", Date: "2026-02-01"}, Note: "超过本项上限"}
	res := assess.Result{Year: 2026, RuleSet: rs.Name, Items: []string{"提交提案", "常委会议"}, Columns: []string{"提案", "常委会议"},
		Members: []assess.MemberResult{
			{Member: assess.Member{ID: 1, Name: "刘一", Sector: "教育界"},
				Items: []assess.ItemResult{
					{Name: "提交提案", Applies: true, Count: 2, Points: third, Final: third, Rules: []assess.RuleResult{
						{Name: "每件立案", Count: 2, Points: third, Lines: []assess.Line{proposal, late}}}},
					{Name: "常委会议"},
				},
				Bonus: assess.Int(1), Adjustments: []assess.Line{{Record: assess.Record{Kind: assess.KindAdjust, Date: "2026-11-01",
					Points: assess.Int(1), Note: "抗洪志愿服务"}, Points: assess.Int(1), Counted: true}},
				Raw: third.Add(assess.Int(1)), Total: third.Add(assess.Int(1)), Grade: "合格", GradeByScore: "合格", Rank: 1,
				Consequences: []string{"通报表彰"}},
			{Member: assess.Member{ID: 2, Name: "陈二", Sector: "经济界", Standing: true},
				Items: []assess.ItemResult{{Name: "提交提案", Applies: true}, {Name: "常委会议", Applies: true, Base: assess.Int(10),
					Points: assess.Int(0), Final: assess.Int(0)}},
				Grade: "不合格", GradeByScore: "不合格", Rank: 2},
			{Member: assess.Member{ID: 3, Name: "孙三", Sector: "经济界"}, Excluded: "主席不参加考核"},
		}}
	return res, rs
}

func TestResultColumnsAndSummaryFromAResult(t *testing.T) {
	res, rs := handResult()
	cols := resultColumns(res, 1)
	var titles []string
	for _, c := range cols {
		titles = append(titles, c.title)
	}
	want := []string{"序号", "姓名", "界别", "常委", "总分", "等次", "排名", "提案", "常委会议", "加分", "扣分", "备注"}
	if !slices.Equal(titles, want) {
		t.Fatalf("columns %v", titles)
	}
	row := func(m assess.MemberResult) []string {
		var out []string
		for _, c := range cols {
			out = append(out, c.cellText(0, m))
		}
		return out
	}
	if got := row(res.Members[0]); !slices.Equal(got, []string{"1", "刘一", "教育界", "", "4.3", "合格", "1", "3.3", "—", "1", "", "结果运用：通报表彰"}) {
		t.Errorf("刘一 %q", got)
	}
	if got := row(res.Members[2]); !slices.Equal(got, []string{"", "孙三", "经济界", "", "", "", "", "", "", "", "", "不参加考核：主席不参加考核"}) {
		t.Errorf("excluded %q", got)
	}
	if got := summaryText(res, rs, 1); got != "参加考核 2 人（不参加 1 人）：合格 1 人，不合格 1 人；平均 2.2 分" {
		t.Errorf("summary %q", got)
	}
}

func TestExplainNamesItemsRulesAndRecords(t *testing.T) {
	res, rs := handResult()
	var lines []string
	for _, l := range explain(res.Members[0], rs, 1) {
		lines = append(lines, l.text)
	}
	for _, want := range []string{
		"刘一（教育界）：总分 4.3 分，合格，第 1 名",
		"一、提交提案：3.3 分（上限 25 分）",
		"每件立案：2 条记录，+3.3 分",
		"2026-01-15　提案第012号 关于停车难的建议　立案　联名　+3.3（联名3人，平均分配）",
		"2026-02-01　提案第030号 关于夜市的建议　立案　第一提案人　不计分（超过本项上限）",
		"二、常委会议：不适用（本项只考核常委）",
		"加分 1 分，扣分 0 分",
		"2026-11-01　抗洪志愿服务　+1",
		"结果运用：通报表彰",
	} {
		if !slices.Contains(lines, want) {
			t.Errorf("lacks %q in\n%s", want, strings.Join(lines, "\n"))
		}
	}
	ex := explain(res.Members[2], rs, 1)
	if len(ex) != 1 || ex[0].text != "孙三（经济界）：不参加考核（主席不参加考核）" {
		t.Errorf("excluded explained as %+v", ex)
	}
}

func TestParseAdjustment(t *testing.T) {
	for _, c := range []struct {
		kind, points, reason string
		want                 string // Exact, or the start of the message
	}{
		{adjustBonus, "2", "志愿服务", "2"},
		{adjustBonus, "+1.5", "志愿服务", "1.5"},
		{adjustPenalty, "10/3", "缺席", "-10/3"},
		{adjustPenalty, "-2", "缺席", "-2"},
		{adjustBonus, "", "志愿服务", "请填写分值"},
		{adjustBonus, "两分", "志愿服务", "分值“两分”不是数字"},
		{adjustBonus, "0", "志愿服务", "分值不能为 0"},
		{adjustBonus, "2", "  ", "请填写加分或扣分的理由"},
	} {
		p, _, err := parseAdjustment(c.kind, c.points, c.reason)
		got := ""
		if err != nil {
			got = err.Error()
		} else {
			got = p.Exact()
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%s %q %q: %q, want %q", c.kind, c.points, c.reason, got, c.want)
		}
	}
}

func FuzzParseAdjustment(f *testing.F) {
	for _, s := range []string{"2", "1.5", "10/3", "-2", "+0.25", "1/0", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, reason, err := parseAdjustment(adjustPenalty, s, "理由")
		if err != nil {
			return
		}
		if p.Sign() >= 0 || reason != "理由" {
			t.Errorf("%q as 扣分 gave %s, %q", s, p.Exact(), reason)
		}
	})
}
