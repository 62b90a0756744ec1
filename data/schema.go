package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// ErrSchemaMismatch is the cause of the *UserError for a file whose tables
// and columns are not the ones its schema version (user_version) defines: a
// table dropped, a version number lowered, another program's file.
var ErrSchemaMismatch = errors.New("schema differs from the one its version defines")

// schema is what a database's structure is compared by: every table, index,
// trigger and view by name, and each table's column names in order. Types
// and SQL text are left out, so a harmless difference in how a statement
// was written never makes a sound file look foreign.
type schema map[string]string // "table proposal" → "id,session_id,…"; indexes and triggers → ""

var expected struct {
	sync.Mutex
	byVersion map[int]schema
}

// expectedSchema is the structure schema version v defines: the first v
// migrations applied to an empty in-memory database, built once per version.
func expectedSchema(ctx context.Context, v int) (schema, error) {
	expected.Lock()
	defer expected.Unlock()
	if sc, ok := expected.byVersion[v]; ok {
		return sc, nil
	}
	names, err := migrationNames()
	if err != nil {
		return nil, err
	}
	if v < 0 || v > len(names) {
		return nil, fmt.Errorf("no schema version %d", v)
	}
	db, err := sql.Open("sqlite", "file:expected-schema?mode=memory")
	if err != nil {
		return nil, err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	for _, name := range names[:v] {
		body, err := migrationFS.ReadFile("migrations/" + name)
		if err != nil {
			return nil, err
		}
		if _, err := db.ExecContext(ctx, string(body)); err != nil {
			return nil, fmt.Errorf("migration %s: %w", name, err)
		}
	}
	sc, err := readSchema(ctx, db)
	if err != nil {
		return nil, err
	}
	if expected.byVersion == nil {
		expected.byVersion = map[int]schema{}
	}
	expected.byVersion[v] = sc
	return sc, nil
}

// readSchema reads the structure of db (SQLite's own sqlite_… objects left out).
func readSchema(ctx context.Context, db *sql.DB) (schema, error) {
	rows, err := db.QueryContext(ctx, "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
	if err != nil {
		return nil, err
	}
	sc := schema{}
	var tables []string
	for rows.Next() {
		var typ, name string
		if err := rows.Scan(&typ, &name); err != nil {
			rows.Close()
			return nil, err
		}
		sc[typ+" "+name] = ""
		if typ == "table" {
			tables = append(tables, name)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, t := range tables {
		cols, err := db.QueryContext(ctx, "SELECT name FROM pragma_table_info(?) ORDER BY cid", t)
		if err != nil {
			return nil, err
		}
		var names []string
		for cols.Next() {
			var n string
			if err := cols.Scan(&n); err != nil {
				cols.Close()
				return nil, err
			}
			names = append(names, n)
		}
		cols.Close()
		if err := cols.Err(); err != nil {
			return nil, err
		}
		sc["table "+t] = strings.Join(names, ",")
	}
	return sc, nil
}

// schemaProblems compares the structure of db with the one version v
// defines; each difference is a Chinese line (nil when they agree).
func schemaProblems(ctx context.Context, db *sql.DB, v int) ([]string, error) {
	want, err := expectedSchema(ctx, v)
	if err != nil {
		return nil, err
	}
	got, err := readSchema(ctx, db)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, k := range sortedKeys(want) {
		g, ok := got[k]
		switch {
		case !ok:
			out = append(out, "缺少"+objectLabel(k))
		case g != want[k]:
			out = append(out, objectLabel(k)+"的列与第 "+strconv.Itoa(v)+" 版不同（应为 "+want[k]+"，实为 "+g+"）")
		}
	}
	for _, k := range sortedKeys(got) {
		if _, ok := want[k]; !ok {
			out = append(out, "多出"+objectLabel(k))
		}
	}
	return out, nil
}

func objectLabel(key string) string {
	typ, name, _ := strings.Cut(key, " ")
	label := map[string]string{"table": "表", "index": "索引", "trigger": "触发器", "view": "视图"}[typ]
	if label == "" {
		label = typ
	}
	return label + " " + name
}

func sortedKeys(m schema) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// foreignFile is the refusal of an SQLite file that is not one of ours.
func foreignFile(cause error) error {
	return &UserError{Err: errors.Join(ErrNotDatabase, cause),
		Msg: "该文件是其他程序的 SQLite 数据库，不是“政协履职”的数据库或备份文件，不能使用。"}
}

// schemaMismatch is the refusal of a file whose structure is not the one
// its version defines, naming the first differences.
func schemaMismatch(v int, problems []string) error {
	shown := problems
	if len(shown) > 3 {
		shown = append(shown[:3:3], fmt.Sprintf("等 %d 处", len(problems)))
	}
	return &UserError{Err: ErrSchemaMismatch, Msg: fmt.Sprintf(
		"该文件的数据结构与它标明的第 %d 版不符（%s），可能被其他程序改动过或不是完整的“政协履职”备份，不能使用。请换一个备份文件。",
		v, strings.Join(shown, "；"))}
}
