package rules

import "testing"

// TestHefeiAreaPreset: five members of a 合肥-area county (2025). Item
// order: 参加全体会议 (≤35), 参加常委会议 (常委, ≤30), 参加政协活动 (7.5
// each, ≤30), 提案 (once: alone 15 / first 10 / others 5, ≤15), 社情民意
// (once 10, ≤10), 提案奖励 (from the 2nd 立案 +5 ≤20; 优秀 +8 first only),
// 社情民意奖励 (from the 2nd adopted +3, not adopted +1, ≤20), 高层采用奖励
// (+6 per adoption by 市政协 or higher). The template's grades are
// truncated: the preset has none, so every grade is "".
func TestHefeiAreaPreset(t *testing.T) {
	s := newScenario(t, 2025)
	for _, m := range [][2]string{{"孙伟", "常委"}, {"周丽", "委员"}, {"吴刚", "委员"}, {"郑洁", "常委"}, {"冯涛", "委员"}} {
		s.member(m[0], m[1])
	}

	s.event("孙伟", "全体会议", "出席", "2025-01-10", "第五届第四次全体会议（第一天）")
	s.event("孙伟", "全体会议", "出席", "2025-01-11", "第五届第四次全体会议（第二天）")
	s.event("孙伟", "常委会议", "出席", "2025-04-18", "常委会议")
	s.event("孙伟", "常委会议", "出席", "2025-10-16", "常委会议")
	for _, typ := range []string{"调研", "视察", "学习培训", "界别活动", "公益活动"} {
		s.event("孙伟", typ, "出席", "2025-06-01", typ)
	}
	s.proposal("孙伟", "提案第101号", 1, 1, "2025-01-05", "关于巢湖流域农业面源污染治理的建议", "提交", "立案")
	s.proposal("孙伟", "提案第102号", 1, 3, "2025-01-06", "关于县域医共体建设的建议", "提交", "立案", "优秀")
	s.info("孙伟", 1, 1, "2025-02-01", "春运返乡人员就业意愿调查", "编发")
	s.info("孙伟", 1, 1, "2025-03-01", "高标准农田建后管护缺位", "编发", "采用", "采用:市政协")
	s.info("孙伟", 1, 1, "2025-04-01", "城郊公交线路调整建议")

	s.event("周丽", "全体会议", "迟到", "2025-01-10", "第五届第四次全体会议")
	s.event("周丽", "调研", "出席", "2025-05-12", "营商环境调研")
	s.event("周丽", "视察", "迟到", "2025-07-08", "防汛工作视察")
	s.proposal("周丽", "提案第102号", 2, 3, "2025-01-06", "关于县域医共体建设的建议", "提交", "立案", "优秀")
	s.proposal("周丽", "提案第103号", 3, 3, "2025-01-07", "关于社区嵌入式托育的建议", "提交", "立案")

	s.event("吴刚", "全体会议", "出席", "2025-01-10", "第五届第四次全体会议")
	for _, d := range []string{"2025-03-01", "2025-05-01", "2025-07-01", "2025-09-01"} {
		s.event("吴刚", "调研", "出席", d, "专题调研")
	}
	for i, d := range []string{"2025-01-02", "2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06", "2025-01-07"} {
		s.proposal("吴刚", "提案第2"+string(rune('0'+i))+"0号", 1, 1, d, "产业发展建议", "提交", "立案")
	}
	for i := 1; i <= 8; i++ {
		s.info("吴刚", 1, 1, "2025-0"+string(rune('0'+i))+"-15", "企业用工情况反映", "编发")
	}

	s.event("郑洁", "全体会议", "请假(已批准)", "2025-01-10", "第五届第四次全体会议")
	s.event("郑洁", "常委会议", "请假(已批准)", "2025-04-18", "常委会议")
	s.event("郑洁", "常委会议", "缺席(无故)", "2025-10-16", "常委会议")
	s.info("郑洁", 1, 1, "2025-05-05", "乡镇卫生院药品短缺")
	s.info("郑洁", 1, 1, "2025-08-05", "农村饮水工程维护")

	s.event("冯涛", "全体会议", "出席", "2025-01-10", "第五届第四次全体会议")
	s.info("冯涛", 1, 1, "2025-06-20", "新能源汽车充电桩布局", "编发", "采用", "采用:省政协")

	res := s.evaluate(preset(t, "合肥地区委员履职量化考核"))

	// 孙伟 (常委): 全会 twice, counted once 35; 常委会议 once 30; five
	// activities 37.5 → 30. proposals: alone 15 beats first-of-3 10, once →
	// 15. reward: 102 is the 2nd filed +5, 优秀 as first proposer +8 → 13.
	// info: once 10; reward: the 2nd adopted (03-01) +3, the unadopted +1 →
	// 4; adopted by the 市政协 +6. total 35+30+30+15+10+13+4+6 = 143.
	checkMember(t, res, "孙伟", want{[]string{"35", "30", "30", "15", "10", "13", "4", "6"}, "143", ""})

	// 周丽 (委员): 全会 late is not "whole session" → 0; 常委会议 not for
	// her → 0; 调研 7.5 + 视察 (late still counts as attending) 7.5 = 15.
	// proposals: co-signer of two, 5 each, once → 5. reward: 103 is her 2nd
	// filed +5; 优秀 102 goes to the first proposer only → 0; so 5.
	// total 15+5+5 = 25.
	checkMember(t, res, "周丽", want{[]string{"0", "0", "15", "5", "0", "5", "0", "0"}, "25", ""})
	if res["周丽"].Items[1].Applies {
		t.Error("周丽 is not 常委: the 常委会议 item must not apply")
	}

	// 吴刚: 35; four activities 4 × 7.5 = 30, exactly the cap; six filed
	// proposals: once 15, reward 5 from the 2nd × 5 = 25 → rule cap 20;
	// eight issued infos: once 10, 7 × 3 = 21 → item cap 20.
	// total 35+30+15+10+20+20 = 130.
	checkMember(t, res, "吴刚", want{[]string{"35", "0", "30", "15", "10", "20", "20", "0"}, "130", ""})

	// 郑洁 (常委): leave and absence score 0 (the template's deductions are
	// truncated); two unadopted infos +1 each → 2.
	checkMember(t, res, "郑洁", want{[]string{"0", "0", "0", "0", "0", "0", "2", "0"}, "2", ""})

	// 冯涛: 35; one info adopted by the 省政协: once 10, not a 2nd adoption
	// → 0, higher level +6. total 51.
	checkMember(t, res, "冯涛", want{[]string{"35", "0", "0", "0", "10", "0", "0", "6"}, "51", ""})
}
