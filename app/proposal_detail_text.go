package app

// The texts of the proposal detail pane: facts, answers, ratings, history.

import (
	"fmt"
	"strings"

	"zhengxie/data/proposal"
)

// infoMarkdown is the 基本信息 tab: every field that has a value.
func (d *proposalDetail) infoMarkdown() string {
	p := d.p
	var b strings.Builder
	line := func(label, value string) {
		if value != "" {
			fmt.Fprintf(&b, "**%s**：%s\n\n", label, mdEscape(value))
		}
	}
	line("状态", string(p.Status))
	line("会次", d.sessionText())
	line("类别", p.Category)
	line("提案类型", p.Kind)
	line("提交日期", p.Submitted)
	line("提案者性质", p.ProposerType)
	line("提案人", proposerList(p))
	line("所属界别", p.Sector)
	line("建议承办单位", p.SuggestedUnit)
	line("录入人", p.EnteredBy)
	switch p.Status {
	case proposal.Rejected:
		line("不予立案理由", p.RejectReason)
		line("去向", p.Disposition)
	case proposal.Merged:
		line("并入", d.master)
	case proposal.Withdrawn:
		line("撤案", strings.TrimSpace(p.WithdrawDate+" "+p.WithdrawReason))
	}
	if len(p.Units) > 0 {
		b.WriteString("---\n\n")
		line("交办", strings.TrimSpace(p.AssignedDate+"（"+p.AssignMode+"）"))
		line("主办单位", p.UnitNames(proposal.RoleLead))
		line("会办单位", p.UnitNames(proposal.RoleCo))
		line("分办单位", p.UnitNames(proposal.RoleSplit))
		line("办理期限", deadlineText(p, d.l.ps.today()))
	}
	d.answerLines(&b)
	d.ratingLines(&b)
	if p.KeyTier != "" {
		tier := p.KeyTier
		if p.KeyLeader != "" {
			tier += "（督办领导：" + p.KeyLeader + "）"
		}
		line("重点提案", tier)
	}
	if p.ExcellentYear != 0 {
		line("优秀提案", fmt.Sprintf("%d 年度%s", p.ExcellentYear, orDefaultText(p.ExcellentAward, "优秀提案")))
	}
	line("是否公开", map[bool]string{true: "公开", false: "不公开"}[p.Public])
	line("落实情况", p.Implementation)
	line("备注", p.Note)
	return b.String()
}

func (d *proposalDetail) sessionText() string {
	for _, s := range d.l.ps.sessions {
		if s.ID == d.p.SessionID {
			return d.l.ps.u.term.TermName() + s.SessionName()
		}
	}
	return ""
}

// answerLines lists the answers with their class wording.
func (d *proposalDetail) answerLines(b *strings.Builder) {
	if len(d.answers) == 0 {
		return
	}
	cfg := d.l.ps.cfg
	b.WriteString("**答复**\n\n")
	for _, a := range d.answers {
		parts := []string{fmt.Sprintf("第%d次", a.Round), a.Unit, a.Date}
		if a.Class != "" {
			parts = append(parts, a.Class+" 类（"+cfg.ClassLabel(a.Class)+"）")
		} else {
			parts = append(parts, "会办意见")
		}
		if a.DocNo != "" {
			parts = append(parts, "文号 "+a.DocNo)
		}
		if a.Contact != "" || a.Phone != "" {
			parts = append(parts, strings.TrimSpace("联系人 "+a.Contact+" "+a.Phone))
		}
		if a.FaceToFace {
			parts = append(parts, "已面商")
		}
		fmt.Fprintf(b, "· %s\n\n", mdEscape(strings.Join(parts, "　")))
	}
}

// ratingLines lists each proposer's verdict per round.
func (d *proposalDetail) ratingLines(b *strings.Builder) {
	if len(d.ratings) == 0 {
		return
	}
	b.WriteString("**满意度**\n\n")
	for _, x := range d.p.Proposers {
		var rounds []string
		for _, r := range d.ratings {
			if r.Seq != x.Seq {
				continue
			}
			v := fmt.Sprintf("第%d次 %s", r.Round, r.Verdict)
			for _, axis := range d.l.ps.cfg.RatingAxes {
				if r.Axes[axis] != "" {
					v += "，" + axis + " " + r.Axes[axis]
				}
			}
			rounds = append(rounds, v)
		}
		if len(rounds) == 0 {
			rounds = []string{"未评价"}
		}
		fmt.Fprintf(b, "· %s：%s\n\n", mdEscape(x.Name), mdEscape(strings.Join(rounds, "；")))
	}
}

// historyMarkdown is the timeline: date, action, from → to, who, note.
func (d *proposalDetail) historyMarkdown() string {
	if len(d.events) == 0 {
		return "尚无办理记录。"
	}
	var b strings.Builder
	for i, e := range d.events {
		if i > 0 {
			b.WriteString("---\n\n")
		}
		fmt.Fprintf(&b, "**%s　%s**", e.Date, mdEscape(e.Action))
		if e.To != "" && e.From != e.To {
			if e.From == "" {
				fmt.Fprintf(&b, "　→ %s", e.To)
			} else {
				fmt.Fprintf(&b, "　%s → %s", e.From, e.To)
			}
		}
		if e.Actor != "" {
			fmt.Fprintf(&b, "　经办：%s", mdEscape(e.Actor))
		}
		b.WriteString("\n\n")
		if e.Note != "" {
			fmt.Fprintf(&b, "%s\n\n", mdEscape(e.Note))
		}
	}
	return arrowText(b.String())
}
