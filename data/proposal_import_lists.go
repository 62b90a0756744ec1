package data

import "strings"

// The lists a register cell may hold or name: proposer types, names and
// units, the configured categories, the 会次.

// proposerTypeWords map the 提案者性质 words of registers to ours; "" is
// decided by the number of proposers (委员个人 or 委员联名).
var proposerTypeWords = map[string]string{
	"委员": "", "个人": "", "委员个人": "", "个人提案": "", "委员提案": "",
	"联名": "", "委员联名": "", "联名提案": "",
	"界别": "界别", "界别提案": "界别", "党派": "党派", "民主党派": "党派", "党派提案": "党派",
	"人民团体": "人民团体", "团体": "人民团体", "团体提案": "人民团体",
	"专委会": "专委会", "专门委员会": "专委会", "专委会提案": "专委会",
	"委员小组/联组": "委员小组/联组", "委员小组": "委员小组/联组", "小组": "委员小组/联组", "联组": "委员小组/联组",
	"小组·联组": "委员小组/联组", "小组/联组": "委员小组/联组",
	"党派团体": "党派团体", "集体": "党派团体", "集体提案": "党派团体",
}

// partyMarks name the parties, to tell a 党派团体 proposal by a party from
// one by a people's organisation.
var partyMarks = []string{"中共", "民革", "民盟", "民建", "民进", "农工", "致公", "九三", "台盟", "共产党"}

// parseProposerType reads a 提案者性质 cell; first is the first proposer's
// name, used to split the register's 党派团体.
func parseProposerType(v, first string) (string, bool) {
	t, ok := proposerTypeWords[squash(v)]
	if !ok {
		return "", false
	}
	if t == "党派团体" {
		t = "人民团体"
		for _, m := range partyMarks {
			if strings.Contains(first, m) {
				t = "党派"
			}
		}
	}
	return t, true
}

// looksCollective reports whether a proposer's name reads like an
// organisation's rather than a person's.
func looksCollective(name string) bool {
	for _, m := range []string{"委员会", "支部", "总支", "联合会", "工会", "妇联", "工商联", "科协", "团县委", "界别",
		"小组", "联组", "党派"} {
		if strings.Contains(name, m) {
			return true
		}
	}
	return false
}

// splitList splits a cell listing names: 张三、李四；王五 or one a line.
func splitList(v string) []string {
	parts := strings.FieldsFunc(v, func(r rune) bool { return strings.ContainsRune("、，,；;／/\n\r", r) })
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// matchCategory finds a configured category: exactly, without a trailing
// 类, or as the only one that starts with the text (经济 → 经济建设).
func matchCategory(v string, cats []string) (string, bool) {
	s := strings.TrimSuffix(squash(v), "类")
	var found []string
	for _, c := range cats {
		if squash(c) == s {
			return c, true
		}
		if s != "" && strings.HasPrefix(squash(c), s) {
			found = append(found, c)
		}
	}
	if len(found) == 1 {
		return found[0], true
	}
	return "", false
}

// sessionNumber reads a 会次 cell: 五次, 第五次会议, 十一届五次, 5.
func sessionNumber(v string) (int, bool) {
	s := squash(v)
	if i := strings.LastIndex(s, "届"); i >= 0 {
		s = s[i+len("届"):]
	}
	s = strings.TrimPrefix(s, "第")
	s = strings.TrimSuffix(strings.TrimSuffix(s, "会议"), "次")
	if digitsOnly.MatchString(s) {
		return atoiMax(s), true
	}
	n, ok := chineseNumberValue(s)
	return n, ok
}

// chineseNumberValue reads 一 … 九十九.
func chineseNumberValue(s string) (int, bool) {
	digit := func(s string) int {
		for i, d := range cnDigits {
			if d == s && i > 0 {
				return i
			}
		}
		return -1
	}
	before, after, ten := strings.Cut(s, "十")
	if !ten {
		d := digit(s)
		return d, d > 0
	}
	tens, units := 1, 0
	if before != "" {
		tens = digit(before)
	}
	if after != "" {
		units = digit(after)
	}
	return tens*10 + units, tens > 0 && units >= 0
}

// unitKind guesses a new unit's kind from its name.
func unitKind(name string) string {
	base := name
	for _, suffix := range []string{"人民政府", "政府", "办事处", "党委"} {
		base = strings.TrimSuffix(base, suffix)
	}
	switch {
	case strings.HasSuffix(base, "镇") || strings.HasSuffix(base, "乡") || strings.HasSuffix(base, "街道"):
		return "乡镇街道"
	case strings.HasSuffix(name, "公司") || strings.HasSuffix(name, "银行"):
		return "其他"
	}
	for _, suffix := range []string{"局", "委", "办", "委员会", "办公室", "院", "中心", "部", "队", "所", "处"} {
		if strings.HasSuffix(name, suffix) {
			return "县直部门"
		}
	}
	return "其他"
}
