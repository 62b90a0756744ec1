// Package scaledb builds the scale databases the benchmarks read
// (demo.PopulateScale) once and keeps them under os.TempDir(), keyed by
// scale, seed and schema version, so that repeated benchmark runs start at
// once. Benchmarks only read them; one that writes works on its own file.
package scaledb

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"

	"zhengxie/data"
	"zhengxie/data/demo"
)

// Seed and Now fix the benchmark data: the same county on every run.
const Seed = 1

// Now is the day the benchmark data is generated for: mid-year, so the
// newest session's proposals are in every state.
var Now = time.Date(2026, 6, 30, 9, 0, 0, 0, time.Local)

var mu sync.Mutex

// Path returns the file of the scale database, building it first when it
// is not there yet (a scale-10 build takes most of a minute).
func Path(scale int) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	dir := filepath.Join(os.TempDir(), "zhengxie-bench")
	path := filepath.Join(dir, fmt.Sprintf("scale%d-seed%d-schema%d.db", scale, Seed, data.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	tmp := fmt.Sprintf("%s.building-%d", path, os.Getpid()) // another process may be building it too
	for _, p := range []string{tmp, tmp + "-wal", tmp + "-shm"} {
		os.Remove(p)
	}
	if _, err := Build(context.Background(), tmp, scale); err != nil {
		return "", err
	}
	return path, os.Rename(tmp, path)
}

// Build writes a scale database to path (which must not exist) and returns
// what went in. The file is checkpointed, so it stands alone without -wal.
func Build(ctx context.Context, path string, scale int) (demo.ScaleSummary, error) {
	s, err := data.Open(ctx, path)
	if err != nil {
		return demo.ScaleSummary{}, err
	}
	s.Now = func() time.Time { return Now }
	sum, err := demo.PopulateScale(ctx, s, demo.ScaleOptions{Scale: scale, Seed: Seed, Now: Now})
	if cerr := s.Close(); err == nil {
		err = cerr
	}
	return sum, err
}

// Open opens the scale database (building it when needed) with the clock
// at Now.
func Open(ctx context.Context, scale int) (*data.Store, error) {
	path, err := Path(scale)
	if err != nil {
		return nil, err
	}
	s, err := data.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	s.Now = func() time.Time { return Now }
	return s, nil
}

// Scales are the sizes every scale benchmark runs at.
var Scales = []int{1, 10}
