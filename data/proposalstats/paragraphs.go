package proposalstats

import (
	"fmt"
	"strings"
)

// Paragraphs are the figures of a 提案工作情况报告 split into the
// paragraphs of its 基本情况 section (shared/domain.md §4.2), in the words
// reports use. Like Summary they print only Report's own counts and
// shares; a paragraph with nothing to say is "".
type Paragraphs struct {
	Submission string // 收到, by proposer group and kind; 立案, 立案率, 并案, 撤案, 不予立案 by 去向
	Categories string // 立案 by 类别 with shares
	Handling   string // 交办 to how many units; 办复率, 办结率; result classes
	Evaluation string // 征询意见表 returned, verdicts, 满意率; 参与率
	Key        string // 重点提案 and 优秀提案 counts
}

// Paragraphs writes the report's paragraphs; scope names the period as in
// Summary ("十一届四次会议以来", "2025年"); level is the committee's level
// (县, 区, 市: data.CommitteeLevel) for "由县领导领衔督办". classLabel gives the
// wording of a class code (e.g. A → 所提问题已经解决或基本解决), or nil for
// the code.
func (r Report) Paragraphs(scope, level string, classLabel func(string) string) Paragraphs {
	if r.Received == 0 {
		return Paragraphs{Submission: scope + "尚未收到提案。"}
	}
	return Paragraphs{
		Submission: r.submission(scope),
		Categories: r.categories(),
		Handling:   r.handling(classLabel),
		Evaluation: r.evaluation(),
		Key:        r.key(level),
	}
}

func (r Report) submission(scope string) string {
	s := fmt.Sprintf("%s，共收到委员和各参加单位提案%d件", scope, r.Received)
	if groups := nonZero(r.ProposerGroups, "提案", true); groups != "" {
		s += "。其中，" + groups
	}
	if kinds := nonZero(r.Kinds, "", false); kinds != "" {
		s += "；" + kinds
	}
	s += fmt.Sprintf("。经提案委员会审查，立案%d件，立案率%s", r.Filed, r.FiledRate)
	if r.Merged > 0 {
		s += fmt.Sprintf("；内容相近、作并案处理的%d件", r.Merged)
	}
	if r.Withdrawn > 0 {
		s += fmt.Sprintf("；提案人撤回%d件", r.Withdrawn)
	}
	if r.Rejected > 0 {
		s += fmt.Sprintf("；不予立案%d件（%s）", r.Rejected, nonZero(r.Dispositions, "", false))
	}
	if r.Pending > 0 {
		s += fmt.Sprintf("；尚在审查%d件", r.Pending)
	}
	return s + "。"
}

func (r Report) categories() string {
	cats := nonZero(r.Categories, "方面", true)
	if cats == "" {
		return ""
	}
	s := "从立案提案的内容看，" + cats + "。"
	if note := r.Categories.SumNote(); note != "" {
		s += "（" + note + "）"
	}
	return s
}

func (r Report) handling(classLabel func(string) string) string {
	if r.Assigned == 0 {
		return ""
	}
	s := fmt.Sprintf("按照“分级负责、归口办理”的原则，立案提案已交办%d件，由%d个承办单位办理，其中主办单位%d个。", r.Assigned, r.Units, r.LeadUnits)
	s += fmt.Sprintf("截至目前，已答复%d件，办复率%s；已办结%d件，办结率%s", r.Answered, r.AnswerRate, r.Closed, r.CloseRate)
	if r.Overdue > 0 {
		s += fmt.Sprintf("；超过办理期限尚未答复%d件，正在督促办理", r.Overdue)
	}
	s += "。"
	var parts []string
	for _, row := range r.Classes.Rows {
		if row.N == 0 {
			continue
		}
		label := row.Label + "类"
		if classLabel != nil {
			if l := classLabel(row.Label); l != "" && l != row.Label {
				label = l + "的（" + row.Label + "类）"
			}
		}
		parts = append(parts, fmt.Sprintf("%s%d件，占%s", label, row.N, row.Share))
	}
	if len(parts) > 0 {
		s += "从办理结果看，" + strings.Join(parts, "；") + "。"
		if note := r.Classes.SumNote(); note != "" {
			s += "（" + note + "）"
		}
	}
	return s
}

func (r Report) evaluation() string {
	var s string
	if r.Evaluations > 0 {
		s = fmt.Sprintf("收回提案办理情况征询意见表%d份，其中满意%d份、基本满意%d份、不满意%d份，满意率%s。",
			r.Evaluations, r.Satisfied, r.Basic, r.Unsatisfied, r.SatisfactionRate)
	}
	if r.Members > 0 && r.Participants > 0 {
		s += fmt.Sprintf("共有%d名委员参与提出提案，委员提案参与率%s。", r.Participants, r.ParticipationRate)
	}
	return s
}

// key says who leads the 重点提案's 督办 as the data has it: local leaders
// (由县领导), 政协 leaders (由政协领导), both, or — when no 督办领导 was
// entered — nothing.
func (r Report) key(level string) string {
	if r.Key == 0 && r.Excellent == 0 {
		return ""
	}
	var parts []string
	if r.Key > 0 {
		s := fmt.Sprintf("确定重点提案%d件", r.Key)
		var who string
		switch {
		case r.KeyByLocal > 0 && r.KeyByCPPCC > 0:
			who = level + "领导和政协领导"
		case r.KeyByLocal > 0:
			who = level + "领导"
		case r.KeyByCPPCC > 0:
			who = "政协领导"
		}
		switch {
		case who == "":
		case r.KeyLed == r.Key:
			s += "，由" + who + "领衔督办"
		default:
			s += fmt.Sprintf("，其中%d件由%s领衔督办", r.KeyLed, who)
		}
		parts = append(parts, s)
	}
	if r.Excellent > 0 {
		parts = append(parts, fmt.Sprintf("评选优秀提案%d件", r.Excellent))
	}
	return strings.Join(parts, "；") + "。"
}
