package data

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"zhengxie/data/proposal"
)

// This file reads the cells of a proposal register (提案台账) the way
// county offices write them: 案号 as 第12号, 012 or 12; states in their own
// words (已立案, 不予立案（转社情民意）, 并入第3号); A类; a ledger's 满意2
// 基本满意1. Each reader is pure and returns ok=false for text it cannot
// place, so that the plan can name the row and the field.

// squash brings a cell to a comparable form: no whitespace at all, ASCII
// digits, letters and brackets instead of full-width ones.
func squash(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || r == '\ufeff' || r == '\u200b':
			continue
		case r >= '！' && r <= '～' && r != '，' && r != '；' && r != '：':
			r = r - '！' + '!' // full-width ASCII block
		}
		b.WriteRune(r)
	}
	return b.String()
}

var digitsOnly = regexp.MustCompile(`^\d+$`)

// parseNumber reads a 案号: 12, 012, 第12号, 第 012 号, 12号, or the
// committee's own printed form (its prefix and suffix). An Excel number
// such as 12.0 counts too.
func parseNumber(v string, cfg proposal.Config) (int, bool) {
	s := squash(v)
	s = strings.TrimSuffix(s, ".0")
	for _, affix := range [][2]string{{squash(cfg.NumberPrefix), squash(cfg.NumberSuffix)}, {"第", "号"}, {"", "号"}, {"No.", ""}} {
		t := s
		if affix[0] != "" {
			t = strings.TrimPrefix(t, affix[0])
		}
		if affix[1] != "" {
			t = strings.TrimSuffix(t, affix[1])
		}
		t = strings.TrimSuffix(t, "提案")
		t = strings.TrimSuffix(t, "号")
		if digitsOnly.MatchString(t) && len(t) <= 6 {
			n, _ := strconv.Atoi(t)
			return n, n > 0
		}
	}
	return 0, false
}

// statusWords are the ways registers write a state.
var statusWords = map[string]proposal.Status{
	"已提交": proposal.Submitted, "提交": proposal.Submitted, "待审查": proposal.Submitted, "未审查": proposal.Submitted,
	"待审": proposal.Submitted, "已收到": proposal.Submitted,
	"审查中": proposal.Reviewing, "审核中": proposal.Reviewing, "正在审查": proposal.Reviewing,
	"立案": proposal.Filed, "已立案": proposal.Filed, "予以立案": proposal.Filed, "同意立案": proposal.Filed,
	"准予立案": proposal.Filed, "待交办": proposal.Filed,
	"交办": proposal.Handling, "已交办": proposal.Handling, "办理中": proposal.Handling, "正在办理": proposal.Handling,
	"在办": proposal.Handling, "承办中": proposal.Handling, "未答复": proposal.Handling,
	"已答复": proposal.Answered, "答复": proposal.Answered, "已办复": proposal.Answered, "办复": proposal.Answered,
	"已回复": proposal.Answered, "已办理": proposal.Answered,
	"再次办理": proposal.Rehandled, "二次办理": proposal.Rehandled, "重新办理": proposal.Rehandled,
	"办结": proposal.Closed, "已办结": proposal.Closed, "结案": proposal.Closed, "已结案": proposal.Closed,
	"办理完毕": proposal.Closed, "已完成": proposal.Closed,
	"不予立案": proposal.Rejected, "不立案": proposal.Rejected, "未立案": proposal.Rejected, "未予立案": proposal.Rejected,
	"并案": proposal.Merged, "已并案": proposal.Merged, "并案处理": proposal.Merged, "合并": proposal.Merged,
	"撤案": proposal.Withdrawn, "已撤案": proposal.Withdrawn, "撤回": proposal.Withdrawn, "已撤回": proposal.Withdrawn,
	"撤销": proposal.Withdrawn,
}

// dispositionWords map how registers name where a proposal not filed went
// to the default list's words.
var dispositionWords = map[string]string{
	"转社情民意": "转社情民意", "转为社情民意": "转社情民意", "转社情民意信息": "转社情民意",
	"转为社情民意信息": "转社情民意", "作为社情民意": "转社情民意", "作为社情民意信息": "转社情民意",
	"转意见建议": "转意见建议", "转为意见建议": "转意见建议", "作为意见建议": "转意见建议",
	"作为意见建议处理": "转意见建议", "转意见和建议": "转意见建议", "作为意见处理": "转意见建议", "转为意见": "转意见建议",
	"委员来信": "委员来信", "转委员来信": "委员来信", "作为委员来信": "委员来信", "作为委员来信处理": "委员来信",
	"退回": "退回", "退回提案人": "退回",
}

// statusCell is what a 状态 (审查结果) cell says.
type statusCell struct {
	status      proposal.Status // "" when the cell is empty
	disposition string          // 不予立案: where it went, as written
	master      int             // 并案: the 案号 it was merged into, 0 when not said
	reason      string          // 不予立案: a bracketed text that is not a disposition
}

var mergedInto = regexp.MustCompile(`并入(?:第)?(\d+)`)

// parseStatus reads a state cell such as "不予立案（转社情民意）",
// "并案\n并入第003号", "办理中\n已超期" or "转社情民意" alone.
func parseStatus(v string) (statusCell, bool) {
	var c statusCell
	// Words on separate lines or apart ("并案\n并入第003号") are separate.
	s := squash(strings.Join(strings.Fields(v), "，"))
	if s == "" {
		return c, true
	}
	if m := mergedInto.FindStringSubmatch(s); m != nil {
		c.status, c.master = proposal.Merged, atoiMax(m[1])
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("()，,；;、：:", r) })
	for i, part := range parts {
		if !c.read(part, i == 0) {
			return c, false
		}
	}
	if c.disposition != "" && c.status == "" {
		c.status = proposal.Rejected
	}
	return c, c.status != ""
}

// read takes in one word of a state cell; the first must be a state or a
// disposition, later ones may also be remarks (已超期) or a reason.
func (c *statusCell) read(part string, first bool) bool {
	st, disp, ok := statusWord(part)
	switch {
	case strings.HasPrefix(part, "并入"):
	case ok && first:
		if c.status == "" || st == proposal.Merged {
			c.status = st
		}
		if disp != "" {
			c.disposition = disp
		}
	case disp != "":
		c.disposition = disp
	case first:
		return false
	case c.status == proposal.Rejected && c.reason == "":
		c.reason = part
	}
	return true
}

// statusWord reads one word: a state, a disposition (which means 不予立案),
// or a state run together with its disposition (不予立案转社情民意).
func statusWord(w string) (proposal.Status, string, bool) {
	if st, ok := statusWords[w]; ok {
		return st, "", true
	}
	if d, ok := dispositionWords[w]; ok {
		return proposal.Rejected, d, true
	}
	for word, st := range statusWords {
		if st != proposal.Rejected || !strings.HasPrefix(w, word) {
			continue
		}
		if d, ok := dispositionWords[strings.TrimPrefix(w, word)]; ok {
			return st, d, true
		}
	}
	return "", "", false
}

func atoiMax(s string) int {
	if len(s) > 6 {
		return 0
	}
	n, _ := strconv.Atoi(s)
	return n
}

// parseClass reads a result class: A, a, Ａ, A类, "A类（已解决）", or the
// wording of a class in the settings.
func parseClass(v string, cfg proposal.Config) (string, bool) {
	s := squash(v)
	if s == "" {
		return "", true
	}
	for _, cl := range cfg.Classes {
		if squash(cl.Label) == s {
			return cl.Code, true
		}
	}
	code := strings.ToUpper(s)
	if i := strings.IndexAny(code, "(（"); i > 0 {
		code = code[:i]
	}
	code = strings.TrimSuffix(strings.TrimSuffix(code, "类"), "级")
	return code, proposal.Has(cfg.ClassCodes(), code)
}

var verdictCount = regexp.MustCompile(`(基本满意|不满意|满意|未评)(\d+)`)

// parseVerdicts reads a 满意度 cell for n proposers: one verdict for all
// ("满意"), one per proposer ("满意、基本满意"), or a ledger's counts
// ("满意2 基本满意1 未评1", filled in signing order). "" in the result is a
// proposer who has not rated.
func parseVerdicts(v string, n int) ([]string, string) {
	s := squash(v)
	if s == "" || n == 0 {
		return nil, ""
	}
	want := "应为满意、基本满意或不满意"
	if proposal.Has(proposal.Ratings, s) {
		out := make([]string, n)
		for i := range out {
			out[i] = s
		}
		return out, ""
	}
	if ms := verdictCount.FindAllStringSubmatch(s, -1); ms != nil && len(strings.Join(flatten(ms), "")) == len(s) {
		var out []string
		for _, m := range ms {
			k, _ := strconv.Atoi(m[2])
			if k > n {
				k = n + 1
			}
			for range k {
				out = append(out, strings.Replace(m[1], "未评", "", 1))
			}
		}
		if len(out) != n {
			return nil, fmt.Sprintf("“%s”共 %d 人，与提案人数（%d 人）不符", v, len(out), n)
		}
		return out, ""
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;/", r) })
	for _, p := range parts {
		if !proposal.Has(proposal.Ratings, p) {
			return nil, fmt.Sprintf("“%s”无法识别，%s", v, want)
		}
	}
	if len(parts) != n {
		return nil, fmt.Sprintf("“%s”有 %d 个评价，与提案人数（%d 人）不符", v, len(parts), n)
	}
	return parts, ""
}

func flatten(ms [][]string) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m[0]
	}
	return out
}

var (
	yesWords = map[string]bool{"是": true, "√": true, "✓": true, "✔": true, "Y": true, "YES": true, "1": true,
		"TRUE": true, "○": true, "●": true, "★": true}
	noWords = map[string]bool{"": true, "否": true, "×": true, "✗": true, "N": true, "NO": true, "0": true,
		"FALSE": true, "无": true, "-": true, "—": true, "/": true, "不是": true}
)

// parseKey reads a 重点 cell: 是 (the first tier), a tier, or a tier with
// its 督办领导 ("重点督办\n张副县长", "是（张县长）", "重点督办 政协副主席 张三").
// Leaders are listed with 、; a space inside one leader ("政协副主席 张三",
// a title and a name) stays a space.
func parseKey(v string) (tier, leader string, ok bool) {
	var fields []string
	for _, chunk := range strings.FieldsFunc(strings.TrimSpace(v), func(r rune) bool {
		return strings.ContainsRune("\n\r()（），,；;：:、", r)
	}) {
		if words := strings.Fields(chunk); len(words) > 0 { // Fields also splits at U+3000
			if len(fields) == 0 {
				fields = append(fields, words[0]) // the tier, then the first leader
				words = words[1:]
			}
			if len(words) > 0 {
				fields = append(fields, strings.Join(words, " "))
			}
		}
	}
	if len(fields) == 0 || noWords[strings.ToUpper(fields[0])] && len(fields) == 1 {
		return "", "", true
	}
	head := strings.ToUpper(squash(fields[0]))
	switch {
	case proposal.Has(proposal.KeyTiers, head):
		tier = head
	case yesWords[head] || head == "重点" || head == "重点提案":
		tier = proposal.KeyTiers[0]
	default:
		return "", "", false
	}
	return tier, strings.Join(fields[1:], "、"), true
}

var yearIn = regexp.MustCompile(`(19|20)\d{2}`)

// parseExcellent reads an 优秀 cell: 是, 优秀, 优秀提案 or "2025年度优秀提案"
// (whose year is kept); year is 0 when the cell names none.
func parseExcellent(v string) (yes bool, year int, ok bool) {
	s := strings.ToUpper(squash(v))
	if noWords[s] {
		return false, 0, true
	}
	if y := yearIn.FindString(s); y != "" {
		year, _ = strconv.Atoi(y)
		s = strings.TrimPrefix(strings.TrimPrefix(strings.Replace(s, y, "", 1), "年度"), "年")
	}
	switch {
	case yesWords[s], s == "优秀", s == "优秀提案", s == "年度优秀提案", s == "" && year > 0:
		return true, year, true
	}
	return false, 0, false
}

// parseKind reads 大会/平时: 大会, 大会提案, 会议提案, 平时, 平时提案, 闭会期间.
func parseKind(v string) (string, bool) {
	s := squash(v)
	switch {
	case s == "":
		return "", true
	case strings.HasPrefix(s, "大会") || strings.HasPrefix(s, "会议") || strings.HasPrefix(s, "会期"):
		return proposal.Kinds[0], true
	case strings.HasPrefix(s, "平时") || strings.HasPrefix(s, "闭会"):
		return proposal.Kinds[1], true
	}
	return "", false
}
