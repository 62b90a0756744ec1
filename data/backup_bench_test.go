package data_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"zhengxie/data"
	"zhengxie/data/datatest"
	"zhengxie/data/demo"
)

// demoStore is the demo county (two terms of 300 members, proposals and
// 履职 records): the size of a real office's database after a few years.
func demoStore(b *testing.B) *data.Store {
	b.Helper()
	s := datatest.Empty(b)
	if _, err := demo.Populate(context.Background(), s, demo.Options{Seed: 1, Now: datatest.Today}); err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkBackupTo(b *testing.B) {
	s := demoStore(b)
	ctx := context.Background()
	dir := b.TempDir()
	var size int64
	for i := 0; b.Loop(); i++ {
		path := filepath.Join(dir, "b.db")
		os.Remove(path)
		if err := s.BackupTo(ctx, path); err != nil {
			b.Fatal(err)
		}
		st, _ := os.Stat(path)
		size = st.Size()
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB")
}

func BenchmarkInspectBackup(b *testing.B) {
	s := demoStore(b)
	ctx := context.Background()
	path := filepath.Join(b.TempDir(), "b.db")
	if err := s.BackupTo(ctx, path); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := data.InspectBackup(ctx, path); err != nil {
			b.Fatal(err)
		}
	}
}
