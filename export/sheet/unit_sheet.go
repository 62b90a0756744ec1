package sheet

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposal"
)

// UnitSheetDoc is a 承办单位办理情况统计表 to print.
type UnitSheetDoc struct {
	Title   string           // e.g. 政协清河县第十一届委员会第五次会议提案承办单位办理情况统计表
	Date    string           // e.g. 统计日期：2026年11月22日
	Classes []proposal.Class // the configured result classes, one column each
	Stats   []data.UnitStat  // one line per unit, in order
}

// UnitSheetTitle is the title of the unit sheet of a session, or of a term
// when session is nil.
func UnitSheetTitle(c data.Committee, t data.Term, session *data.Session) string {
	return scopeTitle(c, t, session) + "提案承办单位办理情况统计表"
}

const unitSheet = "承办单位办理情况"

// Percent is n/d as a percentage with one decimal, rounded half up in exact
// integer arithmetic (2/3 → "66.7%", 1/16 → "6.3%"), or "—" when d is 0.
func Percent(n, d int) string {
	if d <= 0 {
		return "—"
	}
	tenths := (2000*n + d) / (2 * d)
	return fmt.Sprintf("%d.%d%%", tenths/10, tenths%10)
}

// unitClassCodes are the class columns: the configured ones, then any
// other code found in the answers (a class removed from the settings after
// it was used).
func unitClassCodes(classes []proposal.Class, stats []data.UnitStat) []string {
	var codes []string
	for _, c := range classes {
		codes = append(codes, c.Code)
	}
	var extra []string
	for _, st := range stats {
		for code, n := range st.Classes {
			if n > 0 && !slices.Contains(codes, code) && !slices.Contains(extra, code) {
				extra = append(extra, code)
			}
		}
	}
	slices.Sort(extra)
	return append(codes, extra...)
}

// WriteUnitSheet writes the per-unit handling statistics with a 合计 row
// and the definitions under the table, one A4 page wide.
func WriteUnitSheet(w io.Writer, doc UnitSheetDoc) error {
	codes := unitClassCodes(doc.Classes, doc.Stats)
	cols := []tableColumn{{"序号", 5, cellCenter}, {"单位名称", 22, cellWrap}, {"单位类型", 9, cellCenter},
		{"主办", 5, cellCenter}, {"会办", 5, cellCenter}, {"分办", 5, cellCenter}, {"应答复", 6.5, cellCenter},
		{"已答复", 6.5, cellCenter}, {"办复率", 7.5, cellCenter}, {"超期未复", 6, cellCenter}}
	for _, code := range codes {
		cols = append(cols, tableColumn{code + "类", 5, cellCenter})
	}
	cols = append(cols, tableColumn{"满意", 5, cellCenter}, tableColumn{"基本满意", 6, cellCenter},
		tableColumn{"不满意", 6.5, cellCenter}, tableColumn{"满意率", 7.5, cellCenter})
	orientation := "portrait"
	if len(codes) > 4 {
		orientation = "landscape"
	}
	t, err := newTableSheet(unitSheet, doc.Title, doc.Date, cols)
	if err != nil {
		return err
	}
	total := data.UnitStat{Classes: map[string]int{}}
	for i, st := range doc.Stats {
		t.addRow(append([]any{i + 1, st.Name, st.Kind}, unitCounts(st, codes)...), false)
		total.Lead += st.Lead
		total.Co += st.Co
		total.Split += st.Split
		total.Owed += st.Owed
		total.Answered += st.Answered
		total.Overdue += st.Overdue
		for code, n := range st.Classes {
			total.Classes[code] += n
		}
		total.Satisfied += st.Satisfied
		total.Basic += st.Basic
		total.Unsatisfied += st.Unsatisfied
	}
	row := t.addRow(append([]any{"合计", "", ""}, unitCounts(total, codes)...), true)
	t.merge(row, 1, 3)
	t.addNote(unitSheetNote(doc.Classes, codes))
	return t.finish(w, orientation, 2)
}

// unitCounts are a unit's cells after its name and type.
func unitCounts(st data.UnitStat, codes []string) []any {
	out := []any{st.Lead, st.Co, st.Split, st.Owed, st.Answered, Percent(st.Answered, st.Owed), st.Overdue}
	for _, code := range codes {
		out = append(out, st.Classes[code])
	}
	return append(out, st.Satisfied, st.Basic, st.Unsatisfied, Percent(st.Satisfied+st.Basic, st.Ratings()))
}

// unitSheetNote explains the columns, with the wording of each class.
func unitSheetNote(classes []proposal.Class, codes []string) string {
	var labels []string
	for _, code := range codes {
		label := code + "类"
		for _, c := range classes {
			if c.Code == code {
				label += "：" + c.Label
			}
		}
		labels = append(labels, label)
	}
	return "说明：应答复为主办和分办的件数（会办单位提出会办意见，不直接答复）；办复率＝已答复÷应答复；" +
		"超期未复为超过办理期限仍未答复的件数。办理结果按各单位最近一次答复统计（" + strings.Join(labels, "；") +
		"）。满意、基本满意、不满意为提案人对各单位答复的最新评价（人次）；满意率＝（满意＋基本满意）÷评价人次，" +
		"无评价的记“—”。"
}
