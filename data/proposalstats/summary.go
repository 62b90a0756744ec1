package proposalstats

import (
	"fmt"
	"strings"
)

// Summary writes the figures as the paragraph a 提案工作情况报告 prints,
// e.g. "本次会议共收到提案186件，经审查立案172件，立案率92.5%……". scope
// names what the report covers ("本次会议", "本届以来", "2025年"). Parts
// with nothing to say are left out; shares whose printed values do not add
// up to 100 % carry the note saying so.
func (r Report) Summary(scope string) string {
	if r.Received == 0 {
		return scope + "尚未收到提案。"
	}
	var parts []string
	add := func(format string, a ...any) { parts = append(parts, fmt.Sprintf(format, a...)) }

	s := fmt.Sprintf("%s共收到提案%d件", scope, r.Received)
	if groups := nonZero(r.ProposerGroups, "", true); groups != "" {
		s += "，其中" + groups
	}
	parts = append(parts, s)
	s = fmt.Sprintf("经审查立案%d件，立案率%s", r.Filed, r.FiledRate)
	if r.Merged > 0 {
		s += fmt.Sprintf("；并案处理%d件", r.Merged)
	}
	if r.Withdrawn > 0 {
		s += fmt.Sprintf("；撤案%d件", r.Withdrawn)
	}
	if r.Rejected > 0 {
		s += fmt.Sprintf("；不予立案%d件（%s）", r.Rejected, nonZero(r.Dispositions, "", false))
	}
	if r.Pending > 0 {
		s += fmt.Sprintf("；尚在审查%d件", r.Pending)
	}
	parts = append(parts, s)
	if cats := nonZero(r.Categories, "", true); cats != "" {
		add("立案提案中，%s", cats)
	}
	if r.Assigned > 0 {
		add("立案提案已交办%d件，由%d个承办单位办理（主办单位%d个）", r.Assigned, r.Units, r.LeadUnits)
		s = fmt.Sprintf("已答复%d件，办复率%s；办结%d件，办结率%s", r.Answered, r.AnswerRate, r.Closed, r.CloseRate)
		if r.Overdue > 0 {
			s += fmt.Sprintf("；超期未复%d件", r.Overdue)
		}
		parts = append(parts, s)
	}
	if classes := nonZero(r.Classes, "类", true); classes != "" {
		add("答复中，%s", classes)
	}
	if r.Evaluations > 0 {
		add("收回委员评价%d份，满意%d份、基本满意%d份、不满意%d份，满意率%s",
			r.Evaluations, r.Satisfied, r.Basic, r.Unsatisfied, r.SatisfactionRate)
	}
	if r.Members > 0 {
		add("%d名委员参与提出提案，委员提案参与率%s", r.Participants, r.ParticipationRate)
	}
	if r.Key > 0 || r.Excellent > 0 {
		add("重点提案%d件，优秀提案%d件", r.Key, r.Excellent)
	}
	out := strings.Join(parts, "。") + "。"
	for _, t := range []Table{r.Categories, r.Classes} {
		if note := t.SumNote(); note != "" {
			out += "（" + note + "）"
			break
		}
	}
	return out
}

// nonZero lists a table's rows with a count, e.g. "社会建设62件，占35.4%"
// (or "转社情民意3件" without shares), the label followed by suffix.
func nonZero(t Table, suffix string, shares bool) string {
	var items []string
	for _, row := range t.Rows {
		switch {
		case row.N == 0:
		case shares:
			items = append(items, fmt.Sprintf("%s%s%d件，占%s", row.Label, suffix, row.N, row.Share))
		default:
			items = append(items, fmt.Sprintf("%s%s%d件", row.Label, suffix, row.N))
		}
	}
	if shares {
		return strings.Join(items, "；")
	}
	return strings.Join(items, "、")
}
