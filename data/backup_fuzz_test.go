package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"zhengxie/data"
)

// FuzzInspectBackup feeds arbitrary bytes as a backup file: InspectBackup
// must refuse with a UserError (a Chinese sentence) or accept a sound
// database, never panic.
func FuzzInspectBackup(f *testing.F) {
	ctx := context.Background()
	dir := f.TempDir()
	seed := filepath.Join(dir, "seed.db")
	s, err := data.Open(ctx, filepath.Join(dir, "src.db"))
	if err != nil {
		f.Fatal(err)
	}
	if err := s.BackupTo(ctx, seed); err != nil {
		f.Fatal(err)
	}
	s.Close()
	body, err := os.ReadFile(seed)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(body)
	f.Add(body[:len(body)/3])
	f.Add(body[:100])
	f.Add([]byte("SQLite format 3\x00"))
	f.Add([]byte("age-encryption.org/v1\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, in []byte) {
		path := filepath.Join(t.TempDir(), "in.db")
		if err := os.WriteFile(path, in, 0o644); err != nil {
			t.Fatal(err)
		}
		info, err := data.InspectBackup(ctx, path)
		var fp *data.UserError
		if err != nil && !errors.As(err, &fp) {
			t.Fatalf("refusal without a Chinese message: %v", err)
		}
		if err == nil && info.SchemaVersion > data.SchemaVersion() {
			t.Fatalf("accepted schema %d", info.SchemaVersion)
		}
	})
}
