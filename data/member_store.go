package data

import (
	"context"
	"errors"
)

// ListMembers returns the roster rows matching f, ordered by 界别 order then name.
func (s *Store) ListMembers(ctx context.Context, f MemberFilter) ([]Member, error) {
	return nil, errors.New("not implemented")
}
