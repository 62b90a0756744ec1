// Package data is zhengxie's store: one SQLite file holding the committee,
// its terms, rosters and everything that later hangs off them. Every exported
// store method runs in one transaction; errors leave the store as it was.
package data

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"zhengxie/data/backup"
	"zhengxie/data/datadir"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Store is an open zhengxie database.
type Store struct {
	db   *sql.DB
	path string
	// Now is the clock used for timestamps; tests replace it.
	Now func() time.Time
	// KDF hashes new passwords; tests lower it to stay fast.
	KDF KDF
	who actor
	// file is the database file as opened: a write first checks that the
	// path still names it (Replaced). nil once closed. Atomic: the window
	// checks it from a timer while a long task may close the store.
	file atomic.Pointer[os.FileInfo]
}

// ApplicationID marks a zhengxie database in its SQLite header (PRAGMA
// application_id): "ZXLZ" (政协履职). A file of another program carries
// another number (or none) and is refused.
const ApplicationID = 0x5A584C5A

// ErrReplaced is the cause of the *UserError a store returns once its file
// has been replaced or moved underneath it (see Replaced).
var ErrReplaced = errors.New("database file was replaced while open")

// Open opens (creating if needed) the database at path and brings its schema
// up to date. A database written by a newer version is refused with ErrTooNew.
func Open(ctx context.Context, path string) (*Store, error) {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	}
	q := url.Values{}
	for _, p := range []string{"foreign_keys(1)", "busy_timeout(5000)", "journal_mode(WAL)", "synchronous(NORMAL)"} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate")
	fixSideFileModes(path)
	if err := refuseForeign(ctx, path); err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	// One connection: a single writer is simple and correct for one office PC.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, path: path, Now: time.Now, KDF: DefaultKDF}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		if isCorrupt(err) {
			return nil, damagedDatabase(path, err)
		}
		return nil, err
	}
	st, err := os.Stat(path)
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("open database: %w", err)
	}
	s.file.Store(&st)
	return s, nil
}

// Replaced reports, as a *UserError (ErrReplaced), that the database file
// was replaced or moved since the store opened it — by a restore or a copy
// from another program that did not respect the lock. The store refuses
// every write from then on (they would go to the old, unlinked file); the
// window checks it regularly and asks the user to reopen.
func (s *Store) Replaced() error {
	file := s.file.Load()
	if file == nil {
		return nil // closed
	}
	st, err := os.Stat(s.path)
	if err == nil && os.SameFile(st, *file) {
		return nil
	}
	return &UserError{Err: ErrReplaced, Msg: "数据文件 " + s.path + " 已被其他程序替换或移走（例如在命令行恢复了备份）。" +
		"本窗口中的修改不会再保存：请关闭本窗口，再重新打开本程序。"}
}

// refuseForeign looks at an existing file read-only before Open touches it
// (even switching to WAL writes to the header): another program's SQLite
// database — another application_id, or tables without a schema version —
// is refused unchanged instead of being migrated into. A file the look
// cannot read is left to Open, which says whether it is damaged.
func refuseForeign(ctx context.Context, path string) error {
	if st, err := os.Stat(path); err != nil || st.Size() == 0 {
		return nil // a new database
	}
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro")
	if err != nil {
		return nil
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var appID int32
	var version, objects int
	if db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID) != nil ||
		db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version) != nil ||
		db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&objects) != nil {
		return nil
	}
	if appID != 0 && appID != ApplicationID {
		return foreignFile(fmt.Errorf("application_id %#x", appID))
	}
	if version == 0 && objects > 0 {
		return foreignFile(errors.New("tables without user_version"))
	}
	return nil
}

// fixSideFileModes gives the -wal and -shm files beside a writable database
// the database's permissions again. SQLite creates them with the mode of the
// database file, so a run on a read-only file leaves read-only ones behind,
// and every write failed after the file was made writable again.
func fixSideFileModes(path string) {
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm()&0o200 == 0 {
		return
	}
	for _, side := range []string{"-wal", "-shm"} {
		if sst, err := os.Stat(path + side); err == nil && sst.Mode().IsRegular() && sst.Mode().Perm()&0o200 == 0 {
			_ = os.Chmod(path+side, st.Mode().Perm())
		}
	}
}

// Close closes the database. When the file was replaced underneath the
// store, SQLite leaves the -wal and -shm of the old file beside the new one
// (it does not checkpoint into a file that has moved); opening the new file
// would replay that old log into it, so Close removes them.
func (s *Store) Close() error {
	replaced := s.Replaced() != nil
	s.file.Store(nil) // closed: not "replaced" any more, and a second Close removes nothing
	err := s.db.Close()
	if replaced {
		for _, side := range []string{"-wal", "-shm"} {
			_ = os.Remove(s.path + side)
		}
	}
	return err
}

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// SchemaVersion is the number of migrations this program knows.
func SchemaVersion() int {
	names, _ := migrationNames()
	return len(names)
}

func migrationNames() ([]string, error) {
	entries, err := migrationFS.ReadDir("migrations")
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names, nil
}

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	names, err := migrationNames()
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	var appID int32
	if err := s.db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return fmt.Errorf("read application id: %w", err)
	}
	if version > len(names) {
		return fmt.Errorf("%w (database %d, program %d)", ErrTooNew, version, len(names))
	}
	if version > 0 && version < len(names) {
		if err := s.backupBeforeMigrate(ctx); err != nil {
			return err
		}
	}
	for i := version; i < len(names); i++ {
		body, err := migrationFS.ReadFile("migrations/" + names[i])
		if err != nil {
			return fmt.Errorf("read migration %s: %w", names[i], err)
		}
		err = s.inTx(ctx, func(tx *sql.Tx) error {
			if _, err := tx.ExecContext(ctx, string(body)); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, "PRAGMA user_version = "+strconv.Itoa(i+1))
			return err
		})
		if err != nil {
			return fmt.Errorf("apply migration %s: %w", names[i], err)
		}
	}
	if appID == 0 { // a new file, or one from before the mark
		// Best effort: a read-only file stays usable for reading and gets
		// the mark on a later open.
		_, _ = s.db.ExecContext(ctx, "PRAGMA application_id = "+strconv.Itoa(ApplicationID))
	}
	return nil
}

// backupBeforeMigrate keeps the database as it was before a newer program
// changes its structure, so an upgrade can always be undone.
func (s *Store) backupBeforeMigrate(ctx context.Context) error {
	path, err := newBackupPath(BackupDir(s.path), s.Now(), backup.Migrate)
	if err == nil {
		err = s.BackupTo(ctx, path)
	}
	if err != nil {
		return fmt.Errorf("back up before upgrading the database: %w", err)
	}
	return nil
}

// inTx runs fn in one transaction, committing when fn returns nil.
func (s *Store) inTx(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if err := s.Replaced(); err != nil {
		return err
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// querier runs the statements of a read helper: the transaction of a
// composite read (see read) or of a write, or the database itself for a
// public method that runs one statement.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// read runs fn in one read-only transaction, so that a method answering
// with several statements sees one state of the database even while
// another program writes to it. The store has one connection and the
// transaction holds it: fn runs every statement on tx, through the
// unexported helpers that take a querier, and never calls an exported
// store method (which would wait for the connection for ever).
func (s *Store) read(ctx context.Context, fn func(tx querier) error) error {
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// readValue is read for a method that returns one value.
func readValue[T any](ctx context.Context, s *Store, fn func(tx querier) (T, error)) (T, error) {
	var v T
	err := s.read(ctx, func(tx querier) (err error) {
		v, err = fn(tx)
		return err
	})
	return v, err
}

// audit records one change in the audit log, inside the caller's
// transaction, naming the actor (see SetActor). Every change is audited, so
// this is also where a 只读 user's change is refused and rolled back.
func (s *Store) audit(ctx context.Context, tx *sql.Tx, action, entity string, id int64, detail string) error {
	if err := s.canWrite(); err != nil {
		return err
	}
	name, _ := s.Actor()
	return s.auditAs(ctx, tx, name, action, entity, id, detail)
}

func (s *Store) auditAs(ctx context.Context, tx *sql.Tx, actor, action, entity string, id int64, detail string) error {
	return s.insertAudit(ctx, tx, actor, action, entity, id, detail, nil)
}

// DefaultPath is where the database lives when --db is not given:
// zhengxie.db in the data folder datadir.Current finds (%LOCALAPPDATA%\zhengxie
// on Windows, $XDG_DATA_HOME/zhengxie or ~/.local/share/zhengxie on Linux,
// <program folder>/data in portable mode).
func DefaultPath() string {
	return filepath.Join(datadir.Current().Dir, "zhengxie.db")
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func notFound(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
