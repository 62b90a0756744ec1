package data

import "context"

// PasswordForTest returns what the store keeps of a user's password.
func (s *Store) PasswordForTest(ctx context.Context, id int64) (salt, hash []byte, k KDF, err error) {
	err = s.db.QueryRowContext(ctx, "SELECT salt, hash, kdf_time, kdf_memory, kdf_threads FROM app_user WHERE id = ?", id).
		Scan(&salt, &hash, &k.Time, &k.Memory, &k.Threads)
	return salt, hash, k, err
}
