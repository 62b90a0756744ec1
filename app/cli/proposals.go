package cli

import (
	"fmt"
	"strings"

	"zhengxie/data"
	"zhengxie/export/sheet"
)

// exportProposals runs "export ledger" and "export units": the 提案台账 or
// the 承办单位办理情况统计表 of one session of a term (sessionNo, its number
// within the term), or of the whole term when sessionNo is 0.
func exportProposals(env Env, s *data.Store, what, path string, t data.Term, sessionNo int) error {
	session, err := sessionByNumber(env, s, t, sessionNo)
	if err != nil {
		return err
	}
	scope, filter := t.TermName(), data.ProposalFilter{TermID: t.ID}
	var sessionID int64
	if session != nil {
		scope += session.SessionName()
		sessionID, filter.SessionID = session.ID, session.ID
	}
	if what == "ledger" {
		ps, err := s.ListProposals(env.Ctx, filter)
		if err != nil {
			return err
		}
		if err := sheet.LedgerFile(env.Ctx, s, path, t.ID, sessionID); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "已导出%s提案台账，共 %d 件：%s\n", scope, len(ps), path)
		return nil
	}
	today := s.Now().Format("2006-01-02")
	stats, err := s.UnitStats(env.Ctx, filter, today)
	if err != nil {
		return err
	}
	if err := sheet.UnitSheetFile(env.Ctx, s, path, t.ID, sessionID, today); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "已导出%s承办单位办理情况统计表，共 %d 个承办单位：%s\n", scope, len(stats), path)
	return nil
}

// sessionByNumber finds a term's session by its number; nil for 0. An
// unknown number is refused with the sessions the term has.
func sessionByNumber(env Env, s *data.Store, t data.Term, number int) (*data.Session, error) {
	if number < 0 {
		return nil, usageError{"--session 应为会次的数字，如 5 表示第五次会议"}
	}
	if number == 0 {
		return nil, nil
	}
	sessions, err := s.ListSessions(env.Ctx, t.ID)
	if err != nil {
		return nil, err
	}
	var names []string
	for i := range sessions {
		if sessions[i].Number == number {
			return &sessions[i], nil
		}
		names = append(names, fmt.Sprintf("%d（%s）", sessions[i].Number, sessions[i].SessionName()))
	}
	missing := fmt.Sprintf("%s没有第%s次会议", t.TermName(), data.ChineseNumber(number))
	if len(names) == 0 {
		return nil, data.UserErr(fmt.Sprintf("%s：本届还没有登记任何会议。请先运行 zhengxie session add --number %d --date 年-月-日 添加，"+
			"或在窗口程序的“设置 → 届次与会议”中添加。", missing, number))
	}
	return nil, data.UserErr(fmt.Sprintf("%s。本届已有的会次：%s。如需新增，运行 zhengxie session add --number %d --date 年-月-日。",
		missing, strings.Join(names, "、"), number))
}
