package data

import (
	"fmt"
	"strings"

	"zhengxie/data/proposal"
	"zhengxie/data/validate"
)

// round is the current round of answers: 1, plus one per 再次办理.
func (f *flow) round() (int, error) {
	var n int
	err := f.tx.QueryRowContext(f.ctx, "SELECT count(*) FROM proposal_event WHERE proposal_id = ? AND action = ?",
		f.p.ID, string(proposal.ActRehandle)).Scan(&n)
	return n + 1, err
}

func (f *flow) answer() (string, error) {
	a := f.st.Answer
	var role string
	for _, u := range f.p.Units {
		if u.UnitID == a.UnitID {
			role, a.Unit = u.Role, u.Unit
		}
	}
	var errs ValidationErrors
	if role == "" {
		errs = append(errs, &ValidationError{"答复单位", "请选择承办本提案的单位"})
	}
	if v, err := validate.Date(a.Date); err == nil {
		a.Date = v
	}
	if !IsDate(a.Date) {
		errs = append(errs, &ValidationError{"答复日期", "应为 YYYY-MM-DD 格式的日期"})
	} else if a.Date < f.p.AssignedDate {
		errs = append(errs, &ValidationError{"答复日期", "不能早于交办日期 " + f.p.AssignedDate})
	}
	if role == proposal.RoleCo {
		a.Class = ""
	} else if role != "" && !proposal.Has(f.cfg.ClassCodes(), a.Class) {
		errs = append(errs, &ValidationError{"办理结果", "请选择" + strings.Join(f.cfg.ClassCodes(), "、") + "类之一"})
	}
	if len(errs) > 0 {
		return "", errs
	}
	round, err := f.round()
	if err != nil {
		return "", err
	}
	a.DocNo, a.Contact, a.Phone = strings.TrimSpace(a.DocNo), strings.TrimSpace(a.Contact), strings.TrimSpace(a.Phone)
	if err := f.exec(`INSERT INTO answer(proposal_id, unit_id, round, date, doc_no, contact, phone, class, face_to_face, note)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(proposal_id, unit_id, round) DO UPDATE SET date = excluded.date, doc_no = excluded.doc_no,
		contact = excluded.contact, phone = excluded.phone, class = excluded.class, face_to_face = excluded.face_to_face,
		note = excluded.note`,
		f.p.ID, a.UnitID, round, a.Date, a.DocNo, a.Contact, a.Phone, a.Class, boolInt(a.FaceToFace), a.Note); err != nil {
		return "", fmt.Errorf("save answer: %w", err)
	}
	// The proposal is answered once every unit that owes an answer has one.
	var missing int
	if err := f.tx.QueryRowContext(f.ctx, `SELECT count(*) FROM assignment s WHERE s.proposal_id = ? AND s.role <> '会办'
		AND NOT EXISTS (SELECT 1 FROM answer a WHERE a.proposal_id = s.proposal_id AND a.unit_id = s.unit_id AND a.round = ?)`,
		f.p.ID, round).Scan(&missing); err != nil {
		return "", err
	}
	if missing > 0 {
		f.next = f.p.Status
	}
	note := a.Unit + map[bool]string{true: "会办意见", false: "答复"}[role == proposal.RoleCo]
	if round > 1 {
		note = fmt.Sprintf("第%d次%s", round, note)
	}
	if a.Class != "" {
		note += "，" + a.Class + "类"
	}
	if a.DocNo != "" {
		note += "，文号 " + a.DocNo
	}
	if a.FaceToFace {
		note += "，已面商"
	}
	if missing > 0 {
		note += fmt.Sprintf("（尚有 %d 个单位未答复）", missing)
	}
	f.st.Date = a.Date
	return note, nil
}

func (f *flow) rate() (string, error) {
	r := f.st.Rating
	name := ""
	for _, x := range f.p.Proposers {
		if x.Seq == r.Seq {
			name = x.Name
		}
	}
	var errs ValidationErrors
	if name == "" {
		errs = append(errs, &ValidationError{"提案人", "请选择提案人"})
	}
	if !proposal.Has(proposal.Ratings, r.Verdict) {
		errs = append(errs, &ValidationError{"满意度", "请选择满意、基本满意或不满意"})
	}
	for k, v := range r.Axes {
		if v != "" && !proposal.Has(proposal.Ratings, v) {
			errs = append(errs, &ValidationError{k, "请选择满意、基本满意或不满意"})
		}
	}
	if len(errs) > 0 {
		return "", errs
	}
	round, err := f.round()
	if err != nil {
		return "", err
	}
	axes := formatAxes(f.cfg.RatingAxes, r.Axes)
	if err := f.exec(`INSERT INTO rating(proposal_id, seq, round, verdict, axes, date) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT(proposal_id, seq, round) DO UPDATE SET verdict = excluded.verdict, axes = excluded.axes, date = excluded.date`,
		f.p.ID, r.Seq, round, r.Verdict, axes, f.st.Date); err != nil {
		return "", fmt.Errorf("save rating: %w", err)
	}
	note := name + "：" + r.Verdict
	if axes != "" {
		note += "（" + strings.ReplaceAll(strings.ReplaceAll(axes, "=", " "), ";", "，") + "）"
	}
	return note, nil
}

func (f *flow) rehandle() (string, error) {
	round, err := f.round()
	if err != nil {
		return "", err
	}
	var unhappy int
	if err := f.tx.QueryRowContext(f.ctx, "SELECT count(*) FROM rating WHERE proposal_id = ? AND round = ? AND verdict = ?",
		f.p.ID, round, proposal.RatingUnsatisfied).Scan(&unhappy); err != nil {
		return "", err
	}
	if unhappy == 0 {
		return "", Invalid("再次办理", "没有提案人对本次答复表示不满意，无需再次办理")
	}
	deadline := f.st.Deadline
	if deadline == "" {
		deadline = proposal.AddMonths(f.st.Date, f.cfg.DeadlineMonths)
	}
	if !IsDate(deadline) || deadline <= f.st.Date {
		return "", Invalid("办理期限", "应为晚于今天的日期")
	}
	return fmt.Sprintf("%d 名提案人不满意，第%d次办理，期限 %s", unhappy, round+1, deadline),
		f.exec("UPDATE proposal SET deadline = ? WHERE id = ?", deadline, f.p.ID)
}
