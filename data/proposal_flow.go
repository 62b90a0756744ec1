package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"zhengxie/data/proposal"
	"zhengxie/data/validate"
)

// Step is one workflow action on a proposal with what that action needs.
// Fields an action does not use are ignored.
type Step struct {
	Action proposal.Action
	Date   string // when the step took effect (YYYY-MM-DD); today when empty
	Actor  string // the staff member recording it
	Note   string

	Reason      string       // 不予立案, 撤案, 延期, 退回, 重新审查
	Disposition string       // 不予立案: where it goes (config list)
	MasterID    int64        // 并案: the proposal it is merged into
	Mode        string       // 交办: proposal.ModeLead or ModeSplit
	Units       []Assignment // 交办: UnitID (or Unit name) and Role
	Deadline    string       // 交办 (default from settings), 延期, 再次办理
	Answer      Answer       // 登记答复
	Rating      Rating       // 登记评价
}

// Apply carries out one step in one transaction: it refuses actions not
// valid from the current state (*proposal.TransitionError, a Chinese
// sentence) and incomplete steps (ValidationErrors), and records a history
// row for every step it takes.
func (s *Store) Apply(ctx context.Context, id int64, st Step) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.apply(ctx, tx, id, st)
	})
}

// AssignOrder is one line of a 交办会 table.
type AssignOrder struct {
	ProposalID int64
	Mode       string
	Units      []Assignment
	Deadline   string // "" for the default
}

// BulkAssign 交办s many proposals at once (a 交办会 assigns 100+ in one
// sitting). It is all or nothing: the first problem is returned with the
// proposal's 案号 and nothing is saved.
func (s *Store) BulkAssign(ctx context.Context, orders []AssignOrder, date, actor string) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		cfg, err := s.proposalConfigTx(ctx, tx)
		if err != nil {
			return err
		}
		for _, o := range orders {
			st := Step{Action: proposal.ActAssign, Date: date, Actor: actor, Mode: o.Mode, Units: o.Units, Deadline: o.Deadline}
			if err := s.apply(ctx, tx, o.ProposalID, st); err != nil {
				var number int
				tx.QueryRowContext(ctx, "SELECT number FROM proposal WHERE id = ?", o.ProposalID).Scan(&number)
				return UserErrf(err, "%s提案：%s", cfg.FormatNumber(number), UserMessage(err))
			}
		}
		return nil
	})
}

func (s *Store) apply(ctx context.Context, tx *sql.Tx, id int64, st Step) error {
	p, err := s.getProposal(ctx, tx, id)
	if err != nil {
		return err
	}
	if p.Deleted {
		return Invalid("提案", "该提案在回收站中，请先恢复")
	}
	next, err := proposal.Next(p.Status, st.Action)
	if err != nil {
		return userSentence(err)
	}
	if st.Date == "" {
		st.Date = s.Now().Format("2006-01-02")
	} else if v, err := validate.Date(st.Date); err == nil && IsDate(v) {
		st.Date = v
	} else {
		return Invalid("日期", "应为 YYYY-MM-DD 格式的日期")
	}
	st.Reason, st.Note = strings.TrimSpace(st.Reason), strings.TrimSpace(st.Note)
	cfg, err := s.proposalConfigTx(ctx, tx)
	if err != nil {
		return err
	}
	f := flow{s: s, ctx: ctx, tx: tx, p: &p, st: &st, cfg: cfg, next: next}
	var note string
	switch st.Action {
	case proposal.ActReview, proposal.ActFile, proposal.ActClose:
		note = st.Note
	case proposal.ActReject:
		note, err = f.reject()
	case proposal.ActMerge:
		note, err = f.merge()
	case proposal.ActWithdraw:
		note, err = f.withdraw()
	case proposal.ActAssign:
		note, err = f.assign()
	case proposal.ActReturn:
		note, err = f.giveBack()
	case proposal.ActExtend:
		note, err = f.extend()
	case proposal.ActAnswer:
		note, err = f.answer()
	case proposal.ActRate:
		note, err = f.rate()
	case proposal.ActRehandle:
		note, err = f.rehandle()
	case proposal.ActReopen:
		note, err = f.reopen()
	}
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "UPDATE proposal SET status = ?, updated_at = ? WHERE id = ?",
		string(f.next), s.Now().Format(time.RFC3339), id); err != nil {
		return fmt.Errorf("update proposal status: %w", err)
	}
	if st.Note != "" && note != st.Note {
		note = joinNote(note, st.Note)
	}
	if err := s.addEvent(ctx, tx, id, st.Date, string(st.Action), p.Status, f.next, st.Actor, note); err != nil {
		return err
	}
	return s.audit(ctx, tx, string(st.Action), "提案", id, fmt.Sprintf("%d号 %s，状态由“%s”变为“%s”", p.Number, st.Action, p.Status, f.next))
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	if b == "" {
		return a
	}
	return a + "；" + b
}

// flow holds one step being applied.
type flow struct {
	s    *Store
	ctx  context.Context
	tx   *sql.Tx
	p    *Proposal
	st   *Step
	cfg  proposal.Config
	next proposal.Status
}

func (f *flow) exec(q string, args ...any) error {
	_, err := f.tx.ExecContext(f.ctx, q, args...)
	return err
}

func (f *flow) reject() (string, error) {
	var errs ValidationErrors
	if f.st.Reason == "" {
		errs = append(errs, &ValidationError{"不予立案理由", "请选择或填写理由"})
	}
	if !proposal.Has(f.cfg.Dispositions, f.st.Disposition) {
		errs = append(errs, &ValidationError{"去向", "请选择" + strings.Join(f.cfg.Dispositions, "、") + "之一"})
	}
	if len(errs) > 0 {
		return "", errs
	}
	if err := f.exec("UPDATE proposal SET reject_reason = ?, disposition = ? WHERE id = ?", f.st.Reason, f.st.Disposition, f.p.ID); err != nil {
		return "", err
	}
	if f.st.Disposition == proposalToInfoDisp {
		if err := f.toInfo(); err != nil {
			return "", err
		}
	}
	return "理由：" + f.st.Reason + "；去向：" + f.st.Disposition, nil
}

// toInfo registers a proposal turned into a 社情民意 as an info record
// (source 提案转来, linked, the proposers as authors) unless one exists.
func (f *flow) toInfo() error {
	var n int
	if err := f.tx.QueryRowContext(f.ctx, "SELECT count(*) FROM activity WHERE proposal_id = ? AND deleted_at IS NULL",
		f.p.ID).Scan(&n); err != nil || n > 0 {
		return err
	}
	date := f.st.Date
	if date == "" {
		date = f.s.Now().Format(time.DateOnly)
	}
	a := Activity{TermID: f.p.TermID, Kind: ActInfo, Title: f.p.Title, Date: date, Source: SourceFromProposal,
		ProposalID: f.p.ID, Counted: true, EnteredBy: f.st.Actor,
		Note: "由" + f.cfg.FormatNumber(f.p.Number) + "号提案转来"}
	for _, p := range f.p.Proposers {
		a.Members = append(a.Members, Attendee{MembershipID: p.MembershipID, Name: p.Name})
	}
	return f.s.createActivity(f.ctx, f.tx, &a)
}

func (f *flow) merge() (string, error) {
	if f.st.MasterID == 0 || f.st.MasterID == f.p.ID {
		return "", Invalid("主提案", "请选择要并入的另一件提案")
	}
	m, err := f.s.getProposal(f.ctx, f.tx, f.st.MasterID)
	if err != nil || m.Deleted {
		return "", Invalid("主提案", "所选主提案不存在")
	}
	if m.SessionID != f.p.SessionID {
		return "", Invalid("主提案", "只能并入同一次会议的提案")
	}
	switch m.Status {
	case proposal.Rejected, proposal.Merged, proposal.Withdrawn:
		return "", Invalid("主提案", fmt.Sprintf("%s提案状态为“%s”，不能作为主提案", f.cfg.FormatNumber(m.Number), m.Status))
	}
	return fmt.Sprintf("并入%s提案《%s》", f.cfg.FormatNumber(m.Number), m.Title),
		f.exec("UPDATE proposal SET merged_into = ? WHERE id = ?", m.ID, f.p.ID)
}

func (f *flow) withdraw() (string, error) {
	if f.st.Reason == "" {
		return "", Invalid("撤案理由", "请填写撤案理由")
	}
	if f.p.Status == proposal.Handling {
		if err := f.exec("DELETE FROM assignment WHERE proposal_id = ?", f.p.ID); err != nil {
			return "", err
		}
	}
	return "理由：" + f.st.Reason,
		f.exec("UPDATE proposal SET withdraw_reason = ?, withdraw_date = ? WHERE id = ?", f.st.Reason, f.st.Date, f.p.ID)
}

func (f *flow) assign() (string, error) {
	units, err := f.checkUnits()
	if err != nil {
		return "", err
	}
	deadline := f.st.Deadline
	if deadline == "" {
		deadline = proposal.AddMonths(f.st.Date, f.cfg.DeadlineMonths)
	} else if v, err := validate.Date(deadline); err == nil {
		deadline = v
	}
	if err := f.checkDeadline(deadline, f.st.Date); err != nil {
		return "", err
	}
	if err := f.exec("DELETE FROM assignment WHERE proposal_id = ?", f.p.ID); err != nil {
		return "", err
	}
	var names []string
	for _, u := range units {
		if err := f.exec("INSERT INTO assignment(proposal_id, unit_id, role) VALUES (?, ?, ?)", f.p.ID, u.UnitID, u.Role); err != nil {
			return "", fmt.Errorf("assign unit: %w", err)
		}
		names = append(names, u.Role+"："+u.Unit)
	}
	err = f.exec("UPDATE proposal SET assign_mode = ?, assigned_date = ?, deadline = ? WHERE id = ?",
		f.st.Mode, f.st.Date, deadline, f.p.ID)
	return strings.Join(names, "；") + "；办理期限：" + deadline, err
}

// checkUnits resolves the units of a 交办 and checks their roles against the
// mode: one 主办 and any 会办, or at least two 分办.
func (f *flow) checkUnits() ([]Assignment, error) {
	if !proposal.Has(proposal.AssignModes, f.st.Mode) {
		return nil, Invalid("交办方式", "请选择“主办会办”或“分办”")
	}
	seen := map[int64]bool{}
	var out []Assignment
	lead := 0
	for _, u := range f.st.Units {
		if u.UnitID == 0 {
			id, err := f.s.unitByName(f.ctx, f.tx, u.Unit, false)
			if err != nil {
				return nil, err
			}
			u.UnitID = id
		}
		if err := f.tx.QueryRowContext(f.ctx, "SELECT name FROM unit WHERE id = ?", u.UnitID).Scan(&u.Unit); err != nil {
			return nil, Invalid("承办单位", "所选单位不存在")
		}
		if seen[u.UnitID] {
			return nil, Invalid("承办单位", fmt.Sprintf("“%s”重复选择", u.Unit))
		}
		seen[u.UnitID] = true
		if f.st.Mode == proposal.ModeSplit {
			u.Role = proposal.RoleSplit
		} else if u.Role != proposal.RoleLead {
			u.Role = proposal.RoleCo
		}
		if u.Role == proposal.RoleLead {
			lead++
		}
		out = append(out, u)
	}
	switch {
	case len(out) == 0:
		return nil, Invalid("承办单位", "请选择承办单位")
	case f.st.Mode == proposal.ModeLead && lead != 1:
		return nil, Invalid("主办单位", fmt.Sprintf("应有且只有一个主办单位，现有 %d 个", lead))
	case f.st.Mode == proposal.ModeSplit && len(out) < 2:
		return nil, Invalid("分办单位", "分办至少需要两个单位；只有一个单位时请选“主办会办”")
	}
	return out, nil
}

// checkDeadline keeps a deadline after the step's date and within the
// maximum handling time from 交办.
func (f *flow) checkDeadline(deadline, assigned string) error {
	if !IsDate(deadline) {
		return Invalid("办理期限", "应为 YYYY-MM-DD 格式的日期")
	}
	if deadline <= f.st.Date {
		return Invalid("办理期限", "应晚于"+f.st.Date)
	}
	if max := proposal.AddMonths(assigned, f.cfg.MaxMonths); deadline > max {
		return Invalid("办理期限", fmt.Sprintf("不能超过交办后 %d 个月（%s）", f.cfg.MaxMonths, max))
	}
	return nil
}

func (f *flow) giveBack() (string, error) {
	if f.st.Reason == "" {
		return "", Invalid("退回理由", "请填写退回理由")
	}
	if n := f.cfg.ReturnDays; n > 0 {
		if days := proposal.WorkingDaysBetween(f.p.AssignedDate, f.st.Date); days > n {
			return "", Invalid("退回日期", fmt.Sprintf("交办于 %s，已过 %d 个工作日，超过退回时限（%d 个工作日），不能退回", f.p.AssignedDate, days, n))
		}
	}
	var answered int
	if err := f.tx.QueryRowContext(f.ctx, "SELECT count(*) FROM answer WHERE proposal_id = ?", f.p.ID).Scan(&answered); err != nil {
		return "", err
	}
	if answered > 0 {
		return "", Invalid("退回", "已有单位答复，不能退回重新交办")
	}
	note := "原承办：" + f.p.UnitNames("") + "；理由：" + f.st.Reason
	if err := f.exec("DELETE FROM assignment WHERE proposal_id = ?", f.p.ID); err != nil {
		return "", err
	}
	return note, f.exec("UPDATE proposal SET assign_mode = '', assigned_date = '', deadline = '' WHERE id = ?", f.p.ID)
}

func (f *flow) extend() (string, error) {
	if f.st.Reason == "" {
		return "", Invalid("延期理由", "请填写延期理由")
	}
	d := f.st.Deadline
	if v, err := validate.Date(d); err == nil {
		d = v
	}
	if d <= f.p.Deadline {
		return "", Invalid("办理期限", "新的期限应晚于原期限 "+f.p.Deadline)
	}
	if err := f.checkDeadline(d, f.p.AssignedDate); err != nil {
		return "", err
	}
	return fmt.Sprintf("期限由 %s 延至 %s；理由：%s", f.p.Deadline, d, f.st.Reason),
		f.exec("UPDATE proposal SET deadline = ? WHERE id = ?", d, f.p.ID)
}

func (f *flow) reopen() (string, error) {
	if f.st.Reason == "" {
		return "", Invalid("理由", "请填写重新审查的理由")
	}
	return fmt.Sprintf("撤销“%s”；理由：%s", f.p.Status, f.st.Reason),
		f.exec(`UPDATE proposal SET reject_reason = '', disposition = '', merged_into = NULL,
			withdraw_reason = '', withdraw_date = '' WHERE id = ?`, f.p.ID)
}
