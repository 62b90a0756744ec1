package rules

import (
	"slices"
	"testing"
)

// TestMinhangPreset: five members of 闵行 (2025). Items: 参加全会 (5 per
// half-day: each 全体会议/小组讨论 record), 会议和活动 (5 each; off-site
// training 10 whole / 5 partial), 提案基本分 (立案, once: alone or 主笔 15,
// participant 3), 提案加分 (重点 15/3, 优秀 10/2 per proposal). The 基本要求
// gate only lists who missed what; there are no grades.
func TestMinhangPreset(t *testing.T) {
	s := newScenario(t, 2025)
	for _, n := range []string{"顾文", "沈洁", "陆军", "钱红", "潘明"} {
		s.member(n, "委员")
	}
	training := func(name, typ string) {
		s.add(name, countyRecord("record", typ, "2025-09-20", "井冈山委员培训班"))
	}

	s.event("顾文", "全体会议", "出席", "2025-01-14", "全会开幕（上午）")
	s.event("顾文", "小组讨论", "出席", "2025-01-14", "分组讨论（下午）")
	s.event("顾文", "小组讨论", "出席", "2025-01-15", "分组讨论（上午）")
	s.event("顾文", "全体会议", "出席", "2025-01-15", "全会闭幕（下午）")
	s.event("顾文", "常委会议", "出席", "2025-03-20", "常委会议")
	s.event("顾文", "视察", "出席", "2025-05-20", "垃圾分类视察")
	s.event("顾文", "调研", "出席", "2025-06-20", "大零号湾调研")
	training("顾文", "异地集中培训(全程)")
	s.proposal("顾文", "提案第501号", 1, 1, "2025-01-10", "关于虹桥商务区配套的建议", "提交", "立案", "重点")
	s.info("顾文", 1, 1, "2025-04-01", "地铁站接驳单车乱停")

	s.event("沈洁", "全体会议", "出席", "2025-01-14", "全会开幕（上午）")
	s.event("沈洁", "调研", "出席", "2025-06-20", "大零号湾调研")
	s.event("沈洁", "学习培训", "请假(已批准)", "2025-07-01", "履职培训")
	training("沈洁", "异地集中培训(部分)")
	s.proposal("沈洁", "提案第502号", 2, 3, "2025-01-10", "关于社区养老食堂的建议", "提交", "立案", "优秀")
	s.proposal("沈洁", "提案第503号", 1, 2, "2025-01-11", "关于河道景观提升的建议", "提交", "立案")

	s.event("陆军", "全体会议", "缺席(无故)", "2025-01-14", "全会开幕（上午）")
	s.proposal("陆军", "提案第502号", 1, 3, "2025-01-10", "关于社区养老食堂的建议", "提交", "立案", "优秀")

	s.event("钱红", "全体会议", "迟到", "2025-01-14", "全会开幕（上午）")
	s.proposal("钱红", "提案第502号", 3, 3, "2025-01-10", "关于社区养老食堂的建议", "提交", "立案", "优秀")
	s.proposal("钱红", "提案第504号", 2, 2, "2025-01-12", "关于中小企业融资的建议", "提交", "立案", "重点")

	res := s.evaluate(preset(t, "闵行区委员履职积分"))

	// 顾文: 4 half-days × 5 = 20; 常委会议, 视察, 调研 3 × 5 + whole
	// training 10 = 25; 501 alone, filed: 15 once; 重点 alone 15. total 75.
	checkMember(t, res, "顾文", want{[]string{"20", "25", "15", "15"}, "75", ""})
	// 沈洁: one half-day 5; 调研 5 + partial training 5 (the 学习培训 on
	// leave does not count) = 10; basic: participant in 502 = 3, 主笔 of 503
	// = 15, only the highest counts → 15; 优秀 502 as participant +2.
	// total 5+10+15+2 = 32.
	checkMember(t, res, "沈洁", want{[]string{"5", "10", "15", "2"}, "32", ""})
	// 陆军: absent from the 全会 0; 主笔 of 502: 15, 优秀 主笔 +10 → 25.
	checkMember(t, res, "陆军", want{[]string{"0", "0", "15", "10"}, "25", ""})
	// 钱红: late half-day still attended 5; participant in 502 and 504:
	// basic 3 once; bonus 优秀 2 + 重点 3 = 5. total 13.
	checkMember(t, res, "钱红", want{[]string{"5", "0", "3", "5"}, "13", ""})
	checkMember(t, res, "潘明", want{[]string{"0", "0", "0", "0"}, "0", ""})

	// 基本要求: 出席全会, ≥3 meetings or activities, ≥1 proposal, ≥1 社情民意.
	missing := map[string][]string{
		"顾文": nil,
		"沈洁": {"参加会议或活动3次", "报送社情民意"},
		"陆军": {"出席全会", "参加会议或活动3次", "报送社情民意"},
		"钱红": {"参加会议或活动3次", "报送社情民意"},
		"潘明": {"出席全会", "参加会议或活动3次", "提交提案", "报送社情民意"},
	}
	for name, want := range missing {
		gates := res[name].Gates
		if len(gates) != 1 {
			t.Fatalf("%s: %d gate results", name, len(gates))
		}
		if !slices.Equal(gates[0].Missing, want) || gates[0].Passed != (want == nil) {
			t.Errorf("%s: missing %v (passed %v), want %v", name, gates[0].Missing, gates[0].Passed, want)
		}
	}
}
