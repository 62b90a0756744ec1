package cli

import (
	"flag"
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/data/proposalstats"
)

// runStats prints the proposal figures of a session or a whole term: the
// report paragraph, then every table (类别, 办理结果 …) with counts and
// shares — the same figures as the 统计 tab.
func runStats(env Env, s *data.Store, args []string) error {
	fs := flag.NewFlagSet("stats", flag.ContinueOnError)
	termNo := fs.Int("term", 0, "")
	sessionNo := fs.Int("session", 0, "")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "proposals" {
		return usageError{"用法：zhengxie stats proposals [--term N] [--session N]"}
	}
	t, err := term(env, s, *termNo)
	if err != nil {
		return err
	}
	session, err := sessionByNumber(env, s, t, *sessionNo)
	if err != nil {
		return err
	}
	f := data.ProposalFilter{TermID: t.ID}
	scope, since := t.TermName(), "本届以来"
	if session != nil {
		f.SessionID = session.ID
		scope, since = t.TermName()+session.SessionName(), session.SessionName()+"以来"
	}
	r, err := s.ProposalStats(env.Ctx, f, s.Now().Format("2006-01-02"))
	if err != nil {
		return err
	}
	w := env.Stdout
	fmt.Fprintf(w, "%s提案统计（截至 %s）\n\n%s\n", scope, s.Now().Format("2006-01-02"), r.Summary(since))
	for _, tb := range []struct {
		title  string
		table  proposalstats.Table
		suffix string
	}{
		{"审查结果", r.Outcomes, ""}, {"提案者性质", r.ProposerTypes, ""}, {"提案类型", r.Kinds, ""},
		{"立案提案类别", r.Categories, ""}, {"办理结果", r.Classes, "类"}, {"委员评价", r.Verdicts, ""},
	} {
		fmt.Fprintf(w, "\n%s（共 %d）\n", tb.title, tb.table.Total)
		for _, row := range tb.table.Rows {
			fmt.Fprintf(w, "  %s\t%d\t%s\n", row.Label+tb.suffix, row.N, row.Share)
		}
		if note := tb.table.SumNote(); note != "" {
			fmt.Fprintln(w, "  "+note)
		}
	}
	fmt.Fprintln(w, "\n"+strings.Repeat("—", 20))
	fmt.Fprintf(w, "立案率 %s　办复率 %s　办结率 %s　满意率 %s　委员提案参与率 %s（%d / %d）\n",
		r.FiledRate, r.AnswerRate, r.CloseRate, r.SatisfactionRate, r.ParticipationRate, r.Participants, r.Members)
	return nil
}
