package rules

import (
	"slices"
	"testing"

	"zhengxie/data/assess"
)

// tongchengFacts: six members of a 桐城 year (2025). Item order in the
// preset: 参加政协会议 (≤50), 提交提案 (≤25), 参加政协活动 (≤10),
// 反映社情民意 (≤15); 合格 ≥ 60.
func tongchengFacts(t *testing.T) *scenario {
	s := newScenario(t, 2025)
	s.member("张明", "常委")
	s.member("李华", "委员")
	s.member("王芳", "委员")
	s.member("赵强", "常委")
	s.member("刘洋", "委员")
	s.member("陈静", "委员")
	s.facts.Members[5].Status, s.facts.Members[5].StatusDate = "辞去", "2025-05-01"

	// 张明 (常委)
	s.event("张明", "全体会议", "出席", "2025-01-10", "第十届第四次全体会议开幕")
	s.event("张明", "全体会议", "请假(已批准)", "2025-01-11", "第十届第四次全体会议闭幕")
	s.event("张明", "常委会议", "请假(已批准)", "2025-04-20", "第十四次常委会议")
	s.event("张明", "常委会议", "缺席(无故)", "2025-08-15", "第十五次常委会议")
	s.proposal("张明", "提案第001号", 1, 1, "2025-01-08", "关于加快老旧小区改造的建议", "提交", "立案")
	s.proposal("张明", "提案第002号", 1, 3, "2025-01-09", "关于规范校外培训的建议", "提交", "不予立案")
	s.event("张明", "调研", "出席", "2025-03-12", "乡村振兴专题调研")
	s.event("张明", "调研", "出席", "2025-05-20", "文旅融合调研")
	s.event("张明", "调研", "出席", "2025-09-03", "养老服务调研")
	s.speech("张明", "书面发言", "全体会议", "2025-01-10", "推动孔城老街保护利用")
	s.info("张明", 1, 1, "2025-06-02", "农村客运班线停运影响学生出行", "编发", "采用", "采用:市政协")

	// 李华 (委员)
	s.event("李华", "全体会议", "请假(已批准)", "2025-01-10", "第十届第四次全体会议")
	s.proposal("李华", "提案第002号", 2, 3, "2025-01-09", "关于规范校外培训的建议", "提交", "不予立案")
	s.proposal("李华", "提案第003号", 2, 4, "2025-01-09", "关于完善城区停车设施的建议", "提交", "立案")
	s.event("李华", "视察", "出席", "2025-04-08", "食品安全视察")
	s.event("李华", "调研", "请假(已批准)", "2025-05-20", "文旅融合调研")
	s.speech("李华", "口头发言", "全体会议", "2025-01-10", "关于职业教育的发言")

	// 王芳 (委员): exactly the pass mark
	s.event("王芳", "全体会议", "请假(已批准)", "2025-01-10", "第十届第四次全体会议")
	s.proposal("王芳", "提案第004号", 1, 1, "2025-01-08", "关于加强中小学心理健康教育的建议", "提交", "立案")
	s.speech("王芳", "书面发言", "常委会议", "2025-04-20", "关于优化营商环境的书面发言")
	s.speech("王芳", "书面发言", "小组讨论", "2025-01-11", "小组讨论书面意见")

	// 赵强 (常委): deductions below the item floor
	s.event("赵强", "全体会议", "缺席(无故)", "2025-01-10", "第十届第四次全体会议")
	s.event("赵强", "常委会议", "缺席(无故)", "2025-04-20", "第十四次常委会议")
	s.event("赵强", "常委会议", "请假(未批准)", "2025-08-15", "第十五次常委会议")
	s.event("赵强", "常委会议", "请假(已批准)", "2025-11-28", "第十六次常委会议")
	s.proposal("赵强", "提案第005号", 4, 5, "2025-01-09", "关于发展黄梅戏文化产业的建议", "提交", "立案")
	for _, d := range []string{"2025-02-10", "2025-03-12", "2025-04-15", "2025-05-20", "2025-06-18", "2025-09-03"} {
		s.event("赵强", "调研", "出席", d, "界别专题调研")
	}
	s.info("赵强", 1, 1, "2025-03-01", "城区夜间噪声扰民", "编发")
	s.info("赵强", 1, 1, "2025-07-01", "汛期河道清淤")

	// 陈静 resigned in May: not assessed. 刘洋 did nothing.
	s.event("陈静", "全体会议", "出席", "2025-01-10", "第十届第四次全体会议")
	return s
}

func TestTongchengPreset(t *testing.T) {
	s := tongchengFacts(t)
	res := s.evaluate(preset(t, "桐城市委员履职考核"))

	// 张明: meetings: 全会 recorded twice, once keeps the best (出席 50, not
	// 请假 30); 常委会议 请假 −2, 无故缺席 −5 → 43.
	// proposals: 001 alone 10+15 = 25; 002 first of 3, not filed, half of
	// 10 = 5; 30 → capped 25. activities: 3 调研 × 2 = 6 + 书面发言 at the
	// 全体会议 5 = 11 → capped 10. info: 10 + adopted 5 = 15 (exactly the cap).
	// total 43+25+10+15 = 93 → 合格.
	checkMember(t, res, "张明", want{[]string{"43", "25", "10", "15"}, "93", "合格"})

	// 李华: 全会 approved leave 30 (not 常委: no 常委会议 rules).
	// proposals: 002 second of 3: the others share the half → 10/2/2 = 5/2;
	// 003 second of 4: 10/2/3 = 5/3 submitted + 15/2/3 = 5/2 filed;
	// 5/2 + 5/3 + 5/2 = 20/3. activities: 视察 2 + oral speech 2 = 4 (the
	// 调研 on leave does not count). total 30 + 20/3 + 4 = 122/3 → 不合格.
	checkMember(t, res, "李华", want{[]string{"30", "20/3", "4", "0"}, "122/3", "不合格"})

	// 王芳: 30 + individual filed proposal 25 (at the cap, not over) +
	// written speech listed for the 常委会议 5 (the one at a 小组讨论 is not a
	// listed meeting) + 0 = 60: the pass mark itself is 合格.
	checkMember(t, res, "王芳", want{[]string{"30", "25", "5", "0"}, "60", "合格"})

	// 赵强: 全会 absent 0; 常委会议 −5 −5 (unapproved leave = absent) −2 =
	// −12 → item floor 0. proposal 005, 4th of 5: the others share the half
	// four ways: 10/2/4 = 5/4 + 15/2/4 = 15/8 → 25/8 (quarters). 6 调研 × 2 =
	// 12 → 10. two infos 20 → 15. total 25/8 + 25 = 225/8 → 不合格.
	checkMember(t, res, "赵强", want{[]string{"0", "25/8", "10", "15"}, "225/8", "不合格"})

	// 刘洋: nothing recorded: all zero, 不合格.
	checkMember(t, res, "刘洋", want{[]string{"0", "0", "0", "0"}, "0", "不合格"})

	if res["陈静"].Excluded == "" {
		t.Error("陈静 resigned in 2025 and must not be assessed")
	}
	// Printed with 2 decimals, half away from zero.
	if got := res["李华"].Total.Format(2); got != "40.67" {
		t.Errorf("李华 total printed %s, want 40.67", got)
	}
	if got := res["赵强"].Items[1].Final.Format(2); got != "3.13" {
		t.Errorf("赵强 proposals printed %s, want 3.13 (3.125 rounds away from zero)", got)
	}
	if got := res["赵强"].Total.Format(2); got != "28.13" {
		t.Errorf("赵强 total printed %s, want 28.13", got)
	}
}

// TestTongchengTwoYearConsequence: a county adds 劝辞 for two consecutive
// 不合格 years to the 桐城 rules; last year's grades come from History.
func TestTongchengTwoYearConsequence(t *testing.T) {
	s := tongchengFacts(t)
	rs := preset(t, "桐城市委员履职考核")
	rs.Consequences = append(rs.Consequences, assess.Consequence{Name: "劝辞", Grades: []string{"不合格"}, Years: 2})
	person := func(name string) int64 { return s.facts.Members[s.ids[name]-1].PersonID }
	s.facts.History[person("刘洋")] = []assess.Past{{Year: 2024, Total: assess.Int(35), Grade: "不合格"}}
	s.facts.History[person("赵强")] = []assess.Past{{Year: 2024, Total: assess.Int(72), Grade: "合格"}}
	s.facts.History[person("王芳")] = []assess.Past{{Year: 2024, Total: assess.Int(41), Grade: "不合格"}}
	res := s.evaluate(rs)

	// 刘洋: 不合格 in 2024 and 2025 → 劝辞.
	if !slices.Contains(res["刘洋"].Consequences, "劝辞") {
		t.Errorf("刘洋 failed two years running, want 劝辞; got %v", res["刘洋"].Consequences)
	}
	// 赵强 fails only this year; 李华 has no 2024 result; 王芳 passes
	// this year (exactly 60) although she failed in 2024.
	for _, name := range []string{"赵强", "李华", "王芳", "张明"} {
		if len(res[name].Consequences) != 0 {
			t.Errorf("%s: unexpected consequences %v", name, res[name].Consequences)
		}
	}
}
