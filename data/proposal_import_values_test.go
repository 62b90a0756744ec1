package data

import (
	"slices"
	"testing"

	"zhengxie/data/proposal"
)

func TestParseNumber(t *testing.T) {
	cfg := proposal.Default()
	custom := cfg
	custom.NumberPrefix, custom.NumberSuffix = "清政协提〔2025〕", "号"
	for _, c := range []struct {
		in   string
		cfg  proposal.Config
		want int
	}{
		{"12", cfg, 12}, {"012", cfg, 12}, {"第12号", cfg, 12}, {"第 012 号", cfg, 12}, {"12号", cfg, 12},
		{"１２", cfg, 12}, {"12.0", cfg, 12}, {"第012号提案", cfg, 12}, {"No.7", cfg, 7},
		{"清政协提〔2025〕12号", custom, 12},
		{"", cfg, 0}, {"0", cfg, 0}, {"12-3", cfg, 0}, {"十二", cfg, 0}, {"第号", cfg, 0}, {"12345678", cfg, 0},
	} {
		got, ok := parseNumber(c.in, c.cfg)
		if got != c.want || ok != (c.want > 0) {
			t.Errorf("parseNumber(%q) = %d, %v; want %d", c.in, got, ok, c.want)
		}
	}
}

func TestParseStatus(t *testing.T) {
	for _, c := range []struct {
		in   string
		want statusCell
		ok   bool
	}{
		{"", statusCell{}, true},
		{"已立案", statusCell{status: proposal.Filed}, true},
		{"办理中\n（已超期）", statusCell{status: proposal.Handling}, true},
		{"办理中\n已超期", statusCell{status: proposal.Handling}, true},
		{"已办复", statusCell{status: proposal.Answered}, true},
		{"不予立案\n转社情民意", statusCell{status: proposal.Rejected, disposition: "转社情民意"}, true},
		{"并案\n并入第003号", statusCell{status: proposal.Merged, master: 3}, true},
		{"并案 并入第3号", statusCell{status: proposal.Merged, master: 3}, true},
		{"已办结", statusCell{status: proposal.Closed}, true},
		{"不予立案\n（转社情民意）", statusCell{status: proposal.Rejected, disposition: "转社情民意"}, true},
		{"不予立案（转为社情民意信息）", statusCell{status: proposal.Rejected, disposition: "转社情民意"}, true},
		{"不予立案转社情民意", statusCell{status: proposal.Rejected, disposition: "转社情民意"}, true},
		{"作为意见建议处理", statusCell{status: proposal.Rejected, disposition: "转意见建议"}, true},
		{"不予立案（属学术讨论）", statusCell{status: proposal.Rejected, reason: "属学术讨论"}, true},
		{"并案\n（并入第003号）", statusCell{status: proposal.Merged, master: 3}, true},
		{"并入12号", statusCell{status: proposal.Merged, master: 12}, true},
		{"已并案", statusCell{status: proposal.Merged}, true},
		{"撤回", statusCell{status: proposal.Withdrawn}, true},
		{"待定", statusCell{}, false},
	} {
		got, ok := parseStatus(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseStatus(%q) = %+v, %v; want %+v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestParseClassAndVerdicts(t *testing.T) {
	cfg := proposal.Default()
	for in, want := range map[string]string{"A": "A", "a": "A", "Ａ": "A", "B类": "B", "C类（留作参考）": "C",
		"所提问题已经解决或基本解决": "A", "": ""} {
		if got, ok := parseClass(in, cfg); !ok || got != want {
			t.Errorf("parseClass(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"D", "甲", "AB"} {
		if _, ok := parseClass(in, cfg); ok {
			t.Errorf("parseClass(%q) accepted", in)
		}
	}
	for _, c := range []struct {
		in   string
		n    int
		want []string
		bad  bool
	}{
		{"满意", 2, []string{"满意", "满意"}, false},
		{"满意、不满意", 2, []string{"满意", "不满意"}, false},
		{"满意2 基本满意1", 3, []string{"满意", "满意", "基本满意"}, false},
		{"基本满意1 未评1", 2, []string{"基本满意", ""}, false},
		{"满意2", 3, nil, true},
		{"满意、满意", 3, nil, true},
		{"很好", 1, nil, true},
		{"满意99999999999", 2, nil, true},
		{"", 2, nil, false},
	} {
		got, msg := parseVerdicts(c.in, c.n)
		if !slices.Equal(got, c.want) || (msg != "") != c.bad {
			t.Errorf("parseVerdicts(%q, %d) = %q, %q", c.in, c.n, got, msg)
		}
	}
}

func TestParseFlagsKindAndSession(t *testing.T) {
	for in, want := range map[string][2]string{"": {"", ""}, "否": {"", ""}, "是": {"重点督办", ""},
		"√": {"重点督办", ""}, "重点办理": {"重点办理", ""}, "重点督办\n王副县长": {"重点督办", "王副县长"},
		"是（张县长）": {"重点督办", "张县长"}, "重点督办\n政协副主席 张三": {"重点督办", "政协副主席 张三"},
		"重点督办 政协副主席\u3000张三、县委常委 李四": {"重点督办", "政协副主席 张三、县委常委 李四"},
		"重点督办\n张副县长，李副县长": {"重点督办", "张副县长、李副县长"}} {
		tier, leader, ok := parseKey(in)
		if !ok || tier != want[0] || leader != want[1] {
			t.Errorf("parseKey(%q) = %q %q %v", in, tier, leader, ok)
		}
	}
	for in, want := range map[string]int{"是": 0, "优秀提案": 0, "2024年度优秀提案": 2024, "2025": 2025} {
		if yes, year, ok := parseExcellent(in); !ok || !yes || year != want {
			t.Errorf("parseExcellent(%q) = %v %d %v", in, yes, year, ok)
		}
	}
	if _, _, ok := parseExcellent("良好"); ok {
		t.Error("parseExcellent accepted 良好")
	}
	for in, want := range map[string]string{"大会": "大会提案", "平时提案": "平时提案", "闭会期间": "平时提案", "": ""} {
		if got, ok := parseKind(in); !ok || got != want {
			t.Errorf("parseKind(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]int{"五次": 5, "第五次会议": 5, "十一届五次": 5, "5": 5, "十二次": 12, "二十一": 21} {
		if got, ok := sessionNumber(in); !ok || got != want {
			t.Errorf("sessionNumber(%q) = %d %v", in, got, ok)
		}
	}
	for in, want := range map[string]string{"民盟清河县委员会": "党派", "县工商联": "人民团体"} {
		if got, _ := parseProposerType("党派团体", in); got != want {
			t.Errorf("党派团体 by %s = %q", in, got)
		}
	}
	for in, want := range map[string]string{"县乡村振兴局": "县直部门", "城关镇人民政府": "乡镇街道", "东城街道办事处": "乡镇街道",
		"县供电公司": "其他", "县卫生健康委员会": "县直部门"} {
		if got := unitKind(in); got != want {
			t.Errorf("unitKind(%s) = %s", in, got)
		}
	}
}

func TestMatchCategory(t *testing.T) {
	cats := proposal.Default().Categories
	for in, want := range map[string]string{"经济建设": "经济建设", "经济": "经济建设", "生态文明": "生态文明建设",
		"社会建设类": "社会建设", "其他": "其他", "建设": "", "农业": ""} {
		got, ok := matchCategory(in, cats)
		if got != want || ok != (want != "") {
			t.Errorf("matchCategory(%q) = %q %v", in, got, ok)
		}
	}
}

func FuzzParseCells(f *testing.F) {
	for _, s := range []string{"第012号", "不予立案（转社情民意）", "并入第3号", "满意2 基本满意1", "重点督办\n王", "2024年度优秀提案", "十一届五次"} {
		f.Add(s)
	}
	cfg := proposal.Default()
	f.Fuzz(func(t *testing.T, s string) {
		if n, ok := parseNumber(s, cfg); ok && n <= 0 {
			t.Fatalf("number %d accepted", n)
		}
		if c, ok := parseStatus(s); ok && squash(s) != "" && c.status == "" {
			t.Fatal("status accepted without a state")
		}
		parseClass(s, cfg)
		if v, msg := parseVerdicts(s, 3); msg == "" && v != nil && len(v) != 3 {
			t.Fatalf("%d verdicts for 3 proposers", len(v))
		}
		parseKey(s)
		parseExcellent(s)
		sessionNumber(s)
	})
}
