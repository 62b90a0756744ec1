package rules

import "testing"

// TestYanbianPreset: five members of 延边 (2025). Items: 提案 (submitted
// ≥1 +10 once; each 立案 +10; 重点 +10; sent to the national or provincial
// CPPCC +10; joint proposals score for the first proposer only) and 社情民意
// (submitted ≥1 +5 once; each adopted +10; 州 leader's 批示 or adoption at
// provincial level or above +10; converted from a proposal: not counted).
// Counting starts at 0; no grades.
func TestYanbianPreset(t *testing.T) {
	s := newScenario(t, 2025)
	for _, n := range []string{"金哲", "朴英", "崔敏", "李成", "韩雪"} {
		s.member(n, "委员")
	}

	s.proposal("金哲", "提案第301号", 1, 1, "2025-01-05", "关于长白山旅游环线建设的建议", "提交", "立案", "重点")
	s.proposal("金哲", "提案第302号", 1, 1, "2025-01-06", "关于边境口岸通关便利化的建议", "提交", "不予立案")
	s.add("金哲", countyRecord("record", "提案报送上级政协", "2025-03-01", "报送省政协：图们江区域合作"))
	s.info("金哲", 1, 1, "2025-04-10", "延吉市早市占道经营", "编发", "采用", "采用:市政协")
	s.info("金哲", 1, 1, "2025-06-10", "朝鲜族非遗传承人断档", "编发", "批示", "批示:市")

	s.proposal("朴英", "提案第303号", 2, 3, "2025-01-07", "关于人参产业品牌建设的建议", "提交", "立案", "重点")
	s.info("朴英", 1, 1, "2025-02-01", "人参产业品牌建设（提案转来）", "提案转来", "采用")
	s.info("朴英", 1, 1, "2025-05-01", "冬季供暖收费争议")

	s.proposal("崔敏", "提案第303号", 1, 3, "2025-01-07", "关于人参产业品牌建设的建议", "提交", "立案", "重点")
	s.info("崔敏", 1, 1, "2025-07-07", "跨境电商物流成本", "编发", "采用", "采用:全国政协", "批示", "批示:国家")

	s.proposal("李成", "提案第304号", 1, 1, "2025-01-10", "关于农村寄宿制学校的建议", "提交", "不予立案")
	s.proposal("李成", "提案第305号", 1, 1, "2025-03-10", "关于县域物流的建议", "提交", "不予立案")
	for _, d := range []string{"2025-02-02", "2025-05-05", "2025-09-09"} {
		s.info("李成", 1, 1, d, "基层情况反映")
	}

	res := s.evaluate(preset(t, "延边州委员履职考核"))

	// 金哲: submitted twice, once → 10; 301 filed +10, 重点 +10; sent to
	// the province +10 → 40. info: submitted once 5, 04-10 adopted +10,
	// 06-10 批示 by a 州 (市-level) leader +10 → 25. total 65.
	checkMember(t, res, "金哲", want{[]string{"40", "25"}, "65", ""})

	// 朴英: only a co-signer of 303 → first_only gives 0 for every rule.
	// info: the one converted from a proposal is not counted; the other
	// counts once 5. total 5.
	checkMember(t, res, "朴英", want{[]string{"0", "5"}, "5", ""})

	// 崔敏: first proposer of joint 303: 10 + 10 + 10 = 30. info: 5 once,
	// adopted +10, and (adopted nationally and 批示) +10 once per item →
	// 25. total 55.
	checkMember(t, res, "崔敏", want{[]string{"30", "25"}, "55", ""})

	// 李成: two proposals, none filed: once 10; three infos: once 5 → 15.
	checkMember(t, res, "李成", want{[]string{"10", "5"}, "15", ""})

	// 韩雪: nothing → 0.
	checkMember(t, res, "韩雪", want{[]string{"0", "0"}, "0", ""})
}
