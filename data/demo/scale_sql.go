package demo

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
)

// txWriter runs the statements of one bulk transaction, each query text
// prepared once. The first error sticks: later calls do nothing and fill
// functions return err() at their end, which keeps the writers readable.
type txWriter struct {
	ctx   context.Context
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	fail  error
}

// bulk runs fill in one data.Store.BulkLoad transaction.
func (sc *scaler) bulk(ctx context.Context, what string, fill func(*txWriter) error) error {
	return sc.s.BulkLoad(ctx, what, func(tx *sql.Tx) error {
		w := &txWriter{ctx: ctx, tx: tx, stmts: map[string]*sql.Stmt{}}
		defer func() {
			for _, st := range w.stmts {
				st.Close()
			}
		}()
		if err := fill(w); err != nil {
			return err
		}
		return w.fail
	})
}

// exec runs q with args and returns the new row's id.
func (w *txWriter) exec(q string, args ...any) int64 {
	if w.fail != nil {
		return 0
	}
	st := w.stmts[q]
	if st == nil {
		var err error
		if st, err = w.tx.PrepareContext(w.ctx, q); err != nil {
			w.fail = fmt.Errorf("prepare %.40s: %w", q, err)
			return 0
		}
		w.stmts[q] = st
	}
	res, err := st.ExecContext(w.ctx, args...)
	if err != nil {
		w.fail = fmt.Errorf("%.40s: %w", q, err)
		return 0
	}
	id, _ := res.LastInsertId()
	return id
}

func (w *txWriter) err() error { return w.fail }

// nullID is NULL for 0.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// scaleUnits complete the demo's 42 units to a county's 60.
var scaleUnits = []countyUnit{
	{"审计", "清河县审计局", "县直部门", "清审"}, {"统计", "清河县统计局", "县直部门", "清统计"},
	{"信访", "清河县信访局", "县直部门", "清信访"}, {"数据", "清河县数据和政务服务局", "县直部门", "清数据"},
	{"融媒", "清河县融媒体中心", "县直部门", "清融媒"}, {"公积金", "清河县住房公积金管理中心", "县直部门", "清积金"},
	{"气象", "清河县气象局", "县直部门", "清气"}, {"消防", "清河县消防救援大队", "县直部门", "清消"},
	{"税务", "国家税务总局清河县税务局", "县直部门", "清税"}, {"法院", "清河县人民法院", "其他", "清法"},
	{"检察", "清河县人民检察院", "其他", "清检"}, {"供销", "清河县供销合作社联合社", "其他", "清供销"},
	{"档案", "清河县档案馆", "县直部门", "清档"}, {"宣传", "中共清河县委宣传部", "其他", "清宣"},
	{"政法", "中共清河县委政法委员会", "其他", "清政法"}, {"总工会", "清河县总工会", "其他", "清工"},
	{"科协", "清河县科学技术协会", "其他", "清科协"}, {"城投", "清河县城市建设投资集团有限公司", "其他", "清城投"},
}

// writeUnits enters every county's 60 承办单位, each with a contact.
func (sc *scaler) writeUnits(w *txWriter) error {
	all := append(append([]countyUnit{}, countyUnits...), scaleUnits...)
	sc.keys = map[string]int{}
	for i, cu := range all {
		sc.keys[cu.key] = i
	}
	sort := 0
	for k := range sc.scale {
		var refs []unitRef
		for _, base := range all {
			cu := countyUnitFor(base, k)
			contact := pick(sc.rng, surnames).name + pick(sc.rng, maleGiven)
			phone := fmt.Sprintf("0319-8%06d", sc.rng.IntN(1000000))
			sort++
			id := w.exec("INSERT INTO unit(name, kind, contact, phone, sort, active) VALUES (?, ?, ?, ?, ?, 1)",
				cu.name, cu.kind, contact, phone, sort)
			ref := unitRef{id: id, name: cu.name, abbr: cu.abbr, contact: contact, phone: phone}
			sc.unitByID[id] = ref
			refs = append(refs, ref)
		}
		sc.units = append(sc.units, refs)
	}
	return w.err()
}

// chance is true percent times in a hundred.
func chance(rng *rand.Rand, percent int) bool { return rng.IntN(100) < percent }
