package data

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"zhengxie/data/proposal"
)

// ListUnits returns the handling units in display order; inactive ones only
// when all is set.
func (s *Store) ListUnits(ctx context.Context, all bool) ([]Unit, error) {
	return listUnits(ctx, s.db, all)
}

func listUnits(ctx context.Context, q querier, all bool) ([]Unit, error) {
	sel := "SELECT id, name, kind, contact, phone, sort, active FROM unit"
	if !all {
		sel += " WHERE active = 1"
	}
	rows, err := q.QueryContext(ctx, sel+" ORDER BY sort, id")
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var out []Unit
	for rows.Next() {
		var u Unit
		if err := rows.Scan(&u.ID, &u.Name, &u.Kind, &u.Contact, &u.Phone, &u.Sort, &u.Active); err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// Validate checks a unit before it is saved.
func (u *Unit) Validate() error {
	u.Name = strings.TrimSpace(u.Name)
	var errs ValidationErrors
	if u.Name == "" {
		errs = append(errs, &ValidationError{"单位名称", "不能为空"})
	}
	if u.Kind == "" {
		u.Kind = proposal.UnitKinds[0]
	}
	if !proposal.Has(proposal.UnitKinds, u.Kind) {
		errs = append(errs, &ValidationError{"单位类型", "应为" + strings.Join(proposal.UnitKinds, "、") + "之一"})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// SaveUnit creates (ID 0) or updates a handling unit.
func (s *Store) SaveUnit(ctx context.Context, u *Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		return s.saveUnit(ctx, tx, u)
	})
}

func (s *Store) saveUnit(ctx context.Context, tx *sql.Tx, u *Unit) error {
	var err error
	if u.ID == 0 {
		var res sql.Result
		res, err = tx.ExecContext(ctx, `INSERT INTO unit(name, kind, contact, phone, active, sort)
			VALUES (?, ?, ?, ?, 1, (SELECT coalesce(max(sort), 0) + 1 FROM unit))`, u.Name, u.Kind, u.Contact, u.Phone)
		if err == nil {
			u.ID, _ = res.LastInsertId()
			u.Active = true
		}
	} else {
		_, err = tx.ExecContext(ctx, "UPDATE unit SET name = ?, kind = ?, contact = ?, phone = ?, active = ? WHERE id = ?",
			u.Name, u.Kind, u.Contact, u.Phone, boolInt(u.Active), u.ID)
	}
	if isUniqueViolation(err) {
		return Invalid("单位名称", fmt.Sprintf("“%s”已存在", u.Name))
	}
	if err != nil {
		return fmt.Errorf("save unit: %w", err)
	}
	return s.audit(ctx, tx, "保存", "承办单位", u.ID, u.Name)
}

// DeleteUnit removes a unit that holds no proposal; a unit in use is refused
// (mark it inactive instead).
func (s *Store) DeleteUnit(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var name string
		if err := tx.QueryRowContext(ctx, "SELECT name FROM unit WHERE id = ?", id).Scan(&name); err != nil {
			return notFound(err)
		}
		var used int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM assignment WHERE unit_id = ?", id).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return Invalid("承办单位", fmt.Sprintf("“%s”承办过 %d 件提案，不能删除；可改为“停用”", name, used))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM unit WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete unit: %w", err)
		}
		return s.audit(ctx, tx, "删除", "承办单位", id, name)
	})
}

// unitByName finds a unit by exact name; with create set a missing one is
// added as 其他.
func (s *Store) unitByName(ctx context.Context, tx *sql.Tx, name string, create bool) (int64, error) {
	name = strings.TrimSpace(name)
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM unit WHERE name = ?", name).Scan(&id)
	if err == sql.ErrNoRows && create {
		u := Unit{Name: name, Kind: "其他"}
		if err := u.Validate(); err != nil {
			return 0, err
		}
		err = s.saveUnit(ctx, tx, &u)
		return u.ID, err
	}
	if err == sql.ErrNoRows {
		return 0, Invalid("承办单位", fmt.Sprintf("“%s”不在承办单位名单中", name))
	}
	return id, err
}

// DefaultUnits is a typical county's list of handling units, offered when
// the list is empty.
var DefaultUnits = []Unit{
	{Name: "县发展和改革局", Kind: "县直部门"}, {Name: "县教育局", Kind: "县直部门"},
	{Name: "县科学技术局", Kind: "县直部门"}, {Name: "县工业和信息化局", Kind: "县直部门"},
	{Name: "县公安局", Kind: "县直部门"}, {Name: "县民政局", Kind: "县直部门"},
	{Name: "县司法局", Kind: "县直部门"}, {Name: "县财政局", Kind: "县直部门"},
	{Name: "县人力资源和社会保障局", Kind: "县直部门"}, {Name: "县自然资源局", Kind: "县直部门"},
	{Name: "县生态环境分局", Kind: "县直部门"}, {Name: "县住房和城乡建设局", Kind: "县直部门"},
	{Name: "县交通运输局", Kind: "县直部门"}, {Name: "县水利局", Kind: "县直部门"},
	{Name: "县农业农村局", Kind: "县直部门"}, {Name: "县商务局", Kind: "县直部门"},
	{Name: "县文化和旅游局", Kind: "县直部门"}, {Name: "县卫生健康委员会", Kind: "县直部门"},
	{Name: "县退役军人事务局", Kind: "县直部门"}, {Name: "县应急管理局", Kind: "县直部门"},
	{Name: "县市场监督管理局", Kind: "县直部门"}, {Name: "县医疗保障局", Kind: "县直部门"},
	{Name: "县城市管理局", Kind: "县直部门"}, {Name: "县数据资源局", Kind: "县直部门"},
	{Name: "县供电公司", Kind: "其他"}, {Name: "城关镇人民政府", Kind: "乡镇街道"},
}

// AddDefaultUnits fills an empty unit list with DefaultUnits; it does
// nothing when units exist.
func (s *Store) AddDefaultUnits(ctx context.Context) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM unit").Scan(&n); err != nil || n > 0 {
			return err
		}
		for _, u := range DefaultUnits {
			u := u
			if err := s.saveUnit(ctx, tx, &u); err != nil {
				return err
			}
		}
		return nil
	})
}

// ProposalConfig returns the committee's proposal settings (defaults until
// changed).
func (s *Store) ProposalConfig(ctx context.Context) (proposal.Config, error) {
	return proposalConfig(ctx, s.db)
}

func proposalConfig(ctx context.Context, q querier) (proposal.Config, error) {
	var v string
	err := q.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = 'proposal.config'").Scan(&v)
	if err != nil && err != sql.ErrNoRows {
		return proposal.Default(), fmt.Errorf("read proposal settings: %w", err)
	}
	return proposal.Parse([]byte(v))
}

// SaveProposalConfig stores the proposal settings after checking them.
func (s *Store) SaveProposalConfig(ctx context.Context, c proposal.Config) error {
	if fes := c.Validate(); len(fes) > 0 {
		var errs ValidationErrors
		for _, fe := range fes {
			errs = append(errs, &ValidationError{fe.Field, fe.Msg})
		}
		return errs
	}
	return s.inTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `INSERT INTO setting(key, value) VALUES ('proposal.config', ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value`, string(c.JSON())); err != nil {
			return fmt.Errorf("save proposal settings: %w", err)
		}
		return s.audit(ctx, tx, "保存", "提案设置", 0, "")
	})
}

func (s *Store) proposalConfigTx(ctx context.Context, tx *sql.Tx) (proposal.Config, error) {
	var v string
	err := tx.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = 'proposal.config'").Scan(&v)
	if err != nil && err != sql.ErrNoRows {
		return proposal.Default(), err
	}
	return proposal.Parse([]byte(v))
}
