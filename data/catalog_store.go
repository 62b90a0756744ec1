package data

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"
)

// ListCatalog returns one per-term list in its display order.
func (s *Store) ListCatalog(ctx context.Context, termID int64, kind string) ([]CatalogItem, error) {
	rows, err := s.db.QueryContext(ctx,
		"SELECT id, term_id, kind, name, sort FROM catalog WHERE term_id = ? AND kind = ? ORDER BY sort, id",
		termID, kind)
	if err != nil {
		return nil, fmt.Errorf("list catalog: %w", err)
	}
	defer rows.Close()
	var out []CatalogItem
	for rows.Next() {
		var c CatalogItem
		if err := rows.Scan(&c.ID, &c.TermID, &c.Kind, &c.Name, &c.Sort); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CatalogNames returns the names of one per-term list in display order.
func (s *Store) CatalogNames(ctx context.Context, termID int64, kind string) ([]string, error) {
	items, err := s.ListCatalog(ctx, termID, kind)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(items))
	for i, it := range items {
		names[i] = it.Name
	}
	return names, nil
}

// AddCatalogItem appends a name to a per-term list.
func (s *Store) AddCatalogItem(ctx context.Context, termID int64, kind, name string) (CatalogItem, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return CatalogItem{}, Invalid(KindLabel(kind), "名称不能为空")
	}
	var item CatalogItem
	err := s.inTx(ctx, func(tx *sql.Tx) (err error) {
		item, err = s.addCatalogItem(ctx, tx, termID, kind, name)
		return err
	})
	return item, err
}

func (s *Store) addCatalogItem(ctx context.Context, tx *sql.Tx, termID int64, kind, name string) (CatalogItem, error) {
	res, err := tx.ExecContext(ctx, `INSERT INTO catalog(term_id, kind, name, sort)
		VALUES (?, ?, ?, (SELECT coalesce(max(sort), 0) + 1 FROM catalog WHERE term_id = ? AND kind = ?))`,
		termID, kind, name, termID, kind)
	if isUniqueViolation(err) {
		return CatalogItem{}, Invalid(KindLabel(kind), fmt.Sprintf("“%s”已存在", name))
	}
	if err != nil {
		return CatalogItem{}, fmt.Errorf("add catalog item: %w", err)
	}
	id, _ := res.LastInsertId()
	return CatalogItem{ID: id, TermID: termID, Kind: kind, Name: name}, s.audit(ctx, tx, "新增", KindLabel(kind), id, name)
}

// RenameCatalogItem renames an entry; every member using it follows.
func (s *Store) RenameCatalogItem(ctx context.Context, id int64, name string) error {
	name = strings.TrimSpace(name)
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var kind, old string
		if err := tx.QueryRowContext(ctx, "SELECT kind, name FROM catalog WHERE id = ?", id).Scan(&kind, &old); err != nil {
			return notFound(err)
		}
		if name == "" {
			return Invalid(KindLabel(kind), "名称不能为空")
		}
		_, err := tx.ExecContext(ctx, "UPDATE catalog SET name = ? WHERE id = ?", name, id)
		if isUniqueViolation(err) {
			return Invalid(KindLabel(kind), fmt.Sprintf("“%s”已存在", name))
		}
		if err != nil {
			return fmt.Errorf("rename catalog item: %w", err)
		}
		return s.audit(ctx, tx, "改名", KindLabel(kind), id, old+" 改名为 "+name)
	})
}

// DeleteCatalogItem removes an unused entry. An entry still used by a member
// is refused with a *ValidationError saying how many use it.
func (s *Store) DeleteCatalogItem(ctx context.Context, id int64) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var kind, name string
		if err := tx.QueryRowContext(ctx, "SELECT kind, name FROM catalog WHERE id = ?", id).Scan(&kind, &name); err != nil {
			return notFound(err)
		}
		var used int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM membership
			WHERE party_id = ?1 OR sector_id = ?1 OR committee_id = ?1 OR group_id = ?1`, id).Scan(&used); err != nil {
			return err
		}
		if used > 0 {
			return Invalid(KindLabel(kind), fmt.Sprintf("“%s”仍有 %d 名委员使用，不能删除", name, used))
		}
		if _, err := tx.ExecContext(ctx, "DELETE FROM catalog WHERE id = ?", id); err != nil {
			return fmt.Errorf("delete catalog item: %w", err)
		}
		return s.audit(ctx, tx, "删除", KindLabel(kind), id, name)
	})
}

// MoveCatalogItem moves an entry one place up (delta -1) or down (+1).
func (s *Store) MoveCatalogItem(ctx context.Context, id int64, delta int) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		var termID int64
		var kind string
		if err := tx.QueryRowContext(ctx, "SELECT term_id, kind FROM catalog WHERE id = ?", id).Scan(&termID, &kind); err != nil {
			return notFound(err)
		}
		rows, err := tx.QueryContext(ctx, "SELECT id FROM catalog WHERE term_id = ? AND kind = ? ORDER BY sort, id", termID, kind)
		if err != nil {
			return err
		}
		var ids []int64
		for rows.Next() {
			var x int64
			if err := rows.Scan(&x); err != nil {
				rows.Close()
				return err
			}
			ids = append(ids, x)
		}
		rows.Close()
		for i, x := range ids {
			if x == id && i+delta >= 0 && i+delta < len(ids) {
				ids[i], ids[i+delta] = ids[i+delta], ids[i]
				break
			}
		}
		for i, x := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE catalog SET sort = ? WHERE id = ?", i+1, x); err != nil {
				return err
			}
		}
		return nil
	})
}

// catalogID resolves a name in a per-term list to its id; "" gives NULL.
// With create set, a missing name is appended to the list.
func (s *Store) catalogID(ctx context.Context, tx *sql.Tx, termID int64, kind, name string, create bool) (sql.NullInt64, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return sql.NullInt64{}, nil
	}
	c := cacheFor(ctx, tx)
	key := [3]string{strconv.FormatInt(termID, 10), kind, name}
	if id, ok := c.catalogID(key); ok {
		return sql.NullInt64{Int64: id, Valid: true}, nil
	}
	var id int64
	err := queryRowTx(ctx, tx, "SELECT id FROM catalog WHERE term_id = ? AND kind = ? AND name = ?", termID, kind, name).Scan(&id)
	if err == sql.ErrNoRows {
		if !create {
			return sql.NullInt64{}, Invalid(KindLabel(kind), fmt.Sprintf("“%s”不在本届%s列表中", name, KindLabel(kind)))
		}
		item, err := s.addCatalogItem(ctx, tx, termID, kind, name)
		id = item.ID
		if err != nil {
			return sql.NullInt64{}, err
		}
	} else if err != nil {
		return sql.NullInt64{}, err
	}
	c.keepCatalogID(key, id)
	return sql.NullInt64{Int64: id, Valid: true}, nil
}
