package data

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

var cnDigits = []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// ChineseNumber writes 1–999 the way 届 and 次 are named: 十一, 二十, 一百零五.
func ChineseNumber(n int) string {
	if n <= 0 || n >= 1000 {
		return fmt.Sprint(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(cnDigits[h] + "百")
		if t == 0 && u != 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if !(t == 1 && h == 0) {
			b.WriteString(cnDigits[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(cnDigits[u])
	}
	return b.String()
}

// TermName is "第十一届".
func (t Term) TermName() string { return "第" + ChineseNumber(t.Number) + "届" }

// Label is "第十一届（2021—2026）", used in pickers.
func (t Term) Label() string {
	return fmt.Sprintf("%s（%d—%d）", t.TermName(), t.StartYear, t.EndYear)
}

// CommitteeTitle is the formal name of the committee in one term, as it
// heads documents: 政协XX县第十一届委员会.
func CommitteeTitle(c Committee, t Term) string {
	short := c.ShortName
	if short == "" {
		short = ShortName(c.Name)
	}
	return "政协" + short + t.TermName() + "委员会"
}

// ShortName guesses the short name from the full one: 政协清河县委员会 →
// 清河县.
func ShortName(name string) string {
	return strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(name), "政协"), "委员会")
}

// CommitteeLevel is the committee's level as reports name it: 县, 区, 市 or
// 旗 from the end of its short name (清河县 → 县, 闵行区 → 区); 县 when the
// name does not say.
func CommitteeLevel(c Committee) string {
	short := strings.TrimSpace(c.ShortName)
	if short == "" {
		short = ShortName(c.Name)
	}
	for _, l := range []string{"县", "区", "市", "旗"} {
		if strings.HasSuffix(short, l) {
			return l
		}
	}
	return "县"
}

// IssueName is how an issue of the 社情民意 bulletin is cited: the number
// as typed when it already says 期 ("2026年第8期", "第8期"), else wrapped
// ("8" → "第8期"); "" when there is none.
func IssueName(issue string) string {
	issue = strings.TrimSpace(issue)
	if issue == "" || strings.HasSuffix(issue, "期") {
		return issue
	}
	return "第" + strings.TrimPrefix(issue, "第") + "期"
}

// SessionName is "第三次会议".
func (s Session) SessionName() string { return "第" + ChineseNumber(s.Number) + "次会议" }

// ChineseDate writes a date the way documents do: 2026年11月22日.
func ChineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// ChineseISODate writes 2025-01-08 as 2025年1月8日; text shorter than a
// date is returned as it is.
func ChineseISODate(iso string) string {
	if len(iso) < 10 {
		return iso
	}
	month, _ := strconv.Atoi(iso[5:7])
	day, _ := strconv.Atoi(iso[8:10])
	return fmt.Sprintf("%s年%d月%d日", iso[:4], month, day)
}
