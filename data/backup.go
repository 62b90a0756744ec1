package data

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"zhengxie/data/backup"
)

// BackupInfo describes one backup file, read from the file itself.
type BackupInfo struct {
	Path          string
	Name          string
	Kind          backup.Kind // "" for a file not made by the backup folder (a USB copy renamed)
	Time          time.Time   // from the name; the file's modification time otherwise
	Size          int64
	SchemaVersion int
	Committee     string
	Members       int // memberships not in the recycle bin, all terms
	Proposals     int
	Activities    int
	Problem       string // why the file cannot be restored ("" when it can)
}

// Summary is one Chinese line for lists and confirmations.
func (b BackupInfo) Summary() string {
	return fmt.Sprintf("委员任职 %d 条，提案 %d 件，履职活动 %d 项", b.Members, b.Proposals, b.Activities)
}

// ErrNotDatabase, ErrDamaged and ErrBackupTooNew are the causes of the
// *UserError refusing a file, for errors.Is.
var (
	ErrNotDatabase  = errors.New("not a zhengxie database")
	ErrDamaged      = errors.New("database file is damaged")
	ErrBackupTooNew = errors.New("backup is from a newer program version")
)

// BackupDir is the backup folder of the database at dbPath: "backups"
// beside the file.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// BackupTo writes a consistent copy of the database to path with VACUUM
// INTO, which reads one snapshot while the program goes on running. The
// copy is written under a temporary name, flushed to disk and then renamed,
// so path is either the whole backup or absent.
func (s *Store) BackupTo(ctx context.Context, path string) error {
	return vacuumInto(ctx, s.db, path)
}

func vacuumInto(ctx context.Context, db *sql.DB, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create backup folder: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".backup-*.tmp")
	if err != nil {
		return fmt.Errorf("create backup: %w", err)
	}
	tmp.Close() // VACUUM INTO accepts an empty file
	defer os.Remove(tmp.Name())
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", tmp.Name()); err != nil {
		return fmt.Errorf("back up database: %w", err)
	}
	if err := syncFile(tmp.Name()); err != nil {
		return fmt.Errorf("back up database: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("back up database: %w", err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

// Backup writes a backup of the given kind into the backup folder, applies
// the rotation policy to the folder and forgets a recorded failure.
func (s *Store) Backup(ctx context.Context, kind backup.Kind) (BackupInfo, error) {
	path, err := newBackupPath(BackupDir(s.path), s.Now(), kind)
	if err != nil {
		return BackupInfo{}, err
	}
	if err := s.BackupTo(ctx, path); err != nil {
		return BackupInfo{}, err
	}
	if _, err := s.PruneBackups(ctx); err != nil {
		return BackupInfo{}, err
	}
	if err := s.clearBackupFailure(ctx); err != nil {
		return BackupInfo{}, err
	}
	return InspectBackup(ctx, path)
}

// newBackupPath names a backup made at now; when a file of that second
// exists already, the next free second is used.
func newBackupPath(dir string, now time.Time, kind backup.Kind) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("create backup folder: %w", err)
	}
	for i := 0; i < 100; i++ {
		p := filepath.Join(dir, backup.FileName(now.Add(time.Duration(i)*time.Second), kind))
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			return p, nil
		}
	}
	return "", fmt.Errorf("backup folder %s: too many backups in one minute", dir)
}

// LastBackup is the time of the newest backup in the backup folder (zero
// when there is none).
func (s *Store) LastBackup() time.Time {
	var last time.Time
	for _, it := range backupFiles(BackupDir(s.path)) {
		if it.Time.After(last) {
			last = it.Time
		}
	}
	return last
}

// BackupIfDue makes an automatic backup when the newest backup is older
// than a day (or there is none); it is what the program does at start.
func (s *Store) BackupIfDue(ctx context.Context) (BackupInfo, bool, error) {
	if last := s.LastBackup(); !last.IsZero() && s.Now().Sub(last) < 24*time.Hour {
		return BackupInfo{}, false, nil
	}
	b, err := s.Backup(ctx, backup.Auto)
	return b, err == nil, err
}

type backupFile struct {
	path string
	backup.Item
}

// backupFiles lists the files of the backup folder named by backup.FileName.
func backupFiles(dir string) []backupFile {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []backupFile
	for _, e := range entries {
		if t, k, ok := backup.ParseName(e.Name(), time.Local); ok && e.Type().IsRegular() {
			out = append(out, backupFile{filepath.Join(dir, e.Name()), backup.Item{Time: t, Kind: k}})
		}
	}
	return out
}

// ListBackups describes every backup in dir, newest first, each read from
// the file itself. A file that cannot be read is listed with its Problem.
func ListBackups(ctx context.Context, dir string) ([]BackupInfo, error) {
	files := backupFiles(dir)
	out := make([]BackupInfo, 0, len(files))
	for _, f := range files {
		b, err := InspectBackup(ctx, f.path)
		if err != nil {
			b.Problem = UserMessage(err)
		}
		out = append(out, b)
	}
	sortBackups(out)
	return out, nil
}

func sortBackups(bs []BackupInfo) {
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].Time.After(bs[j].Time) })
}

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// InspectBackup checks that path is a sound zhengxie database this program
// can use — an SQLite file, integrity_check ok, schema not newer than ours,
// our mark (application_id) or none, exactly the tables and columns its
// schema version defines, no attachment path leaving the attachments
// folder — and reads what it holds. It opens the file read-only and changes nothing.
// A refusal is a *UserError.
func InspectBackup(ctx context.Context, path string) (BackupInfo, error) {
	b := BackupInfo{Path: path, Name: filepath.Base(path)}
	st, err := os.Stat(path)
	if err != nil {
		return b, &UserError{Msg: "找不到备份文件：" + path, Err: err}
	}
	b.Size = st.Size()
	b.Time = st.ModTime()
	if t, k, ok := backup.ParseName(b.Name, time.Local); ok {
		b.Time, b.Kind = t, k
	}
	if err := checkHeader(path); err != nil {
		return b, err
	}
	db, err := openReadOnly(path)
	if err != nil {
		return b, damaged(err)
	}
	defer db.Close()
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&b.SchemaVersion); err != nil {
		return b, damaged(err)
	}
	if b.SchemaVersion > SchemaVersion() {
		return b, &UserError{Err: ErrBackupTooNew, Msg: fmt.Sprintf(
			"该文件由更新版本的“政协履职”保存（数据结构第 %d 版，本程序为第 %d 版），不能在本程序中使用。请先升级本程序。",
			b.SchemaVersion, SchemaVersion())}
	}
	integrity, links, err := fileProblems(ctx, db)
	if err != nil {
		return b, damaged(err)
	}
	if len(integrity) > 0 || len(links) > 0 {
		return b, damaged(errors.New(strings.Join(append(integrity, links...), "; ")))
	}
	if err := checkOurs(ctx, db, b.SchemaVersion); err != nil {
		return b, err
	}
	if err := readCounts(ctx, db, &b); err != nil {
		return b, damaged(err)
	}
	return b, nil
}

// checkOurs refuses a sound SQLite file that is not a whole zhengxie
// database of schema version v: another program's file (another
// application_id, or no version), a table or column dropped or added, a
// version number lowered below its structure, or attachment rows whose
// paths leave the attachments folder (a crafted file).
func checkOurs(ctx context.Context, db *sql.DB, v int) error {
	var appID int32
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&appID); err != nil {
		return damaged(err)
	}
	if (appID != 0 && appID != ApplicationID) || v == 0 {
		return foreignFile(fmt.Errorf("application_id %#x, user_version %d", appID, v))
	}
	problems, err := schemaProblems(ctx, db, v)
	if err != nil {
		return damaged(err)
	}
	if len(problems) > 0 {
		return schemaMismatch(v, problems)
	}
	bad, err := badAttachmentPaths(ctx, db, v)
	if err != nil {
		return damaged(err)
	}
	if len(bad) > 0 {
		return &UserError{Err: ErrAttachmentPath, Msg: fmt.Sprintf(
			"该文件中有 %d 个附件的路径指向附件文件夹以外（如“%s”），文件可能被人改动过，不能恢复。请换一个备份文件。",
			len(bad), bad[0].Path)}
	}
	return nil
}

// damagedDatabase is the refusal to open a damaged database file, with
// where its backups are and how to restore one.
func damagedDatabase(path string, err error) error {
	return &UserError{Err: errors.Join(ErrDamaged, err), Msg: fmt.Sprintf(
		"数据文件 %s 已损坏或不是“政协履职”的数据库，无法打开。备份在 %s；"+
			"可运行 zhengxie restore 备份文件 --yes 恢复最近一份完好的备份（当前文件会先另存为备份）。",
		path, BackupDir(path))}
}

func damaged(err error) error {
	return &UserError{Err: errors.Join(ErrDamaged, err),
		Msg: "文件已损坏（完整性检查未通过），不能使用。请换一个备份文件。"}
}

func checkHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &UserError{Msg: "无法读取文件：" + path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || !bytes.Equal(head, sqliteHeader) {
		return &UserError{Err: ErrNotDatabase,
			Msg: "该文件不是“政协履职”的数据库或备份文件。如是加密备份（.age），请输入密码后恢复。"}
	}
	return nil
}

// openReadOnly opens a database file without writing to it or beside it:
// immutable tells SQLite the file cannot change, so it takes no locks and
// creates no -wal or -shm files (a backup may be on a read-only USB stick).
func openReadOnly(path string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", fileURI(path)+"?mode=ro&immutable=1")
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	return db, db.Ping()
}

// readCounts fills the committee and the counts; tables an older schema
// does not have count as zero.
func readCounts(ctx context.Context, db *sql.DB, b *BackupInfo) error {
	tables := map[string]bool{}
	rows, err := db.QueryContext(ctx, "SELECT name FROM sqlite_master WHERE type = 'table'")
	if err != nil {
		return err
	}
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			rows.Close()
			return err
		}
		tables[name] = true
	}
	rows.Close()
	if tables["committee"] {
		if err := db.QueryRowContext(ctx, "SELECT coalesce(max(name), '') FROM committee").Scan(&b.Committee); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		table string
		dst   *int
	}{{"membership", &b.Members}, {"proposal", &b.Proposals}, {"activity", &b.Activities}} {
		if !tables[c.table] {
			continue
		}
		q := "SELECT count(*) FROM " + c.table + " WHERE deleted_at IS NULL"
		if err := db.QueryRowContext(ctx, q).Scan(c.dst); err != nil {
			return err
		}
	}
	return nil
}

// fileURI makes a path safe inside an SQLite "file:" URI.
func fileURI(path string) string {
	r := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23")
	return "file:" + r.Replace(filepath.ToSlash(path))
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// syncDir makes a rename durable. Where a folder cannot be synced
// (Windows) it does nothing: the rename itself is then what NTFS journals.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
