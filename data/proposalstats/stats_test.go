package proposalstats

import (
	"fmt"
	"slices"
	"testing"

	"zhengxie/data/proposal"
)

var (
	categories   = []string{"经济建设", "政治建设", "文化建设", "社会建设", "生态文明建设", "其他"}
	dispositions = []string{"转社情民意", "转意见建议", "委员来信", "退回"}
	classCodes   = []string{"A", "B", "C"}
)

// rows prints a table as "label N share" lines, for comparing in one go.
func rows(t Table) []string {
	out := make([]string, len(t.Rows))
	for i, r := range t.Rows {
		out[i] = fmt.Sprintf("%s %d %s", r.Label, r.N, r.Share)
	}
	return out
}

func checkTable(t *testing.T, name string, got Table, total int, want []string, note string) {
	t.Helper()
	if got.Total != total {
		t.Errorf("%s: total = %d, want %d", name, got.Total, total)
	}
	if g := rows(got); !slices.Equal(g, want) {
		t.Errorf("%s rows:\n got %q\nwant %q", name, g, want)
	}
	if g := got.SumNote(); g != note {
		t.Errorf("%s note = %q, want %q", name, g, note)
	}
}

type figure struct {
	name      string
	got, want any
}

func checkFigures(t *testing.T, fs []figure) {
	t.Helper()
	for _, f := range fs {
		if g, w := fmt.Sprint(f.got), fmt.Sprint(f.want); g != w {
			t.Errorf("%s = %s, want %s", f.name, g, w)
		}
	}
}

// honghu builds a session shaped like 洪湖's (domain §2.2): 118 received,
// 立案 64, 并案 16, 转意见建议 21 and 17 other 不予立案. By index:
//
//	  0–9   立案 (not yet assigned)  10   10–29 办理中  20   30–49 已答复 20
//	 50–53  再次办理               4   54–63 办结    10   → 立案 64
//	 64–79  并案 16
//	 80–100 不予立案 转意见建议 21
//	101–105 转社情民意 5, 106–109 委员来信 4, 110–115 退回 6, 116–117 no 去向 2
func honghu() Input {
	items := make([]Item, 118)
	for i := range items {
		it := &items[i]
		switch {
		case i < 10:
			it.Status = proposal.Filed
		case i < 30:
			it.Status = proposal.Handling
		case i < 50:
			it.Status = proposal.Answered
		case i < 54:
			it.Status = proposal.Rehandled
		case i < 64:
			it.Status = proposal.Closed
		case i < 80:
			it.Status = proposal.Merged
		default:
			it.Status = proposal.Rejected
			it.Disposition = honghuDisposition(i)
		}
		it.ProposerType, it.PersonIDs = honghuProposer(i)
		it.Kind = "大会提案"
		if i >= 100 {
			it.Kind = "平时提案"
		}
		it.Category = honghuCategory(i)
		honghuHandling(i, it)
	}
	return Input{Items: items, Members: 150, Categories: categories, Dispositions: dispositions, Classes: classCodes}
}

func honghuDisposition(i int) string {
	switch {
	case i <= 100:
		return "转意见建议"
	case i <= 105:
		return "转社情民意"
	case i <= 109:
		return "委员来信"
	case i <= 115:
		return "退回"
	}
	return ""
}

// honghuProposer: 0–69 委员个人 (person i+1: ids 1–70); 70–99 委员联名
// with two members each, ids (i-70)+1 (1–30, already counted) and
// 71+(i-70)%27 (71–97); then 界别 100–104, 党派 105–112, 人民团体
// 113–115, 专委会 116–117 with no person. Members: 70 + 27 = 97.
func honghuProposer(i int) (string, []int64) {
	switch {
	case i < 70:
		return "委员个人", []int64{int64(i + 1)}
	case i < 100:
		return "委员联名", []int64{int64(i - 70 + 1), int64(71 + (i-70)%27)}
	case i < 105:
		return "界别", nil
	case i < 113:
		return "党派", nil
	case i < 116:
		return "人民团体", nil
	}
	return "专委会", nil
}

// honghuCategory: over 立案 0–63, 经济建设 0–22 (23), 政治建设 23–27 (5),
// 文化建设 28–35 (8), 社会建设 36–55 (20), 生态文明建设 56–63 (8). Items
// not filed say 经济建设 and must not count.
func honghuCategory(i int) string {
	switch {
	case i < 23 || i >= 64:
		return "经济建设"
	case i < 28:
		return "政治建设"
	case i < 36:
		return "文化建设"
	case i < 56:
		return "社会建设"
	}
	return "生态文明建设"
}

// honghuHandling sets units, classes, ratings and flags.
//
// Units: assigned items 10–63 have 主办 单位(i%12), so 12 lead units;
// 10–29 also have 会办 会办(i%3), 3 more: 15 units. The unassigned 0–9
// name a unit that must not count.
// Classes over answered 30–63 (34): A 30–41 (12), B 42–58 (17), C 59–63
// (5); item 10 (办理中) carries a stale A that must not count.
// Ratings: each answered item 满意 (34); 30–35 a second 满意 (6 → 40),
// 36–43 a second 基本满意 (8), 44–45 a second 不满意 (2): 50 returned.
// Flags: 重点 10–14 (5) plus a rejected item 80 (not counted); 优秀 54–59
// (6) plus a merged item 64 (not counted); overdue 10–12 (3).
func honghuHandling(i int, it *Item) {
	switch {
	case i < 10:
		it.LeadUnits = []string{"未交办单位"}
	case i < 64:
		lead := fmt.Sprintf("单位%02d", i%12)
		it.LeadUnits, it.Units = []string{lead}, []string{lead}
		if i < 30 {
			it.Units = append(it.Units, fmt.Sprintf("会办%d", i%3))
		}
	}
	switch {
	case i == 10:
		it.Class = "A"
	case i >= 30 && i < 42:
		it.Class = "A"
	case i >= 42 && i < 59:
		it.Class = "B"
	case i >= 59 && i < 64:
		it.Class = "C"
	}
	if i >= 30 && i < 64 {
		it.Ratings = []string{"满意"}
		switch {
		case i < 36:
			it.Ratings = append(it.Ratings, "满意")
		case i < 44:
			it.Ratings = append(it.Ratings, "基本满意")
		case i < 46:
			it.Ratings = append(it.Ratings, "不满意")
		}
	}
	it.Key = (i >= 10 && i < 15) || i == 80
	it.Excellent = (i >= 54 && i < 60) || i == 64
	it.Overdue = i >= 10 && i < 13
}

func TestHonghuSession(t *testing.T) {
	r := Compute(honghu())
	checkFigures(t, []figure{
		{"收到", r.Received, 118},
		{"立案", r.Filed, 64},
		{"立案率", r.FiledRate, "54.2%"}, // 64/118 = 54.237…
		{"并案", r.Merged, 16},
		{"立案（含并案）", r.FiledWithMerged, 80},
		{"立案（含并案）率", r.FiledWithMergedRate, "67.8%"}, // 80/118 = 67.796…
		{"撤案", r.Withdrawn, 0},
		{"不予立案", r.Rejected, 38}, // 21 + 17
		{"待审查", r.Pending, 0},
		{"承办单位", r.Units, 15},
		{"主办单位", r.LeadUnits, 12},
		{"交办", r.Assigned, 54},                // 20 + 20 + 4 + 10
		{"已答复", r.Answered, 34},               // 20 + 4 + 10
		{"办复率", r.AnswerRate, "53.1%"},        // 34/64 = 53.125 → 53.1
		{"办结", r.Closed, 10},                  //
		{"办结率", r.CloseRate, "15.6%"},         // 10/64 = 15.625 → 15.6
		{"满意", r.Satisfied, 40},               //
		{"基本满意", r.Basic, 8},                  //
		{"不满意", r.Unsatisfied, 2},             //
		{"返回评价", r.Evaluations, 50},           //
		{"满意率", r.SatisfactionRate, "96.0%"},  // 48/50
		{"委员人数", r.Members, 150},              //
		{"提案委员", r.Participants, 97},          //
		{"参与率", r.ParticipationRate, "64.7%"}, // 97/150 = 64.666…
		{"重点提案", r.Key, 5},                    //
		{"优秀提案", r.Excellent, 6},              //
		{"超期", r.Overdue, 3},                  //
	})

	// 不予立案 by 去向, of 38: 5/38 = 13.16, 21/38 = 55.26, 4/38 = 10.53,
	// 6/38 = 15.79, 2/38 = 5.26 → 13.2 + 55.3 + 10.5 + 15.8 + 5.3 = 100.1.
	checkTable(t, "去向", r.Dispositions, 38, []string{
		"转社情民意 5 13.2%", "转意见建议 21 55.3%", "委员来信 4 10.5%", "退回 6 15.8%", "未注明 2 5.3%",
	}, "因四舍五入，各项占比合计为 100.1%")

	// 收到 by outcome, of 118: 64 → 54.24, 16 → 13.56, 5 → 4.24, 21 → 17.80,
	// 4 → 3.39, 6 → 5.08, 2 → 1.69: 54.2 + 13.6 + 4.2 + 17.8 + 3.4 + 5.1
	// + 1.7 = 100.0.
	checkTable(t, "审查结果", r.Outcomes, 118, []string{
		"立案 64 54.2%", "并案 16 13.6%", "撤案 0 0.0%", "转社情民意 5 4.2%", "转意见建议 21 17.8%",
		"委员来信 4 3.4%", "退回 6 5.1%", "不予立案（未注明去向） 2 1.7%",
	}, "")

	// Proposer types, of 118: 70 → 59.32, 30 → 25.42, 5 → 4.24, 8 → 6.78,
	// 3 → 2.54, 2 → 1.69: 59.3 + 25.4 + 4.2 + 6.8 + 2.5 + 1.7 = 99.9.
	checkTable(t, "提案者", r.ProposerTypes, 118, []string{
		"委员个人 70 59.3%", "委员联名 30 25.4%", "界别 5 4.2%", "党派 8 6.8%",
		"人民团体 3 2.5%", "专委会 2 1.7%", "委员小组/联组 0 0.0%",
	}, "因四舍五入，各项占比合计为 99.9%")
	// 集体 = 5 + 8 + 3 + 2 = 18 → 15.25: 59.3 + 25.4 + 15.3 = 100.0.
	checkTable(t, "委员与集体", r.ProposerGroups, 118, []string{
		"委员个人 70 59.3%", "委员联名 30 25.4%", "集体 18 15.3%",
	}, "")
	// 100/118 = 84.75, 18/118 = 15.25 → 84.7 + 15.3 = 100.0.
	checkTable(t, "大会与平时", r.Kinds, 118, []string{"大会提案 100 84.7%", "平时提案 18 15.3%"}, "")

	// 类别 of 64 立案: 23 → 35.94, 5 → 7.81, 8 → 12.5, 20 → 31.25 (half up
	// → 31.3), 8 → 12.5: 35.9 + 7.8 + 12.5 + 31.3 + 12.5 = 100.0.
	checkTable(t, "类别", r.Categories, 64, []string{
		"经济建设 23 35.9%", "政治建设 5 7.8%", "文化建设 8 12.5%", "社会建设 20 31.3%",
		"生态文明建设 8 12.5%", "其他 0 0.0%",
	}, "")

	// Classes of 34 answered: 12 → 35.29, 17 → 50, 5 → 14.71 = 100.0.
	checkTable(t, "办理结果", r.Classes, 34, []string{"A 12 35.3%", "B 17 50.0%", "C 5 14.7%"}, "")

	// Verdicts of 50: 80.0 + 16.0 + 4.0.
	checkTable(t, "评价", r.Verdicts, 50, []string{"满意 40 80.0%", "基本满意 8 16.0%", "不满意 2 4.0%"}, "")
}

// TestMergedAndWithdrawn: 并案 and 撤案 are received but not 立案;
// 立案（含并案） adds 并案 back.
func TestMergedAndWithdrawn(t *testing.T) {
	in := Input{Categories: categories, Dispositions: dispositions, Classes: classCodes}
	add := func(n int, it Item) {
		for range n {
			in.Items = append(in.Items, it)
		}
	}
	add(4, Item{Status: proposal.Handling, Category: "社会建设", LeadUnits: []string{"教育局"}, Units: []string{"教育局"}})
	add(1, Item{Status: proposal.Closed, Category: "经济建设", LeadUnits: []string{"财政局"}, Class: "A", Ratings: []string{"满意"}})
	add(2, Item{Status: proposal.Merged, Category: "文化建设"})
	add(1, Item{Status: proposal.Withdrawn, Category: "文化建设", LeadUnits: []string{"文旅局"}})
	add(1, Item{Status: proposal.Rejected, Disposition: "转社情民意", Category: "文化建设"})
	add(1, Item{Status: proposal.Reviewing, Category: "文化建设"})
	r := Compute(in)
	checkFigures(t, []figure{
		{"收到", r.Received, 10},
		{"立案", r.Filed, 5},
		{"立案率", r.FiledRate, "50.0%"}, // 5/10
		{"并案", r.Merged, 2},
		{"立案（含并案）", r.FiledWithMerged, 7},
		{"立案（含并案）率", r.FiledWithMergedRate, "70.0%"}, // 7/10
		{"撤案", r.Withdrawn, 1},
		{"不予立案", r.Rejected, 1},
		{"待审查", r.Pending, 1},
		{"交办", r.Assigned, 5},
		{"承办单位", r.Units, 2},                  // 财政局 counts although only named as 主办
		{"主办单位", r.LeadUnits, 2},              // 教育局, 财政局; not the withdrawn 文旅局
		{"已答复", r.Answered, 1},                //
		{"办复率", r.AnswerRate, "20.0%"},        // 1/5: 并案 is not in the denominator
		{"办结率", r.CloseRate, "20.0%"},         // 1/5
		{"满意率", r.SatisfactionRate, "100.0%"}, // 1/1
	})
	// 5 + 2 + 1 + 1 + 1 = 10 → 50 + 20 + 10 + 10 + 10; the 待审查 row
	// appears because one item is still under review.
	checkTable(t, "审查结果", r.Outcomes, 10, []string{
		"立案 5 50.0%", "并案 2 20.0%", "撤案 1 10.0%", "转社情民意 1 10.0%", "转意见建议 0 0.0%",
		"委员来信 0 0.0%", "退回 0 0.0%", "待审查 1 10.0%",
	}, "")
	// Only the 5 立案 count: no 文化建设 although 5 items name it.
	checkTable(t, "类别", r.Categories, 5, []string{
		"经济建设 1 20.0%", "政治建设 0 0.0%", "文化建设 0 0.0%", "社会建设 4 80.0%",
		"生态文明建设 0 0.0%", "其他 0 0.0%",
	}, "")
}

func answeredWithClasses(codes ...string) Input {
	in := Input{Classes: classCodes}
	for _, c := range codes {
		in.Items = append(in.Items, Item{Status: proposal.Answered, Class: c})
	}
	return in
}

func TestClassShares(t *testing.T) {
	tests := []struct {
		name  string
		codes []string
		want  []string
		note  string
	}{
		// 1/3 each → 33.3 × 3 = 99.9; nothing is nudged to 33.4.
		{"thirds", []string{"A", "B", "C"}, []string{"A 1 33.3%", "B 1 33.3%", "C 1 33.3%"},
			"因四舍五入，各项占比合计为 99.9%"},
		// 1/8 = 12.5, 2/8 = 25.0, 5/8 = 62.5 → 100.0.
		{"eighths", []string{"A", "B", "B", "C", "C", "C", "C", "C"},
			[]string{"A 1 12.5%", "B 2 25.0%", "C 5 62.5%"}, ""},
		// 1/6 = 16.7, 1/6 = 16.7, 4/6 = 66.7 → 100.1.
		{"sixths", []string{"A", "B", "C", "C", "C", "C"},
			[]string{"A 1 16.7%", "B 1 16.7%", "C 4 66.7%"}, "因四舍五入，各项占比合计为 100.1%"},
		// 5/16 = 31.25 → 31.3; 11/16 = 68.75 → 68.8: 100.1. A "D" from an
		// older scheme is listed after the configured classes; answers
		// without a class are left out of the denominator.
		{"half up", append(slices.Repeat([]string{"A"}, 5), append(slices.Repeat([]string{"D"}, 11), "", "")...),
			[]string{"A 5 31.3%", "B 0 0.0%", "C 0 0.0%", "D 11 68.8%"}, "因四舍五入，各项占比合计为 100.1%"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(answeredWithClasses(tt.codes...))
			total := 0
			for _, c := range tt.codes {
				if c != "" {
					total++
				}
			}
			checkTable(t, "办理结果", r.Classes, total, tt.want, tt.note)
		})
	}
}

func TestEmptyInput(t *testing.T) {
	r := Compute(Input{Categories: categories, Dispositions: dispositions, Classes: classCodes})
	checkFigures(t, []figure{
		{"收到", r.Received, 0},
		{"立案率", r.FiledRate, "—"},
		{"立案（含并案）率", r.FiledWithMergedRate, "—"},
		{"办复率", r.AnswerRate, "—"},
		{"办结率", r.CloseRate, "—"},
		{"满意率", r.SatisfactionRate, "—"},
		{"参与率", r.ParticipationRate, "—"},
	})
	// Tables keep their configured rows, each "0 —", with no note.
	checkTable(t, "类别", r.Categories, 0, []string{
		"经济建设 0 —", "政治建设 0 —", "文化建设 0 —", "社会建设 0 —", "生态文明建设 0 —", "其他 0 —",
	}, "")
	checkTable(t, "办理结果", r.Classes, 0, []string{"A 0 —", "B 0 —", "C 0 —"}, "")
	checkTable(t, "委员与集体", r.ProposerGroups, 0, []string{"委员个人 0 —", "委员联名 0 —", "集体 0 —"}, "")

	// Nothing configured at all still works.
	r = Compute(Input{})
	if got := r.Categories.Rows; len(got) != 0 {
		t.Errorf("categories without config = %v", got)
	}
	if got := r.FiledRate.String(); got != "—" {
		t.Errorf("立案率 = %q", got)
	}
}

func TestParticipation(t *testing.T) {
	in := Input{Members: 8, Items: []Item{
		{Status: proposal.Filed, ProposerType: "委员个人", PersonIDs: []int64{1}},
		{Status: proposal.Filed, ProposerType: "委员个人", PersonIDs: []int64{1}},          // member 1 again
		{Status: proposal.Rejected, ProposerType: "委员联名", PersonIDs: []int64{1, 2, 3}}, // not filed still counts
		{Status: proposal.Filed, ProposerType: "党派"},                                   // no members
		{Status: proposal.Filed, ProposerType: "委员个人", PersonIDs: []int64{0}},          // proposer not on the roster
	}}
	r := Compute(in)
	// Members 1, 2, 3 of 8 → 37.5%.
	checkFigures(t, []figure{
		{"提案委员", r.Participants, 3},
		{"参与率", r.ParticipationRate, "37.5%"},
	})
	in.Members = 0
	if got := Compute(in).ParticipationRate.String(); got != "—" {
		t.Errorf("参与率 without a roster = %q, want —", got)
	}
}

func TestSatisfactionOverReturnedEvaluations(t *testing.T) {
	in := Input{Items: []Item{
		{Status: proposal.Answered, Ratings: []string{"满意", "基本满意"}},
		{Status: proposal.Closed, Ratings: []string{"不满意"}},
		{Status: proposal.Answered},                              // no form returned yet: not in the denominator
		{Status: proposal.Closed},                                // likewise
		{Status: proposal.Rehandled, Ratings: []string{"基本满意"}},  // latest verdict of a re-handled one
		{Status: proposal.Answered, Ratings: []string{"很好", ""}}, // not a verdict: ignored
	}}
	r := Compute(in)
	// (1 满意 + 2 基本满意) / 4 returned = 75.0%; 不满意 1 (25.0%).
	checkFigures(t, []figure{
		{"满意", r.Satisfied, 1},
		{"基本满意", r.Basic, 2},
		{"不满意", r.Unsatisfied, 1},
		{"返回评价", r.Evaluations, 4},
		{"满意率", r.SatisfactionRate, "75.0%"},
	})
	checkTable(t, "评价", r.Verdicts, 4, []string{"满意 1 25.0%", "基本满意 2 50.0%", "不满意 1 25.0%"}, "")
}

// TestUnknownLabels: labels outside the configured lists follow them,
// largest first; empty ones come last as 未注明.
func TestUnknownLabels(t *testing.T) {
	in := Input{Categories: []string{"经济建设", "社会建设"}, Items: []Item{
		{Status: proposal.Filed, Category: "经济建设", ProposerType: "委员个人", Kind: "大会提案"},
		{Status: proposal.Filed, Category: "交通", ProposerType: "", Kind: ""},
		{Status: proposal.Filed, Category: "文化旅游", ProposerType: "工商联", Kind: "平时提案"},
		{Status: proposal.Filed, Category: "文化旅游", ProposerType: "委员联名", Kind: "平时提案"},
		{Status: proposal.Filed, Category: " ", ProposerType: "委员个人", Kind: "大会提案"},
	}}
	r := Compute(in)
	// Of 5: 1 → 20.0, 0, 2 → 40.0, 1 → 20.0, 1 → 20.0.
	checkTable(t, "类别", r.Categories, 5, []string{
		"经济建设 1 20.0%", "社会建设 0 0.0%", "文化旅游 2 40.0%", "交通 1 20.0%", "未注明 1 20.0%",
	}, "")
	// An unknown type is an organisation (集体); an empty one is 未注明.
	checkTable(t, "委员与集体", r.ProposerGroups, 5, []string{
		"委员个人 2 40.0%", "委员联名 1 20.0%", "集体 1 20.0%", "未注明 1 20.0%",
	}, "")
	checkTable(t, "大会与平时", r.Kinds, 5, []string{"大会提案 2 40.0%", "平时提案 2 40.0%", "未注明 1 20.0%"}, "")
}

func ExampleCompute() {
	in := Input{Members: 40, Categories: []string{"经济建设", "社会建设"}, Classes: []string{"A", "B", "C"}}
	for i := range 8 {
		in.Items = append(in.Items, Item{
			Status:    proposal.Answered,
			Category:  []string{"经济建设", "社会建设"}[i%2],
			Class:     []string{"A", "A", "B", "C"}[i%4],
			Ratings:   []string{"满意"},
			PersonIDs: []int64{int64(i%5 + 1)},
		})
	}
	in.Items = append(in.Items, Item{Status: proposal.Merged}, Item{Status: proposal.Rejected, Disposition: "转社情民意"})
	r := Compute(in)
	fmt.Printf("共收到提案%d件，经审查立案%d件（立案率%s），并案%d件。\n", r.Received, r.Filed, r.FiledRate, r.Merged)
	for _, row := range r.Classes.Rows {
		fmt.Printf("%s类%d件，占%s；", row.Label, row.N, row.Share)
	}
	fmt.Println()
	fmt.Printf("办复率%s，满意率%s，委员提案参与率%s。\n", r.AnswerRate, r.SatisfactionRate, r.ParticipationRate)
	// Output:
	// 共收到提案10件，经审查立案8件（立案率80.0%），并案1件。
	// A类4件，占50.0%；B类2件，占25.0%；C类2件，占25.0%；
	// 办复率100.0%，满意率100.0%，委员提案参与率12.5%。
}
