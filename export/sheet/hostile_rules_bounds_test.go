package sheet

import (
	"strings"
	"testing"

	"zhengxie/data/rules"
)

// ruleBoundCases are rule files with values near or past the int64 limit.
// Release 0.3 accepted 9223372036854775807 and then crashed `assess` and the
// 履职考核 screen, and panicked on -9223372036854775808 while importing; each
// is now refused with a Chinese sentence naming the item (or line) and field.
func ruleBoundCases() []hostileCase {
	edit := func(old, new string) func(testing.TB) []byte {
		return func(t testing.TB) []byte {
			s := guangshui(t)
			if !strings.Contains(s, old) {
				t.Fatalf("guangshui.toml lacks %q", old)
			}
			return []byte(strings.Replace(s, old, new, 1))
		}
	}
	const max64, min64 = "9223372036854775807", "-9223372036854775808"
	consequence := "\n[[consequence]]\nname = \"约谈\"\nbelow = 60\nyears = " + max64 + "\n"
	return []hostileCase{
		{desc: "rules: points at the int64 minimum", kind: rulesFile, name: "规则.toml",
			file: edit("points = -2", "points = "+min64), wantErr: "第44行：“-9223372036854775808”不是有效的分值：数值太大"},
		{desc: "rules: points at the int64 maximum", kind: rulesFile, name: "规则.toml",
			file:    edit("points = -2", "points = "+max64),
			wantErr: "第1项“参加会议”第1条规则：points（分值）为9223372036854775807，超出允许的范围（-100000 到 100000）"},
		{desc: "rules: points past int64", kind: rulesFile, name: "规则.toml",
			file: edit("points = -2", "points = 9223372036854775808"), wantErr: "第44行：数值太大或太小，超出了允许的范围"},
		{desc: "rules: points 1e300", kind: rulesFile, name: "规则.toml",
			file: edit("points = -2", "points = 1e300"), wantErr: "item.rule.points 的值有误：“1e+300”不是有效的分值：数值太大"},
		{desc: "rules: points 100001", kind: rulesFile, name: "规则.toml",
			file: edit("points = -2", "points = 100001"), wantErr: "points（分值）为100001，超出允许的范围"},
		{desc: "rules: a fraction over 2^63", kind: rulesFile, name: "规则.toml",
			file: edit("points = -2", `points = "1/`+max64+`"`), wantErr: "points（分值）为1/9223372036854775807，太精细"},
		{desc: "rules: total cap at the int64 maximum", kind: rulesFile, name: "规则.toml",
			file: edit("cap = 110", "cap = "+max64), wantErr: "规则集：总分上限（cap）为9223372036854775807，超出允许的范围"},
		{desc: "rules: base at the int64 maximum", kind: rulesFile, name: "规则.toml",
			file: edit("base = 40", "base = "+max64), wantErr: "第1项“参加会议”：起始分（base）为9223372036854775807"},
		{desc: "rules: first author points at the int64 maximum", kind: rulesFile, name: "规则.toml",
			file: edit("first = 20", "first = "+max64), wantErr: "第2项“提交提案”第1条规则：first（第一作者分值）为9223372036854775807"},
		{desc: "rules: a by_level value at the int64 maximum", kind: rulesFile, name: "规则.toml",
			file: edit(`"国家" = 10`, `"国家" = `+max64), wantErr: "第5项“表彰加分”第1条规则：by_level中“国家”的分值为9223372036854775807"},
		{desc: "rules: grade min at the int64 minimum plus one", kind: rulesFile, name: "规则.toml",
			file: edit("min = 90", "min = -9223372036854775807"), wantErr: "第1个等次“优秀”：最低分（min）为-9223372036854775807"},
		{desc: "rules: a consequence looking back 2^63 years", kind: rulesFile, name: "规则.toml",
			file:    func(t testing.TB) []byte { return append([]byte(guangshui(t)), consequence...) },
			wantErr: "第1条结果运用“约谈”：years 为9223372036854775807，超出允许的范围（最多连续20年）"},
	}
}

// The bound cases give their messages through rules.Parse too (the rule
// editor's 导入 and the CLI both read files through it).
func TestParseRulesBounds(t *testing.T) {
	for _, hc := range ruleBoundCases() {
		t.Run(hc.desc, func(t *testing.T) {
			_, err := rules.Parse(hc.file(t))
			if err == nil || !strings.Contains(err.Error(), hc.wantErr) {
				t.Fatalf("err = %v\nwant %q", err, hc.wantErr)
			}
		})
	}
}
