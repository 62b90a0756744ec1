package demo

import (
	"context"

	"zhengxie/data"
	"zhengxie/data/rules"
)

// PopulateWithPresets fills an empty database with the demo county (demo.Populate)
// and keeps the shipped rule sets for its assessment years, 桐城's chosen.
// The CLI's `demo` and the first-run dialog both call it.
func PopulateWithPresets(ctx context.Context, s *data.Store, opt Options) (Summary, error) {
	sum, err := Populate(ctx, s, opt)
	if err != nil {
		return sum, err
	}
	var years []int
	for _, y := range ActivityYears {
		if y <= s.Now().Year() {
			years = append(years, y)
		}
	}
	return sum, rules.InstallPresets(ctx, s, years...)
}

// PopulateScaleWithPresets fills an empty database with scale data (demo.PopulateScale:
// N counties' records over both terms) and keeps the shipped rule sets for
// every year with 履职 records up to now, 桐城's chosen, so that 履职考核
// works on it at once. `zhengxie demo --scale N` calls it.
func PopulateScaleWithPresets(ctx context.Context, s *data.Store, opt ScaleOptions) (ScaleSummary, error) {
	sum, err := PopulateScale(ctx, s, opt)
	if err != nil {
		return sum, err
	}
	var years []int
	for y := 2017; y <= s.Now().Year(); y++ {
		years = append(years, y)
	}
	return sum, rules.InstallPresets(ctx, s, years...)
}
