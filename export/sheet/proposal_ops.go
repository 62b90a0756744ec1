package sheet

import (
	"context"
	"fmt"
	"io"

	"zhengxie/data"
	"zhengxie/data/proposal"
	"zhengxie/data/savefile"
)

// The whole-file 提案 exports the GUI and the command line share.

// proposalScope is what a proposal export covers: the committee, the
// term, the term's sessions and the chosen one (nil for the whole term).
type proposalScope struct {
	committee data.Committee
	term      data.Term
	sessions  []data.Session
	session   *data.Session
}

func (sc proposalScope) filter() data.ProposalFilter {
	f := data.ProposalFilter{TermID: sc.term.ID}
	if sc.session != nil {
		f.SessionID = sc.session.ID
	}
	return f
}

// loadScope reads a term and, unless sessionID is 0, one of its sessions.
func loadScope(ctx context.Context, s *data.Store, termID, sessionID int64) (proposalScope, error) {
	var sc proposalScope
	var err error
	if sc.committee, err = s.GetCommittee(ctx); err != nil {
		return sc, err
	}
	if sc.term, err = s.GetTerm(ctx, termID); err != nil {
		return sc, err
	}
	if sc.sessions, err = s.ListSessions(ctx, termID); err != nil {
		return sc, err
	}
	if sessionID == 0 {
		return sc, nil
	}
	for i := range sc.sessions {
		if sc.sessions[i].ID == sessionID {
			sc.session = &sc.sessions[i]
			return sc, nil
		}
	}
	return sc, data.UserErr(fmt.Sprintf("所选会次不属于%s，请重新选择", sc.term.TermName()))
}

// LedgerFile writes the 提案台账 of a session (or of the whole term when
// sessionID is 0) to path.
func LedgerFile(ctx context.Context, s *data.Store, path string, termID, sessionID int64) error {
	sc, err := loadScope(ctx, s, termID, sessionID)
	if err != nil {
		return err
	}
	ps, err := s.ListProposals(ctx, sc.filter())
	if err != nil {
		return err
	}
	cfg, err := s.ProposalConfig(ctx)
	if err != nil {
		return err
	}
	doc := LedgerDoc{Committee: sc.committee, Term: sc.term, Session: sc.session, Sessions: sc.sessions,
		Proposals: ps, Config: cfg, Now: s.Now()}
	return savefile.Write(path, func(w io.Writer) error { return WriteLedger(w, doc) })
}

// UnitSheetFile writes the 承办单位办理情况统计表 of a session (or of the
// whole term when sessionID is 0) to path; today (YYYY-MM-DD, "" for the
// store's today) decides what is overdue and is the 统计日期.
func UnitSheetFile(ctx context.Context, s *data.Store, path string, termID, sessionID int64, today string) error {
	sc, err := loadScope(ctx, s, termID, sessionID)
	if err != nil {
		return err
	}
	if today == "" {
		today = s.Now().Format("2006-01-02")
	}
	day, ok := proposal.ParseDate(today)
	if !ok {
		return data.UserErr(fmt.Sprintf("统计日期“%s”无效，应为 YYYY-MM-DD 格式", today))
	}
	stats, err := s.UnitStats(ctx, sc.filter(), today)
	if err != nil {
		return err
	}
	cfg, err := s.ProposalConfig(ctx)
	if err != nil {
		return err
	}
	doc := UnitSheetDoc{Title: UnitSheetTitle(sc.committee, sc.term, sc.session), Date: "统计日期：" + data.ChineseDate(day),
		Classes: cfg.Classes, Stats: stats}
	return savefile.Write(path, func(w io.Writer) error { return WriteUnitSheet(w, doc) })
}
