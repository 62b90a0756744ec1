// Package backup holds the pure rules of zhengxie's backup folder: how a
// backup file is named (its time and kind are in the name) and which files a
// rotation policy keeps. It touches no files.
package backup

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Kind says why a backup was made.
type Kind string

// Kinds of backup. Auto backups rotate by day, week and month; the others
// are kept by number (Policy.Manual).
const (
	Auto    Kind = "auto"    // at start (once a day) and on exit
	Manual  Kind = "manual"  // 立即备份
	Restore Kind = "restore" // the database as it was before a restore
	Migrate Kind = "migrate" // the database as it was before a program upgrade changed its structure
)

// Label is the kind's Chinese name.
func (k Kind) Label() string {
	switch k {
	case Auto:
		return "自动"
	case Manual:
		return "手动"
	case Restore:
		return "恢复前"
	case Migrate:
		return "升级前"
	}
	return "其他"
}

const (
	prefix     = "zhengxie-"
	ext        = ".db"
	timeLayout = "20060102-150405"
)

// FileName is the name of a backup made at t: zhengxie-20261202-013306-auto.db.
// It sorts by time and says when and why at a glance.
func FileName(t time.Time, k Kind) string {
	return prefix + t.Format(timeLayout) + "-" + string(k) + ext
}

// ParseName reads the time (in loc) and kind from a name made by FileName.
// ok is false for any other file.
func ParseName(name string, loc *time.Location) (t time.Time, k Kind, ok bool) {
	rest, found := strings.CutPrefix(name, prefix)
	if !found {
		return t, "", false
	}
	rest, found = strings.CutSuffix(rest, ext)
	if !found || len(rest) < len(timeLayout)+2 || rest[len(timeLayout)] != '-' {
		return t, "", false
	}
	t, err := time.ParseInLocation(timeLayout, rest[:len(timeLayout)], loc)
	if err != nil {
		return time.Time{}, "", false
	}
	switch k = Kind(rest[len(timeLayout)+1:]); k {
	case Auto, Manual, Restore, Migrate:
		return t, k, true
	}
	return time.Time{}, "", false
}

// Policy says how many backups the folder keeps.
type Policy struct {
	Daily   int `json:"daily"`   // newest auto backup of each of the last N days that have one
	Weekly  int `json:"weekly"`  // … of each of the last N weeks (ISO weeks)
	Monthly int `json:"monthly"` // … of each of the last N months
	Manual  int `json:"manual"`  // newest N backups of the other kinds
}

// DefaultPolicy keeps 7 daily, 4 weekly and 12 monthly backups and the 10
// newest manual or safety backups.
var DefaultPolicy = Policy{Daily: 7, Weekly: 4, Monthly: 12, Manual: 10}

// Validate refuses negative or absurd numbers, in Chinese.
func (p Policy) Validate() error {
	for _, f := range []struct {
		label string
		n     int
	}{{"每日备份", p.Daily}, {"每周备份", p.Weekly}, {"每月备份", p.Monthly}, {"手动备份", p.Manual}} {
		if f.n < 0 || f.n > 1000 {
			return fmt.Errorf("%s的保留份数应在 0 到 1000 之间", f.label)
		}
	}
	if p.Manual < 1 {
		return fmt.Errorf("手动备份至少保留 1 份（恢复前的备份也在其中）")
	}
	if p.Daily+p.Weekly+p.Monthly == 0 {
		return fmt.Errorf("每日、每周、每月备份不能都保留 0 份")
	}
	return nil
}

// Item is one backup file as rotation sees it.
type Item struct {
	Time time.Time
	Kind Kind
}

// Keep reports, for each item, whether the policy keeps it. Auto backups
// are kept when they are the newest of one of the last Daily days, Weekly
// weeks or Monthly months that have a backup (the same file may count for
// all three); the newest auto backup is always kept. Other kinds are kept
// when among the newest Manual of them.
func Keep(items []Item, p Policy) []bool {
	keep := make([]bool, len(items))
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return items[order[a]].Time.After(items[order[b]].Time) })
	buckets := []struct {
		n   int
		key func(time.Time) string
	}{
		{p.Daily, func(t time.Time) string { return t.Format("2006-01-02") }},
		{p.Weekly, func(t time.Time) string { y, w := t.ISOWeek(); return fmt.Sprintf("%d-W%02d", y, w) }},
		{p.Monthly, func(t time.Time) string { return t.Format("2006-01") }},
	}
	for _, b := range buckets {
		seen := map[string]bool{}
		for _, i := range order {
			if items[i].Kind != Auto || len(seen) >= b.n {
				continue
			}
			if k := b.key(items[i].Time); !seen[k] {
				seen[k] = true
				keep[i] = true
			}
		}
	}
	newestAuto, others := true, 0
	for _, i := range order {
		if items[i].Kind == Auto {
			keep[i] = keep[i] || newestAuto
			newestAuto = false
			continue
		}
		if others < p.Manual {
			keep[i] = true
		}
		others++
	}
	return keep
}
